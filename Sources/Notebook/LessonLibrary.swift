import Foundation
import Interpreter
import Support

/// Problems finding or choosing lessons.
public enum LessonLibraryError: Error, Equatable, CustomStringConvertible {
    /// No installation, or one without a `lessons/en` folder: the whole message.
    case notFound(String)
    /// The folder has no `NN-topic.md` files in `en/`.
    case empty(String)
    /// No lesson matches what was asked for.
    case noSuchLesson(String, available: [String])

    public var description: String {
        switch self {
        case .notFound(let message):
            return message
        case .empty(let folder):
            return "\(folder)/en holds no lessons (files named NN-topic.md)"
        case .noSuchLesson(let name, let available):
            return "no lesson '\(name)'; the lessons are: \(available.joined(separator: ", "))"
        }
    }
}

/// The lessons folder: `en/NN-topic.md` and `ko/NN-topic.md`, the same cells in two languages.
public struct LessonLibrary: Sendable {
    /// The folder holding `en/` and `ko/`.
    public let root: String

    public init(root: String) {
        self.root = root
    }

    /// The installation's `lessons/` folder (`Installation`: `MLPLAB_HOME`, else found above the
    /// executable or the current folder).
    public static func locate(environment: [String: String] = ProcessInfo.processInfo.environment,
                              currentDirectory: String = FileManager.default.currentDirectoryPath,
                              executable: String = Installation.currentExecutable()) throws -> LessonLibrary {
        let installation: Installation
        do {
            installation = try Installation.locate(environment: environment, executable: executable,
                                                   currentDirectory: currentDirectory)
        } catch {
            throw LessonLibraryError.notFound(error.description)
        }
        let folder = installation.path("lessons")
        guard hasLessons(folder) else {
            throw LessonLibraryError.notFound("cannot find the lessons: \(folder) (\(installation.origin)) has no en/ folder; "
                + "set \(Installation.variable) to the repository's folder")
        }
        return LessonLibrary(root: relative(folder, to: currentDirectory))
    }

    /// `path` relative to `directory` when it lies inside it, so messages show `lessons/en/03-forward.md`.
    private static func relative(_ path: String, to directory: String) -> String {
        path.hasPrefix(directory + "/") ? String(path.dropFirst(directory.count + 1)) : path
    }

    private static func hasLessons(_ folder: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: (folder as NSString).appendingPathComponent("en"), isDirectory: &isDirectory)
            && isDirectory.boolValue
    }

    /// The lesson files of one language, by number.
    public func files(_ language: LessonLanguage) -> [String] {
        let folder = (root as NSString).appendingPathComponent(language.rawValue)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return names.compactMap { name in LessonParser.lessonNumber(fileName: name).map { (number: $0, name: name) } }
            .sorted { $0.number < $1.number }
            .map { (folder as NSString).appendingPathComponent($0.name) }
    }

    /// Every lesson in `language`, by number; a lesson not yet translated is given in English.
    public func lessons(_ language: LessonLanguage) throws -> [Lesson] {
        var byNumber: [Int: String] = [:]
        for path in files(.en) { byNumber[LessonParser.lessonNumber(fileName: (path as NSString).lastPathComponent)!] = path }
        if language != .en {
            for path in files(language) { byNumber[LessonParser.lessonNumber(fileName: (path as NSString).lastPathComponent)!] = path }
        }
        return try byNumber.keys.sorted().map { try LessonParser.load(path: byNumber[$0]!) }
    }

    /// The lesson named by `name`: its number (`3`, `03`), its id (`forward`),
    /// its file name (`03-forward`, `03-forward.md`) or a path to a lesson file.
    public func lesson(_ name: String, _ language: LessonLanguage) throws -> Lesson {
        if name.hasSuffix(".md"), FileManager.default.fileExists(atPath: name) {
            return try LessonParser.load(path: name)
        }
        let lessons = try lessons(language)
        if let found = lessons.first(where: { Self.lesson($0, isNamed: name) }) { return found }
        throw LessonLibraryError.noSuchLesson(name, available: lessons.map { "\($0.number) \($0.id)" })
    }

    static func lesson(_ lesson: Lesson, isNamed name: String) -> Bool {
        let fileName = ((lesson.path as NSString).lastPathComponent as NSString).deletingPathExtension
        let bare = name.hasSuffix(".md") ? (name as NSString).deletingPathExtension : name
        return Int(bare) == lesson.number || bare == lesson.id || bare == fileName
    }
}
