import Foundation
import Tensor
import XCTest

/// Compares `NumpyFormat.string` with numpy's own `print(x)` text, character for character.
/// The expected strings come from numpy 2.x through scripts/make_print_fixtures.py.
final class NumpyFormatTests: XCTestCase {
    func testFixtureCoversEveryDtypeAndRank() throws {
        let cases = try PrintFixture.load().cases
        XCTAssertGreaterThanOrEqual(cases.count, 60)
        XCTAssertEqual(Set(cases.map(\.dtype)), ["float64", "float32", "int64", "bool"])
        XCTAssertEqual(Set(cases.map(\.shape.count)), [0, 1, 2, 3, 4])
    }

    func testEveryFixtureCasePrintsExactlyAsNumpy() throws {
        let fixture = try PrintFixture.load()
        for fixtureCase in fixture.cases {
            let tensor = try fixtureCase.tensor()
            let printed = NumpyFormat.string(tensor)
            guard printed != fixtureCase.expected else { continue }
            XCTFail("""
                case "\(fixtureCase.name)" \(NumpyFormat.shape(fixtureCase.shape)) \(fixtureCase.dtype) \
                differs from numpy \(fixture.numpy)
                numpy prints:
                \(fixtureCase.expected)
                NumpyFormat printed:
                \(printed)
                """)
        }
    }

    func testDescriptionIsNumpysText() {
        XCTAssertEqual(Tensor([0.5, 1, 0]).description, "[0.5 1.  0. ]")
        XCTAssertEqual("\(Tensor(shape: [3], floats: [1.7640524, 0.4001572, 0.97873795]))",
                       "[1.7640524  0.4001572  0.97873795]")
        XCTAssertEqual(Tensor(scalar: 0.5).description, "0.5")
        XCTAssertEqual(Tensor(shape: [], int64s: [3]).description, "3")
    }

    /// Python's `str(x.shape)`.
    func testShapeTuple() {
        XCTAssertEqual(NumpyFormat.shape([60000, 784]), "(60000, 784)")
        XCTAssertEqual(NumpyFormat.shape([3]), "(3,)")
        XCTAssertEqual(NumpyFormat.shape([]), "()")
        XCTAssertEqual(NumpyFormat.shape([2, 0, 3]), "(2, 0, 3)")
    }

    /// A (60000, 784) tensor prints as its corners around `...`, like numpy's summary.
    func testPrintingMnistSizedTensorSummarises() {
        let pixels = tiled((0..<256).map { Float($0) / 255 }, count: 60000 * 784)
        let printed = NumpyFormat.string(Tensor(shape: [60000, 784], floats: pixels))
        let lines = printed.split(separator: "\n")
        XCTAssertEqual(lines.count, 7)
        XCTAssertEqual(lines[3], " ...")
        XCTAssertTrue(lines[0].contains(" ... "))
    }
}

/// `period` repeated to `count` elements, by doubling (quick even in debug builds).
func tiled<T>(_ period: [T], count: Int) -> [T] {
    var values = period
    values.reserveCapacity(count)
    while values.count < count {
        values.append(contentsOf: values.prefix(count - values.count))
    }
    return values
}

/// Tests/TensorTests/Fixtures/print.json, written by scripts/make_print_fixtures.py, and
/// repr.json, written by scripts/make_repr_fixtures.py.
struct PrintFixture: Decodable {
    /// The numpy version that printed the expected strings.
    let numpy: String
    let cases: [Case]

    struct Case: Decodable {
        let name: String
        /// In repr.json, what `expected` shows: the "array", the numpy "scalar" it holds, its "dtype" or its "shape".
        let form: String?
        let dtype: String
        let shape: [Int]
        /// The elements, row-major: float64 as Python repr, float32 as 8 hex digits of its
        /// bits, int64 in decimal, bool as True/False. Absent when `pattern` describes them.
        let elements: [String]?
        let pattern: Pattern?
        /// numpy's `str(x)` (print.json) or `repr` (repr.json).
        let expected: String
    }

    /// Element i of a large array: `v = (i * multiplier + offset) % modulus`, then
    /// `(dtype(v) - dtype(shift)) / dtype(divisor)` for floats, `v - shift` for int64, `v != 0` for bool.
    struct Pattern: Decodable {
        let multiplier: Int
        let offset: Int
        let modulus: Int
        let shift: Int
        let divisor: Double

        func value(at index: Int) -> Int { (index * multiplier + offset) % modulus }
    }

    struct Malformed: Error, CustomStringConvertible {
        let description: String
    }

    static func load(_ name: String = "print") throws -> PrintFixture {
        guard let url = Bundle.module.url(forResource: name, withExtension: "json", subdirectory: "Fixtures") else {
            throw Malformed(description: "Fixtures/\(name).json is missing: run python3 scripts/make_\(name)_fixtures.py")
        }
        return try JSONDecoder().decode(PrintFixture.self, from: Data(contentsOf: url))
    }
}

extension PrintFixture.Case {
    /// The tensor this case describes.
    func tensor() throws -> Tensor {
        let count = shape.reduce(1, *)
        switch dtype {
        case "float64":
            return Tensor(shape: shape, storage: .float64(try values(count, parse: Double.init) { pattern, i in
                (Double(pattern.value(at: i)) - Double(pattern.shift)) / pattern.divisor
            }))
        case "float32":
            return Tensor(shape: shape, floats: try values(count, parse: { UInt32($0, radix: 16).map(Float.init(bitPattern:)) }) { pattern, i in
                (Float(pattern.value(at: i)) - Float(pattern.shift)) / Float(pattern.divisor)
            })
        case "int64":
            return Tensor(shape: shape, int64s: try values(count, parse: { Int64($0) }) { pattern, i in
                Int64(pattern.value(at: i) - pattern.shift)
            })
        case "bool":
            return Tensor(shape: shape, bools: try values(count, parse: { ["True": true, "False": false][$0] }) { pattern, i in
                pattern.value(at: i) != 0
            })
        default:
            throw PrintFixture.Malformed(description: "case \"\(name)\": unknown dtype \(dtype)")
        }
    }

    /// The `count` elements, parsed from `elements` or computed from `pattern`.
    private func values<T>(_ count: Int, parse: (String) -> T?, pattern makeValue: (PrintFixture.Pattern, Int) -> T) throws -> [T] {
        if let pattern {
            // The pattern repeats every `modulus` elements: compute one period, then copy it.
            let period = (0..<min(pattern.modulus, count)).map { makeValue(pattern, $0) }
            return tiled(period, count: count)
        }
        guard let elements, elements.count == count else {
            throw PrintFixture.Malformed(description: "case \"\(name)\": needs \(count) elements for shape \(shape)")
        }
        return try elements.map { text in
            guard let value = parse(text) else {
                throw PrintFixture.Malformed(description: "case \"\(name)\": cannot read \(dtype) element \"\(text)\"")
            }
            return value
        }
    }
}
