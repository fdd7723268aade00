/// The syntax tree of the REPL language. Every node keeps its source span so
/// that errors can point at the part of the line that failed.
public struct Expr {
    public indirect enum Kind {
        case int(Int)
        case float(Double)
        case string(String)
        case bool(Bool)
        case none
        case name(String)
        /// A local variable of the function it is in, at its place in the call's frame.
        case local(String, slot: Int)
        /// `[a, b, …]`: a tensor when every element is a number, else a list.
        case list([Expr])
        /// `(a, b)` or `a, b`.
        case tuple([Expr])
        case unary(UnaryOperator, Expr)
        case binary(BinaryOperator, Expr, Expr)
        /// `a and b`, `a or b`: the right side runs only when needed.
        case logical(LogicalOperator, Expr, Expr)
        case call(Expr, [Argument])
        case attribute(Expr, String)
        case index(Expr, [Subscript])
        /// `...`, numpy's "every axis" index (`grads[0][...] = dW`).
        case ellipsis
        /// `a if condition else b`.
        case conditional(condition: Expr, then: Expr, otherwise: Expr)
        /// `lambda x, y=1: x + y`.
        case lambda(FunctionDefinition)
        /// `{key: value, …}`.
        case dict([(key: Expr, value: Expr)])
        /// `[x * x for x in xs if x > 0]`, `{k: v for k, v in pairs}`.
        case comprehension(Comprehension)
        /// `f"loss {loss:.4f}"`.
        case formatted([FormattedField])
    }

    public var kind: Kind
    public var span: SourceSpan
}

public enum UnaryOperator: String {
    case negate = "-", plus = "+", invert = "~", not
}

/// Binary operators, grouped by precedence as in Python (lowest first):
/// `|`, `&`, comparisons, `+ -`, `* / // % @`, `**`.
public enum BinaryOperator: String {
    case add = "+", subtract = "-", multiply = "*", divide = "/", floorDivide = "//", remainder = "%"
    case power = "**", matmul = "@"
    case less = "<", lessEqual = "<=", greater = ">", greaterEqual = ">=", equal = "==", notEqual = "!="
    case and = "&", or = "|"
    case contains = "in", notContains = "not in", identical = "is", notIdentical = "is not"

    /// `in`, `not in`, `is`, `is not`: defined for any values, never element-wise.
    var isMembershipOrIdentity: Bool {
        switch self {
        case .contains, .notContains, .identical, .notIdentical: return true
        default: return false
        }
    }

    /// numpy's name for the arithmetic, as its warnings give it (`divide by zero encountered in divide`);
    /// nil where no warning is given: operators whose result never overflows, and `//` and `%`,
    /// whose computation here raises other floating-point flags than numpy's for the same values.
    var numpyName: String? {
        switch self {
        case .add: return "add"
        case .subtract: return "subtract"
        case .multiply: return "multiply"
        case .divide: return "divide"
        case .power: return "power"
        default: return nil
        }
    }

    var isComparison: Bool {
        switch self {
        case .less, .lessEqual, .greater, .greaterEqual, .equal, .notEqual,
             .contains, .notContains, .identical, .notIdentical: return true
        default: return false
        }
    }
}

public enum LogicalOperator: String {
    case and, or
}

/// One argument of a call: positional, or keyword (`axis: 1` or `axis=1`).
public struct Argument {
    public var label: String?
    public var value: Expr
    public var span: SourceSpan
}

/// One entry between the brackets of `x[…]`.
public enum Subscript {
    case expression(Expr)
    /// `start:stop:step`, each part optional.
    case slice(Expr?, Expr?, Expr?)
}

/// One statement; a line holds one or more, separated by `;`. A block is the
/// statements indented under a line ending in `:`, or those after the `:` on the same line.
public indirect enum Statement {
    /// An expression whose value is echoed.
    case expression(Expr)
    /// `a = …`, `X, y = …`, `x[0, 1] = …`, `net.layers[0].W = …`.
    case assign([Expr], Expr, span: SourceSpan)
    /// `W1 -= lr * dW1`.
    case augmented(Expr, BinaryOperator, Expr, span: SourceSpan)
    /// `for i in range(10): …`, `for x, y in zip(xs, ys): …`: the targets take each item in turn.
    case loop(targets: [Expr], sequence: Expr, body: [Statement], span: SourceSpan)
    /// `while condition: …`.
    case whileLoop(condition: Expr, body: [Statement])
    /// `with gzip.open(path) as f: …`: the block runs with the value bound to the target,
    /// and then the value is closed, if it is a file.
    case with(context: Expr, target: Expr?, body: [Statement], span: SourceSpan)
    /// `if …: … elif …: … else: …`: the first branch whose condition holds runs.
    case branches([(condition: Expr, body: [Statement])], otherwise: [Statement])
    case breakLoop
    case continueLoop
    case pass
    /// `assert condition, message`.
    case assert(Expr, message: Expr?, span: SourceSpan)
    /// `def name(…): …`.
    case function(FunctionDefinition)
    /// `return` or `return value`.
    case returnValue(Expr?)
    /// `class Name(Base): …`.
    case classDefinition(ClassDefinition)
    /// `import numpy as np`, `from numpy import zeros, exp`.
    case importModule(ModuleImport)
}

