import Support
/// A function made by `def` or `lambda`: its definition, the default values
/// (computed once, when the `def` ran, as in Python) and the frame it was
/// defined in, whose variables it keeps reading (a closure).
final class Function: ScriptObject {
    let definition: FunctionDefinition
    /// One per parameter; nil where the parameter has no default.
    let defaults: [Value?]
    let enclosing: Frame?
    /// The class whose body defined it, for `super()` in its methods.
    weak var owner: ClassObject?

    init(_ definition: FunctionDefinition, defaults: [Value?], enclosing: Frame?) {
        self.definition = definition
        self.defaults = defaults
        self.enclosing = enclosing
    }

    var name: String { definition.name }
    var typeName: String { "function" }
    var description: String {
        "<function \(name)(" + definition.parameters.map(\.name).joined(separator: ", ") + ")>"
    }
    var attributeNames: [String] { ["__name__"] }

    func attribute(_ name: String) throws -> Value {
        guard name == "__name__" else { throw noSuchAttribute(name) }
        return .string(self.name)
    }
}

/// The local variables of one running call, in the places its definition gave them.
final class Frame {
    let function: Function
    var slots: [Value?]

    init(_ function: Function, slots: [Value?]) {
        self.function = function
        self.slots = slots
    }

    /// The place of a local variable of this frame, or nil for other names.
    func slot(of name: String) -> Int? {
        function.definition.slots[name]
    }
}

/// `obj.method`: the method with its instance, ready to be called.
struct BoundMethod: ScriptObject {
    let receiver: Value
    let function: Function

    var typeName: String { "method" }
    var description: String { "<bound method \(receiver.kindName).\(function.name)>" }
    var attributeNames: [String] { [] }

    func attribute(_ name: String) throws -> Value { throw noSuchAttribute(name) }
}

/// A class made by `class Name(Base):`: its methods and class attributes, and its base.
final class ClassObject: ScriptObject {
    let name: String
    let base: ClassObject?
    var members: [String: Value]

    init(name: String, base: ClassObject?, members: [String: Value]) {
        self.name = name
        self.base = base
        self.members = members
    }

    var typeName: String { "class" }
    var description: String { "<class '\(name)'>" }
    var attributeNames: [String] { Array(allMembers.keys).sorted() }

    /// Its members and its bases', its own taking precedence.
    private var allMembers: [String: Value] {
        (base?.allMembers ?? [:]).merging(members) { $1 }
    }

    /// A member of the class or of a base class, nearest first.
    func member(_ name: String) -> Value? {
        members[name] ?? base?.member(name)
    }

    func attribute(_ name: String) throws -> Value {
        if name == "__name__" { return .string(self.name) }
        guard let value = member(name) else { throw noSuchAttribute(name) }
        return value
    }

    func setAttribute(_ name: String, _ value: Value) throws {
        members[name] = value
    }

    /// True when this class is `other` or derives from it.
    func isSubclass(of other: ClassObject) -> Bool {
        self === other || base?.isSubclass(of: other) == true
    }
}

/// An object of a class the learner defined. Like a Python object it is
/// shared, not copied: `layer = net.layers[0]; layer.W = W2` changes the
/// network's layer too.
final class Instance: ScriptObject {
    let type: ClassObject
    private(set) var attributes: [String: Value] = [:]
    /// The names in the order they were first assigned, for `vars` and completion.
    private var order: [String] = []

    init(type: ClassObject) {
        self.type = type
    }

    var typeName: String { type.name }
    var description: String { "<\(type.name) object>" }
    var attributeNames: [String] { order + type.attributeNames.filter { attributes[$0] == nil } }

    /// An attribute of the object, else a member of its class (a method comes bound to the object).
    func attribute(_ name: String) throws -> Value {
        if let value = attributes[name] { return value }
        if name == "__class__" { return .object(type) }
        guard let member = type.member(name) else {
            throw InterpreterError(.type, "\(type.name) object has no attribute '\(name)'" + suggestion(for: name))
        }
        if case .object(let function as Function) = member {
            return .object(BoundMethod(receiver: .object(self), function: function))
        }
        return member
    }

    private func suggestion(for name: String) -> String {
        closestName(to: name, among: attributeNames).map { "; did you mean '\($0)'?" } ?? ""
    }

    func setAttribute(_ name: String, _ value: Value) throws {
        if attributes.updateValue(value, forKey: name) == nil { order.append(name) }
    }
}

/// `super()` in a method: the instance, seen from the class above the method's own.
struct SuperProxy: ScriptObject {
    let receiver: Instance
    let start: ClassObject

    var typeName: String { "super" }
    var description: String { "<super: <class '\(start.name)'>>" }
    var attributeNames: [String] { start.attributeNames }

    func attribute(_ name: String) throws -> Value {
        guard let member = start.member(name) else {
            throw InterpreterError(.type, "'super' object has no attribute '\(name)': no base class of \(receiver.type.name) defines it")
        }
        if case .object(let function as Function) = member {
            return .object(BoundMethod(receiver: .object(receiver), function: function))
        }
        return member
    }
}
