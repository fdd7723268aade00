/// One named line of a chart: `values[i]` is drawn at x = `xStart + i × xStep`.
/// NaN and infinite values leave a gap in the line.
public struct Series: Equatable, Sendable {
    public var name: String
    public var values: [Double]
    public var xStart: Double
    public var xStep: Double

    /// A series at x = 1, 2, 3, … (epochs), or at `xStart`, `xStart + xStep`, …
    /// (e.g. a loss averaged every 10 steps: xStart 10, xStep 10).
    public init(name: String, values: [Double], xStart: Double = 1, xStep: Double = 1) {
        self.name = name
        self.values = values
        self.xStart = xStart
        self.xStep = xStep
    }

    /// The x position of `values[i]`.
    public func x(_ i: Int) -> Double { xStart + Double(i) * xStep }

    /// The drawable points as (x, y), in order; nil marks a gap.
    var points: [(x: Double, y: Double)?] {
        values.indices.map { i in
            let point = (x: x(i), y: values[i])
            return point.x.isFinite && point.y.isFinite ? point : nil
        }
    }
}

/// The data ranges and ticks of a line chart, shared by the terminal, SVG and PNG charts:
/// the y axis is widened to nice ticks; the x axis spans the data exactly.
struct ChartFrame {
    let xTicks: NiceTicks
    let yTicks: NiceTicks
    let xRange: ClosedRange<Double>
    var yRange: ClosedRange<Double> { yTicks.lower...yTicks.upper }

    init(series: [Series], xTickCount: Int, yTickCount: Int) throws {
        let points = series.flatMap { $0.points.compactMap { $0 } }
        guard let xLow = points.map(\.x).min(), let xHigh = points.map(\.x).max(),
              let yLow = points.map(\.y).min(), let yHigh = points.map(\.y).max() else {
            throw PlotError.empty(what: "every series")
        }
        xRange = xLow < xHigh ? xLow...xHigh : (xLow - 1)...(xHigh + 1)
        xTicks = NiceTicks.within(xRange.lowerBound, xRange.upperBound, targetCount: xTickCount)
        yTicks = NiceTicks.covering(yLow, yHigh, targetCount: yTickCount)
    }

    /// Where `x` falls across the chart, 0 at the left edge and 1 at the right.
    func xFraction(_ x: Double) -> Double {
        (x - xRange.lowerBound) / (xRange.upperBound - xRange.lowerBound)
    }

    /// Where `y` falls down the chart, 0 at the top edge and 1 at the bottom.
    func yFraction(_ y: Double) -> Double {
        (yRange.upperBound - y) / (yRange.upperBound - yRange.lowerBound)
    }
}
