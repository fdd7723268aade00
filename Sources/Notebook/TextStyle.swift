#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// How text is written to the terminal: its width, and whether ANSI colours
/// and attributes may be used (only on a terminal, never with `NO_COLOR`).
public struct TextStyle: Sendable {
    /// Columns available for wrapped prose.
    public var width: Int
    public var colour: Bool

    public init(width: Int, colour: Bool) {
        self.width = width
        self.colour = colour
    }

    /// Plain text, 80 columns: for pipes, files and tests.
    public static let plain = TextStyle(width: 80, colour: false)

    /// The style for standard output: the terminal's width (at most 100, so
    /// lines stay readable; `COLUMNS` when set), colour when `colour` allows.
    public static func standardOutput(colour: Bool,
                                      environment: [String: String] = ProcessInfo.processInfo.environment) -> TextStyle {
        var columns = 80
        if let text = environment["COLUMNS"], let value = Int(text), value > 0 {
            columns = value
        } else {
            var size = winsize()
            if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { columns = Int(size.ws_col) }
        }
        return TextStyle(width: min(max(columns - 1, 40), 100), colour: colour)
    }

    /// Text attributes, written as ANSI SGR codes.
    public enum Attribute: String, Sendable {
        case bold = "1"
        case dim = "2"
        case italic = "3"
        case underline = "4"
        case red = "31"
        case green = "32"
        case yellow = "33"
        case blue = "34"
        case cyan = "36"
    }

    /// `text` with the attributes when colour is on; unchanged otherwise.
    public func apply(_ attributes: [Attribute], to text: String) -> String {
        guard colour, !attributes.isEmpty, !text.isEmpty else { return text }
        return "\u{1B}[" + attributes.map(\.rawValue).joined(separator: ";") + "m" + text + "\u{1B}[0m"
    }
}

/// How many terminal columns text takes: East Asian wide characters (Hangul,
/// CJK) take two, combining marks none, ANSI escape sequences none.
public func displayWidth(_ text: String) -> Int {
    var width = 0
    var inEscape = false
    for scalar in text.unicodeScalars {
        if inEscape {
            if scalar.value >= 0x40 && scalar.value <= 0x7E && scalar != "[" { inEscape = false }
            continue
        }
        if scalar == "\u{1B}" { inEscape = true; continue }
        width += columns(of: scalar)
    }
    return width
}

private func columns(of scalar: Unicode.Scalar) -> Int {
    let v = scalar.value
    if v < 0x20 || (v >= 0x7F && v < 0xA0) { return 0 }
    switch scalar.properties.generalCategory {
    case .nonspacingMark, .enclosingMark, .format: return 0
    default: break
    }
    if v == 0x200B { return 0 }
    let wide: [ClosedRange<UInt32>] = [
        0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
        0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
        0xFFE0...0xFFE6, 0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x3FFFD,
    ]
    return wide.contains { $0.contains(v) } ? 2 : 1
}
