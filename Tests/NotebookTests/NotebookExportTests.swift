import Foundation
import Notebook
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

    func testTheFileIsNamedAfterTheLesson() throws {
        let lesson = try LessonParser.parse(source, path: "lessons/en/00-tensors.md")
        XCTAssertEqual(NotebookExport.fileName(of: lesson), "00-tensors.ipynb")
    }
}
