#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Course
import Foundation

/// How long a check takes after the learner edits one function, as `mlplab bench` reports
/// it: on a copy of exercises/ whose every stub is completed with its reference body (so
/// that every case runs, and passes), one statement is added to one function, and the
/// check compiles the learner's library and runs that exercise's cases in the runner, as
/// `:check NAME` does. The copy's first check, which fills the compiler's module cache
/// once, is not counted.
///
/// Each check is timed on the clock and in CPU time (this process's and its children's:
/// the compiler's tools and the runner), which does not grow when other programs share
/// the processors.
public struct CheckBenchmark {
    public let root: PackageRoot
    /// The exercise edited and checked.
    public var exercise = "softmax"

    public init(root: PackageRoot) {
        self.root = root
    }

    /// One check's time: on the clock, and of the processors.
    public struct Timing {
        public let seconds: Double
        public let cpuSeconds: Double
    }

    /// The times of `times` edits and checks, in order. Throws when a check does not pass
    /// (the copy holds the reference solutions, so it must).
    public func run(times: Int = 5) throws -> [Timing] {
        let exercise = try Course.find(self.exercise)
        let copy = NSTemporaryDirectory() + "mlplab-check-benchmark-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: copy) }
        var driver = CheckDriver(root: root)
        driver.library.exercises = copy + "/exercises"
        driver.library.folder = copy + "/learner"
        try Self.copySolved(from: root, to: driver.library.exercises)
        try check(exercise, with: driver)
        let file = driver.library.exercises + "/" + URL(fileURLWithPath: exercise.group.file).lastPathComponent
        return try (1...times).map { edit in
            try addStatement(number: edit, to: exercise, in: file)
            let (started, cpuStarted) = (Date(), Self.cpuSeconds())
            try check(exercise, with: driver)
            return Timing(seconds: Date().timeIntervalSince(started), cpuSeconds: Self.cpuSeconds() - cpuStarted)
        }
    }

    /// The CPU time of this process and of its children that have ended, user and system.
    static func cpuSeconds() -> Double {
        func seconds(_ who: Int32) -> Double {
            var usage = rusage()
            getrusage(__rusage_who_t(who), &usage)
            return [usage.ru_utime, usage.ru_stime].reduce(0) { $0 + Double($1.tv_sec) + Double($1.tv_usec) / 1e6 }
        }
        return seconds(RUSAGE_SELF.rawValue) + seconds(RUSAGE_CHILDREN.rawValue)
    }

    /// Compiles and runs the cases of `exercise`, as `:check` does, silently.
    private func check(_ exercise: Exercise, with driver: CheckDriver) throws {
        var messages: [String] = []
        try driver.build { messages.append($0) }
        let results = try driver.run(exercise)
        guard CheckReport.allPassed(results) else {
            throw CourseError.runnerFailed("the benchmark's check of \(exercise.name) did not pass: "
                + (messages + results.flatMap(\.details)).joined(separator: "\n"))
        }
    }

    /// `_ = number` as the first line of the function's body: a change the compiler must see.
    private func addStatement(number: Int, to exercise: Exercise, in file: String) throws {
        let source = try String(contentsOfFile: file, encoding: .utf8)
        guard let function = FunctionText(function: exercise.name, in: source) else {
            throw CourseError.unknownExercise("\(exercise.name) is not in \(file)")
        }
        let body = ["    _ = \(number)"] + function.body
        try function.replacingBody(with: body, in: source).write(toFile: file, atomically: true, encoding: .utf8)
    }

    /// The exercise files of `root`, written into `folder` with every stub completed with
    /// its reference body, between START CODE HERE and END CODE HERE, as a learner completes it.
    public static func copySolved(from root: PackageRoot, to folder: String) throws {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        for group in LessonGroup.all {
            var source = try String(contentsOfFile: root.file(group.file), encoding: .utf8)
            let reference = try String(contentsOfFile: root.file(group.solutionFile), encoding: .utf8)
            for exercise in Course.exercises(in: group) {
                guard let solution = FunctionText(function: exercise.name, in: reference),
                      let stub = FunctionText(function: exercise.name, in: source),
                      let start = stub.body.firstIndex(where: { $0.contains("// START CODE HERE") }),
                      let end = stub.body.firstIndex(where: { $0.contains("// END CODE HERE") }), start < end else {
                    throw CourseError.unknownExercise("cannot complete \(exercise.name) in \(group.file) with \(group.solutionFile)")
                }
                var body = stub.body
                body.replaceSubrange((start + 1)..<end, with: solution.body)
                source = stub.replacingBody(with: body, in: source)
            }
            let name = URL(fileURLWithPath: group.file).lastPathComponent
            try source.write(toFile: folder + "/" + name, atomically: true, encoding: .utf8)
        }
    }
}
