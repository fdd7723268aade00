import Foundation
import Interpreter
import Notebook
import Support
import XCTest

/// The tutor on a small fixture course: lesson 0 with two matching cells, lesson 1
/// with a cell whose expected output is wrong on purpose, and a Korean lesson 0.
final class TutorTests: XCTestCase {
    private var folder: String!
    private var printed: [String] = []

    override func setUpWithError() throws {
        folder = NSTemporaryDirectory() + "mlplab-tutor-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(atPath: folder)
    }

    private var store: ProgressStore { ProgressStore(path: folder + "/progress.json") }

    private func makeTutor(_ language: LessonLanguage = .en) throws -> Tutor {
        let course = try XCTUnwrap(Bundle.module.resourceURL?.appendingPathComponent("Fixtures/course").path)
        let session = Session { [unowned self] text, _ in printed.append(text) }
        let tutor = try Tutor(session: session, library: LessonLibrary(root: course), language: language,
                              store: store, style: .plain)
        tutor.registerCommands()
        return tutor
    }

    /// Everything printed since the last call.
    private func output() -> String {
        defer { printed = [] }
        return printed.joined(separator: "\n")
    }

    func testEnterWalksThroughTheLessons() throws {
        let tutor = try makeTutor()
        tutor.start()
        XCTAssertTrue(output().contains("Press Enter to begin lesson 0 (First steps)."))

        tutor.enter()
        var shown = output()
        XCTAssertTrue(shown.contains("Some prose before the first cell."), shown)
        XCTAssertTrue(shown.contains("── cell 1 of 2"), shown)
        XCTAssertTrue(shown.contains(">>> x = array([1, 2, 3])\n>>> x * 2"), shown)
        XCTAssertFalse(shown.contains("array([2, 4, 6])"), "a cell's output appears only when it runs")

        tutor.enter()
        shown = output()
        XCTAssertTrue(shown.hasPrefix("array([2, 4, 6])\n✓ matches"), shown)
        XCTAssertTrue(shown.contains("A code block that is not a cell stays prose:\n\n    mlplab fetch mnist"), shown)
        XCTAssertTrue(shown.contains("── cell 2 of 2"), shown)

        // The learner's own line between cells sees the lesson's variables.
        XCTAssertEqual(tutor.session.run("x + 10"), .success)
        XCTAssertEqual(output(), "array([11, 12, 13])")

        tutor.enter()
        shown = output()
        XCTAssertTrue(shown.hasPrefix("np.int64(9)\n✓ matches"), shown)
        XCTAssertTrue(shown.hasSuffix("After the last cell.\n\nEnd of lesson 0. Press Enter for lesson 1: Second steps."), shown)

        tutor.enter()
        XCTAssertTrue(output().contains("3 cells · "))

        let saved = try store.load().get()
        XCTAssertEqual(saved.currentLesson, "second")
        XCTAssertEqual(saved.currentCell, 0)
        XCTAssertEqual(saved.lessons["first"]?.isFinished, true)
        XCTAssertEqual(saved.lessons["first"]?.cellsDiffering, [])
    }

    func testAMismatchShowsTheExpectedOutput() throws {
        let tutor = try makeTutor()
        XCTAssertEqual(tutor.session.run(":open 1"), .success)
        tutor.enter()
        _ = output()
        tutor.enter()
        let shown = output()
        XCTAssertTrue(shown.hasPrefix("4\n✗ differs from the lesson: line 1: expected 5, got 4 (off by 1, allowed 5e-5)\n  the lesson has:\n    5"), "[" + shown + "]")
        XCTAssertEqual(try store.load().get().lessons["second"]?.cellsDiffering, [1])
    }

    func testCellsWithSeveralOutputsShowTheirInputs() throws {
        let tutor = try makeTutor()
        XCTAssertEqual(tutor.session.run(":open second"), .success)
        XCTAssertEqual(tutor.session.run(":next"), .success)
        XCTAssertEqual(tutor.session.run(":next"), .success)
        _ = output()
        XCTAssertEqual(tutor.session.run(":back"), .success)
        let back = output()
        XCTAssertTrue(back.hasPrefix("── cell 2 of 3 ──"), back)
        XCTAssertTrue(back.hasSuffix("\n>>> 2 + 2"), back)
        XCTAssertEqual(tutor.session.run(":run all"), .success)
        let shown = output()
        XCTAssertTrue(shown.contains("✗ differs"), shown)
        XCTAssertTrue(shown.contains("── cell 3 of 3 ──"), shown)
        XCTAssertTrue(shown.contains("\n>>> z = 10\n>>> print(z * 3)\n30\n✓ matches"), shown)
        XCTAssertTrue(shown.hasSuffix("End of lesson 1, the last one. :lessons shows your progress."), shown)
        XCTAssertNil(tutor.session[variable: "w"])
        XCTAssertNotNil(tutor.session[variable: "z"])
    }

