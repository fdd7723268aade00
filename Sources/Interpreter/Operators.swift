import Support
import Tensor

/// One evaluated entry of `x[…]`.
enum IndexValue {
    case value(Value, SourceSpan)
    case slice(Value, Value, Value)
    /// `...`: as many whole axes as the other indices leave.
    case ellipsis
}

/// The meaning of the language's operators on values: Python's rules for plain
/// numbers, numpy's (broadcasting, NEP 50 promotion) as soon as a tensor is involved.
enum Operators {
    // MARK: Binary operators

    static func binary(_ op: BinaryOperator, _ a: Value, _ b: Value) throws -> Value {
        if op.isMembershipOrIdentity, let result = try sequenceBinary(op, a, b) { return result }
        if let x = PythonNumber(a), let y = PythonNumber(b) {
            return try PythonNumber.binary(op, x, y)
        }
        if case .tensor = a, b.isPythonNumber || b.isTensor || b.isSequence { return try tensorBinary(op, a, b) }
        if case .tensor = b, a.isPythonNumber || a.isSequence { return try tensorBinary(op, a, b) }
        if let result = try sequenceBinary(op, a, b) { return result }
        throw unsupported(op, a, b)
    }

    private static func tensorBinary(_ op: BinaryOperator, _ a: Value, _ b: Value) throws -> Value {
        guard let x = try a.asTensor(), let y = try b.asTensor() else {
            let list = a.isSequence ? a : b
            throw InterpreterError(.value, "this \(list.kindName) cannot become an array: its items are not numbers or arrays of one shape")
        }
        let weakA = a.isPythonNumber, weakB = b.isPythonNumber
        switch op {
        case .add: return .tensor(try Tensor.binary(.add, x, y, weakA: weakA, weakB: weakB))
        case .subtract: return .tensor(try Tensor.binary(.subtract, x, y, weakA: weakA, weakB: weakB))
        case .multiply: return .tensor(try Tensor.binary(.multiply, x, y, weakA: weakA, weakB: weakB))
        case .divide: return .tensor(try Tensor.binary(.divide, x, y, weakA: weakA, weakB: weakB))
        case .power: return .tensor(try Tensor.binary(.power, x, y, weakA: weakA, weakB: weakB))
        case .floorDivide: return .tensor(try Tensor.binary(.floorDivide, x, y, weakA: weakA, weakB: weakB))
        case .remainder: return .tensor(try Tensor.binary(.remainder, x, y, weakA: weakA, weakB: weakB))
        case .less: return .tensor(try Tensor.binary(.less, x, y, weakA: weakA, weakB: weakB))
        case .lessEqual: return .tensor(try Tensor.binary(.lessEqual, x, y, weakA: weakA, weakB: weakB))
        case .greater: return .tensor(try Tensor.binary(.greater, x, y, weakA: weakA, weakB: weakB))
        case .greaterEqual: return .tensor(try Tensor.binary(.greaterEqual, x, y, weakA: weakA, weakB: weakB))
        case .equal: return .tensor(try Tensor.binary(.equal, x, y, weakA: weakA, weakB: weakB))
        case .notEqual: return .tensor(try Tensor.binary(.notEqual, x, y, weakA: weakA, weakB: weakB))
        case .matmul:
            guard !weakA && !weakB else {
                throw InterpreterError(.type, "'@' multiplies tensors of at least one dimension, not a plain number; to scale, use '*'")
            }
            return .tensor(try Tensor.matmul(x, y))
        case .and, .or:
            guard x.dtype == .bool, y.dtype == .bool else {
                throw InterpreterError(.type, "'\(op.rawValue)' combines bool masks, got \(x.dtype.rawValue) and \(y.dtype.rawValue); compare first, as in (x > 0) \(op.rawValue) (x < 1)")
            }
            let constant = Tensor(shape: [], bools: [op == .or])
            // a & b is "b where a, else false"; a | b is "true where a, else b".
            return .tensor(op == .and ? try Tensor.where_(x, y, constant) : try Tensor.where_(x, constant, y))
        case .contains, .notContains, .identical, .notIdentical:
            throw unsupported(op, a, b)
        }
    }

