import Course
import Foundation
import TensorComparison

/// What `mlplab check` and `:check` do: compile the learner's exercises/ into their library
/// (`LearnerLibrary`), then run each exercise's cases in the `mlplab-exercises` runner, a
/// child process that loads that library, so that a crash or an endless loop in the
/// learner's code ends only that process.
public struct CheckDriver {
    public let root: PackageRoot
    /// The runner program, which `swift build` builds with mlplab; built here when it is missing.
    public var runner: String
    /// The learner's functions, compiled.
    public var library: LearnerLibrary
    /// A case that prints nothing for this long is stopped and reported as timed out.
    public var caseTimeLimit: Double = 20
    /// The `swift` that builds the runner: `$SWIFT`, else the one on the PATH.
    public var swift = ProcessInfo.processInfo.environment["SWIFT"] ?? "swift"
    /// The language of the cases' details.
    public var language = ReportLanguage.en

    /// A driver for the exercises of `root`, with the runner and modules of its build folder.
    public init(root: PackageRoot) {
        self.root = root
        runner = root.binPath + "/mlplab-exercises"
        library = LearnerLibrary(package: root, products: root.binPath)
    }

    /// Makes the learner's library up to date, passing the compiler's messages (errors with
    /// their file, line and source) to `echo`: builds the runner first if it is missing or
    /// older than the modules the library is compiled against, then compiles the library if
    /// an exercise file changed since. Returns the seconds it took.
    @discardableResult
    public func build(echo: (String) -> Void) throws -> Double {
        let started = Date()
        if runnerIsStale {
            echo("building the checks' runner (once, with swift build)…")
            try buildRunner(echo: echo)
        }
        if library.staleBecause(of: [runner]) != nil { try library.compile(dependencies: [runner], echo: echo) }
        return Date().timeIntervalSince(started)
    }

    /// Whether the runner and the learner's library are built, from the exercise files as they are now.
    public var isUpToDate: Bool {
        !runnerIsStale && library.staleBecause(of: [runner]) == nil
    }

    /// Whether the runner is missing, or older than a module the learner's library imports.
    var runnerIsStale: Bool {
        guard let built = modificationTime(runner) else { return true }
        let modules = ["Tensor", "ExerciseCalls", "Course"].map { library.products + "/Modules/\($0).swiftmodule" }
        return modules.contains { (modificationTime($0) ?? .distantPast) > built }
    }

    /// `swift build --product mlplab-exercises` in the running program's configuration, its
    /// messages without the progress lines passed to `echo`.
    private func buildRunner(echo: (String) -> Void) throws {
        let child = ChildProcess(executable: swift, arguments: ["build", "--package-path", root.path, "-c", root.configuration,
                                                                "--product", "mlplab-exercises"])
        let result = try child.run { line in
            if !Self.isProgress(line) { echo(line) }
        }
        // swift build writes its own failures (a locked or broken package) to standard error.
        result.standardError.split(separator: "\n").map(String.init).filter { !Self.isProgress($0) }.forEach(echo)
        guard result.termination == .exited(0) else {
            throw CourseError.buildFailed("the build failed: fix the errors above (file:line:column: error: …), then check again")
        }
    }

    /// Lines of `swift build` that only report progress.
    public static func isProgress(_ line: String) -> Bool {
        let prefixes = ["Building for ", "Build of product", "Build complete", "Compiling ", "Planning build",
                        "Write ", "Emitting module", "Linking ", "Applying ", "[", "Computing version", "Fetching ",
                        "Fetched ", "Creating working copy", "Working copy", "Updating ", "Updated ", "Resolving "]
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        if trimmed.isEmpty { return true }
        if trimmed.hasPrefix("["), trimmed.range(of: #"^\[\d+/\d+\]"#, options: .regularExpression) == nil { return false }
        return prefixes.contains { trimmed.hasPrefix($0) }
    }

    /// Runs every case of `exercise` in the runner. A case that crashes or times out is
    /// reported as such (with the runtime's message), and the runner starts again at the
    /// next case. `onResult` hears about each case as soon as it is known.
    public func run(_ exercise: Exercise, onResult: (CaseResult) -> Void = { _ in }) throws -> [CaseResult] {
        var results: [CaseResult] = []
        var next = 1
        var total: Int?
        let decoder = JSONDecoder()
        repeat {
            var child = ChildProcess(executable: runner, arguments: ["--json", "--from", "\(next)", "--lang", language.rawValue,
                                                                     "--library", library.path, exercise.name])
            child.environment = ["SWIFT_BACKTRACE": Self.backtraceSettings]
            child.silenceLimit = caseTimeLimit
            let outcome = try child.run { line in
                guard let result = try? decoder.decode(CaseResult.self, from: Data(line.utf8)) else { return }
                results.append(result)
                total = result.total
                onResult(result)
            }
            let stopped = (results.last?.index ?? next - 1) + 1
            switch outcome.termination {
            case .exited(0):
                return results
            case .exited(let code):
                throw CourseError.runnerFailed("the checks of \(exercise.name) stopped with exit status \(code): "
                    + outcome.standardError.trimmingCharacters(in: .whitespacesAndNewlines))
            case .signalled, .timedOut:
                let count = try total ?? exercise.cases().count
                total = count
                guard stopped <= count else { return results }
                let title = try exercise.cases()[stopped - 1].title
                let crash = CaseResult(exercise: exercise.name, index: stopped, total: count, title: title,
                                       status: outcome.termination == .timedOut ? .timedOut : .crashed,
                                       details: Self.explain(outcome, timeLimit: caseTimeLimit, exercises: library.exercises))
                results.append(crash)
                onResult(crash)
                next = stopped + 1
            }
        } while next <= (total ?? next)
        return results
    }

    /// Swift's crash report, short and plain: the frames of the crashed thread only.
    static let backtraceSettings = "enable=yes,interactive=no,color=no,sanitize=no,threads=crashed,registers=none,images=none,limit=40"

    /// Why the runner stopped: the signal and what it usually means, the runtime's error
    /// line, and the frames of the crash report that are in the learner's files, in `exercises`.
    static func explain(_ outcome: ChildProcess.Result, timeLimit: Double, exercises: String) -> [String] {
        switch outcome.termination {
        case .timedOut:
            return ["no result after \(Int(timeLimit)) s: an endless loop? (the case was stopped)"]
        case .signalled(let signal):
            let lines = outcome.standardError.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
            let fatal = lines.filter { $0.contains("Fatal error") }
            let frames = lines.compactMap { learnerFrame($0, exercises: exercises) }
            var details = ["the function crashed: \(signalDescription(signal))"]
            details += fatal.prefix(2).map { "  " + $0 }
            details += frames.prefix(4).map { "  in your code: " + $0 }
            return details
        case .exited(let code):
            return ["the runner exited with status \(code)"]
        }
    }

    /// "relu(_:) at exercises/03-forward.swift:34:47" from a crash report frame like
    /// `3 [ra] 0x… relu(_:) + 452 in libExercises.so at EXERCISES/03-forward.swift:34:47`.
    static func learnerFrame(_ line: String, exercises: String) -> String? {
        let folder = exercises + "/"
        guard let at = line.range(of: " at " + folder) else { return nil }
        let location = "exercises/" + line[at.upperBound...]
        guard let address = line.range(of: #"0x[0-9a-f]+ "#, options: .regularExpression),
              let plus = line.range(of: " + ", range: address.upperBound..<at.lowerBound) else { return location }
        return line[address.upperBound..<plus.lowerBound] + " at " + location
    }
}
