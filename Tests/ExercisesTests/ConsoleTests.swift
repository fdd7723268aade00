import Foundation
import ChildProcesses
import Course
import CourseConsole
import ExerciseCalls
import ReferenceSolutions
import Support
import Tensor
import XCTest

/// The exercise commands other than checking: the list, the contract, hints one at a
/// time, the solution only after a yes, :use, and the progress file behind them.
final class ConsoleTests: XCTestCase {
    private var output: [String] = []
    private var answers: [Bool] = []
    private var questions: [String] = []

    private func console(progressPath: String? = nil) throws -> ExerciseConsole {
        let path = try progressPath ?? temporaryFolder(self) + "/state/mlplab/progress.json"
        return ExerciseConsole(root: PackageRoot(path: repositoryRoot, configuration: "debug"),
                               progress: try ExerciseProgressFile(file: ProgressFile(path: path)),
                               write: { [unowned self] in output.append($0) },
                               confirm: { [unowned self] in questions.append($0); return answers.removeFirst() })
    }

    func testHintsComeOneAtATimeAndAreRemembered() throws {
        let path = try temporaryFolder(self) + "/progress.json"
        let first = try console(progressPath: path)
        let hints = try Course.find("softmax").hints
        try first.hint("softmax")
        XCTAssertEqual(output, ["hint 1 of 3 for softmax: " + hints[0], "(`:hint softmax` again for the next one)"])
        output = []
        try first.hint("softmax")
        XCTAssertEqual(output.first, "hint 2 of 3 for softmax: " + hints[1])

        output = []
        let reopened = try console(progressPath: path)
        try reopened.hint("softmax")
        XCTAssertEqual(output, ["hint 3 of 3 for softmax: " + hints[2]])
        output = []
        try reopened.hint("softmax")
        XCTAssertEqual(output, ["no more hints for softmax: you have seen all 3. `:solution softmax` shows the reference solution."])
    }

    func testEveryExerciseHasHintsThatDoNotStartWithTheWholeAnswer() throws {
        for exercise in Course.exercises {
            XCTAssertGreaterThanOrEqual(exercise.hints.count, 1, exercise.name)
            XCTAssertFalse(exercise.hints[0].contains("return "), "\(exercise.name): the first hint is a nudge, not code")
        }
    }

    func testTheSolutionIsShownOnlyAfterAYes() throws {
        let console = try console()
        answers = [false]
        try console.solution("softmax")
        XCTAssertEqual(questions, ["softmax is not finished yet: the solution shows the whole answer. Show it anyway?"])
        XCTAssertEqual(output, ["not shown. `:hint softmax` gives a hint instead."])

        output = []
        answers = [true]
        try console.solution("softmax")
        let location = try XCTUnwrap(output.first)
        XCTAssertTrue(location.hasPrefix("Sources/ReferenceSolutions/03-forward.swift:"), location)
        let line = try XCTUnwrap(Int(location.split(separator: ":").last!))
        let file = try String(contentsOfFile: repositoryRoot + "/Sources/ReferenceSolutions/03-forward.swift", encoding: .utf8)
        XCTAssertTrue(file.split(separator: "\n", omittingEmptySubsequences: false)[line - 1].hasPrefix("public func softmax("))
        XCTAssertTrue(output[1].hasPrefix("/// Reference for `softmax`"), output[1])
        XCTAssertTrue(output[1].contains("x.max(axis: -1, keepdims: true)"), output[1])
    }

    func testShowPrintsTheFileLineSignatureContractAndStatus() throws {
        let console = try console()
        try console.show("linear_backward")
        XCTAssertEqual(output[0], "linearBackward — lesson 5, the backward pass")
        XCTAssertTrue(output[1].hasPrefix("exercises/05-backward.swift:"), output[1])
        XCTAssertEqual(output[3], "    public func linearBackward(_ dOut: Tensor, x: Tensor, W: Tensor) throws -> (dW: Tensor, db: Tensor, dx: Tensor)")
        XCTAssertTrue(output.contains("    dOut: (N, H), dLoss/dout; x: (N, D), the input of the forward pass; W: (D, H)"), "\(output)")
        XCTAssertTrue(output.last!.hasPrefix("status: · not started. 4 checks"), output.last!)
    }

