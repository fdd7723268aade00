import Foundation
import Interpreter
import Support
import Tensor

/// How far the learner has come in the lessons: the lesson and cell they are at, how
/// far they got in each lesson, and the language they chose. The exercises keep their own
/// section of the same file (`ProgressFile`).
public struct LearnerProgress: Codable, Equatable, Sendable {
    /// The id of the lesson open last; nil before the first one.
    public var currentLesson: String?
    /// The cell waiting to run in that lesson, from 0 (`cells.count` when it is done).
    public var currentCell: Int
    /// Per lesson id.
    public var lessons: [String: LessonProgress]
    /// The language chosen last with `--lang` or `:lang`; nil until one is chosen
    /// (then `LANG` decides). Saved as the file's `language` section.
    public var language: LessonLanguage? = nil

    /// The fields of the `lessons` section.
    private enum CodingKeys: String, CodingKey { case currentLesson, currentCell, lessons }

    public init() {
        currentLesson = nil
        currentCell = 0
        lessons = [:]
    }

    /// Notes that the cell `index` of the lesson ran, and whether its output matched.
    public mutating func recordCell(_ index: Int, of lessonID: String, cellCount: Int, matched: Bool) {
        var entry = lessons[lessonID] ?? LessonProgress(cellCount: cellCount)
        entry.cellCount = cellCount
        entry.cellsRun.insert(index)
        if matched { entry.cellsDiffering.remove(index) } else { entry.cellsDiffering.insert(index) }
        lessons[lessonID] = entry
    }

    /// The progress kept in a progress file's `lessons` and `language` sections, every
    /// value checked: throws a `StateFileError` naming the field that is missing, of the
    /// wrong type or out of range.
    public init(sections: ProgressSections) throws {
        self = try sections.decode(.lessons, as: LearnerProgress.self) ?? LearnerProgress()
        try validate(file: sections.file)
        language = try sections.decode(.language, as: LessonLanguage.self)
    }

    /// Sets the progress file's `lessons` and `language` sections to this progress.
    public func store(in sections: inout ProgressSections) throws {
        try sections.encode(self, as: .lessons)
        try sections.encode(language, as: .language)
    }

    private func validate(file: String) throws {
        func invalid(_ field: String, _ problem: String) -> StateFileError {
            StateFileError(file: file, field: field, problem).within(ProgressFile.Section.lessons.rawValue)
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

/// The lessons' sections of the progress file (`ProgressFile`). A file that cannot be
/// used is left as it is, never overwritten: `load` says what is wrong and how to fix it,
/// and this session's progress is then not saved.
public struct ProgressStore: Sendable {
    public let file: ProgressFile

    public init(path: String) {
        file = ProgressFile(path: path)
    }

    public var path: String { file.path }

    /// The store at the usual place; nil when neither `XDG_STATE_HOME` nor `HOME` is set.
    public static func standard(environment: [String: String] = ProcessInfo.processInfo.environment) -> ProgressStore? {
        ProgressFile.standard(environment: environment).map { ProgressStore(path: $0.path) }
    }

    /// The saved progress (fresh progress when there is no file yet), or, for a file
    /// that cannot be used, the reason and what to do about it; nothing throws.
    public func load() -> Result<LearnerProgress, ProgressFileError> {
        do {
            return .success(try LearnerProgress(sections: file.read()))
        } catch {
            return .failure(ProgressFileError(error))
        }
    }

    /// The language saved with the progress; nil when none was chosen or the file
    /// cannot be used (`load` reports that).
    public func savedLanguage() -> LessonLanguage? {
        (try? LearnerProgress(sections: file.read()))?.language
    }

    /// Writes the lessons' sections, leaving the exercises' as they are in the file.
    /// Sections that cannot be used are refused (`ProgressFileError`), not overwritten.
    public func save(_ progress: LearnerProgress) throws {
        do {
            try file.update { sections in
                _ = try LearnerProgress(sections: sections)
                try progress.store(in: &sections)
            }
        } catch {
            throw ProgressFileError(error)
        }
    }
}
