import Plots
import Tensor
import XCTest

/// Expected strings come from scripts/plots_reference.py.
final class TerminalImageTests: XCTestCase {
    /// 3 rows of 4: an odd height, so the last text row has no bottom pixels.
    private let image = Tensor(shape: [3, 4], storage: .float64([0, 51, 51, 153, 204, 255, 255, 0, 10, 20, 30, 40]))

    func testHalfBlocksInTrueColour() throws {
        let expected = "\u{1B}[38;2;0;0;0;48;2;204;204;204m▀\u{1B}[38;2;51;51;51;48;2;255;255;255m▀▀\u{1B}[38;2;153;153;153;48;2;0;0;0m▀\u{1B}[0m\n\u{1B}[38;2;10;10;10;49m▀\u{1B}[38;2;20;20;20;49m▀\u{1B}[38;2;30;30;30;49m▀\u{1B}[38;2;40;40;40;49m▀\u{1B}[0m"
        XCTAssertEqual(try TerminalPicture.digit(image, style: .trueColor), expected)
    }

    func testHalfBlocksIn256Colours() throws {
        let expected = "\u{1B}[38;5;16;48;5;252m▀\u{1B}[38;5;236;48;5;231m▀▀\u{1B}[38;5;246;48;5;16m▀\u{1B}[0m\n\u{1B}[38;5;232;49m▀\u{1B}[38;5;233;49m▀\u{1B}[38;5;234;49m▀\u{1B}[38;5;235;49m▀\u{1B}[0m"
        XCTAssertEqual(try TerminalPicture.digit(image, style: .color256), expected)
    }

    func testASCIIRamp() throws {
        XCTAssertEqual(try TerminalPicture.digit(image, style: .plain), "=**-\n  ..")
    }

    func testAnyRangeLooksTheSame() throws {
        // Raw bytes, 0...1 and zero-centred data are all scaled min...max.
        let raw = image.doubles
        let unit = Tensor(shape: [3, 4], storage: .float64(raw.map { $0 / 255 }))
        let centred = Tensor(shape: [3, 4], storage: .float64(raw.map { $0 / 255 - 0.13 }))
        let float32 = Tensor(shape: [3, 4], floats: raw.map(Float.init))
        let expected = try TerminalPicture.digit(image, style: .trueColor)
        for variant in [unit, centred, float32] {
            XCTAssertEqual(try TerminalPicture.digit(variant, style: .trueColor), expected)
        }
    }

    func testFlatSquareVectorIsAnImage() throws {
        let flat = Tensor(shape: [16], storage: .float64((0..<16).map(Double.init)))
        let square = Tensor(shape: [4, 4], storage: .float64((0..<16).map(Double.init)))
        XCTAssertEqual(try TerminalPicture.digit(flat, style: .plain), try TerminalPicture.digit(square, style: .plain))
        XCTAssertEqual(try TerminalPicture.digit(square, style: .plain).split(separator: "\n").count, 2)
    }

    func testNonImagesAreRejected() {
        XCTAssertThrowsError(try TerminalPicture.digit(Tensor([1, 2, 3]), style: .plain)) { error in
            XCTAssertEqual(error as? PlotError, .notAnImage(shape: [3]))
        }
        XCTAssertThrowsError(try TerminalPicture.digit(Tensor(shape: [2, 2, 2], storage: .float64(Array(repeating: 0, count: 8))),
                                                       style: .plain))
    }

    func testConstantAndNonFiniteImagesDoNotCrash() throws {
        XCTAssertEqual(try TerminalPicture.digit(Tensor(shape: [2, 2], storage: .float64([7, 7, 7, 7])), style: .plain), "")
        let odd = Tensor(shape: [2, 2], storage: .float64([.nan, 1, .infinity, 0]))
        // NaN and infinity show as the minimum; 1 is the top of the range: (0 + 0)/2 → " ", (1 + 0)/2 → "+".
        XCTAssertEqual(try TerminalPicture.digit(odd, style: .plain), " +")
    }

    func testGridWrapsToTheWidth() throws {
        // Three 2 × 2 images; each text cell averages a column's two pixels.
        let images = Tensor(shape: [3, 4], storage: .float64([0, 1, 0, 1, 1, 0, 1, 0, 0, 0, 1, 1]))
        // Tiles are 2 wide with a 2-space gap: a width of 6 holds two per row, 10 holds three.
        XCTAssertEqual(try TerminalPicture.grid(images: images, width: 6, style: .plain), " @  @\n\n++")
        XCTAssertEqual(try TerminalPicture.grid(images: images, width: 10, style: .plain), " @  @   ++")
    }

