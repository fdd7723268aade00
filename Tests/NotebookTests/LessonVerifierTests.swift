import Interpreter
import Notebook
import XCTest

/// Running whole lessons headless (`mlplab run --verify`, `--record`) on the fixture course.
final class LessonVerifierTests: XCTestCase {
    private func fixture(_ name: String) throws -> String {
        try XCTUnwrap(Bundle.module.resourceURL?.appendingPathComponent("Fixtures/course/en/" + name).path)
    }

    func testAMatchingLessonPasses() throws {
        let lesson = try LessonParser.load(path: try fixture("00-first.md"))
        let report = LessonVerifier.run(lesson, in: Session(output: { _, _ in }))
        XCTAssertTrue(report.passed)
        XCTAssertEqual(report.exampleCount, 4)
        XCTAssertTrue(report.summary.hasSuffix("00-first.md: 2 cells, 4 inputs, every output matches"), report.summary)
    }

    func testAWrongOutputIsReportedWithItsPlace() throws {
        let path = try fixture("01-second.md")
        let lesson = try LessonParser.load(path: path)
        let report = LessonVerifier.run(lesson, in: Session(output: { _, _ in }))
        XCTAssertFalse(report.passed)
        XCTAssertEqual(report.differences.count, 1)
        XCTAssertTrue(report.summary.hasSuffix("3 cells, 5 inputs, 1 output differs"), report.summary)
        let (cell, outcome) = report.differences[0]
        let text = LessonPresenter(style: .plain, language: .en).mismatchReport(outcome, cell: cell, lesson: lesson)
        XCTAssertEqual(text, """
            ✗ \(path):17, cell 2 of 3
                >>> 2 + 2
              expected:
                5
              got:
                4
              line 1: expected 5, got 4 (off by 1, allowed 5e-5)
            """)
    }

    func testCellsRunInOneSessionInOrder() throws {
        let lesson = try LessonParser.parse("""
            ---
            id: order
            title: Order
            ---
            ```pycon
            >>> a = 2
            ```
            ```pycon
            >>> a * 21
            42
            >>> undefined_name
            name error: 'undefined_name' is not defined
            ```
            """, path: "09-order.md")
        let report = LessonVerifier.run(lesson, in: Session(output: { _, _ in }))
        XCTAssertEqual(report.cells[1].examples.map(\.actual), ["42", "  undefined_name\n  ^~~~~~~~~~~~~~\nname error: 'undefined_name' is not defined"])
        XCTAssertEqual(report.cells[1].examples.map(\.failed), [false, true])
        // The caret lines are words too: an expected error must be written as the REPL prints it.
        XCTAssertEqual(report.differences.count, 1)
    }

    func testACellMayHoldIndentedBlocksAfterContinuationPrompts() throws {
        let lesson = try LessonParser.parse("""
            ---
            id: blocks
            title: Blocks
            ---
            ```pycon
            >>> def relu_sum(xs):
            ...     total = 0
            ...     for x in xs:
            ...         if x > 0:
            ...             total += x
            ...     return total
            ...
            >>> relu_sum([3, -1, 2])
            5
            >>> for k in range(2):
            ...     print(f"k={k}")
            ...
            k=0
            k=1
            ```
            """, path: "10-blocks.md")
        let report = LessonVerifier.run(lesson, in: Session(output: { _, _ in }))
        XCTAssertTrue(report.passed, report.summary + "\n" + report.cells.flatMap(\.examples).map(\.actual).joined(separator: "\n"))
        XCTAssertEqual(report.exampleCount, 3)
    }

    /// The differing output is rewritten; `x + 1`, which matches but for its spacing, keeps its text.
    func testRecordingWritesTheActualOutputsAndKeepsTheRest() throws {
        let text = """
            ---
            id: rec
            title: Recording
            ---

            Prose stays.

            ```pycon
            >>> x = array([1.0, 2.0])
            >>> x * 2
            [9. 9.]

            >>> x + 1
            array([2.,   3.])
            >>> x.shape   # output not compared
            >>> print("a"); print("b")
            old
            ```

            More prose.
            """
        let lesson = try LessonParser.parse(text, path: "08-rec.md")
        let report = LessonVerifier.run(lesson, in: Session(output: { _, _ in }))
        XCTAssertEqual(LessonRecorder.record(report, into: text), """
            ---
            id: rec
            title: Recording
            ---

            Prose stays.

            ```pycon
            >>> x = array([1.0, 2.0])
            >>> x * 2
            array([2., 4.])
            >>> x + 1
            array([2.,   3.])
            >>> x.shape   # output not compared
            >>> print("a"); print("b")
            a
            b
            ```

            More prose.
            """)
    }

    func testTheTranscriptShowsProseInputsOutputsAndMarks() throws {
        let lesson = try LessonParser.load(path: try fixture("00-first.md"))
        var lines: [String] = []
        let report = LessonVerifier.transcript(lesson, in: Session(output: { _, _ in }),
                                               presenter: LessonPresenter(style: .plain, language: .en)) { lines.append($0) }
        XCTAssertTrue(report.passed)
        let text = lines.joined(separator: "\n")
        XCTAssertTrue(text.hasPrefix("First steps\n===========\n\nSome prose before the first cell.\n"), text)
        XCTAssertTrue(text.contains("── cell 1 of 2\n>>> x = array([1, 2, 3])\n>>> x * 2\narray([2, 4, 6])\n✓ matches"), text)
        XCTAssertTrue(text.hasSuffix("After the last cell.\n"), text)
    }
}
