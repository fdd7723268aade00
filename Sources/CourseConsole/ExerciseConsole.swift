// CourseConsole: the course's commands, written once for the command line (`mlplab check`)
// and the REPL (`:exercise :check :hint :solution :reset :use :reload`), and the binding of
// the learner's passing functions into the REPL's builtins.
//
// It leaves the checks to Course and the child processes to ChildProcesses.

import ChildProcesses
import Course
import Foundation
import Support
import Tensor
import TensorComparison

/// The exercise commands, written once for both front ends: `mlplab check …` on the
/// command line and `:exercise :check :hint :solution :reset :use :reload` in the REPL (which
/// registers `ExerciseConsole.commands` in its command table).
///
/// Output goes to `write`, one message at a time; questions go to `confirm`.
public final class ExerciseConsole {
    public let root: PackageRoot
    public let progress: ExerciseProgressStore
    public var driver: CheckDriver
    public var write: (String) -> Void
    /// Asks a yes/no question; true means yes.
    public var confirm: (String) -> Bool
    /// The exercises whose learner's function `fit` and the lesson cells use (`:use`);
    /// the reference stands in for the others.
    public private(set) var learnerFunctions: Set<String> = []
    /// Told about every `:use`, so that the REPL can switch its builtins.
    public var learnerFunctionsChanged: (Set<String>) -> Void = { _ in }
    /// The language of what the console says and of the checks' details.
    public var language = ReportLanguage.en {
        didSet {
            driver.language = language
            learner.driver.language = language
        }
    }
    /// Where the learner's functions run under `:use mine`: a child process, so that a
    /// crash in them ends that process, not the REPL.
    public private(set) lazy var learner = LearnerProcess(driver: driver)

    public init(root: PackageRoot, progress: ExerciseProgressStore,
                write: @escaping (String) -> Void, confirm: @escaping (String) -> Bool) {
        self.root = root
        self.progress = progress
        self.write = write
        self.confirm = confirm
        driver = CheckDriver(root: root)
    }

    // MARK: :exercise and --list

    /// Every exercise by lesson: its name, file and line, status, what it computes and
    /// the shapes in and out (the contract's line with →).
    public func list() {
        for group in LessonGroup.all {
            write(say("lesson \(group.number), \(group.title)", "레슨 \(group.number)") + " — \(group.file)")
            for exercise in Course.exercises(in: group) {
                let name = exercise.name.padding(toLength: 28, withPad: " ", startingAt: 0)
                let place = location(of: exercise).padding(toLength: 34, withPad: " ", startingAt: 0)
                write("  \(name)\(place)\(status(of: exercise))")
                write("      \(exercise.summary(in: language))")
                if let shapes = shapes(of: exercise) { write("      \(shapes)") }
            }
        }
        write(say("`mlplab check NAME` (`:check NAME`) checks one; `:exercise NAME` shows its contract.",
                  "하나 검사하기: `mlplab check NAME`(`:check NAME`) · 계약 보기: `:exercise NAME`"))
    }

    /// One exercise's file and line, its signature and contract, and its status.
    public func show(_ name: String) throws {
        let exercise = try Course.find(name)
        let file = exercise.group.file
        guard let text = functionText(exercise) else {
            write(say("\(exercise.name): cannot find `public func \(exercise.name)(` in \(file): was it renamed? "
                      + "The checks call the function by that name.",
                      "\(exercise.name): \(file)에서 `public func \(exercise.name)(`를 찾을 수 없습니다. 이름을 바꾸었나요? "
                      + "검사는 이 이름으로 함수를 호출합니다."))
            return
        }
        write("\(exercise.name) — " + say("lesson \(exercise.group.number), \(exercise.group.title)", "레슨 \(exercise.group.number)"))
        write("\(file):\(text.line)")
        write("")
        write("    " + text.signature.replacingOccurrences(of: "\n", with: "\n    "))
        write("")
        (language == .ko ? exercise.koreanContract : text.documentation).forEach { write("    " + $0) }
        write("")
        let count = (try? exercise.cases().count) ?? 0
        write(say("status: \(status(of: exercise)). \(count) checks: `:check \(exercise.name)` runs them, "
                  + "`:hint \(exercise.name)` gives a hint (\(exercise.hints.count) in all).",
                  "상태: \(status(of: exercise)). 검사 \(count)개 실행: `:check \(exercise.name)` · "
                  + "힌트 보기 (모두 \(exercise.hints.count)개): `:hint \(exercise.name)`"))
    }

