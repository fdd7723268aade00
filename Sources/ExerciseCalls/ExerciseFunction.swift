import Tensor

/// One exercise function, whatever its Swift signature, as a call of tensors in and
/// tensors out (`ExerciseValue` says how each argument and result is written).
///
///     ExerciseFunction(ReferenceSolutions.softmax)          (Tensor) throws -> Tensor
///     ExerciseFunction(ReferenceSolutions.linearBackward)   (Tensor, Tensor, Tensor) throws -> (Tensor, Tensor, Tensor)
///     ExerciseFunction(ReferenceSolutions.miniBatches)      (Int, Int, inout NumpyRandom) throws -> [[Int]]
///
/// A generator passed `inout` travels there and comes back first among the results,
/// advanced, as an inout argument does.
public struct ExerciseFunction {
    private let body: ([Tensor]) throws -> [Tensor]

    /// A function already in the form of tensors (a call to another process, say).
    public init(tensors body: @escaping ([Tensor]) throws -> [Tensor]) {
        self.body = body
    }

    public init<each A: ExerciseValue, R: ExerciseValue>(_ function: @escaping (repeat each A) throws -> R) {
        body = { tensors in
            var arguments = tensors[...]
            let values = (repeat try (each A).take(from: &arguments))
            try Self.noneLeft(arguments)
            var results: [Tensor] = []
            try function(repeat each values).put(into: &results)
            return results
        }
    }

    public init<each A: ExerciseValue, R1: ExerciseValue, R2: ExerciseValue, R3: ExerciseValue>(
        _ function: @escaping (repeat each A) throws -> (R1, R2, R3)
    ) {
        body = { tensors in
            var arguments = tensors[...]
            let values = (repeat try (each A).take(from: &arguments))
            try Self.noneLeft(arguments)
            let (r1, r2, r3) = try function(repeat each values)
            var results: [Tensor] = []
            r1.put(into: &results)
            r2.put(into: &results)
            r3.put(into: &results)
            return results
        }
    }

    public init<A: ExerciseValue, B: ExerciseValue, G: ExerciseValue, R: ExerciseValue>(
        _ function: @escaping (A, B, inout G) throws -> R
    ) {
        body = { tensors in
            var arguments = tensors[...]
            let (a, b) = (try A.take(from: &arguments), try B.take(from: &arguments))
            var generator = try G.take(from: &arguments)
            try Self.noneLeft(arguments)
            let result = try function(a, b, &generator)
            var results: [Tensor] = []
            generator.put(into: &results)
            result.put(into: &results)
            return results
        }
    }

    /// Calls the function on `arguments`, written as tensors; returns its results so written.
    public func callAsFunction(_ arguments: [Tensor]) throws -> [Tensor] {
        try body(arguments)
    }

    private static func noneLeft(_ arguments: ArraySlice<Tensor>) throws {
        guard arguments.isEmpty else { throw ExerciseCallError("\(arguments.count) values more than the function takes") }
    }
}