    /// `+` joins strings, tuples and lists and `*` repeats them, within `maximumLength`;
    /// `==` and `!=` compare any two values.
    private static func sequenceBinary(_ op: BinaryOperator, _ a: Value, _ b: Value) throws -> Value? {
        switch (op, a, b) {
        case (.contains, _, _): return .bool(try contains(b, a))
        case (.notContains, _, _): return .bool(!(try contains(b, a)))
        case (.identical, _, _): return .bool(identical(a, b))
        case (.notIdentical, _, _): return .bool(!identical(a, b))
        case (.add, .string(let x), .string(let y)):
            try checkLength(x.utf8.count + y.utf8.count, of: "string")
            return .string(x + y)
        case (.add, .tuple(let x), .tuple(let y)):
            try checkLength(x.count + y.count, of: "tuple")
            return .tuple(x + y)
        case (.add, .list(let x), .list(let y)):
            try checkLength(x.count + y.count, of: "list")
            return try nested(.list(x + y))
        case (.remainder, .string(let format), _): return .string(try PythonFormat.percent(format, b))
        case (.multiply, .string, .int), (.multiply, .int, .string),
             (.multiply, .list, .int), (.multiply, .int, .list),
             (.multiply, .tuple, .int), (.multiply, .int, .tuple):
            return try repeated(a, b)
        case (.less, _, _), (.lessEqual, _, _), (.greater, _, _), (.greaterEqual, _, _):
            guard let order = try order(a, b) else { return nil }
            switch op {
            case .less: return .bool(order < 0)
            case .lessEqual: return .bool(order <= 0)
            case .greater: return .bool(order > 0)
            default: return .bool(order >= 0)
            }
        case (.equal, _, _): return .bool(try equal(a, b))
        case (.notEqual, _, _): return .bool(!(try equal(a, b)))
        default: return nil
        }
    }

    /// Equality of values that are not both numbers or tensors: structural for
    /// tuples and lists, by name for dtypes (`x.dtype == "float32"`).
    private static func equal(_ a: Value, _ b: Value) throws -> Bool {
        switch (a, b) {
        case (.none, .none): return true
        case (.string(let x), .string(let y)): return x == y
        case (.dtype(let x), .dtype(let y)): return x == y
        case (.dtype(let d), .string(let s)), (.string(let s), .dtype(let d)): return DType(named: s) == d
        case (.tuple(let x), .tuple(let y)), (.list(let x), .list(let y)):
            guard x.count == y.count else { return false }
            for (p, q) in zip(x, y) where !(try truth(try binary(.equal, p, q))) { return false }
            return true
        case (.function(let f), .function(let g)): return f.name == g.name
        default:
            if let x = PythonNumber(a), let y = PythonNumber(b) { return x.double == y.double }
            return false
        }
    }

    /// `item in container`: an element of a tuple, list or range, a key of a
    /// dict, a substring of a string, an element of a tensor.
    static func contains(_ container: Value, _ item: Value) throws -> Bool {
        switch container {
        case .string(let s):
            guard case .string(let part) = item else {
                throw InterpreterError(.type, "'in <string>' needs a string on its left, not \(item.kindDescription)")
            }
            return s.contains(part)
        case .object(let dict as PythonDict):
            return try dict.get(item) != nil
        case .tensor(let t):
            guard let number = item.asDouble else {
                throw InterpreterError(.type, "'in <tensor>' looks for a number, not \(item.kindDescription)")
            }
            return t.doubles.contains(number)
        default:
            for element in try iterate(container) where try truth(try binary(.equal, element, item)) { return true }
            return false
        }
    }

    /// `a is b`: the same object; for none, bools and numbers, the same value.
    private static func identical(_ a: Value, _ b: Value) -> Bool {
        switch (a, b) {
        case (.none, .none): return true
        case (.bool(let x), .bool(let y)): return x == y
        case (.object(let x), .object(let y)): return (x as AnyObject) === (y as AnyObject) && type(of: x) is AnyClass
        // The same array under two names (`g is layer.grads[0]`), as numpy's `is` finds.
        case (.tensor(let x), .tensor(let y)): return x.ndim > 0 && x.sharesElements(with: y) && x.shape == y.shape
        default: return false
        }
    }

