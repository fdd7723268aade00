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
            let progress = try JSONDecoder().decode(LearnerProgress.self, from: data)
            if progress.version == LearnerProgress.formatVersion && progress.currentCell >= 0 { return (progress, nil) }
            problem = "format version \(progress.version), expected \(LearnerProgress.formatVersion)"
        } catch {
            problem = "not a progress file: \(Self.reason(error))"
        }
        let aside = path + ".damaged-" + Self.timestamp(now)
        do {
            try FileManager.default.moveItem(atPath: path, toPath: aside)
            return (LearnerProgress(), "the progress file \(path) could not be used (\(problem)); moved it to \(aside) and started afresh")
        } catch {
            return (LearnerProgress(), "the progress file \(path) could not be used (\(problem)) nor moved aside; it will be replaced at the next save")
        }
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

    private static func reason(_ error: Error) -> String {
        switch error {
        case DecodingError.dataCorrupted(let context): return context.debugDescription
        case DecodingError.keyNotFound(let key, _): return "no '\(key.stringValue)'"
        case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context):
            return "'\(context.codingPath.map(\.stringValue).joined(separator: "."))' has the wrong type"
        default: return String(describing: error)
        }
    }
}