    /// "✓ finished", "✗ last check: 2 of 5 cases pass", "· not started", "… edited, not checked".
    public func status(of exercise: Exercise) -> String {
        let record = progress.record
        let last = record.lastCheck[exercise.name]
        if record.finished[exercise.name] != nil {
            guard let last, !last.allPassed else { return say("✓ finished", "✓ 완료") }
            return say("✓ finished (last check: \(last.text))", "✓ 완료 (마지막 검사: \(last.text))")
        }
        guard let text = functionText(exercise) else { return say("? not found in its file", "? 파일에서 찾을 수 없음") }
        if text.isUntouchedStub { return say("· not started", "· 시작 전") }
        return last.map { say("✗ last check: ", "✗ 마지막 검사: ") + $0.text } ?? say("… edited, not checked yet", "… 고쳤지만 아직 검사 전")
    }

    /// The contract's paragraph with the shapes in → out: the stub's doc comment's, or the Korean contract's.
    private func shapes(of exercise: Exercise) -> String? {
        language == .ko ? FunctionText.shapesParagraph(of: exercise.koreanContract) : functionText(exercise)?.shapesParagraph
    }

    func functionText(_ exercise: Exercise) -> FunctionText? {
        guard let source = try? String(contentsOfFile: root.file(exercise.group.file), encoding: .utf8) else { return nil }
        return FunctionText(function: exercise.name, in: source)
    }

    // MARK: :check

    /// Builds the learner's code and checks the named exercises (`--all`: every one, as a
    /// table). Prints each case as its result arrives. Returns true when every case passed.
    @discardableResult
    public func check(_ names: [String], all: Bool = false) throws -> Bool {
        let exercises = all ? Course.exercises : try names.map(Course.find)
        guard !exercises.isEmpty else {
            throw CourseError.unknownExercise(say("name an exercise to check (`:check softmax`), or check them all with --all",
                                                  "검사할 연습 문제의 이름을 주거나 (`:check softmax`), --all로 모두 검사하세요"))
        }
        let started = Date()
        write(say("compiling your exercises…", "연습 문제를 컴파일합니다…"))
        let buildSeconds = try driver.build(echo: write)
        var rows: [(exercise: Exercise, results: [CaseResult])] = []
        for exercise in exercises {
            if !all { write("\(exercise.name): \(exercise.summary(in: language))  (\(location(of: exercise)))") }
            var previous: CaseResult?
            let results = try driver.run(exercise) { result in
                defer { previous = result }
                // Stub cases are summed up in one line at the end instead of one line each.
                guard !all, result.status != .notImplemented else { return }
                if result.status == .crashed, let previous, previous.status == .crashed, previous.details == result.details {
                    write("  ✗ \(result.index)/\(result.total) \(result.title): "
                          + say("crashed the same way", "같은 방식으로 비정상 종료"))
                } else {
                    CheckReport.lines(for: result, language: language).forEach(write)
                }
            }
            if !all { reportEnd(of: exercise, results) }
            try progress.recordCheck(of: exercise, results: results)
            rows.append((exercise, results))
        }
        if all { CheckReport.table(rows).forEach(write) }
        write(String(format: say("checked in %.1f s (compiling %.1f s)", "검사 %.1f초 (컴파일 %.1f초)"),
                     Date().timeIntervalSince(started), buildSeconds))
        return rows.allSatisfy { CheckReport.allPassed($0.results) }
    }

    private func reportEnd(of exercise: Exercise, _ results: [CaseResult]) {
        let waiting = results.filter { $0.status == .notImplemented }
        if let first = waiting.first {
            write("  · " + (first.details.first ?? CheckReport.name(of: .notImplemented, language))
                  + say(" (\(waiting.count) case\(waiting.count == 1 ? "" : "s") waiting)", " (케이스 \(waiting.count)개 대기 중)"))
        }
        let finishedBefore = progress.record.finished[exercise.name] != nil
        write("  " + CheckReport.summary(results, language: language)
              + (CheckReport.allPassed(results) && !finishedBefore ? say(" — \(exercise.name) is finished", " — \(exercise.name) 완료") : ""))
    }

    private func say(_ english: String, _ korean: String) -> String {
        language == .ko ? korean : english
    }

    private func location(of exercise: Exercise) -> String {
        exercise.group.file + (functionText(exercise).map { ":\($0.line)" } ?? "")
    }