    func testResumingRunsTheEarlierCellsAgain() throws {
        do {
            let tutor = try makeTutor()
            XCTAssertEqual(tutor.session.run(":open first"), .success)
            tutor.enter()
        }
        XCTAssertEqual(try store.load().get().currentCell, 1)
        _ = output()

        let tutor = try makeTutor()
        tutor.start()
        let shown = output()
        XCTAssertTrue(shown.hasPrefix("Back in lesson 0: First steps, at cell 2 of 2.\nRunning the 1 cell before it again, to restore the lesson's variables…\nDone.\n"), shown)
        XCTAssertTrue(shown.hasSuffix(">>> y = x + 1\n>>> y.sum()"), shown)
        tutor.enter()
        XCTAssertTrue(output().hasPrefix("np.int64(9)\n✓ matches"))
    }

    func testTheLessonListShowsProgress() throws {
        let tutor = try makeTutor()
        XCTAssertEqual(tutor.session.run(":open 0"), .success)
        tutor.enter()
        tutor.exerciseLink = ExerciseLink(file: { _ in nil }, finished: { ["onehot"] }, useLearnersFunction: { _ in nil },
                                          useLanguage: { _ in })
        _ = output()
        XCTAssertEqual(tutor.session.run(":lessons"), .success)
        XCTAssertEqual(output(), """
            Lessons
              ▶ 0  First steps   1/2 cells
                1  Second steps  —
            Exercises finished (1): onehot
            :open N opens a lesson; Enter carries on where you are.
            """)
    }

    func testCommandErrorsSayWhatToDo() throws {
        let tutor = try makeTutor()
        XCTAssertEqual(tutor.session.run(":open 7"), .failure)
        XCTAssertEqual(output(), "command error: no lesson '7'; the lessons are: 0 first, 1 second")
        XCTAssertEqual(tutor.session.run(":run twice"), .failure)
        XCTAssertEqual(output(), "command error: usage: :run or :run all")
        XCTAssertEqual(tutor.session.run(":back"), .success)
        XCTAssertEqual(output(), "No lesson is open: Enter starts one, :lessons lists them.")
        XCTAssertEqual(tutor.session.run(":where"), .success)
        XCTAssertEqual(output(), "No lesson is open: Enter starts one, :lessons lists them.")
    }

    func testSwitchingLanguageKeepsThePlace() throws {
        let tutor = try makeTutor()
        XCTAssertEqual(tutor.session.run(":open 0"), .success)
        tutor.enter()
        _ = output()
        XCTAssertEqual(tutor.session.run(":lang ko"), .success)
        let shown = output()
        XCTAssertTrue(shown.contains("셀 사이의 설명입니다."), shown)
        XCTAssertTrue(shown.contains("── 셀 2/2"), shown)
        XCTAssertEqual(tutor.lessons.map(\.title), ["첫걸음", "Second steps"])
    }

    func testTheLessonCommandsSpeakTheLessonsLanguageAndTheChoiceIsKept() throws {
        let tutor = try makeTutor(.ko)
        XCTAssertEqual(tutor.session.language, .ko, "the session prints fit's running-loss lines in the lessons' language")
        XCTAssertEqual(tutor.session.commands["skip"]?.summary, "레슨의 답으로 넘어가기: 조용히 실행합니다")
        XCTAssertEqual(tutor.session.run(":open"), .failure)
        XCTAssertTrue(output().contains("사용법: :open N (:lessons로 목록을 봅니다)"))
        XCTAssertNil(store.savedLanguage(), "nothing is chosen before :lang")

        XCTAssertEqual(tutor.session.run(":lang en"), .success)
        XCTAssertEqual(tutor.session.language, .en)
        XCTAssertEqual(tutor.session.commands["skip"]?.summary, "let the lesson answer the waiting cell: it runs quietly")
        XCTAssertEqual(store.savedLanguage(), .en)
        XCTAssertEqual(tutor.session.run(":lang ko"), .success)
        XCTAssertEqual(store.savedLanguage(), .ko)
        XCTAssertEqual(try store.load().get().language, .ko)
    }

    func testAFolderWithoutLessonsIsRefused() throws {
        try FileManager.default.createDirectory(atPath: folder + "/lessons/en", withIntermediateDirectories: true)
        XCTAssertThrowsError(try Tutor(session: Session(), library: LessonLibrary(root: folder + "/lessons"), language: .en,
                                       store: nil, style: .plain)) { error in
            XCTAssertEqual(error as? LessonLibraryError, .empty(folder + "/lessons"))
        }
    }

    func testADamagedProgressFileIsReportedAtStart() throws {
        try Data("not json".utf8).write(to: URL(fileURLWithPath: store.path))
        let tutor = try makeTutor()
        tutor.start()
        let shown = output()
        XCTAssertTrue(shown.hasPrefix("warning: cannot use the progress in \(store.path): is not JSON"), shown)
        XCTAssertTrue(shown.contains("; correct it, or move the file away to start afresh; "
                                     + "until then this session's lesson progress is not saved\n"), shown)
        XCTAssertTrue(shown.contains("Press Enter to begin lesson 0"), shown)
        // The lesson goes on, and the file stays as the learner had it, to be corrected.
        tutor.enter()
        _ = output()
        tutor.enter()
        XCTAssertTrue(output().hasPrefix("array([2, 4, 6])\n✓ matches"), "the first cell ran")
        XCTAssertEqual(try String(contentsOfFile: store.path, encoding: .utf8), "not json")
    }
}
