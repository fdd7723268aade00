import Interpreter
import Support

/// The sentences the lessons' front end says, in the learner's language.
public struct TutorText: Sendable {
    public let language: LessonLanguage

    public init(_ language: LessonLanguage) {
        self.language = language
    }

    private func say(_ english: String, _ korean: String) -> String {
        language == .ko ? korean : english
    }

    public func welcome(lessons: Int, first: String, exercises: Int) -> String {
        say("""
            Welcome to mlplab: \(lessons) lessons that build a neural network for handwritten digits, from the bytes \
            of the MNIST files to a trained multi-layer perceptron. Along the way the lessons ask you for values, \
            and point to \(exercises) functions you write yourself in exercises/.

            Press Enter to begin lesson 0 (\(first)). :lessons lists the lessons and their exercises, \
            :help lists everything else.
            """, """
            mlplab에 오신 것을 환영합니다. MNIST 파일의 바이트에서 학습된 다층 퍼셉트론까지, 손글씨 숫자를 \
            인식하는 신경망을 \(lessons)개의 레슨으로 직접 만듭니다. 레슨을 따라가며 값을 직접 구해 보고, \
            exercises/에 함수 \(exercises)개를 직접 작성합니다.

            Enter를 누르면 시작합니다: 레슨 0 · \(first). :lessons는 레슨과 연습 문제 목록, \
            :help는 모든 명령을 보여 줍니다.
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

    // MARK: Exercise cells

    public func exercise(_ name: String, file: String?) -> String {
        say("Exercise \(name): write it yourself\(file.map { " in \($0)" } ?? ""). :exercise \(name) shows the line to edit and the contract, "
            + ":check \(name) checks it; once it passes, the cells from here on run on your function.",
            "연습 문제 \(name): \(file.map { "\($0)에서 " } ?? "")직접 작성해 보세요. 고칠 줄과 계약 보기: :exercise \(name) · "
            + "검사하기: :check \(name). 검사를 통과하면 여기부터의 셀은 여러분의 함수로 실행됩니다.")
    }

    public func exerciseInNotebook(_ name: String) -> String {
        say("**Exercise `\(name)`**: write it yourself in `exercises/`; `:exercise \(name)` shows the file, the line to edit "
            + "and the contract. The next cell checks it; once it passes, `:use mine \(name)` runs your function in the cells.",
            "**연습 문제 `\(name)`**: `exercises/`에서 직접 작성해 보세요. `:exercise \(name)`이 파일과 고칠 줄, 계약을 보여 줍니다. "
            + "다음 셀이 검사합니다. 통과하면 `:use mine \(name)`으로 셀에서 여러분의 함수를 씁니다.")
    }

    public func exerciseDone(_ name: String) -> String {
        say("Exercise \(name): done.", "연습 문제 \(name): 완료.")
    }

    public func runsYourFunction(_ name: String, builtin: String) -> String {
        say("\(name) passes its checks: from here on, \(builtin) in the cells runs your function (:use reference switches back).",
            "검사를 통과했습니다: \(name). 여기부터 셀의 \(builtin) 호출은 여러분의 함수로 실행됩니다 (:use reference로 되돌립니다).")
    }

    public var exercisesLabel: String { say("exercises", "연습 문제") }

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

    // MARK: The lesson commands

    /// A command's line for `:help` and its paragraph for `:help NAME`.
    public func command(_ name: String) -> (summary: String, help: String) {
        switch name {
        case "lessons":
            return (say("the lessons, with how far you got", "레슨 목록과 진행 상황"),
                    say("Lists every lesson with the cells you have run and a ✓ for the finished ones; ▶ marks the open lesson. :open N opens one.",
                        "모든 레슨을 실행한 셀 수와 함께 보여 주고, 끝낸 레슨에는 ✓, 열려 있는 레슨에는 ▶를 붙입니다. :open N으로 레슨을 엽니다."))
        case "open":
            return (say("open lesson N (a number or a name)", "레슨 N 열기 (번호나 이름)"),
                    say("Opens a lesson from its beginning: :open 3, :open forward. Press Enter to run each cell in turn.",
                        "레슨을 처음부터 엽니다: :open 3, :open forward. Enter를 누를 때마다 셀이 차례로 실행됩니다."))
        case "next":
            return (say("skip the waiting cell: it runs quietly (at a lesson's end: the next lesson)",
                        "기다리는 셀 건너뛰기: 조용히 실행합니다 (레슨 끝에서는 다음 레슨)"),
                    say("Moves on past the waiting cell: its lines run without showing their output, and the variables they made are listed, so the cells after it find them. At the end of a lesson it opens the next lesson, as Enter does.",
                        "기다리는 셀을 건너뜁니다. 셀의 코드는 출력 없이 실행되고 만든 변수의 목록이 나오므로, 뒤의 셀에서 그 변수를 쓸 수 있습니다. 레슨 끝에서는 Enter처럼 다음 레슨을 엽니다."))
        case "skip":
            return (say("let the lesson answer the waiting cell: it runs quietly", "레슨의 답으로 넘어가기: 조용히 실행합니다"),
                    say("At a your-turn cell: the lesson's own answer runs quietly, the variables it made are listed, and the lesson goes on. At any other cell it does what :next does.",
                        "직접 해 보기 셀에서 레슨의 답을 조용히 실행하고, 만든 변수의 목록을 보여 준 뒤 레슨을 이어 갑니다. 다른 셀에서는 :next와 같습니다."))
        case "back":
            return (say("go back one cell", "한 셀 뒤로"),
                    say("Makes the previous cell the waiting one again; Enter runs it once more.",
                        "바로 앞 셀을 다시 기다리는 셀로 만듭니다. Enter를 누르면 한 번 더 실행합니다."))
        case "run":
            return (say("run the waiting cell (Enter does the same); :run all runs the rest",
                        "기다리는 셀 실행 (Enter와 같음). :run all은 나머지를 모두 실행"),
                    say("Runs the waiting cell and shows whether its output matches the lesson. :run all runs every cell left in the lesson, one after another, up to a your-turn cell.",
                        "기다리는 셀을 실행하고 출력이 레슨과 같은지 보여 줍니다. :run all은 레슨에 남은 셀을 차례로 실행하다가 직접 해 보기 셀에서 멈춥니다."))
        case "where":
            return (say("which lesson and cell you are at", "지금 어느 레슨의 어느 셀에 있는지"),
                    say("Shows the open lesson, its file, and the cell waiting to run.",
                        "열린 레슨과 그 파일, 실행을 기다리는 셀을 보여 줍니다."))
        case "hint":
            return (say("the next hint for the waiting your-turn cell (or for exercise NAME)",
                        "기다리는 직접 해 보기 셀의 다음 힌트 (또는 연습 문제 NAME의 힌트)"),
                    say("At a your-turn cell, gives its hints one at a time, from a nudge to nearly the answer. With an exercise's name (:hint softmax), gives that exercise's next hint.",
                        "직접 해 보기 셀의 힌트를 하나씩, 방향만 짚는 것부터 답에 가까운 것까지 차례로 보여 줍니다. 연습 문제 이름을 붙이면(:hint softmax) 그 연습 문제의 다음 힌트를 보여 줍니다."))
        case "compare":
            return (say("compare an expression with the waiting cell's expected output", "식을 기다리는 셀의 기대 출력과 비교"),
                    say("Evaluates EXPR and holds its value against what the waiting cell expects: at a your-turn cell, the lesson's answer (shape and dtype first, then the values within the cell's tolerance, with the likely mistake named); at any other cell, the output the lesson prints. Nothing moves on.",
                        "EXPR을 계산해 기다리는 셀이 기대하는 값과 비교합니다. 직접 해 보기 셀에서는 레슨의 답과 비교하고(형상과 dtype을 먼저, 그다음 셀의 허용 오차 안에서 값을 보며, 흔한 실수를 짚어 줍니다), 다른 셀에서는 레슨이 출력하는 내용과 비교합니다. 레슨은 넘어가지 않습니다."))
        case "lang":
            return (say("show the lessons in English or Korean", "레슨을 영어나 한국어로 보기"),
                    say("Switches the lessons' language, keeping your place: the cells are the same in both. The choice is kept for the next start.",
                        "자리를 그대로 둔 채 레슨의 언어를 바꿉니다. 두 언어의 셀은 같습니다. 고른 언어는 다음에 시작할 때도 유지됩니다."))
        default:
            return ("", "")
        }
    }

    /// What a lesson command says when its argument is missing or wrong.
    public func usage(_ name: String) -> String {
        switch name {
        case "open": return say("usage: :open N (:lessons lists them)", "사용법: :open N (:lessons로 목록을 봅니다)")
        case "run": return say("usage: :run or :run all", "사용법: :run 또는 :run all")
        case "lang": return say("usage: :lang en or :lang ko", "사용법: :lang en 또는 :lang ko")
        case "compare": return say("usage: :compare EXPR, e.g. :compare X @ W1 + b1", "사용법: :compare 식, 예: :compare X @ W1 + b1")
        case "hint":
            return say("no your-turn cell is waiting: :hint gives a your-turn cell's hints, :hint NAME an exercise's",
                       "기다리는 직접 해 보기 셀이 없습니다. :hint는 직접 해 보기 셀의 힌트를, :hint NAME은 연습 문제의 힌트를 보여 줍니다.")
        default: return ""
        }
    }
}
