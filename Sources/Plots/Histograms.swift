import Foundation

extension TerminalPicture {
    /// Histograms over the same bins, side by side: one line per bin, labelled with
    /// its interval ([a, b), the last one [a, b]), and one bar per histogram, every bar
    /// on one scale, so that the histograms compare at a glance (the largest count of
    /// all fills a column). A single histogram also shows each bin's count.
    ///
    /// `counts` holds one list per histogram, each with `edges.count - 1` counts;
    /// `titles`, one per histogram or none, head the columns.
    public static func histograms(_ counts: [[Int]], edges: [Double], titles: [String] = [], width: Int = 72,
                                  style: TerminalStyle = .detect()) throws -> String {
        let bins = edges.count - 1
        guard bins > 0 else { throw PlotError.empty(what: "the list of bin edges") }
        guard !counts.isEmpty else { throw PlotError.empty(what: "the list of histograms") }
        for histogram in counts where histogram.count != bins {
            throw PlotError.countMismatch(what: "counts of a histogram over \(bins) bins", expected: bins, got: histogram.count)
        }
        guard titles.isEmpty || titles.count == counts.count else {
            throw PlotError.countMismatch(what: "titles for \(counts.count) histograms", expected: counts.count, got: titles.count)
        }
        let labels = (0..<bins).map { binLabel(edges, $0) }
        let labelWidth = labels.map(displayWidth).max() ?? 0
        let showsCounts = counts.count == 1
        let countWidth = showsCounts ? String(counts[0].max() ?? 0).count + 1 : 0
        let gap = 2
        let barWidth = max(4, titles.map(displayWidth).max() ?? 0,
                           (width - labelWidth - countWidth - gap * counts.count) / counts.count)
        let largest = max(1, counts.joined().max() ?? 0)

        var lines: [String] = []
        if !titles.isEmpty {
            lines.append(String(repeating: " ", count: labelWidth)
                         + titles.map { String(repeating: " ", count: gap) + $0.padded(to: barWidth) }.joined())
        }
        for bin in 0..<bins {
            let bars = counts.map { histogram in
                let bar = self.bar(histogram[bin], of: largest, width: barWidth, style: style)
                return String(repeating: " ", count: gap) + (showsCounts ? bar + " " + String(histogram[bin]) : bar.padded(to: barWidth))
            }
            lines.append(labels[bin].padded(to: labelWidth) + bars.joined())
        }
        return lines.map { $0.trimmingTrailingSpaces() }.joined(separator: "\n")
    }

    /// `[0.1, 0.2)`; the last bin includes its right edge: `[0.9, 1]`.
    private static func binLabel(_ edges: [Double], _ bin: Int) -> String {
        let close = bin == edges.count - 2 ? "]" : ")"
        return "[\(edgeText(edges[bin])), \(edgeText(edges[bin + 1]))\(close)"
    }

    /// An edge in at most four significant digits: 0.1, -2.5, 1e+04.
    private static func edgeText(_ x: Double) -> String {
        String(format: "%.4g", x == 0 ? 0 : x)   // no "-0"
    }

    /// A bar of count / largest · width columns: whole blocks and an eighth-block for the
    /// rest, or # signs in plain text. A bin that holds anything shows at least a sliver.
    private static func bar(_ count: Int, of largest: Int, width: Int, style: TerminalStyle) -> String {
        let fraction = Double(count) / Double(largest)
        guard style.usesColour else {
            let columns = Int((fraction * Double(width)).rounded())
            return columns == 0 && count > 0 ? "." : String(repeating: "#", count: columns)
        }
        let eighths = Int((fraction * Double(width) * 8).rounded())
        let partial = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"][eighths % 8]
        let bar = String(repeating: "█", count: eighths / 8) + partial
        return bar.isEmpty && count > 0 ? "▏" : bar
    }
}
