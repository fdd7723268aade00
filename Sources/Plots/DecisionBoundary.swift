import Tensor

/// The class a model predicts at every cell of a grid laid over 2-D data (the
/// spiral): the picture of its decision regions.
public struct DecisionGrid: Equatable, Sendable {
    public let columns: Int
    public let rows: Int
    /// The area covered: the points' bounding box plus a margin.
    public let xRange: ClosedRange<Double>
    public let yRange: ClosedRange<Double>
    /// The predicted class of each cell, row by row, row 0 at the top (largest y).
    public let classes: [Int]

    /// Asks `predict` for the class at the centre of each of `columns × rows`
    /// cells covering `points` (N, 2) widened by `margin` (a fraction of each
    /// axis's span, at least 0.1).
    ///
    /// `predict` receives a float64 tensor (columns × rows, 2) of cell centres,
    /// row by row from the top left, and must return one class (≥ 0) per row.
    public init(points: Tensor, columns: Int, rows: Int, margin: Double = 0.05,
                predict: (Tensor) throws -> [Int]) throws {
        guard points.ndim == 2, points.shape[1] == 2, points.shape[0] > 0 else {
            throw PlotError.wrongShape(what: "the points", expected: "(N, 2) with N > 0", got: points.shape)
        }
        guard columns > 0, rows > 0 else { throw PlotError.empty(what: "the grid") }
        let values = points.doubles
        xRange = Self.paddedRange(stride(from: 0, to: values.count, by: 2).map { values[$0] }, margin: margin)
        yRange = Self.paddedRange(stride(from: 1, to: values.count, by: 2).map { values[$0] }, margin: margin)
        self.columns = columns
        self.rows = rows

        let classes = try predict(Self.cellCentres(columns: columns, rows: rows, x: xRange, y: yRange))
        guard classes.count == columns * rows else {
            throw PlotError.countMismatch(what: "predicted classes for the \(columns * rows) grid points",
                                          expected: columns * rows, got: classes.count)
        }
        if let negative = classes.first(where: { $0 < 0 }) {
            throw PlotError.labelOutOfRange(label: negative, classes: (classes.max() ?? 0) + 1)
        }
        self.classes = classes
    }

    /// The predicted class at column `x`, row `y` (row 0 at the top).
    public subscript(x: Int, y: Int) -> Int { classes[y * columns + x] }

    /// Where the data point (x, y) lies across the area: (0, 0) at the top
    /// left corner, (1, 1) at the bottom right.
    public func fraction(x: Double, y: Double) -> (across: Double, down: Double) {
        ((x - xRange.lowerBound) / (xRange.upperBound - xRange.lowerBound),
         (yRange.upperBound - y) / (yRange.upperBound - yRange.lowerBound))
    }

    /// The cell containing the data point (x, y), clamped to the grid.
    public func cell(x: Double, y: Double) -> (column: Int, row: Int) {
        let (across, down) = fraction(x: x, y: y)
        return (Int((across * Double(columns)).rounded(.down).clamped(0, Double(columns - 1))),
                Int((down * Double(rows)).rounded(.down).clamped(0, Double(rows - 1))))
    }

    /// The centres of the grid's cells as a (columns × rows, 2) float64 tensor, top row first.
    static func cellCentres(columns: Int, rows: Int, x: ClosedRange<Double>, y: ClosedRange<Double>) -> Tensor {
        let cellWidth = (x.upperBound - x.lowerBound) / Double(columns)
        let cellHeight = (y.upperBound - y.lowerBound) / Double(rows)
        var centres: [Double] = []
        centres.reserveCapacity(columns * rows * 2)
        for row in 0..<rows {
            for column in 0..<columns {
                centres.append(x.lowerBound + (Double(column) + 0.5) * cellWidth)
                centres.append(y.upperBound - (Double(row) + 0.5) * cellHeight)
            }
        }
        return Tensor(shape: [columns * rows, 2], storage: .float64(centres))
    }

    /// min...max of the finite `values`, widened on each side by `margin` × span (0.1 at least).
    static func paddedRange(_ values: [Double], margin: Double) -> ClosedRange<Double> {
        let finite = values.filter(\.isFinite)
        guard let low = finite.min(), let high = finite.max() else { return -1...1 }
        let pad = max((high - low) * max(margin, 0), 0.1)
        return (low - pad)...(high + pad)
    }
}

