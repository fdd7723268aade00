import Foundation

/// The learner's progress, in one file: `progress.json` in the state folder
/// (`StateDirectory`: `$XDG_STATE_HOME/mlplab`, else `~/.local/state/mlplab`). Format 2 holds one section per owner:
///
///     {
///       "format_version": 2,
///       "lessons": { "currentLesson": "forward", "currentCell": 4, "lessons": {…} },
///       "exercises": { "finished": {…}, "lastCheck": {…}, "hintsShown": {…} },
///       "language": "ko"
///     }
///
/// The lessons own `lessons` and `language`, the exercises own `exercises`. Each owner
/// reads the file, changes its own sections and writes the file back whole
/// (`AtomicFile.write`), so the other owner's sections are kept as they were.
///
/// Format 1 kept the lessons in progress.json and the exercises in exercises.json beside
/// it. The first read of such a folder writes format 2 and then removes exercises.json.
///
/// A file that cannot be used is never overwritten: reading or updating it throws a
/// `StateFileError` naming the file and the field.
public struct ProgressFile: Sendable {
    public static let formatVersion = 2

    /// The parts of the file, each kept by one owner.
    public enum Section: String, Sendable {
        case lessons, exercises, language
    }

    public let path: String

    public init(path: String) {
        self.path = path
    }

    /// `progress.json` in the state folder (`StateDirectory`); nil when there is none.
    public static func standard(environment: [String: String] = ProcessInfo.processInfo.environment) -> ProgressFile? {
        StateDirectory.file("progress.json", environment: environment).map(ProgressFile.init(path:))
    }

    /// Format 1's exercise record, beside the progress file.
    public var legacyExercisesPath: String {
        (path as NSString).deletingLastPathComponent + "/exercises.json"
    }

    /// The sections saved so far (none when there is no file yet), format 1 files
    /// migrated first.
    public func read() throws -> ProgressSections {
        let current = try contents(of: path)
        if let current, try !ProgressSections.isVersion1(current, file: path) {
            return try ProgressSections.decode(current, file: path)
        }
        return try migrate(version1: current)
    }

    /// Reads the file, lets `change` set its owner's sections, and writes the file whole.
    public func update(_ change: (inout ProgressSections) throws -> Void) throws {
        var sections = try read()
        try change(&sections)
        try write(sections)
    }

    private func write(_ sections: ProgressSections) throws {
        let folder = (path as NSString).deletingLastPathComponent
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try AtomicFile.write(try sections.encoded(), to: path)
    }

    /// Format 2 made from format 1's two files (either may be missing), written before
    /// exercises.json is removed, so that a failure at any step leaves the old files usable.
    private func migrate(version1 lessonsData: Data?) throws -> ProgressSections {
        let exercisesData = try contents(of: legacyExercisesPath)
        guard lessonsData != nil || exercisesData != nil else { return ProgressSections(file: path) }
        var sections = ProgressSections(file: path)
        var exercises = try exercisesData.map { try Self.version1Object($0, file: legacyExercisesPath) }
        if let lessonsData {
            var lessons = try Self.version1Object(lessonsData, file: path)
            sections.values[Section.language.rawValue] = lessons.removeValue(forKey: "language")
            // The exercises finished were a copy of exercises.json's; any it lacks are carried there.
            let finished = lessons.removeValue(forKey: "finishedExercises") as? [String] ?? []
            if !finished.isEmpty { exercises = Self.carry(finished, into: exercises ?? [:]) }
            sections.values[Section.lessons.rawValue] = lessons
        }
        sections.values[Section.exercises.rawValue] = exercises
        try write(sections)
        if exercisesData != nil {
            do {
                try FileManager.default.removeItem(atPath: legacyExercisesPath)
            } catch {
                throw StateFileError(file: legacyExercisesPath, field: "",
                                     "was copied into \(path) but cannot be removed (\((error as NSError).localizedDescription))")
            }
        }
        return sections
    }

    /// `exercises` with every name of `finished` it does not list as finished added, dated now.
    private static func carry(_ finished: [String], into exercises: [String: Any]) -> [String: Any] {
        var exercises = exercises
        var dates = exercises["finished"] as? [String: Any] ?? [:]
        let now = ISO8601DateFormatter().string(from: Date())
        for name in finished where dates[name] == nil { dates[name] = now }
        exercises["finished"] = dates
        return exercises
    }

