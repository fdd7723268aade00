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

    var isComparison: Bool {
        switch self {
        case .less, .lessEqual, .greater, .greaterEqual, .equal, .notEqual: return true
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

/// One statement; a line holds one or more, separated by `;`.
public enum Statement {
    /// An expression whose value is echoed.
    case expression(Expr)
    /// `a = …`, `X, y = …`, `x[0, 1] = …`, `net.layers[0].W = …`.
    case assign([Expr], Expr, span: SourceSpan)
    /// `W1 -= lr * dW1`.
    case augmented(Expr, BinaryOperator, Expr, span: SourceSpan)
    /// `for i in range(10): a = a + i; print(a)` — the body is the rest of the line.
    case loop(variable: String, sequence: Expr, body: [Statement], span: SourceSpan)
}

/// Parsed source, ready to run any number of times without parsing again.
public struct Program {
    public let source: String
    public let statements: [Statement]
}
