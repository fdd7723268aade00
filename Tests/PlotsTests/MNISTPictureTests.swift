import Foundation
import Plots
import Tensor
import XCTest

/// Pictures of real digits from ../shared/data/mnist (skipped when absent).
/// Set MLPLAB_PLOTS_PREVIEW=DIR to also keep PNG files there for viewing.
final class MNISTPictureTests: XCTestCase {
    private static let imagesPath = repositoryRoot
        .appendingPathComponent("../shared/data/mnist/t10k-images-idx3-ubyte.gz").standardized.path

    /// The first `count` test images (N, 784) as raw 0...255 values, unpacked with the system's gzip.
    private func testImages(_ count: Int) throws -> Tensor {
        guard FileManager.default.fileExists(atPath: Self.imagesPath) else {
            throw XCTSkip("MNIST test images not found at \(Self.imagesPath)")
        }
        guard let gzip = executableOnPath("gzip") else { throw XCTSkip("gzip is not installed") }
        let bytes = [UInt8](try runProgram(gzip, ["-dc", Self.imagesPath]).prefix(16 + 784 * count))
        // IDX header: magic 0x00000803, then the count and 28 × 28, big-endian.
        XCTAssertEqual(Array(bytes[0..<4]), [0, 0, 8, 3])
        return Tensor(shape: [count, 784], storage: .float64(bytes[16...].map(Double.init)))
    }

    private func image(_ n: Int, of images: Tensor) -> Tensor {
        Tensor(shape: [784], storage: .float64(Array(images.doubles[n * 784 ..< (n + 1) * 784])))
    }

    private func outputDirectory() throws -> URL {
        if let preview = ProcessInfo.processInfo.environment["MLPLAB_PLOTS_PREVIEW"] {
            let url = URL(fileURLWithPath: preview, isDirectory: true)
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
            return url
        }
        return try temporaryDirectory(self)
    }

    func testFirstTestDigitInPlainText() throws {
        let seven = image(0, of: try testImages(1))
        // From scripts/plots_reference.py.
        XCTAssertEqual(try TerminalPicture.digit(seven, style: .plain), """



                  .--:.
                  +#*#%@%%%%%%%%%-
                        . ....:@@:
                             :@@:
                            -@%.
                           :@%.
                          +@#.
                         %@+
                       -@@-
                      -@@@.
                      :==
            """)
    }

    func testDigitPNGKeepsTheBytes() throws {
        // Test image 0 spans 0...255, so min...max scaling leaves every byte as it was.
        let seven = image(0, of: try testImages(1))
        let path = try outputDirectory().appendingPathComponent("digit.png").path
        try PNGWriter.write(try PNGPicture.digit(seven, scale: 1), to: path)
        let png = try DecodedPNG.read(path)
        XCTAssertEqual([png.width, png.height, png.colourType], [28, 28, 0])
        XCTAssertEqual(png.pixels, seven.doubles.map { Int($0) })
    }

    func testGridOfPredictions() throws {
        let images = try testImages(25)
        let labels = [7, 2, 1, 0, 4, 1, 4, 9, 5, 9, 0, 6, 9, 0, 1, 5, 9, 7, 3, 4, 9, 6, 6, 5, 4]
        var predicted = labels
        predicted[8] = 6
        let captions = try Caption.predictions(predicted, labels: labels)
        let directory = try outputDirectory()
        try PNGWriter.write(try PNGPicture.grid(images: images, captions: captions), to: directory.appendingPathComponent("grid.png").path)
        try PNGWriter.write(try PNGPicture.digit(image(0, of: images)), to: directory.appendingPathComponent("digit-x8.png").path)
        let png = try DecodedPNG.read(directory.appendingPathComponent("grid.png").path)
        // 5 × 5 cells of 113 px (the widest caption) by 112 + 4 + 10 px, 8 px apart.
        XCTAssertEqual([png.width, png.height], [8 + 5 * (113 + 8), 8 + 5 * (126 + 8)])

        let text = try TerminalPicture.grid(images: images, captions: captions, width: 120, style: .plain)
        XCTAssertTrue(text.contains("Pred: 6, Label: 5 X"))
        XCTAssertEqual(text.components(separatedBy: " X").count, 2)
    }
}
