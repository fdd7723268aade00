import Interpreter
import Plots
import XCTest

/// The builtins that measure: `hist` draws numpy's histogram counts.
final class MeasuringBuiltinsTests: XCTestCase {
    /// Several tensors share bins over the smallest and largest element of them all, here
    /// 0.1 to 0.9; numpy's np.histogram(a, 2, range=(0.1, 0.9)) counts [2, 1] and [0, 2].
    func testHistDrawsNumpysCountsOverSharedBins() throws {
        let t = Transcript()
        let drawn = t.ok("hist([array([0.1, 0.2, 0.9]), array([0.5, 0.6])], bins=2)")
        XCTAssertEqual(drawn, try TerminalPicture.histograms([[2, 1], [0, 2]], edges: [0.1, 0.5, 0.9], titles: ["[0]", "[1]"]))
        let titled = t.ok("hist([array([0.1, 0.2, 0.9]), array([0.5, 0.6])], bins=2, titles=[\"first\", \"second\"])")
        XCTAssertTrue(titled.hasPrefix(String(repeating: " ", count: 12) + "first"), titled)
    }

    /// One tensor: numpy's np.histogram([0.1, 0.4, 0.5, 0.9], 2, range=(0, 1)) counts [2, 2].
    func testHistOfOneTensorShowsTheCounts() throws {
        let t = Transcript()
        let drawn = t.ok("hist([0.1, 0.4, 0.5, 0.9], bins=2, range=(0, 1))")
        XCTAssertEqual(drawn, try TerminalPicture.histograms([[2, 2]], edges: [0, 0.5, 1]))
        XCTAssertEqual(drawn.components(separatedBy: "\n").map { $0.hasSuffix(" 2") }, [true, true], drawn)
    }

    func testBadHistArgumentsAreExplained() {
        assertEachFailsNaming([
            ("hist([])", "x must be a tensor or a list of tensors, got an empty list"),
            ("hist([array([1.0]), \"a\"])", "x[1] must be a tensor or a number"),
            ("hist(array([1.0, 2.0]), titles=[\"a\", \"b\"])", "titles must be a list of 1 string"),
            ("hist([array([1.0]), array([2.0])], titles=[\"a\", 2])", "titles must be strings"),
            ("hist(array([1.0, nan]))", "autodetected range of [nan, nan] is not finite"),
            ("hist(array([1.0]), bins=0)", "`bins` must be positive"),
        ])
    }
}
