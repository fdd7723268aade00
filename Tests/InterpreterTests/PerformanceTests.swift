import Interpreter
import Tensor
import XCTest

/// The program `mlplab bench` times for the interpreter's overhead computes
/// exactly what the direct Tensor calls compute (the timing itself is
/// reported by `mlplab bench`, not asserted here).
final class InterpreterOverheadTests: XCTestCase {
    func testTheBenchmarkedLayerMatchesDirectCalls() throws {
        let benchmark = try InterpreterBenchmark(iterations: 3)
        _ = try benchmark.interpreted()
        _ = try benchmark.direct()
        XCTAssertEqual(benchmark.interpretedResult.shape, [128, 64])
        XCTAssertEqual(benchmark.interpretedResult.doubles, benchmark.directResult.doubles)
    }
}