    /// `"ab" * 3`, `[0] * 4`, `(1, 2) * 2`.
    private static func repeated(_ a: Value, _ b: Value) throws -> Value {
        let (sequence, times) = a.asInt != nil && !a.isBool ? (b, a.asInt!) : (a, b.asInt ?? 0)
        let n = Swift.max(0, times)
        switch sequence {
        case .string(let s):
            try checkLength(repeated: s.utf8.count, n, of: "string")
            return .string(String(repeating: s, count: n))
        case .list(let items):
            try checkLength(repeated: items.count, n, of: "list")
            return .list(Array(Array(repeating: items, count: n).joined()))
        case .tuple(let items):
            try checkLength(repeated: items.count, n, of: "tuple")
            return .tuple(Array(Array(repeating: items, count: n).joined()))
        default:
            throw unsupported(.multiply, a, b)
        }
    }

    /// Python's ordering of two strings, or of two tuples or lists item by item:
    /// negative, zero or positive; nil when the values are not ordered that way.
    static func order(_ a: Value, _ b: Value) throws -> Int? {
        switch (a, b) {
        case (.string(let x), .string(let y)): return x < y ? -1 : x == y ? 0 : 1
        case (.tuple(let x), .tuple(let y)), (.list(let x), .list(let y)):
            for (p, q) in zip(x, y) {
                if try truth(try binary(.equal, p, q)) { continue }
                return try truth(try binary(.less, p, q)) ? -1 : 1
            }
            return x.count - y.count
        default: return nil
        }
    }

    /// Items in Python's ascending order (numbers, strings, or tuples of them).
    static func sorted(_ items: [Value]) throws -> [Value] {
        var failure: Error?
        let result = items.sorted { a, b in
            do { return try truth(try binary(.less, a, b)) } catch { failure = error; return false }
        }
        if let failure { throw failure }
        return result
    }

    private static func unsupported(_ op: BinaryOperator, _ a: Value, _ b: Value) -> InterpreterError {
        InterpreterError(.type, "'\(op.rawValue)' is not defined between \(a.kindDescription) and \(b.kindDescription)")
    }

    // MARK: Unary operators

    static func unary(_ op: UnaryOperator, _ v: Value) throws -> Value {
        if op == .not { return .bool(!(try truth(v))) }
        if let x = PythonNumber(v) { return try PythonNumber.unary(op, x, isBool: v.isBool) }
        guard case .tensor(let t) = v else {
            throw InterpreterError(.type, "unary '\(op.rawValue)' is not defined for \(v.kindDescription)")
        }
        switch (op, t.dtype) {
        case (.plus, _): return v
        case (.negate, .bool):
            throw InterpreterError(.type, "'-' is not defined for a bool tensor; use '~' to flip a mask")
        case (.negate, _): return .tensor(try t.unary(.negative))
        case (.invert, .bool): return .tensor(try Tensor.binary(.equal, t, Tensor(shape: [], bools: [false])))
        case (.invert, .int64):
            // Two's complement: ~n is -n - 1.
            return .tensor(try Tensor.binary(.subtract, try t.unary(.negative), Tensor(shape: [], int64s: [1])))
        case (.invert, _):
            throw InterpreterError(.type, "'~' flips bool masks and int bits, not \(t.dtype.rawValue) values")
        case (.not, _): return .bool(!(try truth(v)))
        }
    }

    /// Python's truth value; a tensor must hold exactly one element, as in numpy.
    static func truth(_ v: Value) throws -> Bool {
        switch v {
        case .none: return false
        case .bool(let b): return b
        case .int(let i): return i != 0
        case .float(let d): return d != 0
        case .string(let s): return !s.isEmpty
        case .tuple(let items), .list(let items): return !items.isEmpty
        case .tensor(let t):
            guard t.count == 1 else {
                throw InterpreterError(.value, "the truth value of a tensor with \(t.count) elements is ambiguous; use any(x) or all(x)")
            }
            return t.doubles[0] != 0
        case .dtype, .function, .object: return true
        }
    }

    // MARK: Literals, iteration, unpacking

    /// `[…]` is a Python list, whatever it holds: `[W, b]` keeps the arrays themselves
    /// (a layer's `params`), and `np.array([[1, 2], [3, 4]])` makes a tensor of one.
    /// Where a list meets an array in arithmetic, numpy turns it into an array.
    static func listLiteral(_ items: [Value]) throws -> Value {
        try nested(.list(items))
    }

