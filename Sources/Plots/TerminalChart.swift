extension TerminalPicture {
    /// The symbols that tell series apart in plain text, in series order.
    public static let seriesSymbols: [Character] = ["*", "o", "+", "x", "#", "@", "%", "&", "=", "~"]

    /// A line chart of one or more series (e.g. training and test loss per
    /// epoch), `width` columns by `height` lines in all, with the title, y-axis
    /// ticks at nice values, x-axis ticks and a legend inside that size.
    ///
    /// Plain style draws each series with its own symbol from `seriesSymbols`,
    /// one point per character cell. Colour styles draw with Braille characters
    /// (2 × 4 dots per cell) in the series' palette colours; where lines cross,
    /// the later series wins the cell's colour.
    ///
    /// Sizes are kept within 24...1000 columns and 8...1000 lines.
    /// Throws `PlotError.empty` when no series has a finite value.
    public static func lineChart(series: [Series], width: Int = 72, height: Int = 20, title: String? = nil,
                                 style: TerminalStyle = .detect()) throws -> String {
        let width = min(max(width, 24), 1000), height = min(max(height, 8), 1000)
        let plotRows = height - (title == nil ? 0 : 1) - 3  // x axis, x labels, legend
        let frame = try ChartFrame(series: series, xTickCount: max(2, (width - 10) / 8),
                                   yTickCount: max(2, plotRows / 3 + 1))
        let yLabels = frame.yTicks.labels
        let gutter = yLabels.map(displayWidth).max() ?? 0
        let plotColumns = max(width - gutter - 2, 8)  // very long tick labels widen the chart instead

        var canvas = DotCanvas(columns: plotColumns, rows: plotRows, braille: style.usesColour)
        for (index, line) in series.enumerated() { canvas.draw(line, index: index, frame: frame) }

        var lines: [String] = []
        if let title {
            lines.append(title.leftPadded(to: gutter + 2 + (plotColumns + displayWidth(title)) / 2))
        }
        let tickRows = Dictionary(frame.yTicks.values.indices.map { i in
            (cellIndex(frame.yFraction(frame.yTicks.values[i]), cells: plotRows), yLabels[i])
        }, uniquingKeysWith: { first, _ in first })
        let unicode = style.usesColour
        for row in 0..<plotRows {
            let axis = tickRows[row] == nil ? (unicode ? "│" : "|") : (unicode ? "┤" : "+")
            lines.append((tickRows[row] ?? "").leftPadded(to: gutter) + " " + axis
                         + canvas.renderRow(row, style: style))
        }
        lines.append(xAxisLine(frame: frame, gutter: gutter, columns: plotColumns, unicode: unicode))
        lines.append(xLabelLine(frame: frame, gutter: gutter, columns: plotColumns))
        lines.append(String(repeating: " ", count: gutter + 2) + legend(series, style: style))
        return lines.map { $0.trimmingTrailingSpaces() }.joined(separator: "\n")
    }

    /// `lineChart(series:width:height:title:style:)` for (name, values) pairs at x = 1, 2, 3, …
    public static func lineChart(series: [(name: String, values: [Double])], width: Int = 72, height: Int = 20,
                                 title: String? = nil, style: TerminalStyle = .detect()) throws -> String {
        try lineChart(series: series.map { Series(name: $0.name, values: $0.values) },
                      width: width, height: height, title: title, style: style)
    }

    /// The cell (0..<cells) that a position `fraction` (0...1) across an axis falls in,
    /// with 0 on the first cell's centre and 1 on the last one's.
    /// Positions off the axis (or NaN) are clamped onto it.
    static func cellIndex(_ fraction: Double, cells: Int) -> Int {
        Int((fraction * Double(cells - 1)).rounded().clamped(0, Double(cells - 1)))
    }

    /// The x axis: a corner under the y axis, then a rule with a tick mark at each x tick.
    private static func xAxisLine(frame: ChartFrame, gutter: Int, columns: Int, unicode: Bool) -> String {
        var rule = Array(repeating: unicode ? "─" : "-", count: columns)
        for tick in frame.xTicks.values {
            rule[cellIndex(frame.xFraction(tick), cells: columns)] = unicode ? "┬" : "+"
        }
        return String(repeating: " ", count: gutter + 1) + (unicode ? "└" : "+") + rule.joined()
    }

    /// The x tick labels centred under their tick marks, skipping any that would touch the one before.
    private static func xLabelLine(frame: ChartFrame, gutter: Int, columns: Int) -> String {
        var line = ""
        for (value, label) in zip(frame.xTicks.values, frame.xTicks.labels) {
            let centre = gutter + 2 + cellIndex(frame.xFraction(value), cells: columns)
            let start = max(0, centre - label.count / 2)
            guard start >= (line.isEmpty ? 0 : line.count + 1) else { continue }
            line += String(repeating: " ", count: start - line.count) + label
        }
        return line
    }

    /// "* train  o test" in plain text; coloured line samples before each name otherwise.
    private static func legend(_ series: [Series], style: TerminalStyle) -> String {
        series.enumerated().map { index, line in
            let marker = style.usesColour
                ? ANSI.coloured("──", Palette.colour(index), style: style)
                : String(seriesSymbols[index % seriesSymbols.count])
            return marker + " " + line.name
        }.joined(separator: "   ")
    }
}

