import Tensor

/// A value an exercise function takes or returns, written as the tensors every call of an
/// exercise function is made of. One form for every signature lets one table hold all the
/// functions (`ExerciseFunction`), and it is the form that crosses to the process running
/// the learner's code (a message of tensors, as a :save file stores them).
///
///     Tensor          itself
///     Int, UInt8      a 0-d int64 tensor; an array of them, one int64 vector
///     Double          a 0-d float64 tensor
///     NumpyRandom     its state words, as an int64 vector
///     [T]             its count (a 0-d int64 tensor), then each element
public protocol ExerciseValue {
    /// Reads the value from the front of `tensors`, which loses what was read.
    static func take(from tensors: inout ArraySlice<Tensor>) throws -> Self
    /// Appends the value to `tensors`.
    func put(into tensors: inout [Tensor])

    /// How an array of these is read and written; by default its count, then each element.
    static func takeArray(from tensors: inout ArraySlice<Tensor>) throws -> [Self]
    static func putArray(_ values: [Self], into tensors: inout [Tensor])
}

extension ExerciseValue {
    public static func takeArray(from tensors: inout ArraySlice<Tensor>) throws -> [Self] {
        let count = try Int.take(from: &tensors)
        guard count >= 0, count <= tensors.count else { throw ExerciseCallError("an array of \(count) values, more than were sent") }
        return try (0..<count).map { _ in try take(from: &tensors) }
    }

    public static func putArray(_ values: [Self], into tensors: inout [Tensor]) {
        values.count.put(into: &tensors)
        for value in values { value.put(into: &tensors) }
    }
}

/// Integers travel as int64, an array of them as one vector.
extension ExerciseValue where Self: FixedWidthInteger {
    public static func take(from tensors: inout ArraySlice<Tensor>) throws -> Self {
        let values = try takeArray(from: &tensors)
        guard values.count == 1 else { throw ExerciseCallError("\(values.count) integers where one was expected") }
        return values[0]
    }

    public func put(into tensors: inout [Tensor]) {
        tensors.append(Tensor(shape: [], int64s: [Int64(self)]))
    }

    public static func takeArray(from tensors: inout ArraySlice<Tensor>) throws -> [Self] {
        let tensor = try Tensor.take(from: &tensors)
        guard tensor.dtype == .int64 else { throw ExerciseCallError("a \(tensor.dtype) tensor where integers were expected") }
        return try tensor.int64s.map { value in
            guard let exact = Self(exactly: value) else { throw ExerciseCallError("\(value) does not fit in \(Self.self)") }
            return exact
        }
    }

    public static func putArray(_ values: [Self], into tensors: inout [Tensor]) {
        tensors.append(Tensor(shape: [values.count], int64s: values.map(Int64.init)))
    }
}

extension Int: ExerciseValue {}
extension UInt8: ExerciseValue {}

extension Tensor: ExerciseValue {
    public static func take(from tensors: inout ArraySlice<Tensor>) throws -> Tensor {
        guard let tensor = tensors.popFirst() else { throw ExerciseCallError("fewer values than the function takes") }
        return tensor
    }

    public func put(into tensors: inout [Tensor]) {
        tensors.append(self)
    }
}

extension Double: ExerciseValue {
    public static func take(from tensors: inout ArraySlice<Tensor>) throws -> Double {
        let tensor = try Tensor.take(from: &tensors)
        guard tensor.count == 1 else { throw ExerciseCallError("\(tensor.count) numbers where one was expected") }
        return tensor.doubles[0]
    }

    public func put(into tensors: inout [Tensor]) {
        tensors.append(Tensor(scalar: self))
    }
}

extension NumpyRandom: ExerciseValue {
    public static func take(from tensors: inout ArraySlice<Tensor>) throws -> NumpyRandom {
        let words = try Int64.takeArray(from: &tensors).map { UInt64(bitPattern: $0) }
        guard let rng = NumpyRandom(stateWords: words) else {
            throw ExerciseCallError("a random generator in a state it cannot be in")
        }
        return rng
    }

    public func put(into tensors: inout [Tensor]) {
        Int64.putArray(stateWords.map { Int64(bitPattern: $0) }, into: &tensors)
    }
}

extension Int64: ExerciseValue {}

extension Array: ExerciseValue where Element: ExerciseValue {
    public static func take(from tensors: inout ArraySlice<Tensor>) throws -> [Element] {
        try Element.takeArray(from: &tensors)
    }

    public func put(into tensors: inout [Tensor]) {
        Element.putArray(self, into: &tensors)
    }
}

/// Values that do not fit the function they were sent to: a caller and a function built
/// from different versions of the course.
public struct ExerciseCallError: Error, CustomStringConvertible {
    public let description: String

    public init(_ description: String) {
        self.description = description
    }
}