    /// Tuples and lists may hold tuples and lists, but not more than
    /// `maximumNesting` deep: printing and freeing values are recursive, and
    /// `t = (t,)` in a long loop must not exhaust the stack.
    static let maximumNesting = 100

    /// The most items a tuple or list may hold, and the most bytes a string may: as
    /// many values as fit in the memory of the largest tensor (`Tensor.maxElements`
    /// float64 numbers). A string counts like a list, since indexing or looping over
    /// it makes one value per character.
    static var maximumLength: Int {
        Tensor.maxElements * MemoryLayout<Double>.stride / MemoryLayout<Value>.stride
    }

    /// Throws unless a `kind` ("string", "tuple", "list") of `count` items is within `maximumLength`.
    static func checkLength(_ count: Int, of kind: String) throws {
        guard count <= maximumLength else {
            let mebibytes = (Tensor.maxElements * MemoryLayout<Double>.stride) >> 20
            throw InterpreterError(.size, "refusing to make a \(kind) of \(count) \(kind == "string" ? "bytes" : "items"): "
                + "the limit is \(maximumLength), as many values as fit in \(mebibytes) MiB (the largest tensor)")
        }
    }

    /// `checkLength` for `times` copies of `count` items (none when `times` is not positive).
    private static func checkLength(repeated count: Int, _ times: Int, of kind: String) throws {
        let (total, overflow) = count.multipliedReportingOverflow(by: Swift.max(times, 0))
        try checkLength(overflow ? Int.max : total, of: kind)
    }

    static func nested(_ v: Value) throws -> Value {
        if nestingExceeds(v, level: 1) {
            throw InterpreterError(.value, "tuples and lists cannot be nested more than \(maximumNesting) deep")
        }
        return v
    }

    private static func nestingExceeds(_ v: Value, level: Int) -> Bool {
        switch v {
        case .tuple(let items), .list(let items):
            return level > maximumNesting || items.contains { nestingExceeds($0, level: level + 1) }
        default:
            return false
        }
    }

    /// The items a `for` loop visits: tuple and list elements, a tensor's rows,
    /// a range's numbers (made one at a time).
    static func iterate(_ v: Value) throws -> AnySequence<Value> {
        switch v {
        case .tuple(let items), .list(let items): return AnySequence(items)
        case .tensor(let t) where t.ndim > 0: return AnySequence(try t.rows())
        case .string(let s): return AnySequence(s.lazy.map { .string(String($0)) })
        case .object(let range as PythonRange): return AnySequence(range.numbers.lazy.map { .int($0) })
        case .object(let dict as PythonDict): return AnySequence(dict.keys)
        default: throw InterpreterError(.type, "cannot loop over \(v.kindDescription)")
        }
    }

    /// `a, b = value`: the value's items, which must be exactly `count`.
    static func unpack(_ v: Value, count: Int) throws -> [Value] {
        let length: Int
        switch v {
        case .tuple(let elements), .list(let elements): length = elements.count
        case .tensor(let t) where t.ndim > 0: length = t.shape[0]
        default: throw InterpreterError(.type, "cannot unpack \(v.kindDescription) into \(count) names")
        }
        guard length == count else {
            throw InterpreterError(.value, "cannot unpack \(length) value\(length == 1 ? "" : "s") into \(count) names")
        }
        return Array(try iterate(v))
    }

    // MARK: Attributes

    static func attribute(_ v: Value, _ name: String, builtins: BuiltinTable) throws -> Value {
        if name == "__class__" { return v.type }
        switch v {
        case .tensor(let t):
            return try TensorAttributes.value(t, name, builtins: builtins)
        case .object(let object):
            return try object.attribute(name)
        default:
            throw InterpreterError(.type, "\(v.kindDescription) has no attribute '\(name)'")
        }
    }

    static func setAttribute(_ container: inout Value, _ name: String, _ value: Value) throws {
        switch container {
        case .object(var object):
            try object.setAttribute(name, value)
            container = .object(object)
        case .tensor:
            throw InterpreterError(.type, "a tensor's '\(name)' cannot be assigned; make a new tensor (reshape, astype …) instead")
        default:
            throw InterpreterError(.type, "\(container.kindDescription) has no attributes to assign")
        }
    }

    // MARK: Indexing

