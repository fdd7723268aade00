import Tensor

/// Each exercise function as a call across the process boundary, both sides side by
/// side: `remote` turns a call into a function name and tensors (the REPL's side);
/// `answer` runs the named function of a set of implementations on those tensors
/// (the `mlplab-exercises --serve` side).
extension Implementations {
    /// Implementations that send every call to `send` (a function name and its arguments
    /// as tensors, answered by the results as tensors), e.g. `LearnerProcess.call`.
    public static func remote(_ send: @escaping (String, [Tensor]) throws -> [Tensor]) -> Implementations {
        func one(_ name: String, _ arguments: [Tensor]) throws -> Tensor {
            try LearnerArguments(name, send(name, arguments)).tensor(0)
        }
        return Implementations(
            parseIDXHeader: { try LearnerArguments("parseIDXHeader", send("parseIDXHeader", [.integers($0.map(Int.init))])).integers(0) },
            oneHot: { try one("oneHot", [$0, .integer($1)]) },
            normalise: { try one("normalise", [$0]) },
            zeroCentre: { try one("zeroCentre", [$0, $1]) },
            sigmoid: { try one("sigmoid", [$0]) },
            relu: { try one("relu", [$0]) },
            softmax: { try one("softmax", [$0]) },
            linearForward: { try one("linearForward", [$0, $1, $2]) },
            linearBackward: {
                let results = try LearnerArguments("linearBackward", send("linearBackward", [$0, $1, $2]))
                return (try results.tensor(0), try results.tensor(1), try results.tensor(2))
            },
            reluBackward: { try one("reluBackward", [$0, $1]) },
            sigmoidBackward: { try one("sigmoidBackward", [$0, $1]) },
            softmaxCrossEntropy: { try one("softmaxCrossEntropy", [$0, $1]).number },
            softmaxCrossEntropyGradient: { try one("softmaxCrossEntropyGradient", [$0, $1]) },
            mse: { try one("mse", [$0, $1]).number },
            mseGradient: { try one("mseGradient", [$0, $1]) },
            sgdStep: { try one("sgdStep", [$0, $1, Tensor(scalar: $2)]) },
            miniBatches: { count, batchSize, rng in
                // The generator goes there and comes back advanced, as an inout argument does.
                let results = try LearnerArguments("miniBatches", send("miniBatches", [.integer(count), .integer(batchSize), .generator(rng)]))
                rng = try results.generator(0)
                return try (1..<results.count).map { try results.integers($0) }
            },
            accuracy: { try one("accuracy", [$0, $1]).number })
    }

    /// Runs the function `name` of these implementations on `arguments` as `remote` sends
    /// them, and returns its results as `remote` expects them.
    public func answer(_ name: String, _ arguments: [Tensor]) throws -> [Tensor] {
        let a = LearnerArguments(name, arguments)
        switch name {
        case "parseIDXHeader": return [.integers(try parseIDXHeader(a.integers(0).map { UInt8(truncatingIfNeeded: $0) }))]
        case "oneHot": return [try oneHot(a.tensor(0), a.integer(1))]
        case "normalise": return [try normalise(a.tensor(0))]
        case "zeroCentre": return [try zeroCentre(a.tensor(0), a.tensor(1))]
        case "sigmoid": return [try sigmoid(a.tensor(0))]
        case "relu": return [try relu(a.tensor(0))]
        case "softmax": return [try softmax(a.tensor(0))]
        case "linearForward": return [try linearForward(a.tensor(0), a.tensor(1), a.tensor(2))]
        case "linearBackward":
            let (dW, db, dx) = try linearBackward(a.tensor(0), a.tensor(1), a.tensor(2))
            return [dW, db, dx]
        case "reluBackward": return [try reluBackward(a.tensor(0), a.tensor(1))]
        case "sigmoidBackward": return [try sigmoidBackward(a.tensor(0), a.tensor(1))]
        case "softmaxCrossEntropy": return [Tensor(scalar: try softmaxCrossEntropy(a.tensor(0), a.tensor(1)))]
        case "softmaxCrossEntropyGradient": return [try softmaxCrossEntropyGradient(a.tensor(0), a.tensor(1))]
        case "mse": return [Tensor(scalar: try mse(a.tensor(0), a.tensor(1)))]
        case "mseGradient": return [try mseGradient(a.tensor(0), a.tensor(1))]
        case "sgdStep": return [try sgdStep(a.tensor(0), a.tensor(1), a.tensor(2).number)]
        case "miniBatches":
            var rng = try a.generator(2)
            let batches = try miniBatches(a.integer(0), a.integer(1), &rng)
            return [.generator(rng)] + batches.map { .integers($0) }
        case "accuracy": return [Tensor(scalar: try accuracy(a.tensor(0), a.tensor(1)))]
        default: throw LearnerMessageError("a call of an unknown function \(name)")
        }
    }
}

/// The tensors of one call or its results, read by position and kind; a missing or
/// malformed one throws (the two sides are built from one source, so that means a stale runner).
struct LearnerArguments {
    let function: String
    let tensors: [Tensor]

    init(_ function: String, _ tensors: [Tensor]) {
        self.function = function
        self.tensors = tensors
    }

    var count: Int { tensors.count }

    func tensor(_ position: Int) throws -> Tensor {
        guard tensors.indices.contains(position) else {
            throw LearnerMessageError("\(tensors.count) values for \(function), which needs more: is the runner out of date?")
        }
        return tensors[position]
    }

    func integer(_ position: Int) throws -> Int { Int(try tensor(position).int64s.first ?? 0) }
    func integers(_ position: Int) throws -> [Int] { try tensor(position).int64s.map { Int($0) } }

    func generator(_ position: Int) throws -> NumpyRandom {
        guard let rng = NumpyRandom(stateWords: try tensor(position).int64s.map { UInt64(bitPattern: $0) }) else {
            throw LearnerMessageError("a random generator in a state it cannot be in")
        }
        return rng
    }
}

private extension Tensor {
    /// The number a 0-d result holds.
    var number: Double { doubles.first ?? .nan }

    static func integer(_ value: Int) -> Tensor { Tensor(shape: [], int64s: [Int64(value)]) }
    static func integers(_ values: [Int]) -> Tensor { Tensor(shape: [values.count], int64s: values.map(Int64.init)) }
    static func generator(_ rng: NumpyRandom) -> Tensor {
        let words = rng.stateWords
        return Tensor(shape: [words.count], int64s: words.map { Int64(bitPattern: $0) })
    }
}

/// A call or reply across the process boundary that does not fit the function it names.
public struct LearnerMessageError: Error, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = "the learner process sent " + description }
}
