#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// How much a terminal can show, from most to least.
///
/// - `trueColor`: 24-bit colour escapes (`ESC[38;2;R;G;Bm`) and Unicode blocks.
/// - `color256`: the xterm 256-colour palette (`ESC[38;5;Nm`) and Unicode blocks.
/// - `plain`: printable ASCII only, no escapes — for pipes, files, `NO_COLOR`
///   and the doctest-style lessons, whose expected output must be stable.
public enum TerminalStyle: String, CaseIterable, Sendable {
    case trueColor = "truecolor"
    case color256 = "256color"
    case plain

    /// Whether the style may use colour escapes and non-ASCII characters.
    public var usesColour: Bool { self != .plain }

    /// The style for standard output of this process.
    ///
    /// The rules, first match wins:
    /// 1. stdout is not a terminal (a pipe or a file) → `plain`;
    /// 2. `NO_COLOR` is set to anything non-empty (https://no-color.org) → `plain`;
    /// 3. `TERM` is unset, empty, `dumb` or `linux` (the 16-colour console) → `plain`;
    /// 4. `COLORTERM` is `truecolor` or `24bit` → `trueColor`;
    /// 5. otherwise → `color256`, which every current terminal emulator supports.
    public static func detect(environment: [String: String] = ProcessInfo.processInfo.environment,
                              isTerminal: Bool = isatty(STDOUT_FILENO) != 0) -> TerminalStyle {
        guard isTerminal else { return .plain }
        if let noColor = environment["NO_COLOR"], !noColor.isEmpty { return .plain }
        let term = environment["TERM"] ?? ""
        if term.isEmpty || term == "dumb" || term == "linux" { return .plain }
        switch (environment["COLORTERM"] ?? "").lowercased() {
        case "truecolor", "24bit": return .trueColor
        default: return .color256
        }
    }
}

/// The size of the terminal standard output is shown on.
public enum TerminalSize {
    /// The width used when nothing better is known.
    public static let defaultColumns = 80

    /// The number of character columns: `$COLUMNS` if it holds a positive
    /// number, else the terminal's own width (`ioctl(TIOCGWINSZ)` on stdout),
    /// else `defaultColumns`.
    public static func columns(environment: [String: String] = ProcessInfo.processInfo.environment) -> Int {
        if let text = environment["COLUMNS"], let columns = Int(text), columns > 0 { return columns }
        var size = winsize()
        if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return Int(size.ws_col) }
        return defaultColumns
    }
}