    /// `v[indices]`.
    static func item(_ v: Value, _ indices: [IndexValue]) throws -> Value {
        switch v {
        case .tensor(let t):
            return .tensor(try t.index(try tensorIndices(indices, ndim: t.ndim)))
        case .tuple(let items):
            return try sequenceItem(items, indices, kind: "tuple", wrap: Value.tuple)
        case .list(let items):
            return try sequenceItem(items, indices, kind: "list", wrap: Value.list)
        case .string(let s):
            return try sequenceItem(s.map { .string(String($0)) }, indices, kind: "string") { parts in
                .string(parts.map(\.str).joined())
            }
        case .object(let dict as PythonDict):
            let key = try dictKey(indices)
            guard let value = try dict.get(key) else { throw InterpreterError(.index, "the dict has no key \(key.repr)") }
            return value
        case .object(let object) where indices.count == 1:
            throw notIndexable(object, key: indices[0])
        default:
            throw InterpreterError(.type, "\(v.kindDescription) cannot be indexed")
        }
    }

    /// An object is read by attribute, not by key: `history["train_loss"]` is `history.train_loss`.
    /// A string key names the attribute it meant, or the closest one.
    private static func notIndexable(_ object: ScriptObject, key: IndexValue) -> InterpreterError {
        let description = Value.object(object).kindDescription
        guard case .value(.string(let name), _) = key, !object.attributeNames.isEmpty else {
            return InterpreterError(.type, "\(description) cannot be indexed")
        }
        let attributes = object.attributeNames
        let exact = attributes.contains(name) ? name : closestName(to: name, among: attributes)
        let meant = exact.map { [$0] } ?? attributes.filter { $0.hasSuffix("_" + name) }
        let advice = meant.isEmpty ? "they are " + listed(attributes) : "did you mean " + listed(meant, or: true) + "?"
        return InterpreterError(.type, "\(description) cannot be indexed; its values are attributes: \(advice)")
    }

    /// ".a, .b and .c" (or ".a, .b or .c").
    private static func listed(_ attributes: [String], or: Bool = false) -> String {
        let names = attributes.map { "." + $0 }
        guard names.count > 1 else { return names.first ?? "" }
        return names.dropLast().joined(separator: ", ") + (or ? " or " : " and ") + names.last!
    }

    /// `container[indices] = value`. For tensors the value is broadcast and cast
    /// to the tensor's dtype; the tensor is unchanged if anything is wrong.
    static func setItem(_ container: inout Value, _ indices: [IndexValue], _ value: Value) throws {
        switch container {
        case .tensor(var t):
            // Written into the elements every name for this array sees, as numpy does
            // (`grads[0][...] = dW` fills the array a layer also holds).
            guard let source = try value.asTensor() else {
                throw InterpreterError(.type, "cannot store \(value.kindDescription) in a tensor")
            }
            try t.assignShared(try tensorIndices(indices, ndim: t.ndim), source)
        case .list(var items):
            guard indices.count == 1, case .value(let key, _) = indices[0], let i = key.asInt else {
                throw InterpreterError(.type, "list items are assigned one at a time with a whole-number index")
            }
            items[try position(i, count: items.count, kind: "list")] = value
            container = try nested(.list(items))
        case .object(var dict as PythonDict):
            try dict.set(try dictKey(indices), value)
            container = .object(dict)
        default:
            throw InterpreterError(.type, "\(container.kindDescription) does not support item assignment")
        }
    }

    /// The key of `d[key]`.
    private static func dictKey(_ indices: [IndexValue]) throws -> Value {
        guard indices.count == 1, case .value(let key, _) = indices[0] else {
            throw InterpreterError(.type, "a dict takes one key between the brackets")
        }
        return key
    }

    /// The language's subscripts as the Tensor module's indices. A tuple as the
    /// only subscript is a multi-index, as in numpy (`x[(0, 1)]` is `x[0, 1]`).
    static func tensorIndices(_ indices: [IndexValue], ndim: Int) throws -> [TensorIndex] {
        if indices.count == 1, case .value(.tuple(let items), let span) = indices[0] {
            return try tensorIndices(items.map { .value($0, span) }, ndim: ndim)
        }
        return try indices.flatMap { entry -> [TensorIndex] in
            switch entry {
            case .ellipsis:
                let used = indices.filter {
                    if case .ellipsis = $0 { return false }
                    if case .value(.none, _) = $0 { return false }
                    return true
                }.count
                return Array(repeating: TensorIndex.all, count: Swift.max(0, ndim - used))
            case .value(let v, _): return [try tensorIndex(v)]
            case .slice(let start, let stop, let step):
                let s = try sliceBound(step)
                if s == 0 { throw InterpreterError(.value, "slice step cannot be zero") }
                return [.slice(start: try sliceBound(start), stop: try sliceBound(stop), step: s)]
            }
        }
    }

