/// The sentences the lessons' front end says, in the learner's language.
public struct TutorText: Sendable {
    public let language: LessonLanguage

    public init(_ language: LessonLanguage) {
        self.language = language
    }

    private func say(_ english: String, _ korean: String) -> String {
        language == .ko ? korean : english
    }

    public func welcome(lessons: Int, first: String) -> String {
        say("""
            Welcome to mlplab: \(lessons) lessons that build a neural network for handwritten digits, from the bytes \
            of the MNIST files to a trained multi-layer perceptron.

            Press Enter to begin lesson 0 (\(first)). :lessons lists the lessons, :help lists everything else.
            """, """
            mlplab에 오신 것을 환영합니다. MNIST 파일의 바이트에서 학습된 다층 퍼셉트론까지, 손글씨 숫자를 \
            인식하는 신경망을 \(lessons)개의 레슨으로 직접 만듭니다.

            Enter를 누르면 시작합니다: 레슨 0 · \(first). :lessons는 레슨 목록, :help는 모든 명령을 보여 줍니다.
            """)
    }

    public func resuming(lesson: Int, title: String, cell: Int, of count: Int) -> String {
        cell > count
            ? say("Back in lesson \(lesson): \(title) (finished).", "다시 시작: 레슨 \(lesson) · \(title) (완료)")
            : say("Back in lesson \(lesson): \(title), at cell \(cell) of \(count).",
                  "다시 시작: 레슨 \(lesson) · \(title) · 셀 \(cell)/\(count)")
    }

    public func restoring(cells: Int) -> String {
        say("Running the \(cells) cell\(cells == 1 ? "" : "s") before it again, to restore the lesson's variables…",
            "레슨의 변수를 되살리기 위해 앞의 셀 \(cells)개를 다시 실행합니다…")
    }

    public func restored(failures: Int) -> String {
        failures == 0
            ? say("Done.", "완료.")
            : say("Done; \(failures) of them printed something other than the lesson (:vars shows the variables).",
                  "완료. 그중 \(failures)개는 레슨과 다른 결과를 냈습니다 (:vars로 변수를 확인하세요).")
    }

    public func restoringStopped(at cell: Int) -> String {
        say("Stopped at cell \(cell): the variables of the cells from there on are missing (:back and Enter run a cell again).",
            "셀 \(cell)에서 중단했습니다. 그 뒤 셀들의 변수는 없습니다 (:back과 Enter로 셀을 다시 실행하세요).")
    }

    public func banner(cells: Int, path: String) -> String {
        say("\(cells) cells · \(path)", "셀 \(cells)개 · \(path)")
    }

    public func cellLabel(_ cell: Int, of count: Int) -> String {
        say("cell \(cell) of \(count)", "셀 \(cell)/\(count)")
    }

    public var keys: String {
        say("Enter runs the cell · type your own lines in between · :next skips · :back · :where · :lessons",
            "Enter: 셀 실행 · 사이사이 직접 입력해 보세요 · :next 건너뛰기 · :back · :where · :lessons")
    }

    // MARK: Your-turn cells

    public var yourTurn: String { say("your turn", "직접 해 보기") }

    /// What a waiting your-turn cell asks, under its rule.
    public func yourTurnTask(target: String?) -> String {
        let what = target.map { say("an expression for \($0) (or \($0) = …)", "\($0)의 식(또는 \($0) = …)") }
            ?? say("the expression", "식")
        return say("""
            ✎ Type \(what): mlplab compares its value with the lesson's answer. Try as often as you like; \
            :hint gives a hint, :skip lets the lesson do it, :compare EXPR compares any expression.
            """, """
            ✎ \(what)을 입력하세요. mlplab이 그 값을 레슨의 답과 비교합니다. 몇 번이든 다시 해 봐도 됩니다. \
            :hint는 힌트, :skip은 레슨의 답으로 넘어가기, :compare 식은 아무 식이나 비교합니다.
            """)
    }

    public func waitingForAnswer(target: String?) -> String {
        let what = target.map { say("the expression for \($0)", "\($0)의 식") } ?? say("the expression", "식")
        return say("This cell waits for your answer: type \(what) (:hint gives a hint, :skip lets the lesson do it).",
                   "이 셀은 여러분의 답을 기다립니다. \(what)을 입력하세요 (:hint는 힌트, :skip은 레슨의 답으로 넘어가기).")
    }

    public func right(target: String?, _ summary: String) -> String {
        let what = target.map { "\($0) \(summary)" } ?? summary
        return say("right: \(what) is the lesson's value.", "정답입니다: \(what), 레슨의 값과 같습니다.")
    }

    public var notYet: String { say("not yet:", "아직 아닙니다:") }
    public var tryAgain: String {
        say("Try again as often as you like · :hint gives a hint · :skip lets the lesson do it",
            "몇 번이든 다시 해 보세요 · :hint 힌트 · :skip 레슨의 답으로 넘어가기")
    }

    public func hint(_ number: Int, of count: Int, _ hint: String) -> String {
        say("hint \(number) of \(count): ", "힌트 \(number)/\(count): ") + hint
            + (number < count ? say(" (:hint again for the next one)", " (:hint를 다시 입력하면 다음 힌트)") : "")
    }