    // MARK: :hint and :solution

    /// The next hint of the exercise, one per call; says so when there are no more.
    public func hint(_ name: String) throws {
        let exercise = try Course.find(name)
        let shown = progress.record.hintsShown[exercise.name] ?? 0
        let hints = exercise.hints(in: language)
        guard shown < hints.count else {
            write(say("no more hints for \(exercise.name): you have seen all \(exercise.hints.count). "
                      + "`:solution \(exercise.name)` shows the reference solution.",
                      "\(exercise.name)의 힌트는 더 없습니다 (\(exercise.hints.count)개 모두 보았습니다). "
                      + "참조 구현 보기: `:solution \(exercise.name)`"))
            return
        }
        write(say("hint \(shown + 1) of \(exercise.hints.count) for \(exercise.name): ",
                  "\(exercise.name) 힌트 \(shown + 1)/\(exercise.hints.count): ") + hints[shown])
        try progress.update { $0.hintsShown[exercise.name] = shown + 1 }
        if shown + 1 < exercise.hints.count {
            write(say("(`:hint \(exercise.name)` again for the next one)", "(다음 힌트: `:hint \(exercise.name)`)"))
        }
    }

    /// The reference solution, after the learner says yes.
    public func solution(_ name: String) throws {
        let exercise = try Course.find(name)
        let finished = progress.record.finished[exercise.name] != nil
        let question = finished
            ? say("Show the reference solution of \(exercise.name), to compare with yours?",
                  "여러분의 것과 비교할 수 있게 \(exercise.name)의 참조 구현을 볼까요?")
            : say("\(exercise.name) is not finished yet: the solution shows the whole answer. Show it anyway?",
                  "\(exercise.name)은(는) 아직 완료되지 않았습니다. 참조 구현은 답 전체를 보여 줍니다. 그래도 볼까요?")
        guard confirm(question) else {
            write(say("not shown. `:hint \(exercise.name)` gives a hint instead.",
                      "보여 주지 않았습니다. 대신 힌트를 보려면: `:hint \(exercise.name)`"))
            return
        }
        let file = exercise.group.solutionFile
        guard let source = try? String(contentsOfFile: root.file(file), encoding: .utf8),
              let text = FunctionText(function: exercise.name, in: source) else {
            throw CourseError.packageNotFound("cannot read the solution of \(exercise.name) in \(root.file(file))")
        }
        write("\(file):\(text.line)")
        write(text.source)
    }

    // MARK: :reset

    /// Puts one exercise's stub back, after the learner says yes: its body becomes the stub's
    /// again (`Exercise.stubBody`); its doc comment, its signature and the other exercises in
    /// the file stay as they are. Its last check is forgotten.
    public func reset(_ name: String) throws {
        let exercise = try Course.find(name)
        let file = exercise.group.file
        guard let source = try? String(contentsOfFile: root.file(file), encoding: .utf8),
              let text = FunctionText(function: exercise.name, in: source) else {
            throw CourseError.unknownExercise("cannot find `public func \(exercise.name)(` in \(file): "
                + "`git checkout \(file)` puts the whole file back, with every exercise in it as a stub")
        }
        guard text.body != exercise.stubBody else {
            write(say("\(exercise.name) is the untouched stub already (\(file):\(text.line))",
                      "\(exercise.name)은(는) 이미 손대지 않은 스텁입니다 (\(file):\(text.line))"))
            return
        }
        guard confirm(say("Put the stub of \(exercise.name) back in \(file)? The code you wrote in it is lost.",
                          "\(file)의 \(exercise.name)을(를) 스텁으로 되돌릴까요? 그 안에 작성한 코드는 사라집니다.")) else {
            write(say("not reset: \(exercise.name) is as you left it.", "되돌리지 않았습니다: \(exercise.name)은(는) 그대로입니다."))
            return
        }
        try AtomicFile.write(Array(text.replacingBody(with: exercise.stubBody, in: source).utf8), to: root.file(file))
        try progress.update { record in
            record.lastCheck[exercise.name] = nil
            record.finished[exercise.name] = nil
        }
        write(say("\(exercise.name) is the stub again (\(file):\(text.line)); `:exercise \(exercise.name)` shows its contract",
                  "\(exercise.name)이(가) 다시 스텁이 되었습니다 (\(file):\(text.line)). 계약 보기: `:exercise \(exercise.name)`"))
    }

