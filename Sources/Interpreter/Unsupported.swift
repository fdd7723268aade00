/// Python constructs the language does not have. Using one is a syntax error
/// that names the construct and says what to write instead, rather than
/// leaving the learner to guess from an unexpected token.
enum Unsupported {
    case tryStatement, except, finally, raise, yield, global, nonlocal, async, await, del
    case decorator, walrus, starParameters, starArguments, annotation, set, multipleInheritance, loopElse

    /// The construct a reserved keyword begins; nil for keywords the language has.
    init?(_ keyword: Keyword) {
        switch keyword {
        case .try: self = .tryStatement
        case .except: self = .except
        case .finally: self = .finally
        case .raise: self = .raise
        case .yield: self = .yield
        case .global: self = .global
        case .nonlocal: self = .nonlocal
        case .async: self = .async
        case .await: self = .await
        case .del: self = .del
        default: return nil
        }
    }

    var message: String {
        switch self {
        case .tryStatement, .except, .finally:
            let word = self == .tryStatement ? "try" : self == .except ? "except" : "finally"
            return "'\(word)' is not supported in mlplab (there is no try/except/finally): an error stops the statement and the session goes on; check values with 'if' beforehand"
        case .raise:
            return "'raise' is not supported in mlplab; to stop with a message, write: assert condition, \"message\""
        case .yield:
            return "'yield' (generators) is not supported in mlplab; build a list and return it"
        case .global, .nonlocal:
            return "'\(self == .global ? "global" : "nonlocal")' is not supported in mlplab; return the new value from the function and assign it outside"
        case .async, .await:
            return "'\(self == .async ? "async" : "await")' is not supported in mlplab: statements run one after another"
        case .del:
            return "'del' is not supported in mlplab; to remove a variable, use the command :del NAME"
        case .decorator:
            return "decorators ('@name' before a def) are not supported in mlplab; call the wrapper yourself: f = wrapper(f)"
        case .walrus:
            return "the walrus operator ':=' is not supported in mlplab; assign with '=' on a statement of its own"
        case .starParameters:
            return "star parameters (*args, **kwargs) are not supported in mlplab; name each parameter"
        case .starArguments:
            return "star arguments (*args, **kwargs unpacking) are not supported in mlplab; pass each argument by itself"
        case .annotation:
            return "variable annotations (x: int = …) are not supported in mlplab; write x = …"
        case .set:
            return "sets ({a, b}) are not supported in mlplab; use a list [a, b] or a dict {key: value}"
        case .multipleInheritance:
            return "multiple inheritance is not supported in mlplab; a class has at most one base class"
        case .loopElse:
            return "'else' after a for or while loop is not supported in mlplab; use a flag variable and 'if' after the loop"
        }
    }

    func error(at span: SourceSpan) -> InterpreterError {
        InterpreterError(.syntax, message, at: span)
    }
}
