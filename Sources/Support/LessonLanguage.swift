import Foundation

/// The languages lessons are written in (`lessons/en/`, `lessons/ko/`), and which the session
/// speaks where a builtin prints words of its own (the running-loss lines of `fit`).
public enum LessonLanguage: String, CaseIterable, Codable, Sendable {
    case en
    case ko

    /// The language `LANG` asks for: Korean for `ko_KR.UTF-8` and other `ko…`
    /// locales, English otherwise.
    public static func from(environment: [String: String] = ProcessInfo.processInfo.environment) -> LessonLanguage {
        (environment["LANG"] ?? "").lowercased().hasPrefix("ko") ? .ko : .en
    }
}
