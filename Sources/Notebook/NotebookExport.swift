import Foundation
import Interpreter

/// A lesson as a Jupyter notebook (nbformat 4.5) for the mlplab kernel: each stretch of prose
/// a Markdown cell, each code cell of the lesson a code cell with the examples' inputs and,
/// as its outputs, what the lesson verifies they print.
public enum NotebookExport {
    /// The notebook's JSON. `kernelName` and `displayName` are the kernelspec's (`mlplab`, `mlplab (한국어)`).
    public static func notebook(_ lesson: Lesson, kernelName: String, displayName: String) -> Data {
        let session = Session(output: { _, _ in })
        var cells: [[String: Any]] = []
        for block in lesson.blocks {
            let id = "lesson-\(lesson.number)-cell-\(cells.count)"
            switch block {
            case .prose(let text):
                cells.append(["cell_type": "markdown", "id": id, "metadata": [String: Any](), "source": text])
            case .cell(let cell):
                for (part, examples) in codeCells(cell).enumerated() {
                    cells.append(["cell_type": "code", "id": id + (part == 0 ? "" : "-\(part)"), "metadata": [String: Any](),
                                  "execution_count": NSNull(), "source": examples.map(\.source).joined(separator: "\n"),
                                  "outputs": examples.compactMap { output(of: $0, session: session) }])
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

    /// The examples of a lesson cell, grouped into notebook cells: an error stops a notebook cell,
    /// so an example the lesson shows failing ends its group and the examples after it go on in
    /// the next.
    private static func codeCells(_ cell: Cell) -> [[Example]] {
        var groups: [[Example]] = [[]]
        for example in cell.examples {
            groups[groups.count - 1].append(example)
            if errorReport(example) != nil { groups.append([]) }
        }
        return groups.filter { !$0.isEmpty }
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

    /// What an example prints, as the kernel would send it: the error it fails with; the value of a lone expression that
    /// calls nothing (`x * 3`, `h.shape`) as the cell's result; anything else (`print(…)`, a
    /// function that draws or trains, a `:command`) as printed text; nil when it prints nothing.
    private static func output(of example: Example, session: Session) -> [String: Any]? {
        guard !example.expected.isEmpty else { return nil }
        let text = example.expectedText
        if let error = errorReport(example) {
            return ["output_type": "error", "ename": error.kind, "evalue": error.message, "traceback": example.expected]
        }
        if let program = try? session.parse(example.source), program.statements.count == 1,
           case .expression(let expr) = program.statements[0], !isCall(expr) {
            return ["output_type": "execute_result", "execution_count": NSNull(), "metadata": [String: Any](),
                    "data": ["text/plain": text]]
        }
        return ["output_type": "stream", "name": "stdout", "text": text + "\n"]
    }

    private static func isCall(_ expr: Expr) -> Bool {
        if case .call = expr.kind { return true }
        return false
    }

    /// The file name of a lesson's notebook: the lesson file's, with `.ipynb` (`03-forward.ipynb`).
    public static func fileName(of lesson: Lesson) -> String {
        ((lesson.path as NSString).lastPathComponent as NSString).deletingPathExtension + ".ipynb"
    }
}
