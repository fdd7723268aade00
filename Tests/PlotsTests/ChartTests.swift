import Plots
import Tensor
import XCTest

final class NiceTicksTests: XCTestCase {
    func testUnitRangeInFifths() {
        let ticks = NiceTicks.covering(0, 1, targetCount: 6)
        XCTAssertEqual(ticks.step, 0.2)
        XCTAssertEqual(ticks.values, [0, 0.2, 0.4, 0.6, 0.8, 1.0])
        XCTAssertEqual(ticks.labels, ["0.0", "0.2", "0.4", "0.6", "0.8", "1.0"])
    }

    func testStepsAreOneTwoOrFiveTimesAPowerOfTen() {
        // span 2.18 / 4 intervals = 0.545 → 1
        XCTAssertEqual(NiceTicks.covering(0.13, 2.31, targetCount: 5).values, [0, 1, 2, 3])
        // span 15.9 / 5 = 3.18 → 5, widened outward to whole steps
        XCTAssertEqual(NiceTicks.covering(-3.7, 12.2, targetCount: 6).values, [-5, 0, 5, 10, 15])
        // span 0.0035 / 5 = 0.0007 → 0.001, labels with three decimals
        let small = NiceTicks.covering(0.0012, 0.0047, targetCount: 6)
        XCTAssertEqual(small.values, [0.001, 0.002, 0.003, 0.004, 0.005])
        XCTAssertEqual(small.labels, ["0.001", "0.002", "0.003", "0.004", "0.005"])
        // span 1800 / 5 = 360 → 500
        XCTAssertEqual(NiceTicks.covering(100, 1900, targetCount: 6).labels, ["0", "500", "1000", "1500", "2000"])
    }

    func testWithinKeepsTicksInsideTheRange() {
        XCTAssertEqual(NiceTicks.within(1, 10, targetCount: 6).values, [2, 4, 6, 8, 10])
        XCTAssertEqual(NiceTicks.within(1, 30, targetCount: 7).values, [5, 10, 15, 20, 25, 30])
    }

    func testDegenerateRanges() {
        let flat = NiceTicks.covering(5, 5, targetCount: 6)
        XCTAssertLessThan(flat.lower, 5)
        XCTAssertGreaterThan(flat.upper, 5)
        XCTAssertEqual(flat.step, 0.2)
        XCTAssertEqual(NiceTicks.covering(0, 0, targetCount: 3).values, [-1, 0, 1])
        XCTAssertEqual(NiceTicks.covering(.nan, 1, targetCount: 6).values, [0, 0.2, 0.4, 0.6, 0.8, 1.0])
        XCTAssertEqual(NiceTicks.covering(-.infinity, .infinity, targetCount: 2).values, [0, 1])
        // Far from zero and narrow: still a handful of ticks, not billions.
        XCTAssertLessThan(NiceTicks.covering(1e20, 1e20, targetCount: 6).values.count, 20)
    }
}

final class TerminalChartTests: XCTestCase {
    /// Lines of a plain chart of [0, 0.5, 1] at x = 1, 2, 3, 25 columns by 14 lines:
    /// 11 plot rows, y ticks 0, 0.5, 1 (gutter of 3), 20 plot columns.
    private func straightLineChart() throws -> [String] {
        try TerminalPicture.lineChart(series: [(name: "rising", values: [0, 0.5, 1])], width: 25, height: 14,
                                      style: .plain).components(separatedBy: "\n")
    }

    func testYTicksSitOnTheirRows() throws {
        let lines = try straightLineChart()
        XCTAssertEqual(lines.count, 14)
        XCTAssertTrue(lines[0].hasPrefix("1.0 +"), lines[0])
        XCTAssertTrue(lines[5].hasPrefix("0.5 +"), lines[5])
        XCTAssertTrue(lines[10].hasPrefix("0.0 +"), lines[10])
        for row in [1, 2, 3, 4, 6, 7, 8, 9] { XCTAssertTrue(lines[row].hasPrefix("    |"), lines[row]) }
    }

    func testSeriesHitsTheExpectedCells() throws {
        let plot = try straightLineChart()[0..<11].map { Array($0.padded(to: 25).dropFirst(5)) }
        // The top row (1.0) is row 0 and the bottom (0.0) row 10; x = 1, 2, 3 fall on
        // columns 0, round(0.5 × 19) = 10 and 19.
        XCTAssertEqual(plot[10][0], "*")
        XCTAssertEqual(plot[5][10], "*")
        XCTAssertEqual(plot[0][19], "*")
        // A line rising at most one row per column: exactly one mark per column, never descending.
        var previousRow = 11
        for column in 0..<20 {
            let rows = (0..<11).filter { plot[$0][column] == "*" }
            XCTAssertEqual(rows.count, 1, "column \(column)")
            XCTAssertLessThanOrEqual(rows[0], previousRow)
            previousRow = rows[0]
        }
    }

    func testXAxisTicksLabelsAndLegend() throws {
        let lines = try straightLineChart()
        // One x tick (2, at plot column 10) fits a 20-column plot.
        XCTAssertEqual(lines[11], "    +----------+---------")
        XCTAssertEqual(lines[12], String(repeating: " ", count: 15) + "2")
        XCTAssertEqual(lines[13], "     * rising")
    }