    // MARK: :use

    /// Takes the learner's function for one exercise from now on, without a word: a lesson's
    /// exercise cell does this once the function passes, and says so itself.
    public func useMine(_ name: String) throws {
        let exercise = try Course.find(name)
        guard !learnerFunctions.contains(exercise.name) else { return }
        try compileIfStale()
        learnerFunctions.insert(exercise.name)
        learnerFunctionsChanged(learnerFunctions)
    }

    /// Switches `fit` and the lesson cells between the learner's functions and the reference:
    /// `:use mine` takes the learner's function for every exercise whose last check passed,
    /// `:use mine NAME…` for the named ones as well, `:use reference` puts the reference
    /// back everywhere, `:use reference NAME…` for the named ones. Says in one line which is which.
    public func use(_ argument: String) throws {
        let words = argument.split(whereSeparator: \.isWhitespace).map(String.init)
        guard let choice = words.first?.lowercased(), ["mine", "reference"].contains(choice) else {
            throw CourseError.unknownExercise(say("usage: :use mine [NAME…] (your functions from exercises/ that pass "
                + "their checks, or the named ones) or :use reference [NAME…]",
                "사용법: :use mine [NAME…] (exercises/에서 검사를 통과한 여러분의 함수, 또는 이름을 준 함수) 또는 :use reference [NAME…]"))
        }
        let named = try words.dropFirst().map { try Course.find($0).name }
        let chosen: Set<String>
        switch (choice, named.isEmpty) {
        case ("mine", true): chosen = Set(Course.exercises.map(\.name).filter(progress.record.passes))
        case ("mine", false): chosen = learnerFunctions.union(named)
        case (_, true): chosen = []
        default: chosen = learnerFunctions.subtracting(named)
        }
        if !chosen.isEmpty { try compileIfStale() }
        learnerFunctions = chosen
        learnerFunctionsChanged(learnerFunctions)
        write(selectionLine(nonePassing: choice == "mine" && named.isEmpty))
        if !learnerFunctions.isEmpty {
            write(say("your functions run in a process of their own: if one crashes, the call stops with the report "
                      + "and your variables stay; after an edit, `:reload` runs your latest code",
                      "여러분의 함수는 별도 프로세스에서 실행됩니다: 함수가 비정상 종료해도 호출만 보고와 함께 멈추고 "
                      + "변수는 그대로 남습니다. 코드를 고친 뒤에는 `:reload`로 최신 코드를 실행하세요"))
        }
    }

    /// Compiles the learner's functions when an exercise file changed since they were last
    /// compiled (or never were), so that `:use mine` runs the latest code.
    private func compileIfStale() throws {
        guard !driver.isUpToDate else { return }
        write(say("compiling your exercises…", "연습 문제를 컴파일합니다…"))
        try driver.build(echo: write)
    }

    /// "fit and the lesson cells use your relu, softmax (its checks do not pass yet), and the
    /// reference for the 16 others".
    private func selectionLine(nonePassing: Bool) -> String {
        guard !yours.isEmpty else {
            return nonePassing
                ? say("none of your functions passes its checks yet (`:check NAME`), so fit and the lesson cells use the reference",
                      "아직 검사를 통과한 함수가 없어 fit과 레슨의 셀은 참조 구현을 씁니다 (`:check 이름`)")
                : say("fit and the lesson cells use the reference implementations", "fit과 레슨의 셀은 참조 구현을 씁니다")
        }
        let names = yours.map {
            progress.record.passes($0) ? $0 : $0 + say(" (its checks do not pass yet)", " (아직 검사를 통과하지 못함)")
        }
        let others = Course.exercises.count - yours.count
        return say("fit and the lesson cells use your " + names.joined(separator: ", ")
                       + (others == 0 ? "" : ", and the reference for the \(others) other\(others == 1 ? "" : "s")"),
                   "fit과 레슨의 셀이 쓰는 여러분의 함수: " + names.joined(separator: ", ")
                       + (others == 0 ? "" : " (나머지 \(others)개는 참조 구현)"))
    }

    /// The learner's functions in use, in course order.
    private var yours: [String] { Course.exercises.map(\.name).filter(learnerFunctions.contains) }

    // MARK: :reload

