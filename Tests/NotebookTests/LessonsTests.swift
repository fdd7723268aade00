import Foundation
import Interpreter
import Notebook
import Support
import XCTest

/// The course itself: every lesson runs, in both languages, and prints what it says.
final class LessonsTests: XCTestCase {
    /// The repository's `lessons/` folder, found from this file's path.
    private var library: LessonLibrary {
        let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        return LessonLibrary(root: repository.appendingPathComponent("lessons").path)
    }

    private func verify(_ language: LessonLanguage) throws {
        let lessons = try library.lessons(language)
        XCTAssertFalse(lessons.isEmpty)
        for lesson in lessons {
            let session = Session(output: { _, _ in })
            session.language = language
            let report = LessonVerifier.run(lesson, in: session)
            let presenter = LessonPresenter(style: .plain, language: language)
            for (cell, outcome) in report.differences {
                XCTFail(presenter.mismatchReport(outcome, cell: cell, lesson: lesson))
            }
            XCTAssertFalse(report.cells.isEmpty, "\(lesson.path) has no cells")
        }
    }

    func testEveryEnglishLessonPrintsWhatItSays() throws {
        try verify(.en)
    }

    func testEveryKoreanLessonPrintsWhatItSays() throws {
        guard !library.files(.ko).isEmpty else { throw XCTSkip("no Korean lessons yet in lessons/ko") }
        try verify(.ko)
    }

    /// The same cells in both languages: inputs, directives and compared outputs.
    /// Each pair of files is reported at its first differing cell.
    func testKoreanLessonsHaveTheEnglishCells() throws {
        let korean = library.files(.ko)
        guard !korean.isEmpty else { throw XCTSkip("no Korean lessons yet in lessons/ko") }
        let english = library.files(.en)
        XCTAssertEqual(korean.map { ($0 as NSString).lastPathComponent }, english.map { ($0 as NSString).lastPathComponent },
                       "every lesson needs both an English and a Korean file of the same name")
        for (en, ko) in zip(english, korean) {
            let a = try LessonParser.load(path: en), b = try LessonParser.load(path: ko)
            XCTAssertEqual(a.id, b.id, ko)
            let cellsA = a.cells.map(comparable), cellsB = b.cells.map(comparable)
            if let first = cellsA.indices.first(where: { $0 < cellsB.count && cellsA[$0] != cellsB[$0] }) {
                XCTFail("""
                    cell \(first + 1) of \(ko) (line \(b.cells[first].line)) differs from cell \(first + 1) of \(en) (line \(a.cells[first].line)):
                    \(cellsB[first])
                    --- should be ---
                    \(cellsA[first])
                    """)
            } else if cellsA.count != cellsB.count {
                XCTFail("\(ko) has \(cellsB.count) cells, \(en) has \(cellsA.count)")
            }
        }
    }

    /// A cell as the two languages must share it: the exercises it leads to, the inputs
    /// with their directives, and the outputs that are compared.
    private func comparable(_ cell: Cell) -> String {
        (cell.exercises.map { "exercise: " + $0 } + cell.examples.map { example in
            (example.lines.map { ">>> " + $0 } + (example.check == .notCompared ? [] : example.expected)).joined(separator: "\n")
        }).joined(separator: "\n")
    }

    /// The numbers the course material prints appear in compared cells (and so
    /// are checked by the tests above), unchanged.
    func testTheSeedsNumbersAppearInTheLessons() throws {
        let outputs = try library.lessons(.en).flatMap(\.cells).flatMap(\.examples)
            .filter { $0.check != .notCompared }.map(\.expectedText)
        let seeds = [
            "array([1.76405235, 0.40015721, 0.97873798])", // seed(0); randn(3)
            "[-4.90531647 -0.64834065 -1.89126428]",       // the lab's dJdz_sigmoid
            "[ 0.53948992 -0.29540078 -1.55749236]",       // the lab's dJdz_softmax
            "array([0.5, 1. , 0. ])",                      // stable sigmoid of [0, 1000, -1000], as the lab shows it
            "array([0., 1., 0.])",                         // stable softmax of [0, 1000, -1000], as the lab shows it
            "(10, 3)",                                     // the two-layer network's scores
        ]
        for number in seeds {
            XCTAssertTrue(outputs.contains { $0.contains(number) }, "no compared output shows \(number)")
        }
    }
}
