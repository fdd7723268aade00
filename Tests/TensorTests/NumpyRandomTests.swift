import Foundation
import XCTest
import Tensor

/// NumpyRandom against numpy's legacy np.random (Fixtures/rng.json, written by
/// scripts/make_rng_fixtures.py). Every double must have the same bits and every
/// integer the same value, through whole call sequences on one stream.
final class NumpyRandomTests: XCTestCase {
    // MARK: - Anchors from the course

    func testSeedZeroRandnMatchesTheCourse() {
        var rng = NumpyRandom(seed: 0)
        assertBitwiseEqual(rng.randn(3), [1.764052345967664, 0.4001572083672233, 0.9787379841057392])
    }

    func testTensorRandnHasNumpysShapeAndValues() {
        var rng = NumpyRandom(seed: 0)
        let weights = Tensor.randn([2, 3], using: &rng)
        XCTAssertEqual(weights.shape, [2, 3])
        XCTAssertEqual(weights.dtype, .float64)
        assertBitwiseEqual(Array(weights.doubles.prefix(3)),
                           [1.764052345967664, 0.4001572083672233, 0.9787379841057392])
    }

    // MARK: - The fixture's call sequences

    func testEveryScriptReplaysNumpysStream() throws {
        for (scriptIndex, script) in try Self.fixture().scripts.enumerated() {
            var rng = NumpyRandom(seed: 12345)  // every script starts with a seed step
            for (stepIndex, step) in script.enumerated() {
                let place = "script \(scriptIndex), step \(stepIndex): \(step.op)\(step.args)"
                try replay(step, on: &rng, place: place)
            }
        }
    }

    func testLongRunsStayInStep() throws {
        for run in try Self.fixture().longRuns {
            var rng = NumpyRandom(seed: run.seed)
            let normals = rng.randn(run.count)
            let permutation = rng.permutation(60000)
            let uniforms = rng.rand(run.count)

            assertBitwiseEqual(sampled(normals, every: run.stride), run.randn, "randn, seed \(run.seed)")
            XCTAssertEqual(sampled(permutation, every: run.permutationStride).dropLast(),
                           run.permutation[...], "permutation, seed \(run.seed)")
            let weightedSum = permutation.enumerated().reduce(Int64(0)) { $0 + Int64($1.offset) * $1.element }
            XCTAssertEqual(weightedSum, run.permutationWeightedSum, "permutation, seed \(run.seed)")
            assertBitwiseEqual(sampled(uniforms, every: run.stride), run.rand, "rand, seed \(run.seed)")
        }
    }

    // MARK: - State

    func testSeedForgetsTheCachedGaussian() {
        var rng = NumpyRandom(seed: 0)
        _ = rng.randn(1)  // leaves 0.4001572083672233 cached
        rng.seed(0)
        XCTAssertEqual(rng.standardNormal().bitPattern, 1.764052345967664.bitPattern)
    }

    func testCachedGaussianSurvivesOtherDraws() {
        var rng = NumpyRandom(seed: 0)
        _ = rng.randn(1)
        _ = rng.rand(2)
        _ = rng.nextUInt32()
        XCTAssertEqual(rng.standardNormal().bitPattern, 0.4001572083672233.bitPattern)
    }

    func testCopiesAreIndependentStreams() {
        var original = NumpyRandom(seed: 42)
        _ = original.randn(1)
        var copy = original
        let fromCopy = copy.randn(700)  // crosses a state regeneration
        let fromOriginal = original.randn(700)
        assertBitwiseEqual(fromCopy, fromOriginal)
    }

    // MARK: - Errors and odd sizes

    func testBadRequestsThrowWithoutDrawing() {
        var rng = NumpyRandom(seed: 7)
        var untouched = rng
        XCTAssertThrowsError(try rng.randint(low: 3, high: 3, count: 2)) {
            XCTAssertEqual($0 as? RandomError, .emptyRange(low: 3, high: 3))
        }
        XCTAssertThrowsError(try rng.randint(low: 0, high: 4, count: -1)) {
            XCTAssertEqual($0 as? RandomError, .negativeCount(-1))
        }
        XCTAssertThrowsError(try rng.choice(4, size: 5, replace: false)) {
            XCTAssertEqual($0 as? RandomError, .sampleLargerThanPopulation(size: 5, population: 4))
        }
        XCTAssertThrowsError(try rng.choice(4, size: -2, replace: false)) {
            XCTAssertEqual($0 as? RandomError, .negativeCount(-2))
        }
        XCTAssertThrowsError(try rng.choice(0, size: 1, replace: true)) {
            XCTAssertEqual($0 as? RandomError, .emptyPopulation(size: 1))
        }
        XCTAssertThrowsError(try Tensor.randint(low: 1, high: 0, shape: [2], using: &rng))
        XCTAssertEqual(rng.nextUInt32(), untouched.nextUInt32())
    }

