/// Where the parts of a line chart go in an SVG or PNG picture of
/// `width × height` pixels. The plot area is inset 64 px from the left (y
/// tick labels), 24 px from the right, 48 px from the bottom (x tick labels
/// and the x-axis name) and 20 px from the top, or 44 px with a title.
struct ChartLayout {
    let width: Int
    let height: Int
    let frame: ChartFrame
    let plotLeft: Double
    let plotTop: Double
    let plotWidth: Double
    let plotHeight: Double

    static let minimumWidth = 200, minimumHeight = 150

    /// The layout for `series`; sizes below 200 × 150 are raised to that.
    init(series: [Series], width: Int, height: Int, hasTitle: Bool) throws {
        self.width = max(width, Self.minimumWidth)
        self.height = max(height, Self.minimumHeight)
        plotLeft = 64
        plotTop = hasTitle ? 44 : 20
        plotWidth = Double(self.width) - plotLeft - 24
        plotHeight = Double(self.height) - plotTop - 48
        frame = try ChartFrame(series: series, xTickCount: max(2, Int(plotWidth) / 60),
                               yTickCount: max(2, Int(plotHeight) / 50))
    }

    var plotRight: Double { plotLeft + plotWidth }
    var plotBottom: Double { plotTop + plotHeight }

    /// The picture coordinates of the data point (x, y), clamped to the plot area.
    func position(x: Double, y: Double) -> (x: Double, y: Double) {
        ((plotLeft + frame.xFraction(x) * plotWidth).clamped(plotLeft, plotRight),
         (plotTop + frame.yFraction(y) * plotHeight).clamped(plotTop, plotBottom))
    }

    /// Each series' unbroken runs of points in picture coordinates (a NaN splits a run).
    func runs(of series: Series) -> [[(x: Double, y: Double)]] {
        var runs: [[(x: Double, y: Double)]] = [[]]
        for point in series.points {
            if let point {
                runs[runs.count - 1].append(position(x: point.x, y: point.y))
            } else if !runs[runs.count - 1].isEmpty {
                runs.append([])
            }
        }
        return runs.filter { !$0.isEmpty }
    }
}