    private static func tensorIndex(_ v: Value) throws -> TensorIndex {
        switch v {
        case .none: return .newAxis
        case .int(let i): return .int(i)
        case .bool:
            throw InterpreterError(.type, "a plain true/false cannot index a tensor; use a bool mask tensor like x[x > 0]")
        case .tensor(let t) where t.ndim == 0 && t.dtype.kind == .integer: return .int(Int(t.int64s[0]))
        case .tensor(let t) where t.dtype.kind != .floatingPoint: return .tensor(t)
        case .tensor(let t):
            throw InterpreterError(.type, "index tensors must hold int64 positions or a bool mask, not \(t.dtype.rawValue); use idx.astype(\"int64\")")
        case .list(let items) where items.isEmpty, .tuple(let items) where items.isEmpty:
            // numpy reads an empty index list as int64 positions, which select nothing.
            return .tensor(Tensor(shape: [0], int64s: []))
        case .list, .tuple:
            if let t = try v.asTensor() { return try tensorIndex(.tensor(t)) }
            throw InterpreterError(.type, "an index list must hold whole numbers")
        default:
            throw InterpreterError(.type, "indices must be whole numbers, slices, tensors or none, not \(v.kindDescription)")
        }
    }

    private static func sliceBound(_ v: Value) throws -> Int? {
        if case .none = v { return nil }
        guard let i = v.asInt else {
            throw InterpreterError(.type, "slice bounds must be whole numbers or none, not \(v.kindDescription)")
        }
        return i
    }

    /// Python indexing of a tuple, list or string: one whole number (negative
    /// counts from the end) or one slice.
    private static func sequenceItem(_ items: [Value], _ indices: [IndexValue], kind: String,
                                     wrap: ([Value]) -> Value) throws -> Value {
        guard indices.count == 1 else {
            throw InterpreterError(.type, "a \(kind) takes one index, got \(indices.count)")
        }
        switch indices[0] {
        case .value(let key, _):
            guard let i = key.asInt else {
                throw InterpreterError(.type, "\(kind) indices must be whole numbers, not \(key.kindDescription)")
            }
            return items[try position(i, count: items.count, kind: kind)]
        case .slice(let start, let stop, let step):
            let positions = try sliceRange(count: items.count, try sliceBound(start), try sliceBound(stop), try sliceBound(step))
            return wrap(positions.map { items[$0] })
        case .ellipsis:
            throw InterpreterError(.type, "'...' indexes tensors, not a \(kind)")
        }
    }

    private static func position(_ i: Int, count: Int, kind: String) throws -> Int {
        let p = i < 0 ? i + count : i
        guard p >= 0 && p < count else {
            throw InterpreterError(.index, "\(kind) index \(i) is out of range for length \(count)")
        }
        return p
    }

    /// The positions Python's `start:stop:step` selects from `count` items.
    static func sliceRange(count: Int, _ start: Int?, _ stop: Int?, _ step: Int?) throws -> [Int] {
        guard step != 0 else { throw InterpreterError(.value, "slice step cannot be zero") }
        return try SlicePositions(start: start, stop: stop, step: step, size: count).positions
    }
}

extension Value {
    var isTensor: Bool {
        if case .tensor = self { return true }
        return false
    }

    /// A list or tuple, which numpy turns into an array where it meets one (`x * [1, 2]`).
    var isSequence: Bool {
        switch self {
        case .list, .tuple: return true
        default: return false
        }
    }

    var isBool: Bool {
        if case .bool = self { return true }
        return false
    }

    /// The shape of a number (`[]`) or a tensor; nil for anything else.
    var numericShape: [Int]? {
        switch self {
        case .bool, .int, .float: return []
        case .tensor(let t): return t.shape
        default: return nil
        }
    }
}