    func testGapsBreakTheLine() throws {
        let chart = try TerminalPicture.lineChart(series: [(name: "gappy", values: [1, .nan, 3])], width: 25,
                                                  height: 14, style: .plain)
        let marks = chart.components(separatedBy: "\n")[0..<11].joined().filter { $0 == "*" }
        XCTAssertEqual(marks.count, 2, "two points with a gap between them: no line")
    }

    func testSeriesHaveTheirOwnSymbols() throws {
        let chart = try TerminalPicture.lineChart(series: [Series(name: "train", values: [1, 2, 3]),
                                                           Series(name: "test", values: [3, 2, 1])],
                                                  width: 30, height: 12, style: .plain)
        XCTAssertTrue(chart.contains("o"))
        XCTAssertTrue(chart.hasSuffix("* train   o test"))
    }

    func testBrailleInColour() throws {
        // [0, 1] in 24 × 8: 5 plot rows of 4 dots, so (1, 0) is the bottom-left dot
        // (Braille bit 0x40) and (2, 1) the top-right one (bit 0x08).
        let chart = try TerminalPicture.lineChart(series: [(name: "up", values: [0, 1])], width: 24, height: 8,
                                                  style: .trueColor)
        XCTAssertTrue(chart.contains("\u{1B}[38;2;31;119;180m"), "series 0 in the palette's first colour")
        let rows = stripEscapes(chart).components(separatedBy: "\n")
        let plotStart = rows[0].firstIndex(of: "┤")!.utf16Offset(in: rows[0]) + 1
        let bottomLeft = Array(rows[4].unicodeScalars)[plotStart].value
        let topRight = Array(rows[0].unicodeScalars).last!.value
        XCTAssertEqual(bottomLeft & 0xFF00, 0x2800)
        XCTAssertNotEqual(bottomLeft & 0x40, 0)
        XCTAssertNotEqual(topRight & 0x08, 0)
    }

    func testNothingToPlotIsAnError() {
        XCTAssertThrowsError(try TerminalPicture.lineChart(series: [(name: "empty", values: [])], style: .plain)) {
            XCTAssertEqual($0 as? PlotError, .empty(what: "every series"))
        }
        XCTAssertThrowsError(try TerminalPicture.lineChart(series: [(name: "nan", values: [.nan])], style: .plain))
    }

    func testTinySizesAreRaised() throws {
        let chart = try TerminalPicture.lineChart(series: [(name: "x", values: [1, 2])], width: 1, height: 1,
                                                  style: .plain)
        XCTAssertEqual(chart.components(separatedBy: "\n").count, 8)
    }
}

/// `text` without ANSI colour escapes.
func stripEscapes(_ text: String) -> String {
    var result = "", inEscape = false
    for scalar in text.unicodeScalars {
        if scalar == "\u{1B}" { inEscape = true; continue }
        if inEscape { if scalar == "m" { inEscape = false }; continue }
        result.unicodeScalars.append(scalar)
    }
    return result
}

extension String {
    func padded(to width: Int) -> String { self + String(repeating: " ", count: max(0, width - count)) }
}

final class ExtremeValueTests: XCTestCase {
    /// Values at the edges of Double: every picture must still come back, without trapping.
    private let extremes: [[Double]] = [
        [1e308, -1e308, 0],
        [.greatestFiniteMagnitude, -.greatestFiniteMagnitude],
        [1, 2, 3].map { $0 * 2024 * .leastNonzeroMagnitude },   // subnormals near 1e-320
        [1e20, 1e20 + 1e5],
        [-.infinity, 5, .infinity, .nan],
    ]

    func testChartsSurvive() throws {
        for values in extremes {
            let series = [Series(name: "extreme", values: values)]
            for style in TerminalStyle.allCases {
                XCTAssertFalse(try TerminalPicture.lineChart(series: series, width: 24, height: 8, style: style).isEmpty)
            }
            XCTAssertFalse(try SVGChart.lineChart(series: series).isEmpty)
            XCTAssertEqual(try PNGPicture.lineChart(series: series, width: 200, height: 150).width, 200)
        }
    }

    func testBoundariesSurvive() throws {
        let points = Tensor(shape: [3, 2], storage: .float64([1e308, -1e308, -1e308, 1e308, .nan, 0]))
        let everywhereZero: (Tensor) -> [Int] = { Array(repeating: 0, count: $0.shape[0]) }
        XCTAssertFalse(try TerminalPicture.boundary(points: points, labels: [0, 1, 0], width: 8, height: 4,
                                                    style: .plain, predict: everywhereZero).isEmpty)
        XCTAssertEqual(try PNGPicture.boundary(points: points, labels: [0, 1, 0], size: 64,
                                               predict: everywhereZero).width, 64)
    }

    func testImagesSurvive() throws {
        for values in extremes where values.count >= 2 {
            let image = try GreyImage(width: values.count, height: 1, values: values)
            XCTAssertTrue(image.levels.allSatisfy { (0...1).contains($0) }, "\(values)")
            for style in TerminalStyle.allCases { _ = TerminalPicture.render(image, style: style) }
        }
    }
}
