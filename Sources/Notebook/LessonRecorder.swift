/// Writing what the cells actually printed back into a lesson file, as their
/// expected output (`mlplab run LESSON --record`, `make record-lessons`, for lesson
/// authors). Only the output lines of compared inputs that differ change; the prose,
/// the inputs, their directives, the outputs that already match (within the
/// comparison's tolerance: numpy's values copied from the course material stay as
/// written) and the example output shown for `# output not compared` inputs
/// (written by hand, or left empty) stay.
/// Review the difference before committing it: a recorded output is only as
/// right as the code that printed it.
public enum LessonRecorder {
    /// `text` (the lesson file that `report` ran) with every differing example's
    /// output lines replaced by what it printed.
    public static func record(_ report: LessonReport, into text: String) -> String {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        // From the last example to the first, so earlier line numbers stay valid.
        for cell in report.cells.reversed() {
            let examples = cell.cell.examples
            for (position, outcome) in cell.examples.enumerated().reversed() where outcome.isDifferent {
                let example = outcome.example
                let outputStart = example.line - 1 + example.lines.count
                let outputEnd = position + 1 < examples.count ? examples[position + 1].line - 1 : cell.cell.endLine - 1
                let actual = outcome.actual.isEmpty
                    ? [] : outcome.actual.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
                lines.replaceSubrange(outputStart..<outputEnd, with: actual)
            }
        }
        return lines.joined(separator: "\n")
    }
}
