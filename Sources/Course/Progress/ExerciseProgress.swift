import Foundation
import Support
import Tensor
import TensorComparison

/// Where the learner's exercise progress is kept: which exercises passed every check,
/// the last check's summary, and how many hints each exercise has given.
///
/// `ExerciseProgressFile` keeps it in the progress file's `exercises` section.
public protocol ExerciseProgressStore: AnyObject {
    var record: ExerciseRecord { get }
    func update(_ change: (inout ExerciseRecord) -> Void) throws
}

/// The saved state of the exercises: the progress file's `exercises` section.
public struct ExerciseRecord: Codable, Equatable, Sendable {
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

    /// A field left out is empty.
    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        finished = try container.decodeIfPresent([String: Date].self, forKey: .finished) ?? [:]
        lastCheck = try container.decodeIfPresent([String: CheckSummary].self, forKey: .lastCheck) ?? [:]
        hintsShown = try container.decodeIfPresent([String: Int].self, forKey: .hintsShown) ?? [:]
    }

    /// The record kept in a progress file's `exercises` section (empty when there is none),
    /// every value checked: throws a `StateFileError` naming the field that is of the wrong
    /// type, out of range, or about an exercise this course does not have.
    public init(sections: ProgressSections) throws {
        self = try sections.decode(.exercises, as: ExerciseRecord.self) ?? ExerciseRecord()
        try validate(file: sections.file)
    }

    private func validate(file: String) throws {
        func invalid(_ field: String, _ problem: String) -> StateFileError {
            StateFileError(file: file, field: field, problem).within(ProgressFile.Section.exercises.rawValue)
        }
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

/// The exercises' section of the progress file (`ProgressFile`); every update reads the
/// file and writes it whole with this section changed, leaving the lessons' as they are.
public final class ExerciseProgressFile: ExerciseProgressStore {
    public let file: ProgressFile
    public private(set) var record: ExerciseRecord

    /// Opens the file (a missing file or section is an empty record). A damaged or newer
    /// file, or one with a value out of range, is refused with a message naming the
    /// field, rather than overwritten.
    public init(file: ProgressFile) throws {
        self.file = file
        do {
            record = try ExerciseRecord(sections: file.read())
        } catch {
            throw CourseError.progressUnreadable(ProgressFileError(error).description)
        }
    }

    /// The progress file at the usual place (`ProgressFile.standard`).
    public convenience init(environment: [String: String] = ProcessInfo.processInfo.environment) throws {
        guard let file = ProgressFile.standard(environment: environment) else {
            throw CourseError.progressUnreadable("neither XDG_STATE_HOME nor HOME is set to an absolute path: there is no place to keep the progress; set HOME")
        }
        try self.init(file: file)
    }

    public func update(_ change: (inout ExerciseRecord) -> Void) throws {
        var changed = record
        change(&changed)
        do {
            try file.update { sections in
                _ = try ExerciseRecord(sections: sections)  // a section damaged since it was read is refused, not overwritten
                try sections.encode(changed, as: .exercises)
            }
        } catch {
            throw CourseError.progressUnreadable(ProgressFileError(error).description)
        }
        record = changed
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