/// A function's parameters and body, with the names it assigns (its local
/// variables), found once when it is parsed.
public final class FunctionDefinition {
    public struct Parameter {
        public let name: String
        public let defaultValue: Expr?
    }

    public let name: String
    public let parameters: [Parameter]
    public let body: [Statement]
    public let span: SourceSpan
    /// The local variables: the parameters first, then every name the body assigns.
    let locals: [String]
    /// Each local's place in a call's frame.
    let slots: [String: Int]

    init(name: String, parameters: [Parameter], body: [Statement], span: SourceSpan) {
        self.name = name
        self.parameters = parameters
        self.span = span
        var locals = parameters.map(\.name)
        for name in body.flatMap(\.assignedNames) where !locals.contains(name) { locals.append(name) }
        self.locals = locals
        let slots = Dictionary(uniqueKeysWithValues: locals.enumerated().map { ($1, $0) })
        self.slots = slots
        self.body = body.map { $0.resolving(slots) }
    }
}

/// `class Name(Base):` and the statements of its body (methods and class attributes).
public struct ClassDefinition {
    public let name: String
    public let base: Expr?
    public let body: [Statement]
    public let span: SourceSpan
}

/// The `for` and `if` clauses of a comprehension, in order, and what each item makes.
public struct Comprehension {
    public enum Clause {
        case loop(targets: [Expr], sequence: Expr)
        case filter(Expr)
    }

    public enum Element {
        case item(Expr)
        case entry(key: Expr, value: Expr)
    }

    public let element: Element
    public let clauses: [Clause]
    /// The scope of the loop variables, which do not leak out (as in Python 3).
    let scope: FunctionDefinition
}

/// One piece of an f-string: literal text, or `{value!conversion:spec}`.
public enum FormattedField {
    case text(String)
    case value(Expr, conversion: Character?, spec: String)
}

/// `import module [as name]` or `from module import name [as alias], …`.
public struct ModuleImport {
    public let module: String
    /// For `import`: the name bound to the module; for `from`: (name in the module, name bound).
    public let alias: String?
    public let names: [(name: String, alias: String)]
    public let isFrom: Bool
    public let span: SourceSpan
}

extension Statement {
    /// The names this statement binds in the scope it runs in (not inside
    /// nested functions or classes, which have their own).
    var assignedNames: [String] {
        switch self {
        case .assign(let targets, _, _): return targets.flatMap(\.boundNames)
        case .augmented(let target, _, _, _): return target.boundNames
        case .loop(let targets, _, let body, _): return targets.flatMap(\.boundNames) + body.flatMap(\.assignedNames)
        case .whileLoop(_, let body): return body.flatMap(\.assignedNames)
        case .with(_, let target, let body, _): return (target?.boundNames ?? []) + body.flatMap(\.assignedNames)
        case .branches(let branches, let otherwise):
            return branches.flatMap { $0.body.flatMap(\.assignedNames) } + otherwise.flatMap(\.assignedNames)
        case .function(let definition): return [definition.name]
        case .classDefinition(let definition): return [definition.name]
        case .importModule(let module):
            return module.isFrom ? module.names.map(\.alias) : [module.alias ?? module.module]
        case .expression, .breakLoop, .continueLoop, .pass, .assert, .returnValue: return []
        }
    }
}

extension Expr {
    /// True for a string literal (a docstring, when it stands alone).
    var isString: Bool {
        if case .string = kind { return true }
        return false
    }

    /// The name of a variable, global or local; nil for other expressions.
    var variableName: String? {
        switch kind {
        case .name(let name), .local(let name, _): return name
        default: return nil
        }
    }

    /// The variable names an assignment to this target binds (`x` in `x = …`
    /// and in `x, y = …`, none in `x[0] = …`).
    var boundNames: [String] {
        switch kind {
        case .name(let name), .local(let name, _): return [name]
        case .tuple(let elements), .list(let elements): return elements.flatMap(\.boundNames)
        default: return []
        }
    }
}

/// Parsed source, ready to run any number of times without parsing again.
public struct Program {
    public let source: String
    public let statements: [Statement]
}