    func testErrorMessagesSayWhatWasWrong() {
        XCTAssertEqual(RandomError.emptyRange(low: 5, high: 2).description,
                       "randint needs low < high (the range is [low, high)), got low = 5, high = 2")
        XCTAssertTrue(RandomError.sampleLargerThanPopulation(size: 5, population: 3).description
            .contains("replace: true"))
    }

    func testNegativeCountsGiveNothing() {
        var rng = NumpyRandom(seed: 7)
        XCTAssertEqual(rng.rand(-3), [])
        XCTAssertEqual(rng.randn(-1), [])
        XCTAssertEqual(rng.permutation(-4), [])
        var fresh = NumpyRandom(seed: 7)
        XCTAssertEqual(rng.nextUInt32(), fresh.nextUInt32())
    }

    func testShuffleRowsIgnoresNonPositiveRowLength() {
        var rng = NumpyRandom(seed: 7)
        var values = [1, 2, 3]
        rng.shuffleRows(&values, rowLength: 0)
        XCTAssertEqual(values, [1, 2, 3])
    }
}

// MARK: - Replaying fixture steps

extension NumpyRandomTests {
    /// Runs one fixture step on `rng` and checks its result or its error.
    private func replay(_ step: Step, on rng: inout NumpyRandom, place: String) throws {
        let a = step.args
        do {
            switch step.op {
            case "seed":
                rng.seed(UInt32(a[0].int))
            case "uint32":
                XCTAssertEqual((0..<a[0].int).map { _ in Int64(rng.nextUInt32()) }, step.int64s, place)
            case "rand":
                assertBitwiseEqual(rng.rand(a[0].int), step.doubles, place)
            case "randn":
                assertBitwiseEqual(rng.randn(a[0].int), step.doubles, place)
            case "standard_normal":
                assertBitwiseEqual([rng.standardNormal()], step.doubles, place)
            case "random_sample":
                assertBitwiseEqual([rng.randomSample()], step.doubles, place)
            case "uniform":
                assertBitwiseEqual(rng.uniform(low: a[0].double, high: a[1].double, count: a[2].int),
                                   step.doubles, place)
            case "normal":
                assertBitwiseEqual(rng.normal(loc: a[0].double, scale: a[1].double, count: a[2].int),
                                   step.doubles, place)
            case "randint":
                let values = try rng.randint(low: a[0].int64, high: a[1].int64, count: a[2].int)
                XCTAssertEqual(values, step.int64s, place)
            case "permutation":
                XCTAssertEqual(rng.permutation(a[0].int), step.int64s, place)
            case "shuffle":
                var values = (0..<Int64(a[0].int)).map { $0 * 10 }
                rng.shuffle(&values)
                XCTAssertEqual(values, step.int64s, place)
            case "shuffle_rows":
                var values = Array(0..<Int64(a[0].int * a[1].int))
                rng.shuffleRows(&values, rowLength: a[1].int)
                XCTAssertEqual(values, step.int64s, place)
            case "choice":
                let values = try rng.choice(a[0].int, size: a[1].int, replace: a[2].bool)
                XCTAssertEqual(values, step.int64s, place)
            case "tensor_randn":
                let tensor = Tensor.randn(a[0].ints, using: &rng)
                XCTAssertEqual(tensor.shape, a[0].ints, place)
                assertBitwiseEqual(tensor.doubles, step.doubles, place)
            case "tensor_rand":
                let tensor = Tensor.rand(a[0].ints, using: &rng)
                XCTAssertEqual(tensor.shape, a[0].ints, place)
                assertBitwiseEqual(tensor.doubles, step.doubles, place)
            case "tensor_randint":
                let tensor = try Tensor.randint(low: a[0].int64, high: a[1].int64, shape: a[2].ints, using: &rng)
                XCTAssertEqual(tensor.shape, a[2].ints, place)
                XCTAssertEqual(tensor.dtype, .int64, place)
                XCTAssertEqual(tensor.int64s, step.int64s, place)
            default:
                XCTFail("\(place): the fixture has an operation this test does not know")
            }
            if let numpyError = step.error { XCTFail("\(place): numpy raised \"\(numpyError)\", Swift did not") }
        } catch let error as RandomError {
            XCTAssertEqual(error, expectedError(step), "\(place): numpy said \(step.error ?? "nothing")")
        }
    }

