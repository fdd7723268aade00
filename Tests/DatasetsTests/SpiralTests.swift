import Datasets
import Tensor
import XCTest

/// The spiral against numpy's (Fixtures/spiral.json from scripts/spiral.py, bit for bit).
final class SpiralTests: XCTestCase {
    private struct Reference: Decodable {
        let xShape: [Int]
        let x: [String]
        let tShape: [Int]
        let t: [Int64]
    }

    func testSpiralMatchesNumpyBitForBit() throws {
        let reference = try fixture("spiral", as: Reference.self)
        let (x, t) = Spiral.load()
        XCTAssertEqual(x.shape, reference.xShape)
        XCTAssertEqual(x.dtype, .float64)
        XCTAssertEqual(x.doubles.map(\.bitPattern), doubles(fromHex: reference.x).map(\.bitPattern))
        XCTAssertEqual(t.shape, reference.tShape)
        XCTAssertEqual(t.dtype, .int64)
        XCTAssertEqual(t.int64s, reference.t)
    }

    /// The first points printed by `python3 scripts/spiral.py`.
    func testFirstPointsAsPrinted() {
        let x = Spiral.load().x.doubles
        XCTAssertEqual(x[0].sign, .minus, "radius 0 times a negative sine is -0.0, as numpy prints it")
        XCTAssertEqual(x[2], -0.00097699, accuracy: 5e-9)
        XCTAssertEqual(x[3], 0.00995216, accuracy: 5e-9)
        XCTAssertEqual(x[5], 0.01933176, accuracy: 5e-9)
    }

    func testAnotherSeedGivesAnotherSpiral() {
        XCTAssertNotEqual(Spiral.load(seed: 1).x.doubles, Spiral.load().x.doubles)
        XCTAssertEqual(Spiral.load(seed: 1).t.int64s, Spiral.load().t.int64s)
    }
}
