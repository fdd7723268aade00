import Foundation
import Tensor
import TensorComparison

/// Where the learner's exercise progress is kept: which exercises passed every check,
/// the last check's summary, and how many hints each exercise has given.
///
/// The lessons' progress store can adopt this protocol to keep both in one place;
/// `ExerciseProgressFile` is the standalone store.
public protocol ExerciseProgressStore: AnyObject {
    var record: ExerciseRecord { get }
    func update(_ change: (inout ExerciseRecord) -> Void) throws
}

/// The saved state of the exercises, as written to exercises.json.
public struct ExerciseRecord: Codable, Equatable, Sendable {
    public static let currentVersion = 1
    public var version = ExerciseRecord.currentVersion
    /// When each exercise first passed all its checks.
    public var finished: [String: Date] = [:]
    /// Each exercise's last check.
    public var lastCheck: [String: CheckSummary] = [:]
    /// How many hints of each exercise have been shown.
    public var hintsShown: [String: Int] = [:]

    public init() {}

    /// Whether the last check of the exercise passed every case.
    public func passes(_ exercise: String) -> Bool {
        lastCheck[exercise]?.allPassed ?? false
    }

    /// The record stored in an exercises.json file's contents, every value checked:
    /// throws a `StateFileError` naming the field that is missing, of the wrong type,
    /// out of range, or about an exercise this course does not have.
    public static func decode(_ data: Data, file: String) throws -> ExerciseRecord {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        let record = try StateFile.decode(ExerciseRecord.self, from: data, file: file, decoder: decoder)
        try record.validate(file: file)
        return record
    }

    private func validate(file: String) throws {
        func invalid(_ field: String, _ problem: String) -> StateFileError {
            StateFileError(file: file, field: field, problem)
        }
        guard version <= Self.currentVersion else {
            throw invalid("version", "is \(version): the file was written by a newer mlplab; update mlplab")
        }
        guard version >= 1 else { throw invalid("version", "is \(version); formats count from 1") }
        let exerciseNames = Set(Course.exercises.map(\.name))
        for (field, names) in [("finished", Array(finished.keys)), ("lastCheck", Array(lastCheck.keys)),
                               ("hintsShown", Array(hintsShown.keys))] {
            if let unknown = names.sorted().first(where: { !exerciseNames.contains($0) }) {
                throw invalid("\(field).\(unknown)", "is about an exercise this course does not have")
            }
        }
        for (name, count) in hintsShown.sorted(by: { $0.key < $1.key }) where count < 0 {
            throw invalid("hintsShown.\(name)", "is \(count); a number of hints is 0 or more")
        }
        for (name, check) in lastCheck.sorted(by: { $0.key < $1.key })
        where check.passed < 0 || check.total < 0 || check.passed > check.total {
            throw invalid("lastCheck.\(name)", "says \(check.passed) of \(check.total) cases passed")
        }
    }
}

/// How a check of one exercise went.
public struct CheckSummary: Codable, Equatable, Sendable {
    public var passed: Int
    public var total: Int
    /// "all 5 cases pass", "2 of 5 cases pass (3 failed)".
    public var text: String

    public init(passed: Int, total: Int, text: String) {
        self.passed = passed
        self.total = total
        self.text = text
    }

    public var allPassed: Bool { total > 0 && passed == total }
}

/// The progress kept in one small JSON file, written whole each time (`AtomicFile`),
/// by default `$XDG_STATE_HOME/mlplab/exercises.json` (else `~/.local/state/mlplab/exercises.json`).
public final class ExerciseProgressFile: ExerciseProgressStore {
    public let path: String
    public private(set) var record: ExerciseRecord

    /// Opens the file at `path` (a missing file is an empty record). A damaged or
    /// newer file, or one with a value out of range, is refused with a message
    /// naming the field, rather than overwritten.
    public init(path: String = ExerciseProgressFile.defaultPath()) throws {
        self.path = path
        guard let data = FileManager.default.contents(atPath: path) else {
            record = ExerciseRecord()
            return
        }
        do {
            record = try ExerciseRecord.decode(data, file: path)
        } catch let error as StateFileError {
            throw CourseError.progressUnreadable("cannot use the exercise progress in \(path): \(error.reason); "
                + "correct it, or move the file away to start afresh")
        }
    }

    public func update(_ change: (inout ExerciseRecord) -> Void) throws {
        var changed = record
        change(&changed)
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        let folder = (path as NSString).deletingLastPathComponent
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try AtomicFile.write(Array(try encoder.encode(changed)), to: path)
        record = changed
    }

    /// `$XDG_STATE_HOME/mlplab/exercises.json`, else `~/.local/state/mlplab/exercises.json`.
    public static func defaultPath(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        let state = environment["XDG_STATE_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? (environment["HOME"] ?? NSHomeDirectory()) + "/.local/state"
        return state + "/mlplab/exercises.json"
    }
}

extension ExerciseProgressStore {
    /// Records a check of `exercise`: its summary, and the date it first passed every case.
    public func recordCheck(of exercise: Exercise, results: [CaseResult], at date: Date = Date()) throws {
        try update { record in
            record.lastCheck[exercise.name] = CheckSummary(passed: results.filter { $0.status == .passed }.count,
                                                           total: results.first?.total ?? 0, text: CheckReport.summary(results))
            if CheckReport.allPassed(results), record.finished[exercise.name] == nil {
                record.finished[exercise.name] = date
            }
        }
    }

    /// One line per lesson: "1 loading MNIST: 1 of 2 exercises finished: ✓ parseIDXHeader  · oneHot".
    /// `:lessons` and `mlplab lessons` can show these beside the lessons' own progress.
    public func lessonLines() -> [String] {
        LessonGroup.all.map { group in
            let exercises = Course.exercises(in: group)
            let done = exercises.filter { record.finished[$0.name] != nil }
            let marks = exercises.map { (record.finished[$0.name] != nil ? "✓ " : "· ") + $0.name }
            return "\(group.number) \(group.title): \(done.count) of \(exercises.count) exercises finished: "
                + marks.joined(separator: "  ")
        }
    }
}
