import Datasets
import Tensor
import XCTest

/// Scaling, zero-centring, standardising and one-hot against numpy
/// (Fixtures/preprocessing.json, bit for bit).
final class PreprocessingTests: XCTestCase {
    private struct Reference: Decodable {
        let inputShape: [Int]
        let input: [Int64]
        let scaledFloat64: [String]
        let scaledFloat32: [String]
        let mean: String
        let std: String
        let centredFloat64: [String]
        let centredFloat32: [String]
        let standardisedFloat64: [String]
        let standardisedFloat32: [String]
        let labels: [Int64]
        let oneHot: [Double]
    }

    private var reference: Reference!
    private var input: Tensor!
    private var mean: Double { doubles(fromHex: [reference.mean])[0] }
    private var std: Double { doubles(fromHex: [reference.std])[0] }

    override func setUpWithError() throws {
        reference = try fixture("preprocessing", as: Reference.self)
        input = Tensor(shape: reference.inputShape, int64s: reference.input)
    }

    private func assertBits(_ tensor: Tensor, float64 expected: [String],
                            file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(tensor.dtype, .float64, file: file, line: line)
        XCTAssertEqual(tensor.shape, reference.inputShape, file: file, line: line)
        XCTAssertEqual(tensor.doubles.map(\.bitPattern), doubles(fromHex: expected).map(\.bitPattern),
                       file: file, line: line)
    }

    private func assertBits(_ tensor: Tensor, float32 expected: [String],
                            file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(tensor.dtype, .float32, file: file, line: line)
        XCTAssertEqual(tensor.shape, reference.inputShape, file: file, line: line)
        XCTAssertEqual(tensor.floats.map(\.bitPattern), floats(fromHex: expected).map(\.bitPattern),
                       file: file, line: line)
    }

    func testScalingInt64GivesFloat64() throws {
        assertBits(try Preprocessing.scaled(input), float64: reference.scaledFloat64)
    }

    func testScalingKeepsFloat32AndFloat64() throws {
        assertBits(try Preprocessing.scaled(input.astype(.float32)), float32: reference.scaledFloat32)
        assertBits(try Preprocessing.scaled(input.astype(.float64)), float64: reference.scaledFloat64)
    }

    /// The seeds' `tr_data - tr_mean`, in float64 and in float32.
    func testZeroCentring() throws {
        let scaled64 = try Preprocessing.scaled(input)
        assertBits(try Preprocessing.zeroCentred(scaled64, mean: mean), float64: reference.centredFloat64)
        let scaled32 = try Preprocessing.scaled(input.astype(.float32))
        assertBits(try Preprocessing.zeroCentred(scaled32, mean: mean), float32: reference.centredFloat32)
    }

    func testStandardising() throws {
        let scaled64 = try Preprocessing.scaled(input)
        assertBits(try Preprocessing.standardised(scaled64, mean: mean, std: std),
                   float64: reference.standardisedFloat64)
        let scaled32 = try Preprocessing.scaled(input.astype(.float32))
        assertBits(try Preprocessing.standardised(scaled32, mean: mean, std: std),
                   float32: reference.standardisedFloat32)
    }

    func testStandardisingRefusesAZeroStd() {
        XCTAssertThrowsError(try Preprocessing.standardised(input, mean: 0, std: 0)) { error in
            XCTAssertEqual(error as? PreprocessingError, .invalidArgument(
                operation: "standardise", detail: "the standard deviation must be positive, got 0.0"))
        }
    }

    func testBoolsAreRefused() {
        let mask = Tensor(shape: [2], bools: [true, false])
        XCTAssertThrowsError(try Preprocessing.scaled(mask)) { error in
            XCTAssertEqual(error as? PreprocessingError, .unsupportedDType(
                operation: "scale", dtype: .bool, expected: "int64, float32 or float64"))
        }
    }

    func testOneHot() throws {
        let labels = Tensor(shape: [reference.labels.count], int64s: reference.labels)
        let oneHot64 = try Preprocessing.oneHot(labels, classes: 10)
        XCTAssertEqual(oneHot64.shape, [5, 10])
        XCTAssertEqual(oneHot64.dtype, .float64)
        XCTAssertEqual(oneHot64.doubles, reference.oneHot)
        let oneHot32 = try Preprocessing.oneHot(labels, classes: 10, dtype: .float32)
        XCTAssertEqual(oneHot32.dtype, .float32)
        XCTAssertEqual(oneHot32.floats, reference.oneHot.map(Float.init))
    }

    func testOneHotRejectsLabelsOutOfRange() {
        let cases: [([Int64], PreprocessingError)] = [
            ([1, 2, 10, 3], .labelOutOfRange(index: 2, label: 10, classes: 10)),
            ([0, -1], .labelOutOfRange(index: 1, label: -1, classes: 10)),
        ]
        for (values, expected) in cases {
            XCTAssertThrowsError(try Preprocessing.oneHot(Tensor(shape: [values.count], int64s: values),
                                                          classes: 10)) { error in
                XCTAssertEqual(error as? PreprocessingError, expected)
                XCTAssertTrue(String(describing: error).contains("outside 0...9"), "\(error)")
            }
        }
    }

    func testOneHotNeedsInt64LabelsOfOneDimension() {
        XCTAssertThrowsError(try Preprocessing.oneHot(Tensor([1.0, 2.0]), classes: 3)) { error in
            XCTAssertEqual(error as? PreprocessingError, .unsupportedDType(
                operation: "one_hot", dtype: .float64, expected: "int64 labels"))
        }
        XCTAssertThrowsError(try Preprocessing.oneHot(Tensor(shape: [1, 2], int64s: [0, 1]), classes: 3)) { error in
            XCTAssertEqual(error as? PreprocessingError, .wrongShape(
                operation: "one_hot", shape: [1, 2], expected: "(N,)"))
        }
        XCTAssertThrowsError(try Preprocessing.oneHot(Tensor(shape: [1], int64s: [0]), classes: 0)) { error in
            XCTAssertEqual(error as? PreprocessingError, .invalidArgument(
                operation: "one_hot", detail: "classes must be at least 1, got 0"))
        }
        XCTAssertThrowsError(try Preprocessing.oneHot(Tensor(shape: [1], int64s: [0]), classes: 1 << 40)) { error in
            guard case .tooLarge? = error as? TensorError else {
                return XCTFail("expected TensorError.tooLarge, got \(error)")
            }
        }
    }
}
