import Tensor

/// One implementation of every exercise function: the reference solutions, the learner's
/// code, or a mix. The checks run each case with the reference and with the implementations
/// under test, and compare; `ExerciseStep` trains a network with any of them.
///
/// Each function is called by its exercise's name, with typed arguments and results:
/// `try implementations.call("softmax", x) as Tensor`. The call is written as tensors
/// (`ExerciseValue`) and answered by `tensors`: here, by a table of functions, or in
/// another process. A test swaps in one deliberately wrong function with the subscript:
/// `broken["softmax"] = ExerciseFunction { (x: Tensor) in … }`.
public struct Implementations {
    /// Answers the call of the function named by the string, written as tensors.
    public private(set) var tensors: (String, [Tensor]) throws -> [Tensor]

    public init(_ tensors: @escaping (String, [Tensor]) throws -> [Tensor]) {
        self.tensors = tensors
    }

    /// The functions of `table`, by name; calling any other name throws.
    public init(_ table: [String: ExerciseFunction]) {
        tensors = { name, arguments in
            guard let function = table[name] else { throw ExerciseCallError("there is no exercise function \(name)") }
            return try function(arguments)
        }
    }

    /// The function called `name`. Setting it replaces that one function, and no other.
    public subscript(name: String) -> ExerciseFunction {
        get { ExerciseFunction(tensors: { [tensors] arguments in try tensors(name, arguments) }) }
        set {
            let others = tensors
            tensors = { called, arguments in called == name ? try newValue(arguments) : try others(called, arguments) }
        }
    }

    public func call<each A: ExerciseValue, R: ExerciseValue>(_ name: String, _ arguments: repeat each A) throws -> R {
        var results = try answer(name, Self.written(repeat each arguments))
        return try Self.reading(name) {
            let value = try R.take(from: &results)
            try Self.noneLeft(results)
            return value
        }
    }

    public func call<each A: ExerciseValue, R1: ExerciseValue, R2: ExerciseValue, R3: ExerciseValue>(
        _ name: String, _ arguments: repeat each A
    ) throws -> (R1, R2, R3) {
        var results = try answer(name, Self.written(repeat each arguments))
        return try Self.reading(name) {
            let values = (try R1.take(from: &results), try R2.take(from: &results), try R3.take(from: &results))
            try Self.noneLeft(results)
            return values
        }
    }

    /// A call with a generator: it comes back advanced, as an inout argument does.
    public func call<A: ExerciseValue, B: ExerciseValue, G: ExerciseValue, R: ExerciseValue>(
        _ name: String, _ a: A, _ b: B, _ generator: inout G
    ) throws -> R {
        var results = try answer(name, Self.written(a, b, generator))
        let (advanced, value): (G, R) = try Self.reading(name) {
            let values = (try G.take(from: &results), try R.take(from: &results))
            try Self.noneLeft(results)
            return values
        }
        generator = advanced
        return value
    }

    private func answer(_ name: String, _ arguments: [Tensor]) throws -> ArraySlice<Tensor> {
        try Self.reading(name) { try tensors(name, arguments)[...] }
    }

    private static func written<each A: ExerciseValue>(_ arguments: repeat each A) -> [Tensor] {
        var tensors: [Tensor] = []
        repeat (each arguments).put(into: &tensors)
        return tensors
    }

    /// `body`, with a call's values that do not fit named by the function they were for.
    private static func reading<T>(_ name: String, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as ExerciseCallError {
            throw ExerciseCallError("\(name): \(error.description)")
        }
    }

    private static func noneLeft(_ results: ArraySlice<Tensor>) throws {
        guard results.isEmpty else { throw ExerciseCallError("\(results.count) values more than expected") }
    }
}