extension TerminalPicture {
    /// Symbols for the data points of each class, in plain text.
    public static let pointSymbols: [Character] = ["o", "x", "+", "*", "#", "@", "%", "&", "$", "?"]
    /// Fill characters for each class's predicted region, in plain text.
    public static let regionSymbols: [Character] = [".", "-", ":", "~", "=", "'", "^", ",", "_", "`"]

    /// A map of the classes `predict` gives over the area of `points` (N, 2),
    /// with the points on top, marked by their `labels` — the decision boundary
    /// of a model trained on the spiral.
    ///
    /// Colour styles paint each region in a dim version of its class colour and
    /// each point as `●` in the bright one; plain style fills regions with
    /// `regionSymbols` and points with `pointSymbols`. The map is `width`
    /// columns by `height` rows (each 2...1000) plus a legend; cells are twice
    /// as tall as wide, so width = 2 × height looks square.
    ///
    /// `predict` gets a (width × height, 2) float64 tensor of cell centres and
    /// returns one class per row, e.g. the argmax of a network's scores.
    public static func boundary(points: Tensor, labels: [Int], width: Int = 64, height: Int = 32,
                                style: TerminalStyle = .detect(),
                                predict: (Tensor) throws -> [Int]) throws -> String {
        try checkLabels(labels, points: points)
        let grid = try DecisionGrid(points: points, columns: min(max(width, 2), 1000),
                                    rows: min(max(height, 2), 1000), predict: predict)
        var marks: [Int: Int] = [:]  // cell index → label of the point drawn there
        let values = points.doubles
        for (n, label) in labels.enumerated() {
            let (column, row) = grid.cell(x: values[2 * n], y: values[2 * n + 1])
            marks[row * grid.columns + column] = label
        }
        var lines = (0..<grid.rows).map { row in
            boundaryRow(grid, row: row, marks: marks, style: style)
        }
        let classCount = max(labels.max() ?? 0, grid.classes.max() ?? 0) + 1
        lines.append(boundaryLegend(classes: classCount, style: style))
        return lines.joined(separator: "\n")
    }

    /// Labels must pair with the points and be non-negative.
    static func checkLabels(_ labels: [Int], points: Tensor) throws {
        guard points.ndim == 2, points.shape[1] == 2 else {
            throw PlotError.wrongShape(what: "the points", expected: "(N, 2)", got: points.shape)
        }
        guard labels.count == points.shape[0] else {
            throw PlotError.countMismatch(what: "labels for \(points.shape[0]) points",
                                          expected: points.shape[0], got: labels.count)
        }
        if let negative = labels.first(where: { $0 < 0 }) {
            throw PlotError.labelOutOfRange(label: negative, classes: (labels.max() ?? 0) + 1)
        }
    }

    private static func boundaryRow(_ grid: DecisionGrid, row: Int, marks: [Int: Int], style: TerminalStyle) -> String {
        var line = ""
        var previousEscape = ""
        for column in 0..<grid.columns {
            let region = grid[column, row]
            let point = marks[row * grid.columns + column]
            guard style.usesColour else {
                line.append(point.map { pointSymbols[$0 % pointSymbols.count] }
                            ?? regionSymbols[region % regionSymbols.count])
                continue
            }
            let background = ANSI.colourParameters(regionColour(region), background: true, style: style)
            let foreground = point.map { ANSI.colourParameters(pointColour($0), background: false, style: style) }
            let escape = "\u{1B}[\(foreground.map { $0 + ";" } ?? "")\(background)m"
            if escape != previousEscape { line += escape; previousEscape = escape }
            line += point == nil ? " " : "●"
        }
        return style.usesColour ? line + ANSI.reset : line
    }

    /// "o class 0 (.)   x class 1 (-)" in plain text; coloured points and swatches otherwise.
    private static func boundaryLegend(classes: Int, style: TerminalStyle) -> String {
        (0..<classes).map { c in
            guard style.usesColour else {
                return "\(pointSymbols[c % pointSymbols.count]) class \(c) (\(regionSymbols[c % regionSymbols.count]))"
            }
            return ANSI.coloured("●", pointColour(c), style: style) + " class \(c)"
        }.joined(separator: "   ")
    }

    /// A region's colour: its class colour darkened, so points stand out on it.
    static func regionColour(_ c: Int) -> RGB { Palette.colour(c).mixed(with: .black, 0.6) }
    /// A point's colour: its class colour lightened.
    static func pointColour(_ c: Int) -> RGB { Palette.colour(c).mixed(with: .white, 0.35) }
}
