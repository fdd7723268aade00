import Interpreter
import XCTest

/// numpy's edge cases of indexing, assignment and clip, each against numpy 2.4's result for the
/// numpy expression in the comment (with `a = np.arange(6).reshape(3, 2)`).
final class NumpyEdgeCaseTests: XCTestCase {
    private func transcript() -> Transcript {
        let t = Transcript()
        t.ok("a = arange(6).reshape(3, 2)")
        return t
    }

    /// An empty index list is int64 positions that select nothing.
    func testEmptyIndexListSelectsNothing() {
        let t = transcript()
        XCTAssertEqual(t.ok("a[[]]"), "array([], shape=(0, 2), dtype=int64)")        // a[[]]
        XCTAssertEqual(t.ok("arange(3.0)[[]]"), "array([], dtype=float64)")         // np.arange(3.)[[]]
    }

    /// A 0-d boolean index takes no axis and adds one of length 1 (True) or 0 (False).
    func testZeroDimensionalBooleanIndexAddsAnAxis() {
        let t = transcript()
        XCTAssertEqual(t.ok("a[array(True)]"), "array([[[0, 1],\n        [2, 3],\n        [4, 5]]])")  // a[np.array(True)]
        XCTAssertEqual(t.ok("a[array(False)]"), "array([], shape=(0, 3, 2), dtype=int64)")      // a[np.array(False)]
        XCTAssertEqual(t.ok("a[0, array(True)]"), "array([[0, 1]])")                            // a[0, np.array(True)]
        t.ok("b = a.copy(); b[array(True)] = 7")                                                // b[np.array(True)] = 7
        XCTAssertEqual(t.ok("b"), "array([[7, 7],\n       [7, 7],\n       [7, 7]])")
        t.ok("b = a.copy(); b[array(False)] = 7")                                               // b[np.array(False)] = 7
        XCTAssertEqual(t.ok("b"), "array([[0, 1],\n       [2, 3],\n       [4, 5]])")
    }

    /// Assignment drops the value's leading length-1 axes before broadcasting.
    func testAssignmentBroadcastsFromLeadingUnitAxes() {
        let t = transcript()
        t.ok("c = zeros((3, 2)); c[:, :] = arange(6.0).reshape(1, 3, 2)")  // c[:, :] = np.arange(6.).reshape(1, 3, 2)
        XCTAssertEqual(t.ok("c"), "array([[0., 1.],\n       [2., 3.],\n       [4., 5.]])")
        t.ok("c = zeros((3, 2)); c[:, :] = ones((1, 1, 2)) * 5")           // c[:, :] = np.ones((1, 1, 2)) * 5
        XCTAssertEqual(t.ok("c"), "array([[5., 5.],\n       [5., 5.],\n       [5., 5.]])")
        // numpy: could not broadcast input array from shape (2,3,2) into shape (3,2)
        XCTAssertTrue(t.run("c[:, :] = ones((2, 3, 2))").contains("cannot broadcast (2, 3, 2) to (3, 2)"), t.text)
        XCTAssertEqual(t.ok("c[0]"), "array([5., 5.])")
    }

    /// clip is minimum(maximum(x, min), max) with plain numbers as weak scalars: an int64 tensor stays int64.
    func testClipKeepsAnIntegerDtype() {
        let t = transcript()
        XCTAssertEqual(t.ok("clip(arange(6), 1, 4)"), "array([1, 1, 2, 3, 4, 4])")                       // np.clip(np.arange(6), 1, 4)
        XCTAssertEqual(t.ok("arange(6).clip(1, 4)"), "array([1, 1, 2, 3, 4, 4])")                        // np.arange(6).clip(1, 4)
        XCTAssertEqual(t.ok("clip(arange(6), None, 2)"), "array([0, 1, 2, 2, 2, 2])")                    // np.clip(np.arange(6), None, 2)
        XCTAssertEqual(t.ok("clip(arange(6), 1.5, 4)"), "array([1.5, 1.5, 2. , 3. , 4. , 4. ])")         // np.clip(np.arange(6), 1.5, 4)
        XCTAssertEqual(t.ok("clip(arange(6).astype(\"float32\"), 1, 4)"),
                       "array([1., 1., 2., 3., 4., 4.], dtype=float32)")                                 // np.clip(np.arange(6, dtype=np.float32), 1, 4)
    }
}
