/// The language a comparison's lines are written in, by its code (`--lang ko`).
public enum ReportLanguage: String, Sendable {
    case en
    case ko
}
