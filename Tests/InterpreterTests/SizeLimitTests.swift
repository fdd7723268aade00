import Foundation
import Interpreter
import Tensor
import XCTest

/// Inputs that once ended the process (a trap, a segfault, an allocation of terabytes) now
/// give an error, and the session goes on with its variables. The limits are lowered where
/// reaching the real one would take gigabytes.
final class SizeLimitTests: XCTestCase {
    /// The last line of the error a failing line reports.
    private func error(_ t: Transcript, _ source: String, file: StaticString = #filePath, line: UInt = #line) -> String {
        XCTAssertEqual(t.session.run(source), .failure, source, file: file, line: line)
        return t.errors.last?.components(separatedBy: "\n").last ?? "no error"
    }

    /// Runs `body` with `Tensor.maxElements` at `limit`.
    private func withLimit(_ limit: Int, _ body: () throws -> Void) rethrows {
        try Tensor.$maxElements.withValue(limit, operation: body)
    }

    func testZeroSizeTensorsWithHugeDimensions() {
        let t = Transcript()
        t.ok("keep = 42")
        XCTAssertEqual(error(t, "zeros((0, 2**62, 2**62)).max(axis=0)"),
                       "value error: zeros: array is too big: the dimensions of (0, 4611686018427387904, 4611686018427387904) other than 0 multiply to more than 9223372036854775807")
        let tooLarge = "size error: refusing to allocate (1099511627776,) = 1099511627776 elements: the limit is 268435456 elements (2048 MiB as float64)"
        XCTAssertEqual(error(t, "zeros((0, 2**40)).sum(axis=0)"), tooLarge)
        XCTAssertEqual(error(t, "z = zeros((0, 2**40)).T; z.sum(-1)"), tooLarge)
        XCTAssertEqual(t.ok("z[::-1].shape"), "(1099511627776, 0)")
        XCTAssertEqual(error(t, "a1, a2 = z"), "value error: cannot unpack 1099511627776 values into 2 names")
        XCTAssertTrue(error(t, "list(z)").hasPrefix("size error: refusing to make a list of 1099511627776 items: the limit is "))
        XCTAssertTrue(error(t, "for row in z: print(row)").hasPrefix("size error: refusing to make a list of 1099511627776 items"))
        XCTAssertEqual(error(t, "zeros((1,) * 65)"), "value error: zeros: maximum supported dimension for an ndarray is 64, found 65")
        XCTAssertEqual(t.ok("keep"), "42")
    }

    func testShapesAndDtypesFromTheLearner() {
        let t = Transcript()
        XCTAssertEqual(error(t, "x = arange(12).reshape(3, 4); x.reshape(2**62, 2**62)"),
                       "shape error: reshape: cannot reshape array of size 12 into shape (4611686018427387904, 4611686018427387904)")
        XCTAssertEqual(error(t, "arange(3).astype(None)"),
                       "type error: astype(x, dtype): dtype must be a dtype name like \"float32\", got none")
        XCTAssertEqual(error(t, "choice(2**62, 3, replace=False)"),
                       "value error: cannot choose without replacement from 4611686018427387904 values: that shuffles all of them, and the population is larger than the allocation limit of 268435456 elements; use replace: true")
        XCTAssertEqual(t.ok("arange(3).astype(\"float32\")"), "array([0., 1., 2.], dtype=float32)")
    }

    func testStringsTuplesAndListsGrowOnlyToTheLimit() {
        withLimit(1 << 12) {
            let t = Transcript()
            t.ok("keep = 42")
            let limit = Tensor.maxElements * MemoryLayout<Double>.stride / MemoryLayout<Value>.stride
            XCTAssertTrue(error(t, "st = \"abc\"; for k in range(200): st = st + st")
                .hasPrefix("size error: refusing to make a string of "))
            // The string kept is the longest 3 * 2**k within the limit; the tuple refused, the
            // first power of two beyond it.
            var longest = 3
            while longest * 2 <= limit { longest *= 2 }
            XCTAssertEqual(t.ok("len(st)"), "\(longest)")
            var refused = 1
            while refused <= limit { refused *= 2 }
            XCTAssertEqual(error(t, "t = (1,); for k in range(40): t = t + t"),
                           "size error: refusing to make a tuple of \(refused) items: the limit is \(limit), as many values as fit in 0 MiB (the largest tensor)")
            XCTAssertEqual(t.ok("len(t)"), "\(refused / 2)")
            XCTAssertTrue(error(t, "[\"a\", 1] * (10**15)").hasPrefix("size error: refusing to make a list of 2000000000000000 items"))
            XCTAssertTrue(error(t, "list(range(10**9))").hasPrefix("size error: refusing to make a list of 1000000000 items"))
            XCTAssertEqual(t.ok("keep"), "42")
        }
        let t = Transcript()
        // Python's repetition: (1, 2) * 2 == (1, 2, 1, 2), 'ab' * 3 == 'ababab', a negative count gives ().
        XCTAssertEqual(t.ok("(1, 2) * 2"), "(1, 2, 1, 2)")
        XCTAssertEqual(t.ok("3 * \"ab\""), "'ababab'")
        XCTAssertEqual(t.ok("(1,) * -1"), "()")
    }

    func testSaveRefusesWhatLoadWouldRefuse() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("mlplab-limit-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: file) }
        let t = Transcript()
        t.ok("big = zeros((1,) * 64); keep = 42")
        XCTAssertEqual(t.ok(":save \(file)"), "saved 2 variables to \(file)")
        t.ok(":reset")
        XCTAssertEqual(t.ok(":load \(file)"), "loaded 2 variables: big, keep")
        XCTAssertEqual(t.ok("big.ndim"), "64")
        withLimit(16) { t.ok("small = zeros(4, 4)") }
        withLimit(8) {
            XCTAssertEqual(error(t, ":save \(file)"),
                           "file error: cannot save 'small': refusing to allocate (4, 4) = 16 elements: the limit is 8 elements (0 MiB as float64)")
        }
        XCTAssertEqual(t.ok("keep"), "42")
    }
}