    /// The RandomError a step numpy rejected must throw, recognised by numpy's message.
    private func expectedError(_ step: Step) -> RandomError? {
        let a = step.args
        switch step.error {
        case "low >= high"?:
            return .emptyRange(low: a[0].int64, high: a[1].int64)
        case "a must be greater than 0 unless no samples are taken"?:
            return .emptyPopulation(size: a[1].int)
        case "Cannot take a larger sample than population when 'replace=False'"?:
            return .sampleLargerThanPopulation(size: a[1].int, population: a[0].int)
        default:
            return nil
        }
    }

    /// Every `stride`-th value and the last one, as the fixture stores long runs.
    private func sampled<T>(_ values: [T], every stride: Int) -> [T] {
        Swift.stride(from: 0, to: values.count, by: stride).map { values[$0] } + [values[values.count - 1]]
    }

    private func assertBitwiseEqual(_ actual: [Double], _ expected: [Double], _ place: String = "",
                                    file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(actual.count, expected.count, "\(place): count", file: file, line: line)
        for (index, (a, e)) in zip(actual, expected).enumerated() where a.bitPattern != e.bitPattern {
            XCTFail("\(place): element \(index) is \(a), numpy has \(e)", file: file, line: line)
            return
        }
    }
}

// MARK: - The fixture file

extension NumpyRandomTests {
    struct Fixture: Decodable {
        let scripts: [[Step]]
        let longRuns: [LongRun]
        enum CodingKeys: String, CodingKey {
            case scripts, longRuns = "long_runs"
        }
    }

    struct Step: Decodable {
        let op: String
        let args: [JSONValue]
        let result: [JSONValue]?
        let error: String?
        var doubles: [Double] { (result ?? []).map(\.double) }
        var int64s: [Int64] { (result ?? []).map(\.int64) }
    }

    struct LongRun: Decodable {
        let seed: UInt32, count: Int, stride: Int
        let randn: [Double], rand: [Double]
        let permutationStride: Int, permutation: [Int64], permutationWeightedSum: Int64
        enum CodingKeys: String, CodingKey {
            case seed, count, stride, randn, rand, permutation
            case permutationStride = "permutation_stride", permutationWeightedSum = "permutation_weighted_sum"
        }
    }

    /// A JSON scalar or array; integers are kept exact, apart from doubles.
    enum JSONValue: Decodable, CustomStringConvertible {
        case integer(Int64), number(Double), boolean(Bool), array([JSONValue])

        init(from decoder: Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let value = try? container.decode(Bool.self) {
                self = .boolean(value)
            } else if let value = try? container.decode(Int64.self) {
                self = .integer(value)
            } else if let value = try? container.decode(Double.self) {
                self = .number(value)
            } else {
                self = .array(try container.decode([JSONValue].self))
            }
        }

        var description: String {
            switch self {
            case .integer(let value): return "\(value)"
            case .number(let value): return "\(value)"
            case .boolean(let value): return "\(value)"
            case .array(let values): return "\(values)"
            }
        }

        var int64: Int64 {
            if case .integer(let value) = self { return value }
            XCTFail("expected an integer in the fixture, found \(self)")
            return 0
        }
        var int: Int { Int(int64) }
        var double: Double {
            switch self {
            case .integer(let value): return Double(value)
            case .number(let value): return value
            default: XCTFail("expected a number in the fixture, found \(self)"); return .nan
            }
        }
        var bool: Bool {
            if case .boolean(let value) = self { return value }
            XCTFail("expected true or false in the fixture, found \(self)")
            return false
        }
        var ints: [Int] {
            if case .array(let values) = self { return values.map(\.int) }
            XCTFail("expected an array in the fixture, found \(self)")
            return []
        }
    }

    static func fixture() throws -> Fixture {
        let url = try XCTUnwrap(Bundle.module.url(forResource: "rng", withExtension: "json", subdirectory: "Fixtures"),
                                "Fixtures/rng.json is missing: run python3 scripts/make_rng_fixtures.py")
        return try JSONDecoder().decode(Fixture.self, from: Data(contentsOf: url))
    }
}
