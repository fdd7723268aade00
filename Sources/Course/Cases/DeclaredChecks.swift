import ExerciseCalls
import Foundation
import Tensor
import TensorComparison

/// The checks of an exercise written in course.json rather than in Swift: its inputs, one
/// case per row, for an exercise whose arguments are tensors or integers. The inputs drawn
/// at random come from numpy's legacy generator seeded once with `seed`, in the order the
/// rows give them, so that scripts/make_exercises_fixtures.py draws the same numbers and
/// gives numpy's answer (`numpy`, an expression of the inputs' names) to every case.
///
///     "checks": {
///       "seed": 9, "inputs": ["x"], "numpy": "np.maximum(x, 0)",
///       "cases": [["x (4, 5), seed 9", "randn(4, 5)"], ["-1, 0, 2", [-1, 0, 2]]]
///     }
///
/// An input is a number or nested lists of numbers (a float64 tensor), `randn(4, 5)` or
/// `rand(4, 5)` (float64 draws), `randint(0, 10, 20)` (int64 draws, low, high, then the
/// shape) or `int(10)` (one integer).
struct DeclaredChecks: Decodable {
    let seed: UInt32
    let inputs: [String]
    /// The names of the results, in the order the function returns them.
    let outputs: [String]?
    /// numpy's answer, for the fixture script; the checks themselves compare with the reference.
    let numpy: String
    let cases: [Row]

    /// One case: its title, then one value per input.
    struct Row: Decodable {
        let title: String
        let values: [Value]

        init(from decoder: Decoder) throws {
            var row = try decoder.unkeyedContainer()
            title = try row.decode(String.self)
            var values: [Value] = []
            while !row.isAtEnd { values.append(try row.decode(Value.self)) }
            self.values = values
        }
    }

    /// An input as written: numbers, or a draw or an integer named in a string.
    enum Value: Decodable {
        case numbers(Tensor)
        case call(String)

        init(from decoder: Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let call = try? container.decode(String.self) {
                self = .call(call)
            } else {
                self = .numbers(try Self.numbers(from: decoder))
            }
        }

        /// A number, or lists of numbers nested to any depth, all of one shape at each level.
        private static func numbers(from decoder: Decoder) throws -> Tensor {
            if let number = try? decoder.singleValueContainer().decode(Double.self) { return Tensor(scalar: number) }
            var list = try decoder.unkeyedContainer()
            var rows: [Tensor] = []
            while !list.isAtEnd { rows.append(try list.decode(NestedNumbers.self).tensor) }
            guard let shape = rows.first?.shape, rows.allSatisfy({ $0.shape == shape }) else {
                throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath,
                                                        debugDescription: "lists of numbers must all have one shape"))
            }
            return try Tensor(shape: [rows.count] + shape, doubles: rows.flatMap(\.doubles))
        }

        private struct NestedNumbers: Decodable {
            let tensor: Tensor
            init(from decoder: Decoder) throws { tensor = try Value.numbers(from: decoder) }
        }
    }

    /// Checks the rows against the inputs; `name` is the exercise's, for the message.
    func validate(_ name: String) throws {
        for row in cases where row.values.count != inputs.count {
            throw CourseError.manifestInvalid("course.json: \(name): the case \"\(row.title)\" gives \(row.values.count) "
                + "values for the \(inputs.count) inputs \(inputs.joined(separator: ", "))")
        }
        var draw = Draw(seed: seed)
        for row in cases { _ = try row.values.map { try draw.value($0) } }
    }

    /// The cases of the exercise `name`, calling its function with the rows' inputs.
    func builder(for name: String) -> CaseBuilder {
        { [self] in
            var draw = Draw(seed: seed)
            return try cases.map { row in
                let values = try row.values.map { try draw.value($0) }
                return CheckCase(row.title, inputs: zip(inputs, values).map(Named.init)) { implementations in
                    let results = try implementations.tensors(name, values)
                    let names = outputs ?? ["result"]
                    guard results.count == names.count else {
                        throw ExerciseCallError("\(name) returned \(results.count) values, its checks name \(names.count)")
                    }
                    return zip(names, results).map(Named.init)
                }
            }
        }
    }
}

private extension Draw {
    /// The value an input stands for, drawing from this generator when it is a draw.
    mutating func value(_ value: DeclaredChecks.Value) throws -> Tensor {
        switch value {
        case .numbers(let tensor):
            return tensor
        case .call(let text):
            guard let open = text.firstIndex(of: "("), text.hasSuffix(")") else { throw Self.unknown(text) }
            let name = String(text[..<open])
            let arguments = try text[text.index(after: open)..<text.index(before: text.endIndex)]
                .split(separator: ",").map { part -> Int in
                    guard let number = Int(part.trimmingCharacters(in: .whitespaces)) else { throw Self.unknown(text) }
                    return number
                }
            switch (name, arguments.count) {
            case ("randn", 1...): return Tensor.randn(arguments, using: &rng)
            case ("rand", 1...): return Tensor.rand(arguments, using: &rng)
            case ("randint", 3...):
                return try Tensor.randint(low: Int64(arguments[0]), high: Int64(arguments[1]), shape: Array(arguments.dropFirst(2)), using: &rng)
            case ("int", 1): return Tensor(shape: [], int64s: [Int64(arguments[0])])
            default: throw Self.unknown(text)
            }
        }
    }

    static func unknown(_ text: String) -> CourseError {
        .manifestInvalid("course.json: the input \"\(text)\" is none of randn(shape), rand(shape), randint(low, high, shape), int(n)")
    }
}
