import Foundation
import Plots
import Support
import Tensor
import XCTest

/// Every PNG here is read back by scripts/png_decode.py, an independent decoder
/// (Python's zlib and struct) that also checks the signature, chunks and CRCs.
final class PNGTests: XCTestCase {
    private func saveAndDecode(_ raster: Raster) throws -> DecodedPNG {
        let path = try temporaryDirectory(self).appendingPathComponent("picture.png").path
        try PNGWriter.write(raster, to: path)
        return try DecodedPNG.read(path)
    }

    func testGreyscaleBytesRoundTrip() throws {
        let bytes = try PNGWriter.encode(width: 3, height: 2, colourType: .grey, pixels: [0, 128, 255, 10, 20, 30])
        XCTAssertEqual(Array(bytes.prefix(8)), [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        let path = try temporaryDirectory(self).appendingPathComponent("grey.png").path
        try AtomicFile.write(bytes, to: path)
        let png = try DecodedPNG.read(path)
        XCTAssertEqual([png.width, png.height, png.colourType], [3, 2, 0])
        XCTAssertEqual(png.chunks, ["IHDR", "IDAT", "IEND"])
        XCTAssertEqual(png.pixels, [0, 128, 255, 10, 20, 30])
    }

    func testColourRasterIsRGB() throws {
        var raster = Raster(width: 2, height: 2)
        raster[0, 0] = RGB(255, 0, 0)
        raster[1, 0] = RGB(0, 255, 0)
        raster[0, 1] = RGB(0, 0, 255)
        raster[1, 1] = RGB(10, 20, 30)
        let png = try saveAndDecode(raster)
        XCTAssertEqual(png.colourType, 2)
        XCTAssertEqual(png.pixels, [255, 0, 0, 0, 255, 0, 0, 0, 255, 10, 20, 30])
    }

    func testGreyRasterIsOneBytePerPixel() throws {
        var raster = Raster(width: 2, height: 1, background: RGB(grey: 0.5))
        raster[1, 0] = .black
        let png = try saveAndDecode(raster)
        XCTAssertEqual(png.colourType, 0)
        XCTAssertEqual(png.pixels, [128, 0])
    }

    func testDigitIsEnlargedByEight() throws {
        // levels 0, 1, 0.2, 0.4 → greys 0, 255, 51, 102, each an 8 × 8 block.
        let image = Tensor(shape: [2, 2], storage: .float64([0, 255, 51, 102]))
        let png = try saveAndDecode(try PNGPicture.digit(image))
        XCTAssertEqual([png.width, png.height, png.colourType], [16, 16, 0])
        let blocks = [0, 255, 51, 102]
        for y in 0..<16 {
            for x in 0..<16 { XCTAssertEqual(png.pixel(x: x, y: y), [blocks[(y / 8) * 2 + x / 8]], "(\(x), \(y))") }
        }
    }

    func testGridWithCaptions() throws {
        let images = Tensor(shape: [2, 4], storage: .float64([0, 1, 1, 0, 1, 0, 0, 1]))
        let captions = try Caption.predictions([1, 2], labels: [1, 3])
        let png = try saveAndDecode(try PNGPicture.grid(images: images, captions: captions, columns: 2, scale: 4))
        // Cells are as wide as the longer caption, "Pred: 2, Label: 3 ✗" (19 glyphs × 6 − 1 = 113 px),
        // and 8 px image + 4 px + one 10 px caption line tall, with 8 px padding around.
        XCTAssertEqual([png.width, png.height, png.colourType], [8 + 2 * (113 + 8), 8 + 22 + 8, 2])
        // The first image is centred in its cell: left edge 8 + (113 − 8) / 2 = 60.
        XCTAssertEqual(png.pixel(x: 60, y: 8), [0, 0, 0])
        XCTAssertEqual(png.pixel(x: 64, y: 8), [255, 255, 255])
        XCTAssertEqual(png.pixel(x: 60, y: 12), [255, 255, 255])
        // Caption bands: black text under the right prediction, red under the mistake.
        let band = 20..<30
        let firstCell = 8..<121, secondCell = 129..<242
        func colours(in columns: Range<Int>) -> Set<[Int]> {
            Set(band.flatMap { y in columns.map { png.pixel(x: $0, y: y) } })
        }
        XCTAssertTrue(colours(in: firstCell).contains([0, 0, 0]))
        XCTAssertFalse(colours(in: firstCell).contains([230, 50, 50]))
        XCTAssertTrue(colours(in: secondCell).contains([230, 50, 50]))
    }

    func testWeightsUseTheDivergingPalette() throws {
        // (D = 4, H = 2): unit 0 is [[1, 2], [3, 4]], unit 1 is [[-1, 0], [0, 0]].
        let weights = Tensor(shape: [4, 2], storage: .float64([1, -1, 2, 0, 3, 0, 4, 0]))
        let png = try saveAndDecode(try PNGPicture.weights(weights, scale: 4))
        // 2 tiles → a 2 × 2 grid; cells are as wide as "unit 0" (35 px), tiles 8 px centred in them.
        let tileLeft = 8 + (35 - 8) / 2
        XCTAssertEqual(png.pixel(x: tileLeft + 4, y: 8 + 4), [255, 140, 40], "unit 0's largest weight: full orange")
        XCTAssertEqual(png.pixel(x: tileLeft, y: 8), [64, 35, 10], "a quarter of it: 1/4 of (255, 140, 40), rounded")
        XCTAssertEqual(png.pixel(x: tileLeft + 43, y: 8), [40, 140, 255], "unit 1's only weight, negative: full blue")
    }

    func testDecisionBoundary() throws {
        let points = Tensor(shape: [2, 2], storage: .float64([0, 0, 1, 1]))
        let raster = try PNGPicture.boundary(points: points, labels: [0, 1], size: 64, cell: 2) { grid in
            let values = grid.doubles
            return (0..<grid.shape[0]).map { values[2 * $0] > 0.5 ? 1 : 0 }
        }
        let png = try saveAndDecode(raster)
        XCTAssertEqual([png.width, png.height, png.colourType], [64, 64, 2])
        // Regions: the class colours mixed 65% with white.
        XCTAssertEqual(png.pixel(x: 2, y: 2), [177, 207, 229])
        XCTAssertEqual(png.pixel(x: 60, y: 30), [255, 210, 171])
        // The point (0, 0) sits at (0.1 / 1.2 × 64, 1.1 / 1.2 × 64) = (5, 58): class colour, black rim.
        XCTAssertEqual(png.pixel(x: 5, y: 58), [31, 119, 180])
        XCTAssertEqual(png.pixel(x: 9, y: 58), [0, 0, 0])
    }

    func testLineChartRaster() throws {
        let chart = try PNGPicture.lineChart(series: [Series(name: "loss", values: [2, 1, 0.5])],
                                             width: 320, height: 200, title: "Loss")
        let png = try saveAndDecode(chart)
        XCTAssertEqual([png.width, png.height, png.colourType], [320, 200, 2])
        // The series starts at the plot's left edge (x = 64) at y = 2, the top tick (plot top, 44 px).
        XCTAssertEqual(png.pixel(x: 65, y: 44), [31, 119, 180])
    }

    func testBadPixelCountsAreRejected() {
        XCTAssertThrowsError(try PNGWriter.encode(width: 2, height: 2, colourType: .rgb, pixels: [0, 0, 0])) {
            XCTAssertEqual($0 as? PlotError,
                           .countMismatch(what: "bytes for a 2 × 2 PNG image", expected: 12, got: 3))
        }
        XCTAssertThrowsError(try PNGWriter.encode(width: 0, height: 2, colourType: .grey, pixels: []))
    }
}
