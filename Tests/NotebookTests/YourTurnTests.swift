import Foundation
import Interpreter
import Notebook
import Support
import XCTest

/// Your-turn cells on a fixture lesson: x (2, 3) and W (3, 4) in cell 1; cell 2 asks for
/// h = x @ W, which is [[4, 5, 3, 3], [10, 11, 6, 9]] (worked by hand, and with numpy);
/// cell 3 asks for m = h.mean(axis=0) = [7, 8, 4.5, 6]; cell 4 prints m.sum() = 25.5.
final class YourTurnTests: XCTestCase {
    private var printed: [String] = []

    private func makeTutor(_ language: LessonLanguage = .en, fixture: String = "yourturn") throws -> Tutor {
        let course = try XCTUnwrap(Bundle.module.resourceURL?.appendingPathComponent("Fixtures/" + fixture).path)
        let session = Session { [unowned self] text, _ in printed.append(text) }
        let tutor = try Tutor(session: session, library: LessonLibrary(root: course), language: language,
                              store: nil, style: .plain)
        tutor.registerCommands()
        return tutor
    }

    /// Everything printed since the last call.
    private func output() -> String {
        defer { printed = [] }
        return printed.joined(separator: "\n")
    }

    /// The tutor with cell 1 run: the your-turn cell 2 (h) waits. In the fixture
    /// yourturn-random, cell 1 runs seed(1), and cell 2 asks for batch = choice(4000, 128)
    /// and prints batch[0:3], numpy's [1061, 235, 3980] after np.random.seed(1).
    private func atFirstYourTurn(_ language: LessonLanguage = .en, fixture: String = "yourturn") throws -> Tutor {
        let tutor = try makeTutor(language, fixture: fixture)
        XCTAssertEqual(tutor.session.run(":open 0"), .success)
        tutor.enter()
        _ = output()
        return tutor
    }

    func testTheWaitingCellAsksWithoutShowingTheAnswer() throws {
        let tutor = try makeTutor()
        XCTAssertEqual(tutor.session.run(":open 0"), .success)
        tutor.enter()
        let shown = output()
        XCTAssertTrue(shown.contains("── cell 2 of 4 · your turn"), shown)
        XCTAssertTrue(shown.contains("Type an expression for h (or h = …)"), shown)
        XCTAssertFalse(shown.contains("x @ W"), "the preview must not give the answer away:\n\(shown)")
    }

    func testARightAnswerIsKeptAndTheLessonGoesOn() throws {
        let tutor = try atFirstYourTurn()
        XCTAssertEqual(tutor.session.run("x @ W"), .success)
        let shown = output()
        XCTAssertTrue(shown.contains("✓ right: h (2, 4) float64 is the lesson's value."), shown)
        XCTAssertTrue(shown.contains("(2, 4)\n✓ matches"), "the rest of the cell runs on the answer:\n\(shown)")
        XCTAssertTrue(shown.contains("── cell 3 of 4 · your turn"), shown)
        guard case .tensor(let h)? = tutor.session[variable: "h"] else { return XCTFail("h is not kept") }
        XCTAssertEqual(h.shape, [2, 4])
        XCTAssertEqual(h.doubles, [4, 5, 3, 3, 10, 11, 6, 9])
        XCTAssertEqual(tutor.position?.cell, 2)
    }

    func testAnAssignmentToTheAskedNameIsAnAnswerToo() throws {
        let tutor = try atFirstYourTurn()
        XCTAssertEqual(tutor.session.run("h = x.dot(W)"), .success)
        XCTAssertTrue(output().contains("✓ right: h (2, 4) float64"))
        XCTAssertEqual(tutor.position?.cell, 2)
    }

    func testAWrongShapeIsNamedAndTheCellWaits() throws {
        let tutor = try atFirstYourTurn()
        XCTAssertEqual(tutor.session.run("x @ W[:, 0:2]"), .success)
        let shown = output()
        XCTAssertTrue(shown.contains("✗ not yet:"), shown)
        XCTAssertTrue(shown.contains("h: shape (2, 2), expected (2, 4)"), shown)
        XCTAssertTrue(shown.contains(":hint gives a hint"), shown)
        XCTAssertEqual(tutor.position?.cell, 1, "a wrong answer leaves the cell waiting")

        // Retry as often as they like.
        XCTAssertEqual(tutor.session.run("h = x @ W"), .success)
        XCTAssertTrue(output().contains("✓ right"))
    }

