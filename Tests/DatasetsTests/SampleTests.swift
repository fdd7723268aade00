import Datasets
import Foundation
import Tensor
import XCTest

/// The bundled sample in data/sample/, against numbers python computed from
/// the CSV it was made from (Fixtures/sample.json, scripts/make_datasets_fixtures.py).
final class SampleTests: XCTestCase {
    private struct SplitReference: Decodable {
        let shape: [Int]
        let labelCounts: [Int]
        let firstLabels: [UInt8]
        let pixelSum: Int
        let firstImageSums: [Int]
    }

    private struct Reference: Decodable {
        let train: SplitReference
        let test: SplitReference
    }

    private let locator = DataLocator(environment: [:], currentDirectory: repositoryRoot.path)

    func testSplitsMatchTheCSV() throws {
        let reference = try fixture("sample", as: Reference.self)
        for (split, expected) in [(Split.train, reference.train), (.test, reference.test)] {
            let sample = try LabeledImages.load(.sample, split: split, locator: locator)
            XCTAssertEqual(sample.images.dims, expected.shape, "\(split)")
            XCTAssertEqual(sample.labels.reduce(into: Array(repeating: 0, count: 10)) { $0[Int($1)] += 1 },
                           expected.labelCounts, "\(split)")
            XCTAssertEqual(Array(sample.labels.prefix(expected.firstLabels.count)), expected.firstLabels, "\(split)")
            XCTAssertEqual(sample.images.bytes.reduce(0) { $0 + Int($1) }, expected.pixelSum, "\(split)")
            let imageSums = (0..<expected.firstImageSums.count).map { image in
                sample.images.bytes[image * 784 ..< (image + 1) * 784].reduce(0) { $0 + Int($1) }
            }
            XCTAssertEqual(imageSums, expected.firstImageSums, "\(split)")
        }
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
}
