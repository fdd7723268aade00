/// Python's dict: keys in the order they were first set. Like the language's
/// lists and tensors it is a value: `b = a` copies it (lazily).
struct PythonDict: ScriptObject {
    private(set) var keys: [Value] = []
    private var positions: [Key: Int] = [:]
    private(set) var values: [Value] = []

    /// What a key is compared by: numbers by value (1 == 1.0 == True), strings, tuples of those.
    enum Key: Hashable {
        case number(Double)
        case string(String)
        case none
        case tuple([Key])
    }

    static func key(_ value: Value) throws -> Key {
        switch value {
        case .none: return .none
        case .bool(let b): return .number(b ? 1 : 0)
        case .int(let i): return .number(Double(i))
        case .float(let d): return .number(d)
        case .string(let s): return .string(s)
        case .tuple(let items): return .tuple(try items.map(key))
        case .dtype(let d): return .string(d.rawValue)
        default: throw InterpreterError(.type, "\(value.kindDescription) cannot be a dict key; use a number, a string or a tuple")
        }
    }

    var typeName: String { "dict" }
    var description: String {
        "{" + zip(keys, values).map { "\($0.repr): \($1.repr)" }.joined(separator: ", ") + "}"
    }
    var attributeNames: [String] { ["items", "keys", "values", "get"] }
    var count: Int { keys.count }

    func get(_ key: Value) throws -> Value? {
        try positions[PythonDict.key(key)].map { values[$0] }
    }

    mutating func set(_ key: Value, _ value: Value) throws {
        let k = try PythonDict.key(key)
        if let i = positions[k] {
            values[i] = value
        } else {
            positions[k] = keys.count
            keys.append(key)
            values.append(value)
        }
    }

    func attribute(_ name: String) throws -> Value {
        switch name {
        case "keys": return method(name) { _ in .list(keys) }
        case "values": return method(name) { _ in .list(values) }
        case "items": return method(name) { _ in .list(zip(keys, values).map { .tuple([$0, $1]) }) }
        case "get":
            return .function(Builtin("get", [.required("key"), .optional("default", .none)], category: "dict",
                                     help: "The value for key, or default when the dict has no such key.", example: "") { args in
                try get(args["key"]) ?? args["default"]
            })
        default: throw noSuchAttribute(name)
        }
    }

    private func method(_ name: String, _ body: @escaping (Arguments) throws -> Value) -> Value {
        .function(Builtin(name, [], category: "dict", help: "The dict's \(name), as a list.", example: "", body: body))
    }
}

/// The methods of a list that change it: the list is taken from its variable
/// (or attribute, or item), changed, and stored back.
enum ListMethods {
    static let names: Set<String> = ["append", "extend", "pop", "insert", "index", "count", "copy", "reverse", "sort"]
    /// The ones numpy's arrays do not have, which turn a tensor written as a list literal into a list.
    static let growing: Set<String> = ["append", "extend", "insert", "pop"]
}

extension Value {
    /// A row of a tensor as a list item: a plain number for a 1-D tensor's element.
    static func plainRow(_ row: Value) -> Value {
        if case .tensor(let t) = row, t.ndim == 0 { return .plain(t) }
        return row
    }
}

extension Session {
    func callListMethod(_ method: String, on items: [Value], target: Expr, _ arguments: [Argument],
                        span: SourceSpan) throws -> Value {
        let (positional, keywords) = try values(of: arguments)
        guard keywords.isEmpty else { throw InterpreterError(.type, "list.\(method)() takes no keyword arguments", at: span) }
        var items = items
        func expect(_ count: ClosedRange<Int>) throws {
            guard count.contains(positional.count) else {
                throw InterpreterError(.type, "list.\(method)() takes \(count.lowerBound == count.upperBound ? "\(count.lowerBound)" : "\(count.lowerBound) to \(count.upperBound)") argument(s), got \(positional.count)", at: span)
            }
        }
        var result: Value = .none
        switch method {
        case "append":
            try expect(1...1)
            items.append(positional[0])
        case "extend":
            try expect(1...1)
            items += try locating(span) { try Operators.listItems(positional[0]) }
        case "insert":
            try expect(2...2)
            guard let i = positional[0].asInt else { throw InterpreterError(.type, "list.insert() needs a whole-number position", at: span) }
            let p = i < 0 ? Swift.max(0, items.count + i) : Swift.min(i, items.count)
            items.insert(positional[1], at: p)
        case "pop":
            try expect(0...1)
            guard !items.isEmpty else { throw InterpreterError(.index, "pop from an empty list", at: span) }
            let i = positional.first?.asInt ?? -1
            let p = i < 0 ? i + items.count : i
            guard p >= 0 && p < items.count else { throw InterpreterError(.index, "pop index \(i) is out of range for length \(items.count)", at: span) }
            result = items.remove(at: p)
        case "index", "count":
            try expect(1...1)
            let matches = try items.indices.filter { try Operators.truth(try Operators.binary(.equal, items[$0], positional[0])) }
            if method == "count" { return .int(matches.count) }
            guard let first = matches.first else { throw InterpreterError(.value, "\(positional[0].repr) is not in the list", at: span) }
            return .int(first)
        case "copy":
            try expect(0...0)
            return .list(items)
        case "reverse":
            try expect(0...0)
            items.reverse()
        default:
            try expect(0...0)
            items = try locating(span) { try Operators.sorted(items) }
        }
        try assign(try locating(span) { try Operators.nested(.list(items)) }, to: [target])
        return result
    }
}
