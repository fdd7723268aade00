import Interpreter

/// What running a whole lesson came to.
public struct LessonReport: Sendable {
    public let lesson: Lesson
    public let cells: [CellOutcome]

    /// Every example whose output differs from the lesson, with its cell.
    public var differences: [(cell: Cell, outcome: ExampleOutcome)] {
        cells.flatMap { cell in cell.examples.filter(\.isDifferent).map { (cell.cell, $0) } }
    }

    public var exampleCount: Int { cells.reduce(0) { $0 + $1.examples.count } }

    public var passed: Bool { differences.isEmpty }

    /// "lessons/en/03-forward.md: 15 cells, 31 outputs, all match" or "… 2 differ".
    public var summary: String {
        let count = differences.count
        return "\(lesson.path): \(cells.count) cells, \(exampleCount) inputs, "
            + (count == 0 ? "every output matches" : "\(count) output\(count == 1 ? "" : "s") differ\(count == 1 ? "s" : "")")
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
        for cell in lesson.cells {
            let outcome = runner.run(cell)
            afterCell(outcome)
            outcomes.append(outcome)
        }
        return LessonReport(lesson: lesson, cells: outcomes)
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