    func testATransposedAnswerIsRecognised() throws {
        let tutor = try atFirstYourTurn()
        XCTAssertEqual(tutor.session.run("W.T @ x.T"), .success)
        let shown = output()
        XCTAssertTrue(shown.contains("h: shape (4, 2), expected (2, 4)"), shown)
        XCTAssertTrue(shown.contains("(4, 2) is the expected shape reversed: a transposed result?"), shown)
        XCTAssertTrue(shown.contains("Its transpose has exactly the expected values"), shown)
        XCTAssertEqual(tutor.position?.cell, 1)
    }

    func testAMissingDivisionIsNamedAsAConstantFactor() throws {
        let tutor = try atFirstYourTurn()
        XCTAssertEqual(tutor.session.run("h = x @ W"), .success)
        _ = output()
        // The column sums, where the means were asked for: every value twice the expected one.
        XCTAssertEqual(tutor.session.run("m = h.sum(axis=0)"), .success)
        let shown = output()
        XCTAssertTrue(shown.contains("m (4,): 4 of 4 values differ"), shown)
        XCTAssertTrue(shown.contains("every value is 2 times the expected one"), shown)
    }

    func testABroadcastTheWrongWayIsNamed() throws {
        let tutor = try atFirstYourTurn()
        XCTAssertEqual(tutor.session.run("h = x @ W"), .success)
        _ = output()
        // (4,) minus (4, 1) broadcasts to (4, 4), where one mean per column was asked for.
        XCTAssertEqual(tutor.session.run("h.mean(axis=0) - zeros((4, 1))"), .success)
        let shown = output()
        XCTAssertTrue(shown.contains("m: shape (4, 4), expected (4,)"), shown)
        XCTAssertTrue(shown.contains("(4, 4) is what (4,) and (4, 1) broadcast to: a broadcast that went the wrong way?"), shown)
    }

    func testLinesThatAreNoAnswerRunAsUsual() throws {
        let tutor = try atFirstYourTurn()
        XCTAssertEqual(tutor.session.run("x.shape"), .success)
        XCTAssertEqual(output(), "(2, 3)", "a tuple is looking around, not an answer")
        XCTAssertEqual(tutor.session.run("k = 3"), .success)
        XCTAssertEqual(output(), "")
        XCTAssertEqual(tutor.session.run("undefined_name + 1"), .failure)
        XCTAssertTrue(output().contains("'undefined_name' is not defined"))
        XCTAssertEqual(tutor.position?.cell, 1)
    }

    /// quit() while a cell waits for an answer leaves mlplab; it is no wrong answer.
    func testQuitAtAYourTurnCellLeaves() throws {
        let tutor = try atFirstYourTurn()
        XCTAssertEqual(tutor.session.run("quit()"), .quit)
        XCTAssertEqual(output(), "")
        XCTAssertEqual(tutor.position?.cell, 1)
    }

    func testSkipRunsTheLessonsAnswerSoLaterCellsFindIt() throws {
        let tutor = try atFirstYourTurn()
        XCTAssertEqual(tutor.session.run(":skip"), .success)
        var shown = output()
        XCTAssertTrue(shown.contains("Skipped cell 2: the lesson's lines ran quietly and made h."), shown)
        XCTAssertFalse(shown.contains("(2, 4)"), "a skipped cell runs quietly:\n\(shown)")

        // Cell 3 is answered from the skipped h, cell 4 then prints from it.
        XCTAssertEqual(tutor.session.run(":skip"), .success)
        XCTAssertTrue(output().contains("made m."))
        tutor.enter()
        shown = output()
        XCTAssertTrue(shown.hasPrefix("25.5\n✓ matches"), shown)
    }

    func testNextRunsAnOrdinaryCellQuietly() throws {
        let tutor = try makeTutor()
        XCTAssertEqual(tutor.session.run(":open 0"), .success)
        _ = output()
        XCTAssertEqual(tutor.session.run(":next"), .success)
        XCTAssertTrue(output().contains("Skipped cell 1: the lesson's lines ran quietly and made x, W."))
        XCTAssertEqual(tutor.session.run("x @ W"), .success)
        XCTAssertTrue(output().contains("✓ right"), "the skipped cell's variables exist")
    }

    func testAnAnswerThatDrawsRandomNumbersDrawsTheLessonsNumbers() throws {
        let tutor = try atFirstYourTurn(fixture: "yourturn-random")
        XCTAssertEqual(tutor.session.run("choice(4000, 128)"), .success)
        let shown = output()
        XCTAssertTrue(shown.contains("✓ right: batch (128,)"), shown)
        XCTAssertTrue(shown.contains("array([1061,  235, 3980])\n✓ matches"), shown)
    }