    func testGridCaptionsMarkMistakes() throws {
        // Two 2 × 8 images: dark then bright halves, and the reverse.
        let left: [Double] = [0, 0, 0, 0, 1, 1, 1, 1], right: [Double] = [1, 1, 1, 1, 0, 0, 0, 0]
        let images = Tensor(shape: [2, 2, 8], storage: .float64(left + left + right + right))
        let captions = try Caption.predictions([7, 3], labels: [7, 5])
        let plain = try TerminalPicture.grid(images: images, captions: captions, width: 80, style: .plain)
        // Captions wrap at 12 columns (wider than the images); the wider
        // second tile (10) sets the width both tiles are centred in.
        XCTAssertEqual(plain, """
                 @@@@    @@@@
             Pred: 7,    Pred: 3,
             Label: 7   Label: 5 X
            """)
        let coloured = try TerminalPicture.grid(images: images, captions: captions, width: 80, style: .trueColor)
        XCTAssertTrue(coloured.contains("Label: 5 ✗"))
        XCTAssertTrue(coloured.contains("\u{1B}[38;2;230;50;50m"), "mistakes are red")
        XCTAssertEqual(coloured.components(separatedBy: "✗").count, 2, "only the wrong prediction is marked")
    }

    func testLargeStacksAreCut() throws {
        // 150 one-pixel images: only the first 100 are drawn, and the text says so.
        let images = Tensor(shape: [150, 1], storage: .float64(Array(repeating: 0, count: 150)))
        let captions = Caption.labels(Array(0..<150))
        let text = try TerminalPicture.grid(images: images, captions: captions, width: 80, style: .plain)
        XCTAssertTrue(text.hasSuffix("\n(the first 100 of 150 images)"))
        XCTAssertTrue(text.contains("Label: 99"))
        XCTAssertFalse(text.contains("Label: 100"))
    }

    func testGridNeedsOneCaptionPerImage() {
        let images = Tensor(shape: [2, 4], storage: .float64(Array(repeating: 0, count: 8)))
        XCTAssertThrowsError(try TerminalPicture.grid(images: images, captions: [Caption.label(1)], style: .plain)) {
            XCTAssertEqual($0 as? PlotError, .countMismatch(what: "captions for 2 images", expected: 2, got: 1))
        }
    }

    func testWeightColumnsBecomeTiles() throws {
        // (D = 4, H = 3): column j is unit j's 2 × 2 tile.
        let weights = Tensor(shape: [4, 3], storage: .float64([1, 0, -1, 2, 0, -2, 3, 0, -3, 4, 0, -4]))
        // Unit 0 is [[1, 2], [3, 4]] → levels 0, 1/3, 2/3, 1 → column means 1/3 ("-") and 2/3 ("*").
        // Unit 1 is all zeros → blank. The cap of 2 leaves unit 2 out.
        XCTAssertEqual(try TerminalPicture.weights(weights, count: 2, width: 80, style: .plain),
                       "  -*\nunit 0  unit 1")
        let coloured = try TerminalPicture.weights(weights, count: 3, width: 80, style: .trueColor)
        // Signed scaling: unit 0's largest weight is full orange, unit 2's most negative full blue.
        XCTAssertTrue(coloured.contains("48;2;255;140;40m"))
        XCTAssertTrue(coloured.contains("48;2;40;140;255m"))
    }

    func testWeightsMustBeASquareNumberOfRows() {
        XCTAssertThrowsError(try TerminalPicture.weights(Tensor(shape: [5, 2], storage: .float64(Array(repeating: 0, count: 10))),
                                                         style: .plain))
    }

    func testDivergingPalette() {
        XCTAssertEqual(Palette.diverging(0), .black)
        XCTAssertEqual(Palette.diverging(1), RGB(255, 140, 40))
        XCTAssertEqual(Palette.diverging(-1), RGB(40, 140, 255))
        XCTAssertEqual(Palette.diverging(-0.5), RGB(20, 70, 128))  // half of (40, 140, 255), rounded
        XCTAssertEqual(Palette.diverging(.nan), .black)
    }
}
