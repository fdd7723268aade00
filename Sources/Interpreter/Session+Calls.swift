import Support
import Tensor

/// Functions, classes, modules and comprehensions: the parts of the language
/// that run code in a scope of its own.
extension Session {
    /// How deep calls of functions defined with `def` may nest. Each call goes
    /// several Swift calls deep, so this stays well inside the thread's stack.
    static let maximumCallDepth = 200

    // MARK: Functions

    /// The function a `def` or `lambda` makes here: defaults are computed now,
    /// and the running call (if any) is kept as the scope it reads outer names from.
    func makeFunction(_ definition: FunctionDefinition) throws -> Function {
        let defaults = try definition.parameters.map { parameter in try parameter.defaultValue.map { try value(of: $0) } }
        return Function(definition, defaults: defaults, enclosing: frame)
    }

    /// Calls a function, a bound method, or a class (which makes an instance).
    func call(_ object: any ScriptObject, _ positional: [Value], _ keywords: [(String, Value)],
              span: SourceSpan) throws -> Value {
        switch object {
        case let function as Function:
            return try call(function, positional, keywords, span: span)
        case let method as BoundMethod:
            return try call(method.function, [method.receiver] + positional, keywords, span: span)
        case let type as ClassObject:
            return try instantiate(type, positional, keywords, span: span)
        default:
            throw InterpreterError(.type, "\(Value.object(object).kindDescription) is not callable", at: span)
        }
    }

    /// Runs a function's body in a new frame with the arguments bound to its parameters.
    /// An error inside is reported at the call, naming the function.
    func call(_ function: Function, _ positional: [Value], _ keywords: [(String, Value)],
              span: SourceSpan) throws -> Value {
        let slots = try locating(span) { try arguments(of: function, positional, keywords) }
        guard callDepth < Session.maximumCallDepth else {
            throw InterpreterError(.recursion, "maximum recursion depth exceeded (\(Session.maximumCallDepth) calls of \(function.name) and others under way): does the recursion reach its base case?",
                                   at: span)
        }
        let caller = frame
        frame = Frame(function, slots: slots)
        callDepth += 1
        defer {
            frame = caller
            callDepth -= 1
        }
        do {
            if case .returned(let value) = try execute(function.definition.body) { return value }
            return .none
        } catch {
            var error = InterpreterError.wrapping(error)
            if error.kind != .interrupted && error.kind != .recursion { error.calls.append(function.name) }
            error.span = span
            throw error
        }
    }

    /// The frame's slots for a call: the arguments in the parameters' places, the defaults where none was given.
    private func arguments(of function: Function, _ positional: [Value], _ keywords: [(String, Value)]) throws -> [Value?] {
        let definition = function.definition
        let parameters = definition.parameters
        guard positional.count <= parameters.count else {
            throw InterpreterError(.type, "\(function.name)() takes \(parameters.count) positional argument\(parameters.count == 1 ? "" : "s") but \(positional.count) were given")
        }
        var slots = [Value?](repeating: nil, count: definition.locals.count)
        for (i, value) in positional.enumerated() { slots[i] = value }
        for (label, value) in keywords {
            guard let i = definition.slots[label], i < parameters.count else {
                var message = "\(function.name)() got an unexpected keyword argument '\(label)'"
                if let suggestion = closestName(to: label, among: parameters.map(\.name)) { message += "; did you mean '\(suggestion)'?" }
                throw InterpreterError(.type, message)
            }
            guard slots[i] == nil else { throw InterpreterError(.type, "\(function.name)() got two values for argument '\(label)'") }
            slots[i] = value
        }
        for i in parameters.indices where slots[i] == nil {
            guard let defaultValue = function.defaults[i] else {
                throw InterpreterError(.type, "\(function.name)() is missing the argument '\(parameters[i].name)'")
            }
            slots[i] = defaultValue
        }
        return slots
    }

    // MARK: Classes

    /// The class a `class` statement makes: its methods and class attributes.
    func makeClass(_ definition: ClassDefinition) throws -> ClassObject {
        var base: ClassObject?
        if let baseExpr = definition.base {
            guard case .object(let type as ClassObject) = try value(of: baseExpr) else {
                throw InterpreterError(.type, "a class can derive only from a class defined with 'class'", at: baseExpr.span)
            }
            base = type
        }
        let type = ClassObject(name: definition.name, base: base, members: [:])
        for statement in definition.body {
            switch statement {
            case .function(let method):
                let function = try makeFunction(method)
                function.owner = type
                type.members[method.name] = .object(function)
            case .assign(let targets, let valueExpr, let span):
                guard targets.count == 1, case .name(let name) = targets[0].kind else {
                    throw InterpreterError(.syntax, "a class attribute is assigned as name = value", at: span)
                }
                type.members[name] = try value(of: valueExpr)
            default:
                continue
            }
        }
        return type
    }

    /// `Name(…)`: a new instance, set up by `__init__` (its own or a base class's).
    private func instantiate(_ type: ClassObject, _ positional: [Value], _ keywords: [(String, Value)],
                             span: SourceSpan) throws -> Value {
        let instance = Instance(type: type)
        if case .object(let initializer as Function)? = type.member("__init__") {
            _ = try call(initializer, [.object(instance)] + positional, keywords, span: span)
        } else if !positional.isEmpty || !keywords.isEmpty {
            throw InterpreterError(.type, "\(type.name)() takes no arguments: the class has no __init__", at: span)
        }
        return .object(instance)
    }

