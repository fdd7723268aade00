import Interpreter

/// What running a whole lesson came to.
public struct LessonReport: Sendable {
    public let lesson: Lesson
    public let cells: [CellOutcome]
    /// Your-turn cells whose answer a learner could not be held against: not one value, or
    /// one that changes from run to run.
    public let answerProblems: [(cell: Cell, problem: String)]

    public init(lesson: Lesson, cells: [CellOutcome], answerProblems: [(cell: Cell, problem: String)] = []) {
        self.lesson = lesson
        self.cells = cells
        self.answerProblems = answerProblems
    }

    /// Every example whose output differs from the lesson, with its cell.
    public var differences: [(cell: Cell, outcome: ExampleOutcome)] {
        cells.flatMap { cell in cell.examples.filter(\.isDifferent).map { (cell.cell, $0) } }
    }

    public var exampleCount: Int { cells.reduce(0) { $0 + $1.examples.count } }

    public var passed: Bool { differences.isEmpty && answerProblems.isEmpty }

    /// "lessons/en/03-forward.md: 15 cells, 31 outputs, all match" or "… 2 differ".
    public var summary: String {
        let count = differences.count
        let answers = cells.filter { $0.cell.yourTurn != nil }.count
        return "\(lesson.path): \(cells.count) cells, \(exampleCount) inputs, "
            + (count == 0 ? "every output matches" : "\(count) output\(count == 1 ? "" : "s") differ\(count == 1 ? "s" : "")")
            + (answers == 0 ? "" : ", \(answers - answerProblems.count) of \(answers) your-turn answers hold")
    }
}

/// Running lessons without a learner: `mlplab run LESSON [--verify]` and the tests.
public enum LessonVerifier {
    /// Runs every cell of `lesson` in order in `session` (give it a fresh session:
    /// a lesson sets up everything it uses).
    ///
    /// - Parameter afterCell: called as each cell finishes, e.g. to print progress.
    public static func run(_ lesson: Lesson, in session: Session,
                           afterCell: (CellOutcome) -> Void = { _ in }) -> LessonReport {
        let runner = CellRunner(session: session)
        var outcomes: [CellOutcome] = []
        var answerProblems: [(cell: Cell, problem: String)] = []
        for cell in lesson.cells {
            let (outcome, problem) = cell.yourTurn == nil ? (runner.run(cell), nil) : runYourTurn(cell, with: runner)
            if let problem { answerProblems.append((cell, problem)) }
            afterCell(outcome)
            outcomes.append(outcome)
        }
        return LessonReport(lesson: lesson, cells: outcomes, answerProblems: answerProblems)
    }

    /// Runs a your-turn cell, holding the lesson's answer as a learner's would be held:
    /// its value is worked out first, then the answer's line runs, and the value it gives
    /// must pass the comparison. That fails when the answer is not one value (an expression
    /// or an assignment to one name), or gives another value when it runs again (one that
    /// reads what it changes); random numbers are drawn alike both times (see `YourTurnAnswer`).
    static func runYourTurn(_ cell: Cell, with runner: CellRunner) -> (CellOutcome, String?) {
        let session = runner.session
        guard let turn = YourTurnAnswer(cell, in: session) else {
            return (runner.run(cell), "the '# your turn' input must be one expression or one assignment to a name")
        }
        let expected: Value
        do {
            expected = try turn.expected(in: session)
        } catch {
            return (runner.run(cell), "the answer cannot be worked out: \(InterpreterError.wrapping(error).message)")
        }
        guard YourTurnAnswer.isComparable(expected) else {
            return (runner.run(cell), "the answer is \(expected.kindDescription); a your-turn cell asks for a number or a tensor")
        }
        let answered = runner.run(cell.examples[0])
        let given = turn.target.flatMap { session[variable: $0] } ?? (try? turn.expected(in: session))
        let outcome = CellOutcome(cell: cell, examples: [answered] + cell.examples.dropFirst().map { runner.run($0) })
        guard let given else { return (outcome, "the answer's line gave no value") }
        guard let differences = turn.differences(given, expected: expected) else { return (outcome, nil) }
        return (outcome, "the answer's value changes from one run to the next (does it change a variable it reads?): "
                + differences.joined(separator: " "))
    }

    /// Runs the lesson and writes it as a reader would see it in the REPL with
    /// every cell run: the prose, each cell's inputs and outputs, and the marks.
    public static func transcript(_ lesson: Lesson, in session: Session, presenter: LessonPresenter,
                                  write: (String) -> Void) -> LessonReport {
        let runner = CellRunner(session: session)
        var outcomes: [CellOutcome] = []
        for index in 0...lesson.cells.count {
            let prose = lesson.prose(before: index)
            if !prose.isEmpty { write(presenter.prose(prose) + "\n") }
            guard index < lesson.cells.count else { break }
            let cell = lesson.cells[index]
            write(presenter.style.apply([.dim], to: "── " + presenter.text.cellLabel(index + 1, of: lesson.cells.count)))
            var examples: [ExampleOutcome] = []
            for example in cell.examples {
                write(presenter.input(example))
                let outcome = runner.run(example)
                if !outcome.actual.isEmpty { write(outcome.actual) }
                if let mark = presenter.mark(outcome) { write(mark) }
                examples.append(outcome)
            }
            write("")
            outcomes.append(CellOutcome(cell: cell, examples: examples))
        }
        return LessonReport(lesson: lesson, cells: outcomes)
    }
}
