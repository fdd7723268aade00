import Interpreter
import Support
import Tensor
import TensorComparison

/// A line that gives a value: the lesson's answer to a your-turn cell (`h = X @ W1 + b1`),
/// or what the learner types for it (`X @ W1 + b1`, `h = b1 + X @ W1`).
struct AnswerLine {
    /// The one name the line assigns; nil for a bare expression.
    let target: String?
    let expression: Expr

    /// Nil unless the source is one expression, or one assignment to one name.
    init?(_ program: Program) {
        guard program.statements.count == 1 else { return nil }
        switch program.statements[0] {
        case .expression(let expression):
            target = nil
            self.expression = expression
        case .assign(let targets, let expression, _):
            guard targets.count == 1, case .name(let name) = targets[0].kind else { return nil }
            target = name
            self.expression = expression
        default:
            return nil
        }
    }

    init?(source: String, in session: Session) {
        guard let program = try? session.parse(source) else { return nil }
        self.init(program)
    }
}

/// The lesson's answer to a your-turn cell, worked out in the learner's session.
struct YourTurnAnswer {
    let cell: Cell
    let yourTurn: YourTurn
    let line: AnswerLine

    init?(_ cell: Cell, in session: Session) {
        guard let yourTurn = cell.yourTurn, let answer = cell.answer,
              let line = AnswerLine(source: answer.source, in: session) else { return nil }
        self.cell = cell
        self.yourTurn = yourTurn
        self.line = line
    }

    /// The name the learner's value is kept under ("h"), or nil.
    var target: String? { line.target }

    /// The answer's value now, from the session's variables. An answer that draws random
    /// numbers (`choice(4000, 128)`) leaves the session's generator where it was, so that the
    /// learner's line draws the same numbers.
    func expected(in session: Session) throws -> Value {
        let generator = session.random
        defer { session.random = generator }
        return try session.evaluate(line.expression)
    }

    /// How the learner's value differs from the answer's, as `:check` says it; nil when it
    /// is right. Nil too when `actual` is no number or tensor (see `isComparable`).
    func differences(_ actual: Value, expected: Value, language: LessonLanguage = .en) -> [String]? {
        let korean = language == .ko
        let name = target ?? (korean ? "입력한 값" : "your value")
        guard let got = Self.tensor(actual), let want = Self.tensor(expected) else {
            return [korean ? "\(name): \(actual.kindName), 레슨의 답: \(expected.kindName)"
                           : "\(name): \(actual.kindDescription), the lesson's answer is \(expected.kindDescription)"]
        }
        return Comparison(expected: Named(name, want), actual: got, tolerance: yourTurn.tolerance,
                          language: korean ? .ko : .en).differences
    }

    /// Numbers and tensors are compared; anything else (a shape tuple, a string) is the
    /// learner looking around, and is only shown.
    static func isComparable(_ value: Value) -> Bool {
        tensor(value) != nil
    }

    static func tensor(_ value: Value) -> Tensor? {
        switch value {
        case .tensor(let tensor): return tensor
        case .float(let number): return Tensor(scalar: number)
        case .int(let number): return Tensor(shape: [], int64s: [Int64(number)])
        default: return nil
        }
    }

    /// "(5, 100) float64" or "a number", for the line that says an answer is right.
    static func summary(_ value: Value) -> String {
        guard let tensor = tensor(value) else { return value.kindName }
        return "\(formatShape(tensor.shape)) \(tensor.dtype.rawValue)"
    }
}

/// The names a lesson's lines assign at their top level (`X, y = …` gives X and y):
/// what `:skip` and `:next` say a skipped cell made.
enum AssignedNames {
    static func of(_ source: String, in session: Session) -> [String] {
        guard let program = try? session.parse(source) else { return [] }
        return program.statements.flatMap { statement -> [String] in
            switch statement {
            case .assign(let targets, _, _): return targets.flatMap(names)
            case .augmented(let target, _, _, _): return names(target)
            default: return []
            }
        }
    }

    private static func names(_ target: Expr) -> [String] {
        switch target.kind {
        case .name(let name): return [name]
        case .tuple(let items), .list(let items): return items.flatMap(names)
        default: return []
        }
    }
}
