import Support
import Tensor

/// One parameter of a builtin, as its signature shows it.
public struct Parameter {
    public enum Kind {
        /// Must be given, by position or by name.
        case required
        /// May be given by position or by name; otherwise takes the default.
        case optional(Value)
        /// `*shape`: takes every remaining positional argument.
        case variadic
        /// After a variadic parameter: only by name, otherwise the default.
        case keywordOnly(Value)
    }

    public let name: String
    public let kind: Kind

    public static func required(_ name: String) -> Parameter { Parameter(name: name, kind: .required) }
    public static func optional(_ name: String, _ defaultValue: Value) -> Parameter {
        Parameter(name: name, kind: .optional(defaultValue))
    }
    public static func variadic(_ name: String) -> Parameter { Parameter(name: name, kind: .variadic) }
    public static func keywordOnly(_ name: String, _ defaultValue: Value) -> Parameter {
        Parameter(name: name, kind: .keywordOnly(defaultValue))
    }

    /// `x`, `axis: none`, `*shape`, `dtype: "float64"`.
    var text: String {
        switch kind {
        case .required: return name
        case .optional(let value), .keywordOnly(let value): return "\(name): \(Parameter.literal(value))"
        case .variadic: return "*\(name)"
        }
    }

    /// A default value written as the learner would type it.
    private static func literal(_ value: Value) -> String {
        switch value {
        case .none: return "none"
        case .bool(let b): return b ? "true" : "false"
        case .string(let s): return "\"\(s)\""
        default: return value.repr
        }
    }
}

/// A function of the REPL language: its signature, its help text with an
/// example, and its implementation. Every builtin lives in one `BuiltinTable`,
/// which `help(name)`, `:help name` and tab completion read.
public struct Builtin {
    public typealias Body = (Arguments) throws -> Value

    public let name: String
    public let parameters: [Parameter]
    /// The group `:help` lists it under, e.g. "arrays", "math", "random".
    public let category: String
    /// One paragraph: what it does, its arguments, what it returns.
    public let help: String
    /// A line or two of REPL input and its output.
    public let example: String
    /// `sum(x, axis: none, keepdims: false)`; a method keeps the signature of its function.
    public let signatureText: String
    let body: Body
    /// True for a builtin that changes its first argument in place, as numpy's
    /// `shuffle(x)` does: its body returns the argument's new value, the call stores
    /// it back where the argument came from, and the call itself gives None.
    public private(set) var updatesFirstArgument = false

    public init(_ name: String, _ parameters: [Parameter], category: String,
                help: String, example: String, body: @escaping Body) {
        self.name = name
        self.parameters = parameters
        self.category = category
        self.help = help
        self.example = example
        self.body = body
        signatureText = "\(name)(" + parameters.map(\.text).joined(separator: ", ") + ")"
    }

    private init(_ builtin: Builtin, parameters: [Parameter], body: @escaping Body) {
        name = builtin.name
        self.parameters = parameters
        category = builtin.category
        help = builtin.help
        example = builtin.example
        signatureText = builtin.signatureText
        self.body = body
    }

    /// This builtin, changing its first argument in place (see `updatesFirstArgument`).
    func updatingFirstArgument() -> Builtin {
        var builtin = self
        builtin.updatesFirstArgument = true
        return builtin
    }

    /// The help page: signature, paragraph and example.
    public var helpText: String {
        var text = signatureText + "\n\n" + help
        if !example.isEmpty {
            text += "\n\nExample:\n" + example.split(separator: "\n", omittingEmptySubsequences: false)
                .map { "    " + $0 }.joined(separator: "\n")
        }
        return text
    }

    /// Calls the builtin with evaluated arguments, binding them to its parameters
    /// as Python does; wrong counts or names give a message naming the signature.
    public func call(_ positional: [Value], keywords: [(String, Value)] = [], session: Session) throws -> Value {
        let arguments = try bind(positional, keywords, session: session)
        do {
            return try body(arguments)
        } catch let error as InterpreterError {
            throw error
        } catch {
            throw InterpreterError.wrapping(error)
        }
    }

    /// The method form `x.sum(axis: 1)`: the same builtin with `x` as its first argument.
    func bound(to receiver: Value) -> Builtin {
        Builtin(self, parameters: Array(parameters.dropFirst())) { arguments in
            var values = arguments.values
            values[parameters[0].name] = receiver
            return try body(Arguments(builtin: self, session: arguments.session, values: values, rest: arguments.rest))
        }
    }

    private func bind(_ positional: [Value], _ keywords: [(String, Value)], session: Session) throws -> Arguments {
        var values: [String: Value] = [:]
        var rest: [Value] = []
        var remaining = positional[...]
        for parameter in parameters {
            switch parameter.kind {
            case .required, .optional:
                if let value = remaining.popFirst() { values[parameter.name] = value }
            case .variadic:
                rest = Array(remaining)
                remaining = []
            case .keywordOnly:
                break
            }
        }
        if !remaining.isEmpty {
            let most = parameters.filter { if case .keywordOnly = $0.kind { return false }; return true }.count
            throw signatureError("takes at most \(most) positional argument\(most == 1 ? "" : "s"), got \(positional.count)")
        }
        for (label, value) in keywords {
            guard let parameter = parameters.first(where: { $0.name == label }), !parameter.isVariadic else {
                var message = "unexpected keyword argument '\(label)'"
                let names = parameters.filter { !$0.isVariadic }.map(\.name)
                if let suggestion = closestName(to: label, among: names) { message += "; did you mean '\(suggestion)'?" }
                throw signatureError(message)
            }
            guard values[label] == nil else { throw signatureError("got '\(label)' twice") }
            values[label] = value
        }
        for parameter in parameters where values[parameter.name] == nil {
            switch parameter.kind {
            case .required: throw signatureError("missing argument '\(parameter.name)'")
            case .optional(let value), .keywordOnly(let value): values[parameter.name] = value
            case .variadic: break
            }
        }
        return Arguments(builtin: self, session: session, values: values, rest: rest)
    }

    private func signatureError(_ message: String) -> InterpreterError {
        InterpreterError(.type, "\(signatureText): \(message)")
    }
}

private extension Parameter {
    var isVariadic: Bool {
        if case .variadic = kind { return true }
        return false
    }
}
