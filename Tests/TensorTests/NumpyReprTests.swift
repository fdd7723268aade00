import Tensor
import XCTest

/// Compares `NumpyFormat.repr`, `scalarRepr`, `dtype` and `shape` with numpy's own `repr`, what its
/// REPL echoes, character for character. The expected strings come from numpy 2.x through
/// scripts/make_repr_fixtures.py.
final class NumpyReprTests: XCTestCase {
    func testFixtureCoversEveryDtypeRankAndForm() throws {
        let cases = try PrintFixture.load("repr").cases
        XCTAssertGreaterThanOrEqual(cases.count, 60)
        XCTAssertEqual(Set(cases.map(\.dtype)), ["float64", "float32", "int64", "bool"])
        let arrays = cases.filter { $0.form == "array" }
        XCTAssertEqual(Set(arrays.map(\.shape.count)), [0, 1, 2, 3, 4])
        XCTAssertEqual(Set(cases.compactMap(\.form)), ["array", "scalar", "dtype", "shape"])
        XCTAssertTrue(arrays.contains { $0.shape.contains(0) }, "no empty array")
        XCTAssertTrue(arrays.contains { $0.shape.reduce(1, *) > 1000 }, "no summarised array")
    }

    func testEveryFixtureCaseIsNumpysRepr() throws {
        let fixture = try PrintFixture.load("repr")
        for fixtureCase in fixture.cases {
            let shown = try fixtureCase.repr()
            guard shown != fixtureCase.expected else { continue }
            XCTFail("""
                case "\(fixtureCase.name)" \(NumpyFormat.shape(fixtureCase.shape)) \(fixtureCase.dtype) \
                differs from numpy \(fixture.numpy)
                numpy's repr:
                \(fixtureCase.expected)
                NumpyFormat gave:
                \(shown)
                """)
        }
    }

    /// numpy: `repr(np.array([0.5, 1., 0.]))`, `repr(np.float32(0.5))`, `repr(np.array(3.))`.
    func testReprOfSmallValues() {
        XCTAssertEqual(NumpyFormat.repr(Tensor([0.5, 1, 0])), "array([0.5, 1. , 0. ])")
        XCTAssertEqual(NumpyFormat.repr(Tensor(scalar: 3)), "array(3.)")
        XCTAssertEqual(NumpyFormat.scalarRepr(Tensor(shape: [], floats: [0.5])), "np.float32(0.5)")
        XCTAssertEqual(NumpyFormat.scalarRepr(Tensor(shape: [], bools: [false])), "np.False_")
    }
}

extension PrintFixture.Case {
    /// What this case's form of numpy's `repr` shows, as NumpyFormat writes it.
    func repr() throws -> String {
        switch form {
        case "array": return NumpyFormat.repr(try tensor())
        case "scalar": return NumpyFormat.scalarRepr(try tensor())
        case "shape": return NumpyFormat.shape(shape)
        case "dtype":
            guard let dtype = DType(rawValue: dtype) else {
                throw PrintFixture.Malformed(description: "case \"\(name)\": unknown dtype \(dtype)")
            }
            return NumpyFormat.dtype(dtype)
        default:
            throw PrintFixture.Malformed(description: "case \"\(name)\": unknown form \(form ?? "(none)")")
        }
    }
}