    /// A format 1 file's object without its version, which must be 1.
    private static func version1Object(_ data: Data, file: String) throws -> [String: Any] {
        var object = try ProgressSections.object(data, file: file)
        guard let version = object.removeValue(forKey: "version") as? Int else {
            throw StateFileError(file: file, field: "version", "is missing or not a whole number")
        }
        guard version == 1 else {
            throw StateFileError(file: file, field: "version", "is \(version); this mlplab reads formats 1 and \(formatVersion)")
        }
        return object
    }

    /// The file's bytes; nil when there is no file.
    private func contents(of file: String) throws -> Data? {
        guard FileManager.default.fileExists(atPath: file) else { return nil }
        do {
            return try Data(contentsOf: URL(fileURLWithPath: file))
        } catch {
            throw StateFileError(file: file, field: "", "cannot be read (\((error as NSError).localizedDescription))")
        }
    }
}

/// The sections of a progress file, each still JSON until its owner decodes it.
public struct ProgressSections {
    /// The file they come from or go to, for messages.
    public let file: String
    fileprivate var values: [String: Any] = [:]

    public init(file: String) {
        self.file = file
    }

    /// The sections of a format 2 file's contents; throws a `StateFileError` for text
    /// that is not a JSON object or has another format version.
    public static func decode(_ data: Data, file: String) throws -> ProgressSections {
        var sections = ProgressSections(file: file)
        sections.values = try object(data, file: file)
        guard let value = sections.values.removeValue(forKey: "format_version") else {
            throw StateFileError(file: file, field: "format_version", "is missing")
        }
        guard let version = value as? Int else {
            throw StateFileError(file: file, field: "format_version", "has the wrong type (expected Int)")
        }
        guard version == ProgressFile.formatVersion else {
            throw StateFileError(file: file, field: "format_version", version > ProgressFile.formatVersion
                ? "is \(version): the file was written by a newer mlplab; update mlplab"
                : "is \(version); this mlplab reads format \(ProgressFile.formatVersion)")
        }
        return sections
    }

    /// The value of `section`, nil when it is absent; a value that does not decode
    /// throws a `StateFileError` whose field starts with the section's name.
    public func decode<T: Decodable>(_ section: ProgressFile.Section, as type: T.Type) throws -> T? {
        guard let value = values[section.rawValue] else { return nil }
        do {
            let data = try JSONSerialization.data(withJSONObject: value, options: [.fragmentsAllowed])
            let decoder = JSONDecoder()
            decoder.dateDecodingStrategy = .iso8601
            return try StateFile.decode(type, from: data, file: file, decoder: decoder)
        } catch let error as StateFileError {
            throw error.within(section.rawValue)
        }
    }

    /// Sets `section` to `value`; nil removes it.
    public mutating func encode<T: Encodable>(_ value: T?, as section: ProgressFile.Section) throws {
        guard let value else {
            values.removeValue(forKey: section.rawValue)
            return
        }
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        values[section.rawValue] = try JSONSerialization.jsonObject(with: try encoder.encode(value), options: [.fragmentsAllowed])
    }

    /// The file's bytes: format 2, keys sorted, so the file changes only when the progress does.
    fileprivate func encoded() throws -> [UInt8] {
        var object = values
        object["format_version"] = ProgressFile.formatVersion
        return Array(try JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys])) + [0x0A]
    }

    /// Whether a progress file's contents are format 1: `version` where format 2 on has `format_version`.
    fileprivate static func isVersion1(_ data: Data, file: String) throws -> Bool {
        let object = try object(data, file: file)
        return object["format_version"] == nil && object["version"] != nil
    }

    fileprivate static func object(_ data: Data, file: String) throws -> [String: Any] {
        let value: Any
        do {
            value = try JSONSerialization.jsonObject(with: data)
        } catch {
            throw StateFileError(file: file, field: "", "is not JSON (\((error as NSError).localizedDescription))")
        }
        guard let object = value as? [String: Any] else {
            throw StateFileError(file: file, field: "", "is not a JSON object")
        }
        return object
    }
}

/// A progress file that cannot be used or saved, said with what to do about it.
public struct ProgressFileError: Error, CustomStringConvertible, Equatable {
    public let description: String

    public init(_ error: Error) {
        guard let problem = error as? StateFileError else {
            description = String(describing: error)
            return
        }
        description = "cannot use the progress in \(problem); correct it, or move the file away to start afresh"
    }
}

extension StateFileError {
    /// The same problem, its field inside `section`.
    public func within(_ section: String) -> StateFileError {
        StateFileError(file: file, field: field.isEmpty ? section : section + "." + field, problem)
    }
}
