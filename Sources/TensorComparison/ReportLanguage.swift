/// The language a comparison's lines are written in.
public enum ReportLanguage: Sendable {
    case en
    case ko
}
