import Foundation

/// A lesson's notebook after Jupyter ran it with the mlplab kernel (headless, with nbclient),
/// held against the lesson: each code cell must print what the lesson verifies its examples
/// print, compared as `mlplab run --verify` compares (numbers within the example's tolerance,
/// `# output not compared` left out). Warnings, on stderr, are left out as the verifier leaves them.
public enum ExecutedNotebookCheck {
    /// What became of a notebook: its code cells compared, those not compared, and one line
    /// for each cell that did not print what the lesson verifies.
    public struct Report {
        public let compared: Int
        public let notCompared: Int
        public let differences: [String]
    }

    /// Compares the notebook's JSON (`notebook`) with `lesson`.
    public static func check(_ notebook: Data, against lesson: Lesson) -> Report {
        guard let root = try? JSONSerialization.jsonObject(with: notebook) as? [String: Any],
              let cells = root["cells"] as? [[String: Any]] else {
            return Report(compared: 0, notCompared: 0, differences: ["not a notebook: nbformat JSON with a list of cells"])
        }
        let executed = Dictionary(cells.compactMap { cell in (cell["id"] as? String).map { ($0, cell) } }) { first, _ in first }
        var compared = 0, notCompared = 0
        var differences: [String] = []
        for code in NotebookExport.codeCells(of: lesson) {
            guard case .compared(let tolerance) = code.check else {
                notCompared += 1
                continue
            }
            compared += 1
            let place = "cell \(code.id) (\(lesson.path):\(code.examples[0].line))"
            guard let cell = executed[code.id] else {
                differences.append("\(place): not in the notebook")
                continue
            }
            guard cell["execution_count"] is Int else {
                differences.append("\(place): did not run (it has no execution count)")
                continue
            }
            let actual = printedText(cell["outputs"] as? [[String: Any]] ?? [])
            if let mismatch = OutputComparison.difference(actual: actual, expected: code.expectedText, tolerance: tolerance) {
                differences.append("\(place): \(mismatch)")
            }
        }
        return Report(compared: compared, notCompared: notCompared, differences: differences)
    }

    /// What a cell's outputs show, as the REPL prints it: standard output, results, the text of
    /// pictures and error reports, one after the other; not the stderr stream.
    static func printedText(_ outputs: [[String: Any]]) -> String {
        outputs.compactMap { output -> String? in
            switch output["output_type"] as? String {
            case "stream" where output["name"] as? String == "stdout":
                return text(output["text"]).map { $0.hasSuffix("\n") ? String($0.dropLast()) : $0 }
            case "execute_result", "display_data":
                return text((output["data"] as? [String: Any])?["text/plain"])
            case "error":
                return (output["traceback"] as? [String])?.joined(separator: "\n")
            default:
                return nil
            }
        }.joined(separator: "\n")
    }

    /// A multi-line string of a notebook, which nbformat writes whole or as a list of lines.
    private static func text(_ value: Any?) -> String? {
        (value as? String) ?? (value as? [String])?.joined()
    }
}
