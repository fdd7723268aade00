import Datasets
import Tensor
import XCTest

/// The tensors made from images and labels, against numpy's values
/// (Fixtures/preprocessing.json: the bits of x / 255 and x.astype("float32") / 255).
final class LabeledImagesTests: XCTestCase {
    private struct Reference: Decodable {
        let input: [Int]
        let scaledFloat64: [String]
        let scaledFloat32: [String]
    }

    /// The fixture's 1040 pixel values as 130 images of 2 × 4, with labels 0...9 repeating.
    private func makeImages() throws -> (LabeledImages, Reference) {
        let reference = try fixture("preprocessing", as: Reference.self)
        let bytes = reference.input.map(UInt8.init)
        let images = try XCTUnwrap(IDXArray(dims: [130, 2, 4], bytes: bytes))
        let labels = try XCTUnwrap(IDXArray(dims: [130], bytes: (0..<130).map { UInt8($0 % 10) }))
        return (try LabeledImages(images: images, labels: labels), reference)
    }

    func testPixelsAreInt64Rows() throws {
        let (images, reference) = try makeImages()
        let pixels = images.pixels()
        XCTAssertEqual(pixels.shape, [130, 8])
        XCTAssertEqual(pixels.dtype, .int64)
        XCTAssertEqual(pixels.int64s, reference.input.map(Int64.init))
    }

    func testScaledFloat32IsNumpysBitForBit() throws {
        let (images, reference) = try makeImages()
        let scaled = images.scaledFloat32()
        XCTAssertEqual(scaled.shape, [130, 8])
        XCTAssertEqual(scaled.dtype, .float32)
        XCTAssertEqual(scaled.floats.map(\.bitPattern), floats(fromHex: reference.scaledFloat32).map(\.bitPattern))
    }

    func testScaledFloat64IsNumpysBitForBit() throws {
        let (images, reference) = try makeImages()
        let scaled = images.scaledFloat64()
        XCTAssertEqual(scaled.dtype, .float64)
        XCTAssertEqual(scaled.doubles.map(\.bitPattern), doubles(fromHex: reference.scaledFloat64).map(\.bitPattern))
    }

    func testLabelTensor() throws {
        let (images, _) = try makeImages()
        let labels = images.labelTensor()
        XCTAssertEqual(labels.shape, [130])
        XCTAssertEqual(labels.dtype, .int64)
        XCTAssertEqual(Array(labels.int64s.prefix(12)), [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 0, 1])
    }

    /// Images without pixels, or no images at all, would give tensors with nothing
    /// to average (`mlplab info` printed a pixel mean of -nan): refused, saying what is needed.
    func testEmptyImagesAreRefused() throws {
        let cases: [(dims: [Int], says: String)] = [
            ([2, 0, 28], "give images of 0 × 28 pixels"),
            ([2, 28, 0], "give images of 28 × 0 pixels"),
            ([0, 28, 28], "give no images"),
        ]
        for (dims, says) in cases {
            let images = try XCTUnwrap(IDXArray(dims: dims, bytes: []))
            let labels = try XCTUnwrap(IDXArray(dims: [dims[0]], bytes: Array(repeating: 1, count: dims[0])))
            XCTAssertThrowsError(try LabeledImages(images: images, labels: labels, imagesFile: "x-idx3-ubyte")) { error in
                XCTAssertEqual(error as? DatasetError, .emptyImages(file: "x-idx3-ubyte", dims: dims))
                let text = String(describing: error)
                XCTAssertTrue(text.hasPrefix("x-idx3-ubyte: "), text)
                XCTAssertTrue(text.contains(says), text)
                XCTAssertTrue(text.hasSuffix("an images file needs at least one image of at least 1 × 1 pixels"), text)
            }
        }
    }

    func testClassCountBoundsTheLabels() throws {
        let images = try XCTUnwrap(IDXArray(dims: [2, 1, 1], bytes: [0, 0]))
        let labels = try XCTUnwrap(IDXArray(dims: [2], bytes: [2, 3]))
        XCTAssertThrowsError(try LabeledImages(images: images, labels: labels, classes: 3)) { error in
            XCTAssertEqual(error as? DatasetError, .labelOutOfRange(file: "labels", index: 1, label: 3, classes: 3))
        }
        XCTAssertEqual(try LabeledImages(images: images, labels: labels, classes: 4).labels, [2, 3])
    }
}
