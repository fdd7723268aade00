import Foundation
import Notebook
import TensorComparison
import XCTest

/// A lesson written as an nbformat 4.5 notebook for the mlplab kernel.
final class NotebookExportTests: XCTestCase {
    private let source = """
        ---
        id: tensors
        title: Tensors
        ---

        # Tensors

        A vector:

        ```pycon
        >>> x = 2
        >>> x * 3
        6
        >>> print(x, x)
        2 2
        ```

        The end.
        """

    private func notebook() throws -> [String: Any] {
        let lesson = try LessonParser.parse(source, path: "lessons/en/00-tensors.md")
        let data = NotebookExport.notebook(lesson, kernelName: "mlplab-ko", displayName: "mlplab (한국어)")
        return try XCTUnwrap(JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    func testTheNotebookIsFormat45ForTheNamedKernel() throws {
        let notebook = try notebook()
        XCTAssertEqual(notebook["nbformat"] as? Int, 4)
        XCTAssertEqual(notebook["nbformat_minor"] as? Int, 5)
        let kernelspec = try XCTUnwrap((notebook["metadata"] as? [String: Any])?["kernelspec"] as? [String: String])
        XCTAssertEqual(kernelspec, ["name": "mlplab-ko", "display_name": "mlplab (한국어)", "language": "python"])
    }

    func testProseBecomesMarkdownAndTheCellCodeWithItsVerifiedOutputs() throws {
        let cells = try XCTUnwrap(try notebook()["cells"] as? [[String: Any]])
        XCTAssertEqual(cells.map { $0["cell_type"] as? String }, ["markdown", "code", "markdown"])
        XCTAssertEqual(Set(cells.compactMap { $0["id"] as? String }).count, 3, "nbformat 4.5 wants a distinct id per cell")
        XCTAssertEqual(cells[1]["source"] as? String, "x = 2\nx * 3\nprint(x, x)")
        let outputs = try XCTUnwrap(cells[1]["outputs"] as? [[String: Any]])
        XCTAssertEqual(outputs.map { $0["output_type"] as? String }, ["execute_result", "stream"])
        XCTAssertEqual((outputs[0]["data"] as? [String: String])?["text/plain"], "6")
        XCTAssertEqual(outputs[1]["text"] as? String, "2 2\n")
        XCTAssertTrue((cells[2]["source"] as? String ?? "").contains("The end."))
    }

    func testAnExampleShownFailingEndsItsNotebookCell() throws {
        let lesson = try LessonParser.parse("""
            ---
            id: shapes
            title: Shapes
            ---

            ```pycon
            >>> W = zeros(2, 3)
            >>> W @ W
            shape error: matmul: (2, 3) @ (2, 3): inner dimensions 3 and 2 differ
            >>> W.T.shape
            (3, 2)
            ```
            """, path: "lessons/en/03-shapes.md")
        let data = NotebookExport.notebook(lesson, kernelName: "mlplab", displayName: "mlplab")
        let notebook = try XCTUnwrap(JSONSerialization.jsonObject(with: data) as? [String: Any])
        let cells = try XCTUnwrap(notebook["cells"] as? [[String: Any]]).filter { $0["cell_type"] as? String == "code" }
        XCTAssertEqual(cells.map { $0["source"] as? String }, ["W = zeros(2, 3)\nW @ W", "W.T.shape"])
        let error = try XCTUnwrap((cells[0]["outputs"] as? [[String: Any]])?.first)
        XCTAssertEqual(error["output_type"] as? String, "error")
        XCTAssertEqual(error["ename"] as? String, "shape error")
        XCTAssertEqual(error["evalue"] as? String, "matmul: (2, 3) @ (2, 3): inner dimensions 3 and 2 differ")
        XCTAssertEqual(error["traceback"] as? [String], ["shape error: matmul: (2, 3) @ (2, 3): inner dimensions 3 and 2 differ"])
    }

    /// Each notebook cell's output is compared one way: an example compared otherwise than the
    /// one before it starts a cell. A picture is display data; a lone expression's value is the
    /// cell's result, also when it calls a function; `print` writes a stream.
    private let mixed = """
        ---
        id: mixed
        title: Mixed
        ---

        ```pycon
        >>> x = 2
        >>> len([1, 2, 3])
        3
        >>> show(zeros(28, 28))   # output not compared
        (the drawing)
        >>> print(x)
        2
        >>> x / 3   # tolerance 1e-3
        0.667
        ```
        """

    private func mixedLesson() throws -> Lesson {
        try LessonParser.parse(mixed, path: "lessons/en/05-mixed.md")
    }

    func testExamplesComparedOtherwiseGoToCellsOfTheirOwn() throws {
        let lesson = try mixedLesson()
        let data = NotebookExport.notebook(lesson, kernelName: "mlplab", displayName: "mlplab")
        let notebook = try XCTUnwrap(JSONSerialization.jsonObject(with: data) as? [String: Any])
        let cells = try XCTUnwrap(notebook["cells"] as? [[String: Any]])
        XCTAssertEqual(cells.map { $0["source"] as? String }, ["x = 2\nlen([1, 2, 3])", "show(zeros(28, 28))", "print(x)", "x / 3"])
        XCTAssertEqual(cells.map { $0["id"] as? String }, ["lesson-5-cell-0", "lesson-5-cell-0-1", "lesson-5-cell-0-2", "lesson-5-cell-0-3"])
        let types = cells.map { (($0["outputs"] as? [[String: Any]]) ?? []).map { $0["output_type"] as? String } }
        XCTAssertEqual(types, [["execute_result"], ["display_data"], ["stream"], ["execute_result"]])
        XCTAssertEqual(NotebookExport.codeCells(of: lesson).map(\.check),
                       [.standard, .notCompared, .standard, .compared(Tolerance(absolute: 1e-8, relative: 1e-3))])
    }

    /// The notebook as the kernel ran it: cells with execution counts and the outputs given.
    private func executed(_ outputs: [String: [[String: Any]]], notRun: Set<String> = []) throws -> Data {
        let data = NotebookExport.notebook(try mixedLesson(), kernelName: "mlplab", displayName: "mlplab")
        var notebook = try XCTUnwrap(JSONSerialization.jsonObject(with: data) as? [String: Any])
        let cells = try XCTUnwrap(notebook["cells"] as? [[String: Any]])
        notebook["cells"] = cells.enumerated().map { index, cell in
            var cell = cell
            let id = cell["id"] as? String ?? ""
            cell["execution_count"] = notRun.contains(id) ? NSNull() : index + 1
            cell["outputs"] = outputs[id] ?? []
            return cell
        }
        return try JSONSerialization.data(withJSONObject: notebook)
    }

    private func result(_ text: String) -> [String: Any] {
        ["output_type": "execute_result", "execution_count": 1, "metadata": [String: Any](), "data": ["text/plain": text]]
    }

    private func stream(_ name: String, _ text: Any) -> [String: Any] {
        ["output_type": "stream", "name": name, "text": text]
    }

    func testAnExecutedNotebookMatchesAsTheVerifierCompares() throws {
        let outputs: [String: [[String: Any]]] = [
            "lesson-5-cell-0": [result("3")],
            // Not compared: whatever the picture's text is.
            "lesson-5-cell-0-1": [["output_type": "display_data", "metadata": [String: Any](), "data": ["text/plain": "##"]]],
            // stderr (a warning) is left out; nbformat may write a stream as a list of lines.
            "lesson-5-cell-0-2": [stream("stderr", "RuntimeWarning: overflow encountered in exp\n"), stream("stdout", ["2\n"])],
            // Within the tolerance 1e-3 of 0.667.
            "lesson-5-cell-0-3": [result("0.6666666666666666")],
        ]
        let report = ExecutedNotebookCheck.check(try executed(outputs), against: try mixedLesson())
        XCTAssertEqual(report.differences, [])
        XCTAssertEqual(report.compared, 3)
        XCTAssertEqual(report.notCompared, 1)
    }

    func testADifferentValueOrACellThatDidNotRunIsADifference() throws {
        let outputs: [String: [[String: Any]]] = [
            "lesson-5-cell-0": [result("4")],
            "lesson-5-cell-0-2": [stream("stdout", "2\n")],
            "lesson-5-cell-0-3": [result("0.6")],
        ]
        let report = ExecutedNotebookCheck.check(try executed(outputs, notRun: ["lesson-5-cell-0-2"]), against: try mixedLesson())
        XCTAssertEqual(report.differences, [
            "cell lesson-5-cell-0 (lessons/en/05-mixed.md:7): line 1: expected 3, got 4 (off by 1, allowed 3e-5)",
            "cell lesson-5-cell-0-2 (lessons/en/05-mixed.md:12): did not run (it has no execution count)",
            "cell lesson-5-cell-0-3 (lessons/en/05-mixed.md:14): line 1: expected 0.667, got 0.6 (off by 0.067, allowed 0.000667)",
        ])
        let notANotebook = ExecutedNotebookCheck.check(Data("[]".utf8), against: try mixedLesson())
        XCTAssertEqual(notANotebook.differences, ["not a notebook: nbformat JSON with a list of cells"])
    }

    func testTheFileIsNamedAfterTheLesson() throws {
        let lesson = try LessonParser.parse(source, path: "lessons/en/00-tensors.md")
        XCTAssertEqual(NotebookExport.fileName(of: lesson), "00-tensors.ipynb")
    }

    /// A lesson that leads to an exercise gives the notebook a cell saying what to write and a
    /// cell running `:check NAME`, in the notebook's language; the lesson verifies neither.
    func testAnExerciseMarkerBecomesACheckCell() throws {
        let lesson = try LessonParser.parse("""
            ---
            id: forward
            title: The forward pass
            ---

            <!-- exercise: softmax -->
            ```pycon
            >>> 1 + 1
            2
            ```
            """, path: "lessons/ko/03-forward.md")
        let data = NotebookExport.notebook(lesson, kernelName: "mlplab-ko", displayName: "mlplab (한국어)", language: .ko)
        let notebook = try XCTUnwrap(JSONSerialization.jsonObject(with: data) as? [String: Any])
        let cells = try XCTUnwrap(notebook["cells"] as? [[String: Any]])
        let sources = cells.map { ($0["cell_type"] as? String ?? "", $0["source"] as? String ?? "") }
        let check = try XCTUnwrap(sources.firstIndex { $0 == ("code", ":check softmax") }, "\(sources)")
        XCTAssertEqual(sources[check - 1].0, "markdown")
        XCTAssertTrue(sources[check - 1].1.contains("연습 문제 `softmax`"), sources[check - 1].1)
        XCTAssertEqual(sources[check + 1].1, "1 + 1", "the lesson's own cell follows")
        XCTAssertEqual(NotebookExport.codeCells(of: lesson).map(\.id), ["lesson-3-cell-0"], "only the lesson's cell is verified")
    }
}
