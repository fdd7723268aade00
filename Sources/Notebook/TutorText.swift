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