    /// Compiles the learner's latest code and restarts the process that serves their
    /// functions. The variables never leave this session: the learner's code runs only in
    /// that process, so nothing else needs restarting. A failed compile leaves the previous
    /// library serving the calls.
    public func reload() throws {
        write(say("compiling your exercises…", "연습 문제를 컴파일합니다…"))
        try driver.build(echo: write)
        learner.stop()
        write(learnerFunctions.isEmpty
              ? say("compiled: `:use mine` makes fit and the lesson cells use your functions",
                    "컴파일했습니다: `:use mine`을 쓰면 fit과 레슨의 셀이 여러분의 함수를 씁니다")
              : say("compiled: fit and the lesson cells now call your latest " + yours.joined(separator: ", ")
                    + "; your variables are as they were",
                    "컴파일했습니다: 이제 fit과 레슨의 셀이 여러분의 최신 " + yours.joined(separator: ", ")
                    + "을(를) 부릅니다. 변수는 그대로입니다"))
    }
}

extension ExerciseConsole {
    /// A REPL command: its name, what may follow it, one line for `:help` and a paragraph
    /// for `:help NAME`. `run` gets the rest of the line.
    public struct CommandSpec {
        public let name: String
        public let arguments: String
        public let summary: String
        public let help: String
        public let run: (ExerciseConsole, String) throws -> Void

        public init(name: String, arguments: String, summary: String, help: String,
                    run: @escaping (ExerciseConsole, String) throws -> Void) {
            self.name = name
            self.arguments = arguments
            self.summary = summary
            self.help = help
            self.run = run
        }
    }

    /// `:exercise :check :hint :solution :reset :use :reload`, ready to register in the REPL's command table.
    public static let commands: [CommandSpec] = [
        CommandSpec(name: "exercise", arguments: "[NAME]", summary: "an exercise's contract and status, or all of them",
                    help: "Without a name, lists the exercises by lesson with their file, line and status. With one (:exercise softmax), shows its file and line, its signature, its contract (shapes in and out, the formula) and its status.") { console, argument in
            argument.isEmpty ? console.list() : try console.show(argument)
        },
        CommandSpec(name: "check", arguments: "NAME … | --all", summary: "compile your exercises and check them",
                    help: "Compiles your code in exercises/ (compiler errors are shown with their file and line) and runs the named exercise's checks: fixed inputs, the expected values from the reference solution, and for each failing case the shapes, the expected and actual values and the first index where they differ. --all checks every exercise and prints a table. An exercise that passes every case is recorded as finished.") { console, argument in
            let words = argument.split(whereSeparator: \.isWhitespace).map(String.init)
            try console.check(words.filter { $0 != "--all" }, all: words.contains("--all"))
        },
        CommandSpec(name: "hint", arguments: "NAME", summary: "the next hint for an exercise",
                    help: "Gives one more hint each time, from a nudge to nearly the answer; never the whole answer at once. The hints seen are remembered.") { console, argument in
            try console.hint(argument)
        },
        CommandSpec(name: "solution", arguments: "NAME", summary: "the reference solution (asks first)",
                    help: "Shows the reference solution of an exercise, after asking you to confirm: try the hints first.") { console, argument in
            try console.solution(argument)
        },
        CommandSpec(name: "reset", arguments: "NAME", summary: "put one exercise's stub back (asks first)",
                    help: "Puts the stub of one exercise back in its file (:reset softmax), after asking: the body you wrote is replaced by the stub's START CODE HERE … END CODE HERE; the other exercises in the file are left as they are. Use it when an exercise no longer compiles and you want to start it again.") { console, argument in
            try console.reset(argument)
        },
        CommandSpec(name: "use", arguments: "mine | reference [NAME …]", summary: "train with your own functions or the reference",
                    help: ":use mine makes fit(...) and the lesson cells run your functions from exercises/ that pass their checks (the forward and backward passes, the losses, the SGD step, the mini-batches), and the reference for the others; :use mine softmax takes your softmax whether or not it passes. :use reference switches everything back, :use reference softmax one function. Your functions run in a process of their own: if one crashes, the call stops with the crash report (file:line:column) and your variables stay. After editing your code, :reload runs the new version.") { console, argument in
            try console.use(argument)
        },
        CommandSpec(name: "reload", arguments: "", summary: "compile your exercises and use the new code",
                    help: "Compiles your code in exercises/ (compiler errors are shown, and the previous compile goes on serving) and restarts the process your functions run in, so that :use mine, fit and the lesson cells call your latest code. Your variables stay as they are.") { console, _ in
            try console.reload()
        },
    ]
}
