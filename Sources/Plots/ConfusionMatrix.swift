import Foundation

/// How often each true class was predicted as each class.
public struct ConfusionMatrix: Equatable, Sendable {
    /// The number of classes C; labels are 0..<C.
    public let classes: Int
    /// `counts[t][p]`: the samples of true class t predicted as class p (C × C).
    public let counts: [[Int]]

    /// Counts the pairs (trueLabels[i], predicted[i]); both lists must be
    /// equally long and every label must lie in 0..<classes.
    public init(trueLabels: [Int], predicted: [Int], classes: Int) throws {
        guard classes > 0 else { throw PlotError.empty(what: "the set of classes") }
        guard trueLabels.count == predicted.count else {
            throw PlotError.countMismatch(what: "predicted labels for \(trueLabels.count) true labels",
                                          expected: trueLabels.count, got: predicted.count)
        }
        var counts = Array(repeating: Array(repeating: 0, count: classes), count: classes)
        for (truth, guess) in zip(trueLabels, predicted) {
            for label in [truth, guess] where !(0..<classes).contains(label) {
                throw PlotError.labelOutOfRange(label: label, classes: classes)
            }
            counts[truth][guess] += 1
        }
        self.classes = classes
        self.counts = counts
    }

    /// The number of samples counted.
    public var total: Int { counts.joined().reduce(0, +) }
    /// The samples on the diagonal: predicted as their true class.
    public var correct: Int { (0..<classes).reduce(0) { $0 + counts[$1][$1] } }
    /// correct / total, or nil when there are no samples.
    public var accuracy: Double? { total == 0 ? nil : Double(correct) / Double(total) }
    /// For each true class, the fraction of its samples predicted right (its
    /// recall); nil for a class with no samples.
    public var classAccuracy: [Double?] {
        (0..<classes).map { t in
            let row = counts[t].reduce(0, +)
            return row == 0 ? nil : Double(counts[t][t]) / Double(row)
        }
    }
}

extension TerminalPicture {
    /// The confusion matrix of `predicted` against `trueLabels` as a table:
    /// one row per true class, one column per predicted class, each row's
    /// accuracy at its end and the overall accuracy underneath.
    public static func confusion(trueLabels: [Int], predicted: [Int], classes: Int,
                                 style: TerminalStyle = .detect()) throws -> String {
        confusion(try ConfusionMatrix(trueLabels: trueLabels, predicted: predicted, classes: classes), style: style)
    }

    /// The table for a matrix already counted. Colour styles show the diagonal
    /// (right answers) in green and non-zero mistakes in red.
    public static func confusion(_ matrix: ConfusionMatrix, style: TerminalStyle = .detect()) -> String {
        let corner = "true\\pred", accuracyTitle = "accuracy"
        let widest = max(String(matrix.counts.joined().max() ?? 0).count, String(matrix.classes - 1).count)
        let cellWidth = widest + 2
        let header = corner + (0..<matrix.classes).map { String($0).leftPadded(to: cellWidth) }.joined()
            + "  " + accuracyTitle
        var lines = [header]
        for t in 0..<matrix.classes {
            let cells = (0..<matrix.classes).map { p -> String in
                let text = String(matrix.counts[t][p]).leftPadded(to: cellWidth)
                if t == p { return ANSI.coloured(text, RGB(80, 200, 80), style: style) }
                return matrix.counts[t][p] > 0 ? ANSI.coloured(text, Palette.mistake, style: style) : text
            }
            let rowAccuracy = matrix.classAccuracy[t].map(percent) ?? "-"
            lines.append(String(t).leftPadded(to: corner.count) + cells.joined()
                         + "  " + rowAccuracy.leftPadded(to: accuracyTitle.count))
        }
        let overall = matrix.accuracy.map(percent) ?? "-"
        lines.append("overall accuracy \(overall) (\(matrix.correct) of \(matrix.total))")
        return lines.joined(separator: "\n")
    }

    /// 0.97614 → "97.61%".
    private static func percent(_ fraction: Double) -> String {
        String(format: "%.2f%%", fraction * 100)
    }
}
