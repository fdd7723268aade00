import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Plots
import XCTest

/// The parts of an SVG document the tests look at, read with XMLParser.
final class SVGReader: NSObject, XMLParserDelegate {
    var polylines: [[String: String]] = []
    var texts: [String] = []
    private var currentText: String?

    static func read(_ data: Data) throws -> SVGReader {
        let reader = SVGReader()
        let parser = XMLParser(data: data)
        parser.delegate = reader
        guard parser.parse() else {
            throw parser.parserError ?? NSError(domain: "SVGReader", code: 1)
        }
        return reader
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        if name == "polyline" { polylines.append(attributes) }
        if name == "text" { currentText = "" }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        currentText? += string
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        if name == "text", let text = currentText { texts.append(text) }
        currentText = nil
    }

    /// The polylines drawn in `colour` (the axes are black).
    func series(_ colour: String) -> [String] { polylines.filter { $0["stroke"] == colour }.compactMap { $0["points"] } }
}

final class SVGTests: XCTestCase {
    func testPolylinePointsAndTicks() throws {
        let svg = try SVGChart.lineChart(series: [(name: "rising", values: [0, 0.5, 1])])
        let reader = try SVGReader.read(Data(svg.utf8))
        // 640 × 400, no title: the plot spans x 64...616 and y 20...352; y ticks 0...1
        // (so 0.5 is halfway), x = 1...3 across the whole width.
        XCTAssertEqual(reader.series("#1f77b4"), ["64.00,352.00 340.00,186.00 616.00,20.00"])
        for label in ["0.0", "0.2", "0.4", "0.6", "0.8", "1.0", "1.5", "2.0", "2.5", "3.0", "rising"] {
            XCTAssertTrue(reader.texts.contains(label), "missing text \(label)")
        }
    }

    func testTextIsEscaped() throws {
        let title = #"Loss < 1 & "accuracy" > 0.9"#
        let svg = try SVGChart.lineChart(series: [(name: "a<b", values: [1, 2])], title: title,
                                         xLabel: "epoch", yLabel: "it's")
        XCTAssertFalse(svg.contains("< 1"))
        let reader = try SVGReader.read(Data(svg.utf8))
        XCTAssertTrue(reader.texts.contains(title))
        XCTAssertTrue(reader.texts.contains("a<b"))
        XCTAssertTrue(reader.texts.contains("it's"))
        XCTAssertTrue(reader.texts.contains("epoch"))
    }

    func testGapsSplitTheLineAndSeriesGetTheirColours() throws {
        let svg = try SVGChart.lineChart(series: [Series(name: "train", values: [1, .nan, 3, 4]),
                                                  Series(name: "test", values: [4, 3, 2, 1])])
        let reader = try SVGReader.read(Data(svg.utf8))
        XCTAssertEqual(reader.series("#1f77b4").count, 2, "NaN splits the first series in two")
        XCTAssertEqual(reader.series("#ff7f0e").count, 1)
        XCTAssertEqual(reader.series("#1f77b4")[0].split(separator: " ").count, 1)
    }

    func testWrittenFileParses() throws {
        let path = try temporaryDirectory(self).appendingPathComponent("chart.svg").path
        try SVGChart.write(series: [Series(name: "loss", values: [2.3, 1.1, 0.7, 0.5], xStart: 10, xStep: 10)],
                           to: path, title: "Loss")
        let reader = try SVGReader.read(try Data(contentsOf: URL(fileURLWithPath: path)))
        XCTAssertTrue(reader.texts.contains("Loss"))
        XCTAssertTrue(reader.texts.contains("40"), "the x axis runs over the series' own x values, 10...40")
    }

    func testEmptyChartIsAnError() {
        XCTAssertThrowsError(try SVGChart.lineChart(series: [Series]()))
    }
}

final class ChartFileTests: XCTestCase {
    private let series = [Series(name: "loss", values: [2.3, 1.2, 0.8])]

    func testExtensionChoosesTheFormat() throws {
        let directory = try temporaryDirectory(self)
        let svg = directory.appendingPathComponent("history.SVG").path
        let png = directory.appendingPathComponent("history.png").path
        try ChartFile.write(series: series, to: svg, title: "Loss", xLabel: "epoch", yLabel: "loss")
        try ChartFile.write(series: series, to: png, width: 320, height: 200, title: "Loss", xLabel: "epoch")
        XCTAssertNoThrow(try SVGReader.read(try Data(contentsOf: URL(fileURLWithPath: svg))))
        let decoded = try DecodedPNG.read(png)
        XCTAssertEqual([decoded.width, decoded.height], [320, 200])
    }

    func testUnknownExtensionIsAnError() {
        XCTAssertThrowsError(try ChartFile.write(series: series, to: "/tmp/history.jpg")) {
            XCTAssertEqual($0 as? PlotError, .unsupportedFileType(path: "/tmp/history.jpg", supported: ["svg", "png"]))
            XCTAssertEqual("\($0)", "cannot tell which format to write to /tmp/history.jpg: use a name ending in .svg or .png")
        }
        XCTAssertThrowsError(try ChartFile.write(series: series, to: "dir.svg/history"))
    }
}