/// A grid of dots to draw lines on, rendered as one character per cell: a
/// series symbol (plain, one dot per cell) or a Braille pattern (2 × 4 dots per
/// cell). Each cell remembers the last series that drew in it.
struct DotCanvas {
    let columns: Int
    let rows: Int
    let braille: Bool
    private var dotsWide: Int { columns * (braille ? 2 : 1) }
    private var dotsHigh: Int { rows * (braille ? 4 : 1) }
    /// Per cell: the Braille dot bits and the series that drew there last.
    private var bits: [UInt8]
    private var owner: [Int?]

    init(columns: Int, rows: Int, braille: Bool) {
        self.columns = columns
        self.rows = rows
        self.braille = braille
        bits = Array(repeating: 0, count: columns * rows)
        owner = Array(repeating: nil, count: columns * rows)
    }

    /// Draws `series` as straight segments between its consecutive finite points
    /// (a lone point between gaps is one dot).
    mutating func draw(_ series: Series, index: Int, frame: ChartFrame) {
        var previous: (x: Int, y: Int)?
        for point in series.points {
            guard let point else { previous = nil; continue }
            let dot = (x: TerminalPicture.cellIndex(frame.xFraction(point.x), cells: dotsWide),
                       y: TerminalPicture.cellIndex(frame.yFraction(point.y), cells: dotsHigh))
            for (x, y) in linePoints(from: previous ?? dot, to: dot) { set(x: x, y: y, series: index) }
            previous = dot
        }
    }

    /// Braille dot numbering: bit for the dot at (column, row) within a 2 × 4 cell.
    private static let brailleBit: [[UInt8]] = [[0x01, 0x08], [0x02, 0x10], [0x04, 0x20], [0x40, 0x80]]

    private mutating func set(x: Int, y: Int, series: Int) {
        let cell = braille ? (y / 4) * columns + x / 2 : y * columns + x
        if braille { bits[cell] |= Self.brailleBit[y % 4][x % 2] }
        owner[cell] = series
    }

    /// Row `row` of cells as text.
    func renderRow(_ row: Int, style: TerminalStyle) -> String {
        (0..<columns).map { column -> String in
            let cell = row * columns + column
            guard let series = owner[cell] else { return " " }
            guard braille else {
                return String(TerminalPicture.seriesSymbols[series % TerminalPicture.seriesSymbols.count])
            }
            let character = String(Character(Unicode.Scalar(0x2800 + UInt32(bits[cell]))!))
            return ANSI.coloured(character, Palette.colour(series), style: style)
        }.joined()
    }
}