    /// The manifest's Korean texts of one exercise, read here independently of the code under test.
    private func korean(_ name: String) throws -> [String: Any] {
        let data = try Data(contentsOf: URL(fileURLWithPath: repositoryRoot + "/Sources/Course/course.json"))
        let manifest = try XCTUnwrap(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let entries = try XCTUnwrap(manifest["exercises"] as? [[String: Any]])
        return try XCTUnwrap(entries.first { $0["name"] as? String == name })
    }

    /// The process that runs the learner's functions reports a crash in the console's
    /// language, also when it was made before the language changed (`:lang ko`).
    func testTheLearnersProcessFollowsTheConsolesLanguage() throws {
        let console = try console()
        let learner = console.learner
        console.language = .ko
        XCTAssertEqual(learner.driver.language, .ko)
        console.language = .en
        XCTAssertEqual(learner.driver.language, .en)
    }

    /// Under `--lang ko` the console speaks Korean: the contract (the manifest's, while the
    /// stub's doc comment stays English), the list, the hints, the status and the check's lines.
    func testUnderKoreanTheConsoleSpeaksKorean() throws {
        let console = try console()
        console.language = .ko
        try console.show("linearBackward")
        XCTAssertEqual(output[0], "linearBackward — 레슨 5")
        XCTAssertEqual(output[3], "    public func linearBackward(_ dOut: Tensor, x: Tensor, W: Tensor) throws -> (dW: Tensor, db: Tensor, dx: Tensor)")
        let contract = try XCTUnwrap(try korean("linearBackward")["contract_ko"] as? [String])
        XCTAssertEqual(Array(output[5..<(5 + contract.count)]), contract.map { "    " + $0 })
        XCTAssertFalse(output.contains { $0.contains("the input of the forward pass") }, "no English contract: \(output)")
        XCTAssertTrue(output.last!.hasPrefix("상태: · 시작 전. 검사 4개 실행: `:check linearBackward` · 힌트 보기"), output.last!)

        output = []
        try console.hint("softmax")
        let hints = try XCTUnwrap(try korean("softmax")["hints_ko"] as? [String])
        XCTAssertEqual(output, ["softmax 힌트 1/3: " + hints[0], "(다음 힌트: `:hint softmax`)"])

        output = []
        console.list()
        XCTAssertEqual(output[0], "레슨 1 — exercises/01-loading.swift")
        let line = try XCTUnwrap(output.firstIndex { $0.hasPrefix("  softmax ") })
        XCTAssertEqual(output[line + 1], "      " + (try XCTUnwrap(try korean("softmax")["summary_ko"] as? String)))
        XCTAssertEqual(output[line + 2], "      x: (C,) 또는 (N, C) float64 점수 → 같은 형상, float64.")

        // A check: its header and the cases' lines, from a runner that answers one case.
        try useFreshBuild(in: console)
        try "#!/bin/sh\necho '{\"details\":[],\"exercise\":\"relu\",\"index\":1,\"status\":\"failed\",\"title\":\"x\",\"total\":1}'\n"
            .write(toFile: console.driver.runner, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: console.driver.runner)
        output = []
        XCTAssertFalse(try console.check(["relu"]))
        XCTAssertEqual(output[0], "연습 문제를 컴파일합니다…")
        XCTAssertTrue(output[1].hasPrefix("relu: " + (try XCTUnwrap(try korean("relu")["summary_ko"] as? String)) + "  (exercises/03-forward.swift:"),
                      output[1])
        XCTAssertTrue(output.contains("  ✗ 1/1 x"), "\(output)")
        XCTAssertTrue(output.contains("  케이스 1개 중 0개 통과 (실패 1개)"), "\(output)")
    }

    func testTheListHasEveryExerciseWithItsFileAndStatus() throws {
        let console = try console()
        console.list()
        for exercise in Course.exercises {
            let index = try XCTUnwrap(output.firstIndex { $0.hasPrefix("  \(exercise.name) ") }, exercise.name)
            let line = output[index]
            XCTAssertTrue(line.contains(exercise.group.file + ":"), line)
            XCTAssertEqual(output[index + 1], "      " + exercise.summary)
            XCTAssertTrue(output[index + 2].contains("→"), "the shapes in and out: \(output[index + 2])")
            XCTAssertTrue(line.contains("· not started") || line.contains("edited"), line)
        }
        XCTAssertEqual(output.filter { $0.hasPrefix("lesson ") }.count, 6)
    }

    func testUnknownNamesSuggestTheClosest() throws {
        let console = try console()
        XCTAssertThrowsError(try console.hint("sofmax")) { error in
            XCTAssertEqual("\(error)", "there is no exercise called 'sofmax'; did you mean 'softmax'? (`:exercise` or `mlplab check --list` lists them)")
        }
        XCTAssertEqual(Course.exercise(named: "Linear_Backward")?.name, "linearBackward")
    }

    func testUseMineTakesTheFunctionsThatPassAndTheReferenceForTheOthers() throws {
        let path = try temporaryFolder(self) + "/progress.json"
        let store = try ExerciseProgressFile(file: ProgressFile(path: path))
        let (relu, softmax) = (try Course.find("relu"), try Course.find("softmax"))
        try store.recordCheck(of: relu, results: try Checker.runAll(relu, with: .reference))
        try store.recordCheck(of: softmax, results: try Checker.runAll(softmax, with: .untouchedStubs))
        let console = try console(progressPath: path)
        try useFreshBuild(in: console)
        var told: [Set<String>] = []
        console.learnerFunctionsChanged = { told.append($0) }

        try console.use("mine")
        XCTAssertEqual(console.learnerFunctions, ["relu"])
        let others = Course.exercises.count - 1     // the course's size, so that adding an exercise changes no test
        XCTAssertEqual(output.first, "fit and the lesson cells use your relu, and the reference for the \(others) others")
        output = []
        try console.use("mine softmax")
        XCTAssertEqual(console.learnerFunctions, ["relu", "softmax"])
        XCTAssertEqual(output.first, "fit and the lesson cells use your relu, softmax (its checks do not pass yet), "
                       + "and the reference for the \(others - 1) others")
        try console.use("reference relu")
        XCTAssertEqual(console.learnerFunctions, ["softmax"])
        output = []
        try console.use("reference")
        XCTAssertEqual(console.learnerFunctions, [])
        XCTAssertEqual(output, ["fit and the lesson cells use the reference implementations"])
        XCTAssertEqual(told, [["relu"], ["relu", "softmax"], ["softmax"], []])

        XCTAssertThrowsError(try console.use("mine sofmax")) { error in
            XCTAssertTrue("\(error)".contains("did you mean 'softmax'?"), "\(error)")
        }
        XCTAssertThrowsError(try console.use("yours")) { error in
            XCTAssertTrue("\(error)".hasPrefix("usage: :use mine [NAME…]"), "\(error)")
        }
        XCTAssertEqual(console.learnerFunctions, [], "a refused :use changes nothing")
    }

    func testUseMineWithNothingPassingSaysTheReferenceStays() throws {
        let console = try console()
        try console.use("mine")
        XCTAssertEqual(console.learnerFunctions, [])
        XCTAssertEqual(output, ["none of your functions passes its checks yet (`:check NAME`), so fit and the lesson cells use the reference"])
    }

    /// Each exercise's name picks exactly its own function: the checks go as with the
    /// learner's functions when only that name is chosen, as with the reference when all but
    /// that one are (with the repository's untouched stubs: "not implemented" against "passed").
    func testChoosingTakesEachExercisesFunctionByItsName() throws {
        for exercise in Course.exercises {
            let statuses = { (implementations: Implementations) in try Checker.runAll(exercise, with: implementations).map(\.status) }
            XCTAssertEqual(try statuses(.choosing({ $0 == exercise.name }, from: .untouchedStubs)), try statuses(.untouchedStubs), exercise.name)
            XCTAssertEqual(try statuses(.choosing({ $0 != exercise.name }, from: .untouchedStubs)), try statuses(.reference), exercise.name)
        }
    }

    /// :reset rewrites one body in a copy of the package's file: the result is the shipped
    /// file with only the other exercise's edit left in it.
    func testResetPutsOneStubBackAndLeavesTheOtherExercisesAlone() throws {
        let package = try temporaryFolder(self)
        try FileManager.default.createDirectory(atPath: package + "/exercises", withIntermediateDirectories: true)
        let file = package + "/exercises/03-forward.swift"
        let shipped = try String(contentsOfFile: repositoryRoot + "/exercises/03-forward.swift", encoding: .utf8)
        let stub = { (name: String) in "    throw ExerciseError.notImplemented(\"\(name)\")" }
        let mine = { (name: String) in "    return x  // my \(name)" }
        let reluEdited = shipped.replacingOccurrences(of: stub("relu"), with: mine("relu"))
        try reluEdited.replacingOccurrences(of: stub("softmax"), with: mine("softmax") + "\n    }\n    {")
            .write(toFile: file, atomically: true, encoding: .utf8)
        let progress = try ExerciseProgressFile(file: ProgressFile(path: package + "/progress.json"))
        let softmax = try Course.find("softmax")
        try progress.recordCheck(of: softmax, results: try Checker.runAll(softmax, with: .reference))
        let console = ExerciseConsole(root: PackageRoot(path: package, configuration: "release"), progress: progress,
                                      write: { [unowned self] in output.append($0) },
                                      confirm: { [unowned self] in questions.append($0); return answers.removeFirst() })

        answers = [false]
        try console.reset("softmax")
        XCTAssertEqual(output, ["not reset: softmax is as you left it."])
        XCTAssertTrue(try String(contentsOfFile: file, encoding: .utf8).contains(mine("softmax")))

        output = []
        answers = [true]
        try console.reset("softmax")
        XCTAssertEqual(questions.last, "Put the stub of softmax back in exercises/03-forward.swift? The code you wrote in it is lost.")
        XCTAssertEqual(try String(contentsOfFile: file, encoding: .utf8), reluEdited)
        XCTAssertTrue(output[0].hasPrefix("softmax is the stub again (exercises/03-forward.swift:"), output[0])
        XCTAssertNil(progress.record.lastCheck["softmax"])
        XCTAssertNil(progress.record.finished["softmax"])

        output = []
        try console.reset("softmax")
        XCTAssertTrue(output[0].hasPrefix("softmax is the untouched stub already"), output[0])
        XCTAssertEqual(answers, [], "nothing is asked when there is nothing to reset")
    }

    func testEveryShippedStubIsTheBodyResetPutsBack() throws {
        for exercise in Course.exercises {
            let source = try String(contentsOfFile: repositoryRoot + "/" + exercise.group.file, encoding: .utf8)
            let function = try XCTUnwrap(FunctionText(function: exercise.name, in: source), exercise.name)
            XCTAssertEqual(function.body, exercise.stubBody, exercise.name)
        }
    }

    /// :reload compiles the learner's library and restarts the process their functions run
    /// in, nothing else: a failed compile is reported and leaves the functions in use as they
    /// were; one that succeeds says the latest code is in use. (ReloadTests runs it on the
    /// real binary after an edit.)
    func testReloadCompilesTheLibraryAndKeepsTheChoiceWhenTheCompileFails() throws {
        let console = try console()
        try useFreshBuild(in: console)
        try console.use("mine relu")
        let edited = try editedExercises()
        console.driver.library.exercises = edited
        console.driver.library.swiftc = edited + "/no-swiftc"
        output = []
        XCTAssertThrowsError(try console.reload()) { error in
            XCTAssertEqual("\(error)", "cannot find \(edited)/no-swiftc on the PATH: install Swift 6, or set SWIFTC to its swiftc")
        }
        XCTAssertEqual(output, ["compiling your exercises…"])
        XCTAssertEqual(console.learnerFunctions, ["relu"])

        console.driver.library.exercises = try temporaryFolder(self)      // the edit compiled
        output = []
        try console.reload()
        XCTAssertEqual(output, ["compiling your exercises…",
                                "compiled: fit and the lesson cells now call your latest relu; your variables are as they were"])
    }

    /// `:use mine` compiles the learner's library first when it is missing or older than an
    /// exercise file: the compile that fails here (no compiler) shows that it was tried, and
    /// a failed compile leaves the reference in use.
    func testUseMineCompilesAMissingOrStaleLibraryFirst() throws {
        let console = try console()
        try useFreshBuild(in: console)
        console.driver.library.swiftc = "/nonexistent/swiftc"
        let edited = try editedExercises()
        for stale in ["missing", "older than an exercise file"] {
            if stale == "missing" { unlink(console.driver.library.path) } else { console.driver.library.exercises = edited }
            XCTAssertNotNil(console.driver.library.staleBecause(of: [console.driver.runner]), stale)
            output = []
            XCTAssertThrowsError(try console.use("mine relu"), stale)
            XCTAssertEqual(output.first, "compiling your exercises…", stale)
            XCTAssertEqual(console.learnerFunctions, [], stale)
            try useFreshBuild(in: console)
            console.driver.library.swiftc = "/nonexistent/swiftc"
        }
        console.driver.library.exercises = try temporaryFolder(self)
        output = []
        try console.use("mine relu")
        XCTAssertEqual(console.learnerFunctions, ["relu"])
        XCTAssertFalse(output.contains("compiling your exercises…"), "an up-to-date library is not compiled again: \(output)")
    }

    /// A runner and a library written now, newer than every exercise file: a build made after the last edit.
    private func useFreshBuild(in console: ExerciseConsole) throws {
        let folder = try temporaryFolder(self)
        console.driver.runner = folder + "/mlplab-exercises"
        console.driver.library.folder = folder
        XCTAssertTrue(FileManager.default.createFile(atPath: console.driver.runner, contents: Data("#!/bin/sh\n".utf8),
                                                    attributes: [.posixPermissions: 0o755]))
        XCTAssertTrue(FileManager.default.createFile(atPath: console.driver.library.path, contents: Data(),
                                                    attributes: [.modificationDate: Date().addingTimeInterval(60)]))
    }

    /// A folder of exercises with a file edited after any build `useFreshBuild` makes.
    private func editedExercises() throws -> String {
        let folder = try temporaryFolder(self)
        XCTAssertTrue(FileManager.default.createFile(atPath: folder + "/03-forward.swift", contents: Data(),
                                                    attributes: [.modificationDate: Date().addingTimeInterval(120)]))
        return folder
    }

    func testAPassingCheckIsRecordedAsFinishedAndShownPerLesson() throws {
        let path = try temporaryFolder(self) + "/state/mlplab/progress.json"
        let store = try ExerciseProgressFile(file: ProgressFile(path: path))
        let relu = try Course.find("relu")
        try store.recordCheck(of: relu, results: try Checker.runAll(relu, with: .reference), at: Date(timeIntervalSince1970: 0))
        try store.recordCheck(of: try Course.find("softmax"), results: try Checker.runAll(try Course.find("softmax"), with: .untouchedStubs))

        let reopened = try ExerciseProgressFile(file: ProgressFile(path: path))
        XCTAssertEqual(reopened.record.finished, ["relu": Date(timeIntervalSince1970: 0)])
        XCTAssertEqual(reopened.record.lastCheck["relu"], CheckSummary(passed: 3, total: 3, text: "all 3 cases pass"))
        XCTAssertEqual(reopened.record.lastCheck["softmax"], CheckSummary(passed: 0, total: 5, text: "not implemented yet"))
        let forward = Course.exercises.filter { $0.group.file == "exercises/03-forward.swift" }.map(\.name)
        XCTAssertEqual(reopened.lessonLines()[2], "3 the forward pass: 1 of \(forward.count) exercises finished: "
                       + forward.map { ($0 == "relu" ? "✓ " : "· ") + $0 }.joined(separator: "  "))
        XCTAssertEqual(Array(forward.prefix(2)), ["sigmoid", "relu"])
        let saved = try String(contentsOfFile: path, encoding: .utf8)
        XCTAssertTrue(saved.contains("\"relu\" : \"1970-01-01T00:00:00Z\""), saved)
    }

    func testADamagedProgressFileIsRefusedNotOverwritten() throws {
        let path = try temporaryFolder(self) + "/progress.json"
        try "{ not json".write(toFile: path, atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try ExerciseProgressFile(file: ProgressFile(path: path))) { error in
            XCTAssertTrue("\(error)".hasPrefix("cannot use the progress in \(path): "), "\(error)")
            XCTAssertTrue("\(error)".hasSuffix("; correct it, or move the file away to start afresh"), "\(error)")
        }
        XCTAssertEqual(try String(contentsOfFile: path, encoding: .utf8), "{ not json")
    }

    /// Every value is checked when the file is read: each bad one is refused with the
    /// file and the field, and the file is left as the learner had it. (A hint count
    /// of -1 was accepted, and `:hint` then read the hint at index -1.)
    func testOutOfRangeValuesAreRefusedNamingTheField() throws {
        let path = try temporaryFolder(self) + "/progress.json"
        func record(version: Int = 2, finished: String = "{}", lastCheck: String = "{}", hints: String = "{}") -> String {
            "{\"format_version\": \(version), \"exercises\": "
                + "{\"finished\": \(finished), \"lastCheck\": \(lastCheck), \"hintsShown\": \(hints)}}"
        }
        let cases: [(json: String, reason: String)] = [
            (record(hints: "{\"parseIDXHeader\": -1}"), "'exercises.hintsShown.parseIDXHeader' is -1; a number of hints is 0 or more"),
            (record(hints: "{\"relu\": \"two\"}"), "'exercises.hintsShown.relu' has the wrong type (expected Int)"),
            (record(hints: "{\"parseIdxHeader\": 1}"),
             "'exercises.hintsShown.parseIdxHeader' is about an exercise this course does not have"),
            (record(finished: "{\"backprop\": \"2026-12-01T09:14:03Z\"}"),
             "'exercises.finished.backprop' is about an exercise this course does not have"),
            (record(lastCheck: "{\"relu\": {\"passed\": 4, \"total\": 3, \"text\": \"all 3 cases pass\"}}"),
             "'exercises.lastCheck.relu' says 4 of 3 cases passed"),
            (record(lastCheck: "{\"relu\": {\"passed\": -1, \"total\": 3, \"text\": \"\"}}"),
             "'exercises.lastCheck.relu' says -1 of 3 cases passed"),
            (record(lastCheck: "{\"relu\": {\"passed\": 3, \"text\": \"\"}}"), "'exercises.lastCheck.relu.total' is missing"),
            (record(version: 0), "'format_version' is 0; this mlplab reads format 2"),
            (record(version: 3), "'format_version' is 3: the file was written by a newer mlplab; update mlplab"),
        ]
        for (json, reason) in cases {
            try json.write(toFile: path, atomically: true, encoding: .utf8)
            XCTAssertThrowsError(try ExerciseProgressFile(file: ProgressFile(path: path)), json) { error in
                XCTAssertEqual("\(error)", "cannot use the progress in \(path): \(reason); "
                               + "correct it, or move the file away to start afresh")
            }
            XCTAssertEqual(try String(contentsOfFile: path, encoding: .utf8), json)
        }
        // The same layout with sound values opens; a field left out is empty.
        try record(finished: "{\"relu\": \"2026-12-01T09:14:03Z\"}", hints: "{\"parseIDXHeader\": 0, \"relu\": 3}")
            .write(toFile: path, atomically: true, encoding: .utf8)
        XCTAssertEqual(try ExerciseProgressFile(file: ProgressFile(path: path)).record.hintsShown, ["parseIDXHeader": 0, "relu": 3])
        try "{\"format_version\": 2, \"exercises\": {\"hintsShown\": {\"relu\": 1}}}".write(toFile: path, atomically: true, encoding: .utf8)
        let partial = try ExerciseProgressFile(file: ProgressFile(path: path)).record
        XCTAssertEqual(partial.hintsShown, ["relu": 1])
        XCTAssertEqual(partial.finished, [:])
        XCTAssertEqual(partial.lastCheck, [:])
    }

    func testTheProgressFileLivesUnderXDGStateHome() throws {
        XCTAssertEqual(try ExerciseProgressFile(environment: ["XDG_STATE_HOME": "/s", "HOME": "/h"]).file.path, "/s/mlplab/progress.json")
        XCTAssertEqual(try ExerciseProgressFile(environment: ["HOME": "/h"]).file.path, "/h/.local/state/mlplab/progress.json")
        XCTAssertThrowsError(try ExerciseProgressFile(environment: [:])) { error in
            XCTAssertEqual("\(error)", "neither XDG_STATE_HOME nor HOME is set to an absolute path: there is no place to keep the progress; set HOME")
        }
    }

    func testThePackageIsFoundFromTheProgramsPath() throws {
        let root = try PackageRoot.locate(executable: repositoryRoot + "/.build/x86_64-unknown-linux-gnu/release/mlplab",
                                          environment: [:], currentDirectory: "/")
        XCTAssertEqual(root, PackageRoot(path: repositoryRoot, configuration: "release"))
        XCTAssertEqual(try PackageRoot.locate(executable: "/usr/bin/mlplab", environment: [:], currentDirectory: repositoryRoot + "/exercises"),
                       PackageRoot(path: repositoryRoot, configuration: "release"))
        XCTAssertEqual(try PackageRoot.locate(executable: "/usr/bin/mlplab", environment: [:], currentDirectory: repositoryRoot).path,
                       repositoryRoot)
        XCTAssertThrowsError(try PackageRoot.locate(executable: "/usr/bin/mlplab", environment: [:], currentDirectory: "/")) { error in
            XCTAssertTrue("\(error)".hasPrefix("cannot find the mlplab installation"), "\(error)")
            XCTAssertTrue("\(error)".contains("set MLPLAB_HOME"), "\(error)")
        }
    }

    func testMLPLABHOMEComesFirstAndMustBeThePackage() throws {
        let executable = repositoryRoot + "/.build/debug/mlplab"
        XCTAssertEqual(try PackageRoot.locate(executable: executable, environment: ["MLPLAB_HOME": repositoryRoot + "/exercises/.."],
                                              currentDirectory: "/"),
                       PackageRoot(path: repositoryRoot, configuration: "debug"))
        XCTAssertThrowsError(try PackageRoot.locate(executable: executable, environment: ["MLPLAB_HOME": repositoryRoot + "/lessons"],
                                                    currentDirectory: "/")) { error in
            XCTAssertEqual("\(error)", "\(repositoryRoot)/lessons (MLPLAB_HOME) is not the mlplab package: it lacks "
                           + "Package.swift or exercises/; set MLPLAB_HOME to the repository's folder")
        }
    }

    func testTheAllTableCountsFinishedFailingAndWaitingExercises() throws {
        var broken = Implementations.reference
        broken["relu"] = ExerciseFunction { (x: Tensor) in x }
        let rows = try ["sigmoid", "relu", "softmax"].map { name -> (exercise: Exercise, results: [CaseResult]) in
            let exercise = try Course.find(name)
            return (exercise, try Checker.runAll(exercise, with: name == "softmax" ? .untouchedStubs : broken))
        }
        XCTAssertEqual(CheckReport.table(rows), [
            "exercise  lesson  result",
            "sigmoid   3       ✓ all 5 cases pass",
            "relu      3       ✗ 0 of 3 cases pass (3 failed)",
            "softmax   3       · not implemented yet",
            "1 of 3 exercises pass, 1 have failing cases, 1 not implemented yet",
        ])
    }
}
