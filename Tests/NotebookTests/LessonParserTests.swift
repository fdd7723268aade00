import Notebook
import TensorComparison
import XCTest

final class LessonParserTests: XCTestCase {
    private func parse(_ body: String, file: String = "02-topic.md") throws -> Lesson {
        try LessonParser.parse("---\nid: topic\ntitle: \"A topic\"\n---\n" + body, path: "lessons/en/" + file)
    }

    func testFrontMatterAndNumber() throws {
        let lesson = try parse("Text.\n")
        XCTAssertEqual(lesson.id, "topic")
        XCTAssertEqual(lesson.title, "A topic")
        XCTAssertEqual(lesson.number, 2)
        XCTAssertEqual(lesson.blocks, [.prose("Text.")])
    }

    func testCellsSplitIntoExamplesWithExpectedOutput() throws {
        let lesson = try parse("""
            Before.

            ```pycon
            >>> W = array([[1, 2],
            ...            [3, 4]])
            >>> W.shape
            (2, 2)
            >>> W
            [[1 2]
             [3 4]]

            ```

            After.
            """)
        XCTAssertEqual(lesson.cells.count, 1)
        let cell = lesson.cells[0]
        XCTAssertEqual(cell.line, 7)
        XCTAssertEqual(cell.endLine, 16)
        XCTAssertEqual(cell.examples.map(\.lines), [["W = array([[1, 2],", "           [3, 4]])"], ["W.shape"], ["W"]])
        XCTAssertEqual(cell.examples.map(\.expected), [[], ["(2, 2)"], ["[[1 2]", " [3 4]]"]])
        XCTAssertEqual(cell.examples.map(\.line), [8, 10, 12])
        XCTAssertEqual(cell.examples[0].source, "W = array([[1, 2],\n           [3, 4]])")
        XCTAssertEqual(lesson.prose(before: 0), "Before.")
        XCTAssertEqual(lesson.prose(before: 1), "After.")
    }

    func testBlankLinesInsideExpectedOutputStay() throws {
        let lesson = try parse("```pycon\n>>> x\n[[[1]]\n\n [[2]]]\n```\n")
        XCTAssertEqual(lesson.cells[0].examples[0].expected, ["[[[1]]", "", " [[2]]]"])
    }

    func testOtherCodeBlocksArePartOfTheProse() throws {
        let lesson = try parse("Run:\n\n```sh\nmlplab fetch mnist\n```\n\n```pycon\n>>> 1\n1\n```\n")
        XCTAssertEqual(lesson.cells.count, 1)
        XCTAssertEqual(lesson.prose(before: 0), "Run:\n\n```sh\nmlplab fetch mnist\n```")
    }

    func testDirectives() throws {
        let lesson = try parse("""
            ```pycon
            >>> :time h = x @ W   # output not compared
            wall time: 1.2 ms
            >>> loss    # tolerance 1e-3
            2.302
            >>> w.sum() # tolerance 1e-3, absolute 1e-6
            0.5
            >>> s = "# not a directive"
            >>> x  # a comment
            1
            ```
            """)
        let examples = lesson.cells[0].examples
        XCTAssertEqual(examples.map(\.check), [
            .notCompared,
            .compared(Tolerance(absolute: 1e-8, relative: 1e-3)),
            .compared(Tolerance(absolute: 1e-6, relative: 1e-3)),
            .standard, .standard,
        ])
        XCTAssertEqual(examples[0].source, ":time h = x @ W")
        XCTAssertEqual(examples[1].source, "loss")
        XCTAssertEqual(examples[3].source, "s = \"# not a directive\"")
        XCTAssertEqual(examples[4].source, "x  # a comment")
    }

    func testFormatErrorsNameTheLine() {
        func error(_ text: String, file: String = "01-x.md") -> LessonFormatError? {
            do {
                _ = try LessonParser.parse(text, path: file)
                return nil
            } catch {
                return error as? LessonFormatError
            }
        }
        let header = "---\nid: x\ntitle: X\n---\n"
        XCTAssertEqual(error("# Title\n")?.line, 1)
        XCTAssertEqual(error("---\nid: x\n")?.message, "the front matter has no closing '---' line")
        XCTAssertEqual(error("---\ntitle: X\n---\n")?.message, "the front matter needs an 'id:' line")
        XCTAssertEqual(error(header + "text\n```pycon\n>>> 1\n")?.line, 6)
        XCTAssertEqual(error(header + "```pycon\n>>> 1\n1\n```\n", file: "x.md")?.message,
                       "a lesson file is named NN-topic.md, e.g. 03-forward.md")
        XCTAssertEqual(error(header + "```pycon\n>>>\n```\n")?.line, 6)
        XCTAssertEqual(error(header + "```pycon\n>>> x  # tolerance big\n```\n")?.message,
                       "write the tolerance as '# tolerance 1e-3' or '# tolerance 1e-3, absolute 1e-6'")
    }

    func testLessonNumbersFromFileNames() {
        XCTAssertEqual(LessonParser.lessonNumber(fileName: "03-forward.md"), 3)
        XCTAssertEqual(LessonParser.lessonNumber(fileName: "12-x.md"), 12)
        XCTAssertNil(LessonParser.lessonNumber(fileName: "README.md"))
        XCTAssertNil(LessonParser.lessonNumber(fileName: "03-forward.txt"))
        XCTAssertNil(LessonParser.lessonNumber(fileName: "03forward.md"))
    }

    func testBrokenFixtureFilesAreRefused() throws {
        let folder = try XCTUnwrap(Bundle.module.resourceURL?.appendingPathComponent("Fixtures/broken").path)
        XCTAssertThrowsError(try LessonParser.load(path: folder + "/00-no-front-matter.md"))
        XCTAssertThrowsError(try LessonParser.load(path: folder + "/01-unclosed.md")) { error in
            XCTAssertEqual((error as? LessonFormatError)?.line, 6)
        }
        XCTAssertThrowsError(try LessonParser.load(path: folder + "/02-missing.md")) { error in
            XCTAssertEqual((error as? LessonFormatError)?.line, 0)
        }
    }
}
