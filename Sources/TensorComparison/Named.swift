import Tensor

/// A tensor with the name it has in the exercise's signature ("x", "dW", "result").
public struct Named {
    public let name: String
    public let value: Tensor

    public init(_ name: String, _ value: Tensor) {
        self.name = name
        self.value = value
    }

    /// A Double result (a loss, an accuracy) as a 0-d tensor.
    public init(_ name: String, scalar: Double) {
        self.init(name, Tensor(scalar: scalar))
    }

    /// One integer (a count, a size) as a 0-d int64 tensor.
    public init(_ name: String, integer: Int) {
        self.init(name, Tensor(shape: [], int64s: [Int64(integer)]))
    }

    /// Integers (dimensions, indices) as an int64 tensor.
    public init(_ name: String, integers: [Int]) {
        self.init(name, Tensor(shape: [integers.count], int64s: integers.map(Int64.init)))
    }
}