    func testAWrongAnswerLeavesTheRandomNumbersAsTheyWere() throws {
        let tutor = try atFirstYourTurn(fixture: "yourturn-random")
        XCTAssertEqual(tutor.session.run("batch = choice(4000, 64)"), .success)
        XCTAssertTrue(output().contains("batch: shape (64,), expected (128,)"))
        XCTAssertEqual(tutor.session.run("batch = choice(4000, 128)"), .success)
        let shown = output()
        XCTAssertTrue(shown.contains("✓ right"), shown)
        XCTAssertTrue(shown.contains("array([1061,  235, 3980])\n✓ matches"), "the lesson's draw, not the one after the wrong answer's:\n\(shown)")
    }

    func testHintsComeOneAtATimeInOrder() throws {
        let tutor = try atFirstYourTurn()
        XCTAssertEqual(tutor.session.run(":hint"), .success)
        XCTAssertEqual(output(), "hint 1 of 2: Multiply x by W with @. (:hint again for the next one)")
        XCTAssertEqual(tutor.session.run(":hint"), .success)
        XCTAssertEqual(output(), "hint 2 of 2: x is (2, 3) and W is (3, 4), so h is (2, 4).")
        XCTAssertEqual(tutor.session.run(":hint"), .success)
        XCTAssertTrue(output().hasPrefix("That was the last hint (all 2 shown)"))
    }

    func testHintWithoutAYourTurnCellSaysWhatItDoes() throws {
        let tutor = try makeTutor()
        XCTAssertEqual(tutor.session.run(":open 0"), .success)
        _ = output()
        XCTAssertEqual(tutor.session.run(":hint"), .failure)
        XCTAssertTrue(output().contains("no your-turn cell is waiting"))
    }

    func testCompareHoldsAnyExpressionAgainstTheAnswerAndMovesNothing() throws {
        let tutor = try atFirstYourTurn()
        XCTAssertEqual(tutor.session.run(":compare x @ W"), .success)
        XCTAssertEqual(output(), "✓ matches the lesson's expected output")
        XCTAssertEqual(tutor.session.run(":compare (x @ W).T"), .success)
        XCTAssertTrue(output().contains("Its transpose has exactly the expected values"))
        XCTAssertEqual(tutor.position?.cell, 1)
        XCTAssertNil(tutor.session[variable: "h"], ":compare keeps nothing")
    }

    func testCompareAtAnOrdinaryCellUsesItsPrintedOutput() throws {
        let tutor = try atFirstYourTurn()
        XCTAssertEqual(tutor.session.run(":skip"), .success)
        XCTAssertEqual(tutor.session.run(":skip"), .success)
        _ = output()
        XCTAssertEqual(tutor.session.run(":compare m.sum()"), .success)
        XCTAssertEqual(output(), "✓ matches the lesson's expected output")
        XCTAssertEqual(tutor.session.run(":compare m.max()"), .success)
        XCTAssertTrue(output().contains("✗ differs from the lesson's expected output: line 1: expected 25.5, got 8.0"))
    }

    func testTheFeedbackIsInKoreanUnderKo() throws {
        let tutor = try atFirstYourTurn(.ko)
        XCTAssertEqual(tutor.session.run("W @ x"), .failure)
        _ = output()
        XCTAssertEqual(tutor.session.run("x @ W[:, 0:2]"), .success)
        let shown = output()
        XCTAssertTrue(shown.contains("✗ 아직 아닙니다:"), shown)
        XCTAssertTrue(shown.contains("h: 형상 (2, 2), 기대한 형상 (2, 4)"), shown)
        XCTAssertTrue(shown.contains("  기대값: [[4, 5, 3, 3], [10, 11, 6, 9]]"), shown)
        XCTAssertEqual(tutor.session.run(":hint"), .success)
        XCTAssertEqual(output(), "힌트 1/2: @로 x와 W를 곱합니다. (:hint를 다시 입력하면 다음 힌트)")
        XCTAssertEqual(tutor.session.run("x @ W"), .success)
        XCTAssertTrue(output().contains("✓ 정답입니다: h (2, 4) float64, 레슨의 값과 같습니다."))
    }

