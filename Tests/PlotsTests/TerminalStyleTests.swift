import Plots
import Tensor
import XCTest

final class TerminalStyleTests: XCTestCase {
    private let colourTerminal = ["TERM": "xterm-256color", "COLORTERM": "truecolor"]

    func testPipesAndFilesGetPlainText() {
        XCTAssertEqual(TerminalStyle.detect(environment: colourTerminal, isTerminal: false), .plain)
    }

    func testNoColorTurnsColourOff() {
        var environment = colourTerminal
        environment["NO_COLOR"] = "1"
        XCTAssertEqual(TerminalStyle.detect(environment: environment, isTerminal: true), .plain)
    }

    func testEmptyNoColorIsIgnored() {
        // no-color.org: only a non-empty value counts.
        var environment = colourTerminal
        environment["NO_COLOR"] = ""
        XCTAssertEqual(TerminalStyle.detect(environment: environment, isTerminal: true), .trueColor)
    }

    func testColortermChoosesTrueColour() {
        XCTAssertEqual(TerminalStyle.detect(environment: ["TERM": "xterm", "COLORTERM": "24bit"], isTerminal: true),
                       .trueColor)
        XCTAssertEqual(TerminalStyle.detect(environment: ["TERM": "xterm-256color"], isTerminal: true), .color256)
    }

    func testDumbAndMissingTerminalsArePlain() {
        XCTAssertEqual(TerminalStyle.detect(environment: ["TERM": "dumb", "COLORTERM": "truecolor"], isTerminal: true),
                       .plain)
        XCTAssertEqual(TerminalStyle.detect(environment: [:], isTerminal: true), .plain)
        XCTAssertEqual(TerminalStyle.detect(environment: ["TERM": "linux"], isTerminal: true), .plain)
    }

    func testNoColorOutputHasNoEscapes() throws {
        var environment = colourTerminal
        environment["NO_COLOR"] = "yes"
        let style = TerminalStyle.detect(environment: environment, isTerminal: true)
        let digit = Tensor(shape: [4, 4], storage: .float64((0..<16).map(Double.init)))
        let text = try TerminalPicture.digit(digit, style: style)
            + TerminalPicture.lineChart(series: [(name: "loss", values: [3, 2, 1])], style: style)
            + TerminalPicture.confusion(trueLabels: [0, 1], predicted: [1, 1], classes: 2, style: style)
        XCTAssertFalse(text.contains("\u{1B}"), "plain output must not contain escape sequences")
        XCTAssertTrue(text.unicodeScalars.allSatisfy(\.isASCII), "plain output must be ASCII")
    }

    func testColumnsComeFromTheEnvironment() {
        XCTAssertEqual(TerminalSize.columns(environment: ["COLUMNS": "132"]), 132)
        // Nonsense falls back to the terminal or the default: never zero or negative.
        XCTAssertGreaterThan(TerminalSize.columns(environment: ["COLUMNS": "-4"]), 0)
    }
}
