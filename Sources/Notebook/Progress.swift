import Foundation
import Tensor

/// How far the learner has come: the lesson and cell they are at, how far
/// they got in each lesson, and the exercises they have finished.
public struct LearnerProgress: Codable, Equatable, Sendable {
    /// The file format; a file with another version is set aside, not misread.
    public static let formatVersion = 1

    public var version: Int
    /// The id of the lesson open last; nil before the first one.
    public var currentLesson: String?
    /// The cell waiting to run in that lesson, from 0 (`cells.count` when it is done).
    public var currentCell: Int
    /// Per lesson id.
    public var lessons: [String: LessonProgress]
    /// Names of exercises whose checks have passed, sorted.
    public var finishedExercises: [String]
    /// The language chosen last with `--lang` or `:lang`; nil until one is chosen
    /// (then `LANG` decides).
    public var language: LessonLanguage?

    public init() {
        version = LearnerProgress.formatVersion
        currentLesson = nil
        currentCell = 0
        lessons = [:]
        finishedExercises = []
    }

    /// Notes that the cell `index` of the lesson ran, and whether its output matched.
    public mutating func recordCell(_ index: Int, of lessonID: String, cellCount: Int, matched: Bool) {
        var entry = lessons[lessonID] ?? LessonProgress(cellCount: cellCount)
        entry.cellCount = cellCount
        entry.cellsRun.insert(index)
        if matched { entry.cellsDiffering.remove(index) } else { entry.cellsDiffering.insert(index) }
        lessons[lessonID] = entry
    }

    /// The progress stored in a progress file's contents, every value checked:
    /// throws a `StateFileError` naming the field that is missing, of the wrong
    /// type or out of range.
    public static func decode(_ data: Data, file: String) throws -> LearnerProgress {
        let progress = try StateFile.decode(LearnerProgress.self, from: data, file: file)
        try progress.validate(file: file)
        return progress
    }

    private func validate(file: String) throws {
        func invalid(_ field: String, _ problem: String) -> StateFileError {
            StateFileError(file: file, field: field, problem)
        }
        guard version == Self.formatVersion else {
            throw invalid("version", "is \(version); this mlplab reads format \(Self.formatVersion)")
        }
        guard currentCell >= 0 else { throw invalid("currentCell", "is \(currentCell); cells count from 0") }
        if currentLesson?.isEmpty == true { throw invalid("currentLesson", "is empty; it names a lesson by its id") }
        for (id, lesson) in lessons {
            guard lesson.cellCount >= 0 else {
                throw invalid("lessons.\(id).cellCount", "is \(lesson.cellCount); a count is 0 or more")
            }
            for (name, cells) in [("cellsRun", lesson.cellsRun), ("cellsDiffering", lesson.cellsDiffering)] {
                if let cell = cells.first(where: { $0 < 0 }) {
                    throw invalid("lessons.\(id).\(name)", "holds \(cell); cells count from 0")
                }
            }
        }
        if finishedExercises.contains(where: \.isEmpty) {
            throw invalid("finishedExercises", "holds an empty name")
        }
    }

    public mutating func finishExercise(_ name: String) {
        if !finishedExercises.contains(name) {
            finishedExercises.append(name)
            finishedExercises.sort()
        }
    }
}

/// One lesson's record.
public struct LessonProgress: Codable, Equatable, Sendable {
    /// How many cells the lesson had when last seen.
    public var cellCount: Int
    /// The cells that have run, from 0.
    public var cellsRun: Set<Int>
    /// Cells whose last run printed something other than the lesson says.
    public var cellsDiffering: Set<Int>

    public init(cellCount: Int, cellsRun: Set<Int> = [], cellsDiffering: Set<Int> = []) {
        self.cellCount = cellCount
        self.cellsRun = cellsRun
        self.cellsDiffering = cellsDiffering
    }

    /// Every cell has run.
    public var isFinished: Bool { cellCount > 0 && cellsRun.count >= cellCount }

    private enum CodingKeys: String, CodingKey { case cellCount, cellsRun, cellsDiffering }

    /// Sets are written sorted, so the file changes only when the progress does.
    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(cellCount, forKey: .cellCount)
        try container.encode(cellsRun.sorted(), forKey: .cellsRun)
        try container.encode(cellsDiffering.sorted(), forKey: .cellsDiffering)
    }
}

/// The progress file: `$XDG_STATE_HOME/mlplab/progress.json`, else
/// `~/.local/state/mlplab/progress.json`. Every save replaces the file whole
/// (`AtomicFile.write`), so a crash leaves the old progress or the new, never half.
public struct ProgressStore: Sendable {
    public let path: String

    public init(path: String) {
        self.path = path
    }

    /// The store at the usual place; nil when neither `XDG_STATE_HOME` nor `HOME` is set.
    public static func standard(environment: [String: String] = ProcessInfo.processInfo.environment) -> ProgressStore? {
        if let state = environment["XDG_STATE_HOME"], state.hasPrefix("/") {
            return ProgressStore(path: state + "/mlplab/progress.json")
        }
        guard let home = environment["HOME"], !home.isEmpty else { return nil }
        return ProgressStore(path: home + "/.local/state/mlplab/progress.json")
    }

    /// The saved progress, fresh progress when there is no file yet. A file that
    /// cannot be understood is moved aside (to `progress.json.damaged-TIMESTAMP`)
    /// and fresh progress returned, with a warning saying so; nothing throws.
    public func load(now: Date = Date()) -> (progress: LearnerProgress, warning: String?) {
        guard FileManager.default.fileExists(atPath: path) else { return (LearnerProgress(), nil) }
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            return (LearnerProgress(), "cannot read the progress file \(path) (\((error as NSError).localizedDescription)); starting afresh")
        }
        let problem: String
        do {
            return (try LearnerProgress.decode(data, file: path), nil)
        } catch let error as StateFileError {
            problem = error.reason
        } catch {
            problem = String(describing: error)
        }
        let aside = path + ".damaged-" + Self.timestamp(now)
        do {
            try FileManager.default.moveItem(atPath: path, toPath: aside)
            return (LearnerProgress(), "the progress file \(path) could not be used (\(problem)); moved it to \(aside) and started afresh")
        } catch {
            return (LearnerProgress(), "the progress file \(path) could not be used (\(problem)) nor moved aside; it will be replaced at the next save")
        }
    }

    /// The language saved with the progress, read without touching the file (a damaged
    /// one is left for `load` to report); nil when none was chosen or the file cannot be read.
    public func savedLanguage() -> LessonLanguage? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        return (try? LearnerProgress.decode(data, file: path))?.language
    }

    /// Writes the progress, creating the folder if needed.
    public func save(_ progress: LearnerProgress) throws {
        let folder = (path as NSString).deletingLastPathComponent
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        try AtomicFile.write(Array(try encoder.encode(progress)) + [0x0A], to: path)
    }

    private static func timestamp(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyyMMdd-HHmmss"
        return formatter.string(from: date)
    }
}