    /// `super()` inside a method: the instance, looked up from the base of the method's class.
    func superProxy(at span: SourceSpan) throws -> Value {
        guard let frame, let owner = frame.function.owner,
              case .object(let instance as Instance)? = frame.slots.first ?? nil else {
            throw InterpreterError(.type, "super() works only inside a method (a def in a class body)", at: span)
        }
        guard let base = owner.base else {
            throw InterpreterError(.type, "super(): class \(owner.name) has no base class", at: span)
        }
        return .object(SuperProxy(receiver: instance, start: base))
    }

    // MARK: Modules

    /// The modules `import` knows: numpy and its random part, both the builtins under numpy's
    /// names; gzip, whose `open` the seeds' loaders use; and IPython.display for `clear_output`.
    private var modules: [String: Value] {
        guard let numpy = constants["np"], case .object(let namespace) = numpy,
              let random = try? namespace.attribute("random") else { return [:] }
        let clearOutput = builtins["clear_output"].map { ["clear_output": Value.function($0)] } ?? [:]
        return ["numpy": numpy, "numpy.random": random,
                "gzip": .object(PythonModule("gzip", kind: "gzip", members: ["open": .function(CoreBuiltins.gzipOpen)])),
                "time": .object(PythonModule("time", kind: "time", builtIn: true,
                                             members: CoreBuiltins.timeModuleFunctions.map { ($0.name, .function($0)) })),
                "IPython.display": .object(PythonModule("IPython.display", members: clearOutput)),
                "matplotlib": .object(PythonModule("matplotlib", members: ["pyplot": .object(PyplotModule())])),
                "matplotlib.pyplot": .object(PyplotModule())]
    }

    /// The module an import name names ("numpy.linalg" is numpy's attribute `linalg`), for a
    /// workspace file that stores a module.
    func importedModule(named name: String) throws -> any ScriptObject {
        var parts = name.split(separator: ".").map(String.init), attributes: [String] = []
        while !parts.isEmpty {
            if case .object(var module)? = modules[parts.joined(separator: ".")] {
                for attribute in attributes {
                    guard case .object(let next) = try module.attribute(attribute) else { break }
                    module = next
                }
                if (module as? any ImportedModule)?.importName == name { return module }
                break
            }
            attributes.insert(parts.removeLast(), at: 0)
        }
        throw InterpreterError(.file, "the file holds the module \(name), which mlplab does not have")
    }

    /// `import numpy as np`, `import numpy`, `from numpy import zeros, exp`.
    func importModule(_ statement: ModuleImport) throws {
        let modules = self.modules
        guard let module = modules[statement.module] else {
            let names = modules.keys.sorted()
            throw InterpreterError(.importing, "there is no module '\(statement.module)' in mlplab; the modules are "
                                   + names.dropLast().joined(separator: ", ") + " and " + (names.last ?? "")
                                   + " (import numpy as np); the builtins need no import", at: statement.span)
        }
        if !statement.isFrom {
            let top = String(statement.module.prefix { $0 != "." })
            bind(statement.alias ?? top, statement.alias == nil ? modules[top] ?? module : module)
            return
        }
        for (name, alias) in statement.names {
            let value = try locating(statement.span) {
                try Operators.attribute(module, name, builtins: builtins)
            }
            bind(alias, value)
        }
    }

    // MARK: Comprehensions

    /// A list or dict comprehension, run in a scope of its own so that its loop
    /// variables do not leak. The first sequence is computed outside that scope, as in Python.
    func evaluate(_ comprehension: Comprehension) throws -> Value {
        guard case .loop(_, let firstSequence) = comprehension.clauses[0] else { return .list([]) }
        let first = try Operators.iterate(try value(of: firstSequence))
        let function = Function(comprehension.scope, defaults: [], enclosing: frame)
        let caller = frame
        frame = Frame(function, slots: Array(repeating: nil, count: comprehension.scope.locals.count))
        defer { frame = caller }
        var items: [Value] = []
        var dict = PythonDict()
        try visit(comprehension, clause: 0, first: first) {
            switch comprehension.element {
            case .item(let expr): items.append(try value(of: expr))
            case .entry(let keyExpr, let valueExpr): try dict.set(try value(of: keyExpr), try value(of: valueExpr))
            }
        }
        if case .entry = comprehension.element { return .object(dict) }
        return try Operators.nested(.list(items))
    }

    private func visit(_ comprehension: Comprehension, clause index: Int, first: AnySequence<Value>,
                       _ produce: () throws -> Void) throws {
        guard index < comprehension.clauses.count else { return try produce() }
        switch comprehension.clauses[index] {
        case .loop(let targets, let sequence):
            let items = index == 0 ? first : try Operators.iterate(try value(of: sequence))
            for item in items {
                try Interrupt.check()
                try assign(item, to: targets)
                try visit(comprehension, clause: index + 1, first: first, produce)
            }
        case .filter(let condition):
            if try truth(of: condition) { try visit(comprehension, clause: index + 1, first: first, produce) }
        }
    }
}

extension Session {
    /// One piece of an f-string, as text.
    func text(of field: FormattedField) throws -> String {
        switch field {
        case .text(let text):
            return text
        case .value(let expr, let conversion, let spec):
            let value = try value(of: expr)
            return try locating(expr.span) { try PythonFormat.field(value, conversion: conversion, spec: spec) }
        }
    }
}
