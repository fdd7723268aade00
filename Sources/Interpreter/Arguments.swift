import Tensor

/// The arguments of one builtin call, bound to its parameter names, with
/// accessors that convert them and explain in the builtin's terms what is wrong.
public struct Arguments {
    let builtin: Builtin
    /// The session the call runs in: its random generator, its output.
    public let session: Session
    let values: [String: Value]
    /// What the variadic parameter (`*shape`) received.
    public let rest: [Value]

    init(builtin: Builtin, session: Session, values: [String: Value], rest: [Value]) {
        self.builtin = builtin
        self.session = session
        self.values = values
        self.rest = rest
    }

    /// The bound value of a parameter (its default when not given).
    public subscript(_ name: String) -> Value {
        values[name] ?? .none
    }

    /// True when the parameter is `none` (given as none, or defaulted to it).
    public func isNone(_ name: String) -> Bool {
        if case .none = self[name] { return true }
        return false
    }

    /// A type error that names the builtin's signature.
    public func error(_ message: String) -> InterpreterError {
        InterpreterError(.type, "\(builtin.signatureText): \(message)")
    }

    /// A value error that names the builtin.
    public func valueError(_ message: String) -> InterpreterError {
        InterpreterError(.value, "\(builtin.name): \(message)")
    }

    /// A tensor from a tensor, a number or a list of numbers (numpy's `asarray`).
    public func tensor(_ name: String) throws -> Tensor {
        try tensor(self[name], name)
    }

    public func tensor(_ value: Value, _ name: String) throws -> Tensor {
        guard let tensor = try value.asTensor() else {
            throw error("\(name) must be a tensor or a number, got \(value.kindDescription)")
        }
        return tensor
    }

    /// A whole number: an int, a bool, or a one-element integer tensor.
    public func int(_ name: String) throws -> Int {
        try int(self[name], name)
    }

    public func int(_ value: Value, _ name: String) throws -> Int {
        guard let int = value.asInt else {
            throw error("\(name) must be a whole number, got \(value.kindDescription)")
        }
        return int
    }

    /// A whole number or `none`.
    public func optionalInt(_ name: String) throws -> Int? {
        isNone(name) ? nil : try int(name)
    }

    /// A number of any kind as a Double.
    public func double(_ name: String) throws -> Double {
        guard let double = self[name].asDouble else {
            throw error("\(name) must be a number, got \(self[name].kindDescription)")
        }
        return double
    }

    public func bool(_ name: String) throws -> Bool {
        switch self[name] {
        case .bool(let b): return b
        case let value:
            throw error("\(name) must be true or false, got \(value.kindDescription)")
        }
    }

    public func string(_ name: String) throws -> String {
        guard case .string(let s) = self[name] else {
            throw error("\(name) must be a string, got \(self[name].kindDescription)")
        }
        return s
    }

    /// A dtype that must be given (not `none`), like `dtype`.
    public func requiredDType(_ name: String) throws -> DType {
        guard let dtype = try dtype(name) else {
            throw error("\(name) must be a dtype name like \"float32\", got none")
        }
        return dtype
    }

    /// A dtype given by name ("float32", "float", "int", "bool" …) or as a dtype value; nil for `none`.
    public func dtype(_ name: String) throws -> DType? {
        switch self[name] {
        case .none: return nil
        case .dtype(let d): return d
        case .function(let type) where DType(named: type.name) != nil:
            // Python's own types as numpy reads them: astype(float) is float64, dtype=int is int64.
            return DType(named: type.name)
        case .string(let s):
            guard let d = DType(named: s) else {
                throw error("unknown dtype \(PythonFormat.quoted(s)); use one of \(DType.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: ", "))")
            }
            return d
        case let value:
            throw error("\(name) must be a dtype name like \"float32\", got \(value.kindDescription)")
        }
    }

    /// A shape given as separate whole numbers `zeros(3, 4)` or as one tuple,
    /// list or 1-D tensor `zeros((3, 4))`.
    public func shape(_ values: [Value], _ name: String) throws -> [Int] {
        if values.count == 1, let sequence = try values[0].sequenceElements() {
            return try sequence.map { try int($0, name) }
        }
        return try values.map { try int($0, name) }
    }

    /// An axis: a whole number or `none` (all axes). Tuples of axes are not supported.
    public func axis(_ name: String = "axis") throws -> Int? {
        if case .tuple = self[name] {
            throw error("\(name) must be one whole number or none; several axes at once are not supported")
        }
        return try optionalInt(name)
    }
}

extension DType {
    /// numpy's names and the Python type names it accepts for them.
    init?(named name: String) {
        switch name {
        case "float64", "float", "double", "f8", "d": self = .float64
        case "float32", "single", "f4", "f": self = .float32
        case "float16", "half", "f2", "e": self = .float16
        case "uint8", "ubyte", "u1", "B": self = .uint8
        case "int64", "int", "i8", "l", "q": self = .int64
        case "bool", "bool_": self = .bool
        default: return nil
        }
    }
}

