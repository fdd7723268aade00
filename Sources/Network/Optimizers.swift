import Tensor

/// Updates parameters from their gradients, one step per mini-batch.
public protocol Optimizer: AnyObject {
    var learningRate: Double { get set }
    func step(_ parameters: [Parameter]) throws
}

/// The gradient with L2 weight decay added: g + λ·W (λ = 0 leaves g as is).
private func decayed(_ p: Parameter, _ weightDecay: Double) throws -> Tensor {
    guard weightDecay != 0 else { return p.gradient }
    var g = p.gradient
    try g.addScaled(p.value, weightDecay)
    return g
}

/// Gradient clipping by the global norm, as `clip_grads` of *Deep Learning from Scratch 2*:
/// with ‖g‖ = √(Σ over every gradient of Σ g²), when maxNorm / (‖g‖ + 1e-6) < 1 every
/// gradient is multiplied by that rate, so the step keeps its direction and its length is
/// at most maxNorm. Returns ‖g‖ before clipping.
@discardableResult
public func clipGradients(_ parameters: [Parameter], maxNorm: Double) throws -> Double {
    let norm = try parameters.reduce(0.0) { sum, p in sum + (try p.gradient.unary(.square).sum().doubles[0]) }.squareRoot()
    let rate = maxNorm / (norm + 1e-6)
    if rate < 1 {
        for p in parameters {
            p.gradient = try Tensor.binary(.multiply, p.gradient, Tensor(scalar: rate), weakB: true)
        }
    }
    return norm
}

/// Plain stochastic gradient descent: W ← W - lr · dW.
public final class SGD: Optimizer {
    public var learningRate: Double
    public var weightDecay: Double

    public init(learningRate: Double, weightDecay: Double = 0) {
        self.learningRate = learningRate
        self.weightDecay = weightDecay
    }

    public func step(_ parameters: [Parameter]) throws {
        for p in parameters { try p.value.addScaled(decayed(p, weightDecay), -learningRate) }
    }
}

/// SGD with momentum: v ← μ·v - lr·dW, W ← W + v. The velocity keeps moving
/// in directions the gradients agree on and damps the ones they don't. It is
/// updated in place: no tensor is made after the first step.
public final class Momentum: Optimizer {
    public var learningRate: Double
    public var momentum: Double
    public var weightDecay: Double
    private var velocity: [ObjectIdentifier: Tensor] = [:]

    public init(learningRate: Double, momentum: Double = 0.9, weightDecay: Double = 0) {
        self.learningRate = learningRate
        self.momentum = momentum
        self.weightDecay = weightDecay
    }

    public func step(_ parameters: [Parameter]) throws {
        for p in parameters {
            let id = ObjectIdentifier(p)
            if velocity[id] == nil { velocity[id] = try Tensor.zeros(p.value.shape, dtype: p.value.dtype) }
            velocity[id]!.scale(by: momentum)
            try velocity[id]!.addScaled(decayed(p, weightDecay), -learningRate)
            try p.value.addScaled(velocity[id]!, 1)
        }
    }
}

/// Adam: per-parameter step sizes from running averages of the gradient (m)
/// and its square (v), with bias correction for the first steps.
public final class Adam: Optimizer {
    public var learningRate: Double
    public let beta1: Double, beta2: Double, epsilon: Double
    public var weightDecay: Double
    private var m: [ObjectIdentifier: Tensor] = [:]
    private var v: [ObjectIdentifier: Tensor] = [:]
    private var t = 0

    public init(learningRate: Double = 0.001, beta1: Double = 0.9, beta2: Double = 0.999,
                epsilon: Double = 1e-8, weightDecay: Double = 0) {
        self.learningRate = learningRate
        self.beta1 = beta1
        self.beta2 = beta2
        self.epsilon = epsilon
        self.weightDecay = weightDecay
    }

    public func step(_ parameters: [Parameter]) throws {
        t += 1
        let correction1 = 1 - pow(beta1, Double(t)), correction2 = 1 - pow(beta2, Double(t))
        for p in parameters {
            let id = ObjectIdentifier(p)
            if m[id] == nil {   // both averages start at zero
                m[id] = try Tensor.zeros(p.value.shape, dtype: p.value.dtype)
                v[id] = try Tensor.zeros(p.value.shape, dtype: p.value.dtype)
            }
            // m ← β1·m + (1-β1)·g ;  v ← β2·v + (1-β2)·g² ;  W ← W - lr · m̂ / (√v̂ + ε)
            try p.value.adamStep(gradient: decayed(p, weightDecay), m: &m[id]!, v: &v[id]!,
                                 learningRate: learningRate, beta1: beta1, beta2: beta2, epsilon: epsilon,
                                 correction1: correction1, correction2: correction2)
        }
    }
}

private func pow(_ x: Double, _ y: Double) -> Double { Double.pow(x, y) }

/// The optimisers `mlplab train --optimizer` offers.
public enum OptimizerKind: String, CaseIterable, Sendable {
    case sgd, momentum, adam

    public func make(learningRate: Double, weightDecay: Double = 0) -> Optimizer {
        switch self {
        case .sgd: return SGD(learningRate: learningRate, weightDecay: weightDecay)
        case .momentum: return Momentum(learningRate: learningRate, weightDecay: weightDecay)
        case .adam: return Adam(learningRate: learningRate, weightDecay: weightDecay)
        }
    }
}
