import Tensor

/// ReLU: out = max(0, x). Its gradient passes dOut where x > 0 and blocks it elsewhere.
public final class ReLU: Layer {
    public private(set) var out: Tensor?
    public let name = "ReLU"
    public init() {}

    /// 1 where the input was positive, 0 elsewhere (the seeds' `mask`, as numbers).
    /// out > 0 exactly where x > 0, so the output is all backward needs to keep.
    public var mask: Tensor? {
        out.flatMap { try? Tensor.binary(.greater, $0, Tensor(scalar: 0), weakB: true).astype($0.dtype) }
    }

    public func forward(_ x: Tensor) throws -> Tensor {
        out = try x.unary(.relu)
        return out!
    }

    /// dx = dOut where x > 0, else 0
    public func backward(_ dOut: Tensor) throws -> Tensor {
        guard let out else { throw NetworkError.backwardBeforeForward(layer: name) }
        return try dOut.keepingWherePositive(out)
    }

    public func converted(to dtype: DType) -> Layer { ReLU() }
}

/// Sigmoid: out = 1 / (1 + e^-x), computed stably at both tails.
/// Its derivative is out · (1 - out), so backward needs only the output.
public final class Sigmoid: Layer {
    public private(set) var out: Tensor?
    public let name = "Sigmoid"
    public init() {}

    public func forward(_ x: Tensor) throws -> Tensor {
        out = try x.unary(.sigmoid)
        return out!
    }

    /// dx = dOut · (1 - out) · out
    public func backward(_ dOut: Tensor) throws -> Tensor {
        guard let out else { throw NetworkError.backwardBeforeForward(layer: name) }
        return try dOut * (1 - out) * out
    }

    public func converted(to dtype: DType) -> Layer { Sigmoid() }
}

/// Tanh: out = tanh(x), with derivative 1 - out².
public final class Tanh: Layer {
    public private(set) var out: Tensor?
    public let name = "Tanh"
    public init() {}

    public func forward(_ x: Tensor) throws -> Tensor {
        out = try x.unary(.tanh)
        return out!
    }

    /// dx = dOut · (1 - out²)
    public func backward(_ dOut: Tensor) throws -> Tensor {
        guard let out else { throw NetworkError.backwardBeforeForward(layer: name) }
        return try dOut * (1 - out.unary(.square))
    }

    public func converted(to dtype: DType) -> Layer { Tanh() }
}

/// Softmax over the last axis: out_ij = e^(x_ij - max_i) / Σ_k e^(x_ik - max_i).
/// Subtracting each row's maximum changes nothing mathematically and keeps
/// e^x from overflowing (e^1000 is inf; e^0 is 1).
public final class Softmax: Layer {
    public private(set) var out: Tensor?
    public let name = "Softmax"
    public init() {}

    public func forward(_ x: Tensor) throws -> Tensor {
        out = try softmax(x)
        return out!
    }

    /// The Jacobian-vector product: dx = out · (dOut - Σ_k dOut_k · out_k).
    public func backward(_ dOut: Tensor) throws -> Tensor {
        guard let out else { throw NetworkError.backwardBeforeForward(layer: name) }
        let dot = try (dOut * out).sum(axis: -1, keepdims: true)
        return try out * (dOut - dot)
    }

    public func converted(to dtype: DType) -> Layer { Softmax() }
}

/// log(softmax(x)) over the last axis, computed as x - max - log Σ e^(x - max).
/// With `NLLLoss` it makes PyTorch's CrossEntropyLoss (the seeds' explanation).
public final class LogSoftmax: Layer {
    public private(set) var out: Tensor?
    public let name = "LogSoftmax"
    public init() {}

    public func forward(_ x: Tensor) throws -> Tensor {
        out = try logSoftmax(x)
        return out!
    }

    /// dx = dOut - softmax(x) · Σ_k dOut_k
    public func backward(_ dOut: Tensor) throws -> Tensor {
        guard let out else { throw NetworkError.backwardBeforeForward(layer: name) }
        let probabilities = try out.unary(.exp)
        return try dOut - probabilities * dOut.sum(axis: -1, keepdims: true)
    }

    public func converted(to dtype: DType) -> Layer { LogSoftmax() }
}

/// Softmax along `axis` (the last by default), max-subtracted (see `Softmax`).
public func softmax(_ x: Tensor, axis: Int = -1) throws -> Tensor {
    let shifted = try x - x.max(axis: axis, keepdims: true)
    let e = try shifted.unary(.exp)
    return try e / e.sum(axis: axis, keepdims: true)
}

/// log-softmax along the last axis: (x - max) - log Σ e^(x - max).
public func logSoftmax(_ x: Tensor) throws -> Tensor {
    let shifted = try x - x.max(axis: -1, keepdims: true)
    return try shifted - shifted.unary(.exp).sum(axis: -1, keepdims: true).unary(.log)
}
