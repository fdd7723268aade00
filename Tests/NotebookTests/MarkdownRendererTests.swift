import Notebook
import XCTest

final class MarkdownRendererTests: XCTestCase {
    private func plain(_ markdown: String, width: Int = 40) -> String {
        MarkdownRenderer(style: TextStyle(width: width, colour: false)).render(markdown)
    }

    func testParagraphsWrapAtTheWidth() {
        let text = plain("The quick brown fox jumps over the lazy dog and keeps on running\nfar away.", width: 20)
        XCTAssertEqual(text, "The quick brown fox\njumps over the lazy\ndog and keeps on\nrunning far away.")
        XCTAssertTrue(text.split(separator: "\n").allSatisfy { $0.count <= 20 })
    }

    func testALongWordGetsALineOfItsOwn() {
        XCTAssertEqual(plain("a averyveryverylongword b", width: 10), "a\naveryveryverylongword\nb")
    }

    func testHeadingsAreUnderlinedWithoutColour() {
        XCTAssertEqual(plain("# Tensors\n\n## Vectors\n\n### Small"), "Tensors\n=======\n\nVectors\n-------\n\nSmall")
    }

    func testInlineMarkupWithoutColour() {
        XCTAssertEqual(plain("A *vector* is **one** row, `x.shape` is `(3,)`; see [numpy](https://numpy.org) and [lesson 1](01-loading.md)."),
                       "A vector is one row, `x.shape` is\n`(3,)`; see numpy (https://numpy.org)\nand lesson 1.")
        XCTAssertEqual(plain("2 * 3 * 4 and snake_case_name stay"), "2 * 3 * 4 and snake_case_name stay")
        XCTAssertEqual(plain("an escaped \\*star\\*"), "an escaped *star*")
    }

    func testInlineMarkupWithColour() {
        let text = MarkdownRenderer(style: TextStyle(width: 40, colour: true)).render("a **b** `c`")
        XCTAssertEqual(text, "a \u{1B}[1mb\u{1B}[0m \u{1B}[36mc\u{1B}[0m")
    }

    func testListsHangTheirIndent() {
        XCTAssertEqual(plain("- one two three four five six\n- seven\n1. first item", width: 16),
                       "• one two three\n  four five six\n• seven\n1. first item")
    }

    func testCodeBlocksAreIndentedAndNotWrapped() {
        XCTAssertEqual(plain("Run:\n\n```sh\nmlplab fetch mnist --data /a/very/long/path/that/goes/on\n```", width: 20),
                       "Run:\n\n    mlplab fetch mnist --data /a/very/long/path/that/goes/on")
    }

    func testIndentedCodeBlocksKeepTheirLines() {
        XCTAssertEqual(plain("A layer:\n\n    out = x @ W + b        x: (N, D)\n    W: (D, H)\n\nAfter.", width: 20),
                       "A layer:\n\n    out = x @ W + b        x: (N, D)\n    W: (D, H)\n\nAfter.")
        // A list item's indented continuation is not a code block.
        XCTAssertEqual(plain("- one\n    two", width: 20), "• one two")
    }

    func testTablesAlignTheirColumns() {
        let table = "| batch | hidden | acc |\n| ---: | ---: | --- |\n| 8 | 128 | 0.0982 |\n| 256 | 256 | 0.9634 |"
        let rule = String(repeating: "─", count: 21)
        XCTAssertEqual(plain(table), "batch  hidden  acc\n\(rule)\n    8     128  0.0982\n  256     256  0.9634")
    }

    func testQuotesAndRulesAndComments() {
        XCTAssertEqual(plain("> quoted *text*\n\n---\n\n<!-- hidden -->\nshown"), "│ quoted text\n\n" + String(repeating: "─", count: 40) + "\n\nshown")
    }

    func testKoreanTakesTwoColumnsPerSyllable() {
        XCTAssertEqual(displayWidth("신경망"), 6)
        XCTAssertEqual(displayWidth("a신b"), 4)
        XCTAssertEqual(displayWidth("\u{1B}[1mbold\u{1B}[0m"), 4)
        XCTAssertEqual(plain("가나다 라마바 사아자 차카타", width: 14), "가나다 라마바\n사아자 차카타")
    }
}
