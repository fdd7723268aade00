import Interpreter
import Support

/// How lessons look on the terminal: rendered prose, cells waiting to run,
/// outputs marked as matching the lesson or not, and the report of a mismatch.
/// Used by the REPL and by `mlplab run`.
public struct LessonPresenter {
    public let style: TextStyle
    public let text: TutorText

    public init(style: TextStyle, language: LessonLanguage) {
        self.style = style
        self.text = TutorText(language)
    }

    public func prose(_ markdown: String) -> String {
        MarkdownRenderer(style: style).render(markdown)
    }

    /// The line above a lesson: how many cells, where the file is.
    public func banner(_ lesson: Lesson) -> String {
        style.apply([.dim], to: text.banner(cells: lesson.cells.count, path: lesson.path))
    }

    /// A cell before it runs: a rule naming it, then its input lines.
    /// A your-turn cell shows what it asks instead of the lesson's answer.
    public func preview(_ cell: Cell, of count: Int, target: String? = nil) -> String {
        var rule = "── " + text.cellLabel(cell.index + 1, of: count) + " "
        if cell.yourTurn != nil { rule += "· " + text.yourTurn + " " }
        let ruleLine = style.apply([.dim], to: rule + String(repeating: "─", count: max(0, min(style.width, 60) - displayWidth(rule))))
        guard cell.yourTurn != nil else { return ([ruleLine] + cell.examples.map(input)).joined(separator: "\n") }
        return ruleLine + "\n" + style.apply([.cyan], to: text.yourTurnTask(target: target))
    }

    /// An exercise cell: the function to write, where, and the commands for it; or that it is done.
    public func exerciseNote(_ name: String, file: String?, finished: Bool) -> String {
        finished
            ? style.apply([.green], to: "✓ " + text.exerciseDone(name))
            : style.apply([.cyan], to: "✎ " + text.exercise(name, file: file))
    }

    /// The example's input as the lesson writes it, with its prompts.
    public func input(_ example: Example) -> String {
        example.lines.enumerated().map { n, line in
            style.apply([.dim], to: n == 0 ? ">>> " : "... ") + style.apply([.bold], to: line)
        }.joined(separator: "\n")
    }

    /// Whether a cell's outputs need their inputs shown beside them: when more
    /// than one example prints, an output alone would not say whose it is.
    public func showsInputs(_ cell: Cell) -> Bool {
        cell.examples.filter { !$0.expected.isEmpty }.count > 1
    }

    /// The mark after an example's output: ✓, "not compared", or ✗ with the
    /// expected output and where it differs. Nil for an example that printed
    /// nothing and was expected to print nothing.
    public func mark(_ outcome: ExampleOutcome) -> String? {
        switch outcome.verdict {
        case .matches:
            if outcome.actual.isEmpty && outcome.example.expected.isEmpty { return nil }
            return style.apply([.green], to: "✓ " + text.matches)
        case .notCompared:
            return style.apply([.dim], to: "· " + text.notCompared)
        case .differs(let mismatch):
            var lines = [style.apply([.red, .bold], to: "✗ " + text.differs) + " " + mismatch.description]
            lines.append(style.apply([.dim], to: text.lessonExpects))
            let expected = outcome.example.expected.isEmpty ? [text.nothing] : outcome.example.expected
            lines.append(contentsOf: expected.map { "    " + $0 })
            return lines.joined(separator: "\n")
        }
    }

    /// A cell's mark when none of its examples printed or expected anything.
    public func quietCellMark() -> String {
        style.apply([.green], to: "✓ " + text.ranQuietly)
    }

    /// The full report of a cell whose output differs, for `mlplab run --verify`:
    /// where it is, the input, the expected and actual outputs, and the first difference.
    public func mismatchReport(_ outcome: ExampleOutcome, cell: Cell, lesson: Lesson) -> String {
        guard case .differs(let mismatch) = outcome.verdict else { return "" }
        var lines = [style.apply([.red, .bold], to: "✗ \(lesson.path):\(outcome.example.line), cell \(cell.index + 1) of \(lesson.cells.count)")]
        lines.append(contentsOf: outcome.example.lines.enumerated().map { "    " + ($0.offset == 0 ? ">>> " : "... ") + $0.element })
        lines.append("  expected:")
        lines.append(contentsOf: (outcome.example.expected.isEmpty ? ["(nothing)"] : outcome.example.expected).map { "    " + $0 })
        lines.append("  got:")
        lines.append(contentsOf: (outcome.actual.isEmpty ? ["(nothing)"] : outcome.actual.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)).map { "    " + $0 })
        lines.append("  " + mismatch.description)
        return lines.joined(separator: "\n")
    }
}