extension Value {
    /// "a string", "an int", "a History", "an MLP", "a tensor of shape (3, 4)" — for messages.
    public var kindDescription: String {
        switch self {
        case .none: return "none"
        case .tensor(let t): return "a \(t.dtype.rawValue) tensor of shape \(NumpyFormat.shape(t.shape))"
        default: return "\(Value.indefiniteArticle(for: kindName)) \(kindName)"
        }
    }

    /// "an" before a vowel sound, else "a": by the first letter of a word ("an int", "a dict"),
    /// by how the first letter is spoken in an abbreviation ("an MLP", "an SGD", "a ReLU").
    static func indefiniteArticle(for word: String) -> String {
        guard let first = word.first else { return "a" }
        let isAbbreviation = word.count > 1 && word.allSatisfy { $0.isUppercase || $0.isNumber }
        return (isAbbreviation ? "AEFHILMNORSX" : "aeiouAEIOU").contains(first) ? "an" : "a"
    }

    /// An int from an int, a bool, or a one-element integer tensor (numpy's `__index__`).
    var asInt: Int? {
        switch self {
        case .int(let i): return i
        case .bool(let b): return b ? 1 : 0
        case .tensor(let t) where t.count == 1 && t.dtype.kind != .floatingPoint: return Int(t.int64s[0])
        default: return nil
        }
    }

    /// Any number, or a one-element tensor, as a Double.
    var asDouble: Double? {
        switch self {
        case .int(let i): return Double(i)
        case .float(let d): return d
        case .bool(let b): return b ? 1 : 0
        case .tensor(let t) where t.count == 1: return t.doubles[0]
        default: return nil
        }
    }

    /// The elements of a tuple, a list or a 1-D tensor; nil for anything else.
    func sequenceElements() throws -> [Value]? {
        switch self {
        case .tuple(let items), .list(let items): return items
        case .tensor(let t) where t.ndim == 1: return try t.rows()
        default: return nil
        }
    }

    /// numpy's `asarray`: tensors as they are, numbers as 0-d tensors, nested
    /// lists of numbers as tensors; nil when the value is not numeric.
    func asTensor() throws -> Tensor? {
        switch self {
        case .tensor(let t): return t
        case .bool, .int, .float: return scalarTensor
        case .tuple(let items), .list(let items): return try Tensor.stacking(items)
        case .object(let range as PythonRange):  // np.array(range(5)): its numbers, as int64
            try Tensor.checkAllocation([range.count], operation: "array")
            return Tensor(shape: [range.count], int64s: range.numbers.map(Int64.init))
        default: return nil
        }
    }
}

extension Tensor {
    /// The sub-tensors along the first axis (0-d tensors for a 1-D tensor), as values;
    /// as many as a list may hold (`Operators.maximumLength`).
    func rows() throws -> [Value] {
        guard let first = shape.first else { return [.tensor(self)] }
        try Operators.checkLength(first, of: "list")
        return try (0..<first).map { .tensor(try index([.int($0)])) }
    }

    /// `np.array(items)`: numbers and tensors of one shape stacked along a new first axis,
    /// with numpy's dtype rules (bool < int64 < float64; a float32 tensor stays float32
    /// beside plain numbers). Returns nil if an item is not numeric.
    static func stacking(_ items: [Value]) throws -> Tensor? {
        var parts: [Tensor] = []
        var weak: [Bool] = []
        for item in items {
            guard let part = try item.asTensor() else { return nil }
            parts.append(part)
            weak.append(item.isPythonNumber)
        }
        guard let first = parts.first else { return Tensor(shape: [0], storage: .float64([])) }
        if let ragged = parts.first(where: { $0.shape != first.shape }) {
            throw InterpreterError(.value, "cannot make a tensor from rows of different shapes \(NumpyFormat.shape(first.shape)) and \(NumpyFormat.shape(ragged.shape))")
        }
        let dtype = Tensor.stackedDType(parts.map(\.dtype), weak: weak)
        let shape = [parts.count] + first.shape
        try Tensor.checkAllocation(shape, operation: "array")
        switch dtype {
        case .float64: return Tensor(shape: shape, storage: .float64(parts.flatMap(\.doubles)))
        case .float32: return Tensor(shape: shape, floats: parts.flatMap(\.floats))
        case .int64: return Tensor(shape: shape, int64s: parts.flatMap(\.int64s))
        case .bool: return Tensor(shape: shape, bools: parts.flatMap(\.bools))
        case .uint8: return Tensor(shape: shape, bytes: parts.flatMap(\.bytes))
        case .float16: return Tensor(shape: shape, halves: parts.flatMap(\.halves))
        }
    }

    /// The promoted dtype of stacked parts; weak (plain-number) parts only raise
    /// the kind (bool → int → float), never the width of a tensor's dtype (`DType.ofNumber(_:beside:)`).
    private static func stackedDType(_ dtypes: [DType], weak: [Bool]) -> DType {
        let strong = zip(dtypes, weak).filter { !$0.1 }.map(\.0)
        let weakKinds = zip(dtypes, weak).filter { $0.1 }.map(\.0)
        guard let first = strong.first else { return weakKinds.max() ?? .float64 }
        let common = strong.reduce(first, DType.promote)
        return weakKinds.reduce(common) { DType.ofNumber($1, beside: $0) }
    }
}