    func testAnExerciseCellPointsToItsExerciseAndThenUsesTheLearnersFunction() throws {
        let tutor = try makeTutor()
        var finished = false
        var used: [String] = []
        tutor.exerciseLink = ExerciseLink(file: { $0 == "columnMeans" ? "exercises/09-means.swift" : nil },
                                          finished: { finished ? ["columnMeans"] : [] },
                                          useLearnersFunction: { used.append($0); return "column_means" },
                                          useLanguage: { _ in })
        XCTAssertEqual(tutor.session.run(":open 0"), .success)
        tutor.enter()
        XCTAssertEqual(tutor.session.run(":skip"), .success)
        XCTAssertEqual(tutor.session.run(":skip"), .success)
        var shown = output()
        XCTAssertTrue(shown.contains("✎ Exercise columnMeans: write it yourself in exercises/09-means.swift. "
                                     + ":exercise columnMeans shows the line to edit and the contract"), shown)
        XCTAssertTrue(shown.hasSuffix("── cell 4 of 4 ─────────────────────────────────────────────\n>>> print(m.sum())"), shown)

        finished = true
        tutor.enter()
        shown = output()
        XCTAssertTrue(shown.hasPrefix("✓ columnMeans passes its checks: from here on, column_means in the cells runs your function"), shown)
        XCTAssertTrue(shown.contains("25.5\n✓ matches"), shown)
        XCTAssertEqual(used, ["columnMeans"])

        XCTAssertEqual(tutor.session.run(":back"), .success)
        XCTAssertTrue(output().contains("✓ Exercise columnMeans: done."))
        tutor.enter()
        XCTAssertFalse(output().contains("passes its checks"), "said once")
        XCTAssertEqual(used, ["columnMeans"])
    }

    func testTheLessonListShowsTheExercisesAndWhichAreDone() throws {
        let tutor = try makeTutor()
        XCTAssertEqual(tutor.session.run(":lessons"), .success)
        XCTAssertTrue(output().contains("exercises: columnMeans ·"))
        tutor.exerciseLink = ExerciseLink(file: { _ in nil }, finished: { ["columnMeans"] }, useLearnersFunction: { _ in nil },
                                          useLanguage: { _ in })
        XCTAssertEqual(tutor.session.run(":lessons"), .success)
        XCTAssertTrue(output().contains("exercises: columnMeans ✓"))
    }

    func testTheVerifierHoldsTheAnswers() throws {
        let course = try XCTUnwrap(Bundle.module.resourceURL?.appendingPathComponent("Fixtures/yourturn").path)
        let lesson = try LessonLibrary(root: course).lesson("0", .en)
        let report = LessonVerifier.run(lesson, in: Session { _, _ in })
        XCTAssertTrue(report.passed, "\(report.differences) \(report.answerProblems)")
        XCTAssertTrue(report.summary.hasSuffix("every output matches, 2 of 2 your-turn answers hold"), report.summary)
    }

    func testTheVerifierHoldsAnAnswerThatDrawsRandomNumbers() throws {
        let text = """
            ---
            id: random
            title: Random
            ---

            ```pycon
            >>> seed(0)
            ```

            ```pycon
            >>> r = randn(3)   # your turn
            >>> r
            array([1.76405235, 0.40015721, 0.97873798])
            ```
            """
        let lesson = try LessonParser.parse(text, path: "00-random.md")
        let report = LessonVerifier.run(lesson, in: Session { _, _ in })
        XCTAssertTrue(report.passed, "\(report.differences) \(report.answerProblems)")
    }

    func testTheVerifierRefusesAnAnswerNoLearnerCouldMatch() throws {
        let text = """
            ---
            id: counter
            title: Counter
            ---

            ```pycon
            >>> class Counter:
            ...     def __init__(self):
            ...         self.n = 0
            ...     def next(self):
            ...         self.n = self.n + 1
            ...         return self.n
            >>> c = Counter()
            ```

            ```pycon
            >>> k = c.next()   # your turn
            ```

            ```pycon
            >>> for i in range(2): k = i   # your turn
            ```
            """
        let lesson = try LessonParser.parse(text, path: "00-counter.md")
        let report = LessonVerifier.run(lesson, in: Session { _, _ in })
        XCTAssertFalse(report.passed)
        XCTAssertEqual(report.answerProblems.count, 2)
        XCTAssertTrue(report.answerProblems[0].problem.contains("changes from one run to the next"), report.answerProblems[0].problem)
        XCTAssertTrue(report.answerProblems[1].problem.contains("one expression or one assignment to a name"))
    }

    func testTheFormatRefusesMisplacedMarks() {
        let late = """
            ---
            id: late
            title: Late
            ---

            ```pycon
            >>> a = 1
            >>> b = a + 1   # your turn
            ```
            """
        XCTAssertThrowsError(try LessonParser.parse(late, path: "00-late.md")) { error in
            XCTAssertEqual((error as? LessonFormatError)?.line, 8)
            XCTAssertTrue(String(describing: error).contains("'# your turn' marks the first input of a cell"))
        }
        let strayHint = """
            ---
            id: stray
            title: Stray
            ---

            <!-- hint: nobody asked -->
            ```pycon
            >>> a = 1
            ```
            """
        XCTAssertThrowsError(try LessonParser.parse(strayHint, path: "00-stray.md")) { error in
            XCTAssertTrue(String(describing: error).contains("hints come before a your-turn cell"))
        }
    }
}
