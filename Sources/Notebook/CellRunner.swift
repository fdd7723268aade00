import Interpreter

/// What became of one example when it ran.
public struct ExampleOutcome: Sendable {
    public let example: Example
    /// Everything the input printed (results, `print` output and errors), in order; not its
    /// warnings, which go to standard error and which a doctest does not compare either.
    public let actual: String
    /// True when the interpreter reported an error.
    public let failed: Bool
    /// True when Ctrl-C stopped it.
    public let interrupted: Bool
    public let verdict: Verdict

    public init(example: Example, actual: String, failed: Bool, interrupted: Bool = false, verdict: Verdict) {
        self.example = example
        self.actual = actual
        self.failed = failed
        self.interrupted = interrupted
        self.verdict = verdict
    }

    public enum Verdict: Equatable, Sendable {
        case matches
        /// The example says `# output not compared`.
        case notCompared
        case differs(Mismatch)
    }

    /// True when the output was compared and found different.
    public var isDifferent: Bool {
        if case .differs = verdict { return true }
        return false
    }
}

/// What became of one cell.
public struct CellOutcome: Sendable {
    public let cell: Cell
    public let examples: [ExampleOutcome]

    public init(cell: Cell, examples: [ExampleOutcome]) {
        self.cell = cell
        self.examples = examples
    }

    /// True when every compared output matched.
    public var matches: Bool { !examples.contains { $0.isDifferent } }
}

/// Runs cells in an interpreter session and compares their output.
public struct CellRunner {
    public let session: Session

    public init(session: Session) {
        self.session = session
    }

    /// Runs the cell's examples in order, as if typed at the prompt: the
    /// session's variables stay for the next cell and for the learner.
    ///
    /// - Parameter echo: receives each piece of output as it is printed (a
    ///   training loop's epochs appear as they finish); nil runs silently.
    public func run(_ cell: Cell, echo: ((String, OutputStyle) -> Void)? = nil) -> CellOutcome {
        CellOutcome(cell: cell, examples: cell.examples.map { run($0, echo: echo) })
    }

    public func run(_ example: Example, echo: ((String, OutputStyle) -> Void)? = nil) -> ExampleOutcome {
        var pieces: [String] = []
        var interrupted = false
        let previous = session.output, interceptor = session.lineInterceptor, onError = session.onError
        session.output = { text, style in
            if style != .warning { pieces.append(text) }
            echo?(text, style)
        }
        session.onError = { error in
            interrupted = error.kind == .interrupted
            onError?(error)
        }
        session.lineInterceptor = nil   // the lesson's own lines are never a learner's answer
        let outcome = session.run(example.source)
        session.output = previous
        session.onError = onError
        session.lineInterceptor = interceptor
        let actual = pieces.joined(separator: "\n")
        return ExampleOutcome(example: example, actual: actual, failed: outcome == .failure,
                              interrupted: outcome == .failure && interrupted,
                              verdict: Self.verdict(actual: actual, example: example))
    }

    static func verdict(actual: String, example: Example) -> ExampleOutcome.Verdict {
        switch example.check {
        case .notCompared:
            return .notCompared
        case .compared(let tolerance):
            if let mismatch = OutputComparison.difference(actual: actual, expected: example.expectedText, tolerance: tolerance) {
                return .differs(mismatch)
            }
            return .matches
        }
    }
}