    public func noMoreHints(_ count: Int) -> String {
        count == 0
            ? say("This cell has no hints; :skip lets the lesson give its answer.",
                  "이 셀에는 힌트가 없습니다. :skip으로 레슨의 답을 볼 수 있습니다.")
            : say("That was the last hint (all \(count) shown); :skip lets the lesson give its answer.",
                  "마지막 힌트였습니다 (\(count)개 모두 보았습니다). :skip으로 레슨의 답을 볼 수 있습니다.")
    }

    public func skipped(cell: Int, made names: [String]) -> String {
        names.isEmpty
            ? say("Skipped cell \(cell): the lesson's lines ran quietly and made no variables.",
                  "\(cell)번 셀을 건너뛰었습니다. 레슨의 코드를 조용히 실행했고, 만든 변수는 없습니다.")
            : say("Skipped cell \(cell): the lesson's lines ran quietly and made \(names.joined(separator: ", ")).",
                  "\(cell)번 셀을 건너뛰었습니다. 레슨의 코드를 조용히 실행했습니다. 만든 변수: \(names.joined(separator: ", "))")
    }

    public func skippedLineFailed(_ line: String) -> String {
        say("while skipping, the lesson's line `\(line)` failed:", "건너뛰는 중 레슨의 코드가 실패했습니다: `\(line)`")
    }

    public func answerUnavailable(_ reason: String) -> String {
        say("the lesson's answer cannot be worked out here (\(reason)); your line runs as usual. "
            + ":back and Enter run the earlier cells again.",
            "여기서는 레슨의 답을 계산할 수 없습니다 (\(reason)). 입력한 줄은 평소대로 실행합니다. "
            + ":back과 Enter로 앞의 셀을 다시 실행하세요.")
    }

    public var compareMatches: String { say("matches the lesson's expected output", "레슨의 기대 출력과 일치합니다") }
    public var compareDiffers: String { say("differs from the lesson's expected output:", "레슨의 기대 출력과 다릅니다:") }
    public var nothingToCompare: String {
        say("The waiting cell expects no output to compare with (:where shows where you are).",
            "기다리는 셀에 비교할 기대 출력이 없습니다 (:where로 현재 위치를 보세요).")
    }

    public var matches: String { say("matches", "일치") }
    public var notCompared: String { say("output not compared", "출력은 비교하지 않음") }
    public var differs: String { say("differs from the lesson:", "레슨과 다름:") }
    public var lessonExpects: String { say("  the lesson has:", "  레슨의 출력:") }
    public var nothing: String { say("(nothing)", "(출력 없음)") }
    public var ranQuietly: String { say("done (prints nothing)", "실행됨 (출력 없음)") }
    public var interrupted: String {
        say("Stopped. Enter runs the cell again.", "중단했습니다. Enter를 누르면 셀을 다시 실행합니다.")
    }

    public func endOfLesson(_ lesson: Int, nextNumber: Int?, nextTitle: String?) -> String {
        guard let nextNumber, let nextTitle else {
            return say("End of lesson \(lesson), the last one. :lessons shows your progress.",
                       "레슨 \(lesson) 끝. 마지막 레슨입니다. :lessons로 진행 상황을 볼 수 있습니다.")
        }
        return say("End of lesson \(lesson). Press Enter for lesson \(nextNumber): \(nextTitle).",
                   "레슨 \(lesson) 끝. Enter를 누르면 다음 레슨으로 넘어갑니다: 레슨 \(nextNumber) · \(nextTitle)")
    }

    public func lessonDone(_ lesson: Int) -> String {
        say("Every cell of lesson \(lesson) has run; Enter opens the next lesson, :back goes back a cell.",
            "레슨 \(lesson)의 셀을 모두 실행했습니다. Enter는 다음 레슨, :back은 이전 셀입니다.")
    }

    public var allDone: String {
        say("That was the last lesson. :lessons shows your progress; :open N opens any lesson again.",
            "마지막 레슨이었습니다. :lessons로 진행 상황을, :open N으로 원하는 레슨을 다시 열 수 있습니다.")
    }

    public var noLessonOpen: String {
        say("No lesson is open: Enter starts one, :lessons lists them.",
            "열린 레슨이 없습니다. Enter로 시작하거나 :lessons로 목록을 보세요.")
    }

    public var atFirstCell: String {
        say("This is the lesson's first cell; :open N opens another lesson.",
            "레슨의 첫 셀입니다. 다른 레슨은 :open N으로 엽니다.")
    }

    public func cannotSave(_ reason: String) -> String {
        say("cannot save your progress: \(reason)", "진행 상황을 저장할 수 없습니다: \(reason)")
    }

    // MARK: The lesson list

    public var listTitle: String { say("Lessons", "레슨") }
    public var listHint: String {
        say(":open N opens a lesson; Enter carries on where you are.", ":open N으로 레슨을 엽니다. Enter는 하던 곳에서 계속합니다.")
    }

    public func cellsRun(_ run: Int, of count: Int) -> String {
        say("\(run)/\(count) cells", "셀 \(run)/\(count)")
    }

    public func differing(_ count: Int) -> String {
        say("\(count) differ", "\(count)개 다름")
    }

    public func exercisesFinished(_ names: [String]) -> String {
        names.isEmpty
            ? say("Exercises finished: none yet (:check NAME checks one).", "완료한 연습 문제: 아직 없음 (:check NAME으로 확인).")
            : say("Exercises finished (\(names.count)): ", "완료한 연습 문제 (\(names.count)개): ") + names.joined(separator: ", ")
    }
}
