import Foundation
import Tensor

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
    /// newer file is refused with a message rather than overwritten.
    public init(path: String = ExerciseProgressFile.defaultPath()) throws {
        self.path = path
        guard let data = FileManager.default.contents(atPath: path) else {
            record = ExerciseRecord()
            return
        }
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        do {
            record = try decoder.decode(ExerciseRecord.self, from: data)
        } catch {
            throw CourseError.progressUnreadable("cannot read the exercise progress in \(path) (\(error)); "
                + "move the file away to start afresh")
        }
        guard record.version <= ExerciseRecord.currentVersion else {
            throw CourseError.progressUnreadable("\(path) was written by a newer mlplab (format \(record.version)); update mlplab")
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
