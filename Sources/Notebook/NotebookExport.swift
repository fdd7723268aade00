import Foundation
import Interpreter
import Support

/// A lesson as a Jupyter notebook (nbformat 4.5) for the mlplab kernel: each stretch of prose
/// a Markdown cell, the examples of each lesson cell in code cells with, as their outputs,
/// what the lesson verifies they print.
public enum NotebookExport {
    /// A code cell of a lesson's notebook: the examples it runs, which the lesson compares
    /// the same way, under the id the cell has in the notebook.
    public struct CodeCell {
        public let id: String
        public let examples: [Example]

        /// How the lesson compares what the cell prints (`# output not compared`, a tolerance).
        public var check: OutputCheck { examples[0].check }

        /// What the lesson verifies the cell prints, as `CellRunner` joins an example's pieces.
        public var expectedText: String {
            examples.map(\.expectedText).filter { !$0.isEmpty }.joined(separator: "\n")
        }

        var source: String { examples.map(\.source).joined(separator: "\n") }
    }

    /// The notebook's JSON. `kernelName` and `displayName` are the kernelspec's (`mlplab`, `mlplab (한국어)`);
    /// `language` is the one the exercise cells speak.
    public static func notebook(_ lesson: Lesson, kernelName: String, displayName: String,
                                language: LessonLanguage = .en) -> Data {
        let session = Session(output: { _, _ in })
        var cells: [[String: Any]] = []
        for block in lesson.blocks {
            switch block {
            case .prose(let text):
                cells.append(["cell_type": "markdown", "id": "lesson-\(lesson.number)-prose-\(cells.count)",
                              "metadata": [String: Any](), "source": text])
            case .cell(let cell):
                cells += cell.exercises.flatMap { exerciseCells($0, in: lesson, text: TutorText(language)) }
                cells += codeCells(of: cell, in: lesson).map { code in
                    ["cell_type": "code", "id": code.id, "metadata": [String: Any](), "execution_count": NSNull(),
                     "source": code.source, "outputs": code.examples.compactMap { output(of: $0, session: session) }]
                }
            }
        }
        let notebook: [String: Any] = [
            "nbformat": 4,
            "nbformat_minor": 5,
            "metadata": [
                "kernelspec": ["name": kernelName, "display_name": displayName, "language": "python"],
                "language_info": ["name": "python", "file_extension": ".py", "mimetype": "text/x-python"],
            ],
            "cells": cells,
        ]
        let options: JSONSerialization.WritingOptions = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return (try? JSONSerialization.data(withJSONObject: notebook, options: options)) ?? Data()
    }

    /// Where the lesson leads to an exercise: a Markdown cell that says what to write, and a
    /// code cell that checks it with `:check NAME`. Its output is the learner's, so the lesson
    /// verifies nothing of it (it is not one of `codeCells(of:)`).
    private static func exerciseCells(_ name: String, in lesson: Lesson, text: TutorText) -> [[String: Any]] {
        let id = "lesson-\(lesson.number)-exercise-\(name)"
        return [
            ["cell_type": "markdown", "id": id + "-prose", "metadata": [String: Any](), "source": text.exerciseInNotebook(name)],
            ["cell_type": "code", "id": id, "metadata": [String: Any](), "execution_count": NSNull(),
             "source": ":check \(name)", "outputs": [[String: Any]]()],
        ]
    }

    /// Every code cell of the lesson's notebook, in order.
    public static func codeCells(of lesson: Lesson) -> [CodeCell] {
        lesson.cells.flatMap { codeCells(of: $0, in: lesson) }
    }

    /// The examples of a lesson cell, grouped into notebook cells: an error stops a notebook cell,
    /// so an example the lesson shows failing ends its group and the examples after it go on in
    /// the next; and an example compared otherwise than the one before it (`# output not compared`,
    /// another tolerance) starts a group, so that each cell's output is compared one way.
    private static func codeCells(of cell: Cell, in lesson: Lesson) -> [CodeCell] {
        var groups: [[Example]] = []
        var previousFailed = true
        for example in cell.examples {
            if previousFailed || groups[groups.count - 1].last?.check != example.check { groups.append([]) }
            groups[groups.count - 1].append(example)
            previousFailed = errorReport(example) != nil
        }
        let id = "lesson-\(lesson.number)-cell-\(cell.index)"
        return groups.enumerated().map { part, examples in CodeCell(id: part == 0 ? id : "\(id)-\(part)", examples: examples) }
    }

    /// The kind and message of the error an example is shown failing with (its output's last
    /// line reads `shape error: …`); nil when it does not fail.
    private static func errorReport(_ example: Example) -> (kind: String, message: String)? {
        guard let last = example.expected.last else { return nil }
        for kind in InterpreterError.Kind.allCases where last.hasPrefix(kind.rawValue + ": ") {
            return (kind.rawValue, String(last.dropFirst(kind.rawValue.count + 2)))
        }
        return nil
    }

    /// What an example prints, as the kernel would send it: the error it fails with; a picture
    /// (`show(x)`) as display data; the value of a lone expression (`x * 3`, `images.min()`) as
    /// the cell's result; anything else (`print(…)`, a loop, a `:command`) as printed text; nil
    /// when it prints nothing.
    private static func output(of example: Example, session: Session) -> [String: Any]? {
        guard !example.expected.isEmpty else { return nil }
        let text = example.expectedText
        if let error = errorReport(example) {
            return ["output_type": "error", "ename": error.kind, "evalue": error.message, "traceback": example.expected]
        }
        let printed: [String: Any] = ["output_type": "stream", "name": "stdout", "text": text + "\n"]
        guard let program = try? session.parse(example.source), program.statements.count == 1,
              case .expression(let expr) = program.statements[0] else { return printed }
        let called = calledBuiltin(expr, in: session)
        if called?.category == "pictures" {
            return ["output_type": "display_data", "metadata": [String: Any](), "data": ["text/plain": text]]
        }
        if called?.name == "print" { return printed }
        return ["output_type": "execute_result", "execution_count": NSNull(), "metadata": [String: Any](),
                "data": ["text/plain": text]]
    }

    /// The builtin an expression calls by its name (`show(…)`, `np.exp(…)`), if it is one.
    private static func calledBuiltin(_ expr: Expr, in session: Session) -> Builtin? {
        guard case .call(let callee, _) = expr.kind else { return nil }
        switch callee.kind {
        case .name(let name), .attribute(_, let name): return session.builtins[name]
        default: return nil
        }
    }

    /// The file name of a lesson's notebook: the lesson file's, with `.ipynb` (`03-forward.ipynb`).
    public static func fileName(of lesson: Lesson) -> String {
        ((lesson.path as NSString).lastPathComponent as NSString).deletingPathExtension + ".ipynb"
    }
}
