import Foundation

/// What the other files of a module see of a Swift file: its text with the bodies of its
/// top-level functions left out. When an edit leaves it as it was, only that file needs
/// compiling again: the others call its functions by name, whatever their bodies.
///
/// A body is left out when the course's files' shape makes it certain where it is: from the
/// signature's line ending in its only `{`, to the `}` alone at the start of a line that
/// balances it. A function whose result type depends on its body (`some P`) keeps it. In a
/// file where a body does not end that way, nothing is left out, so that any edit of it
/// counts as a change of its declarations (and every file is compiled again).
public struct SourceDeclarations: Equatable {
    public let text: String

    public init(file: String) throws {
        self.init(source: try String(contentsOfFile: file, encoding: .utf8))
    }

    public init(source: String) {
        text = Self.withoutFunctionBodies(source) ?? source
    }

    /// `source` without its top-level functions' bodies; nil when one cannot be told apart for certain.
    private static func withoutFunctionBodies(_ source: String) -> String? {
        var kept: [Substring] = []
        var signature: [Substring]?
        var depth = 0       // of the braces in the body being left out; 0 outside one
        for line in source.split(separator: "\n", omittingEmptySubsequences: false) {
            if depth > 0 {
                depth += line.filter { $0 == "{" }.count - line.filter { $0 == "}" }.count
                guard (depth == 0) == (line == "}") else { return nil }
                if depth == 0 { kept.append(line) }
                continue
            }
            kept.append(line)
            if signature == nil, startsFunction(line) { signature = [] }
            guard var lines = signature else { continue }
            lines.append(line)
            signature = lines
            guard line.contains("{") else { continue }
            signature = nil
            let opensBody = line.hasSuffix("{") && line.filter { $0 == "{" }.count == 1 && !line.contains("}")
            if opensBody && !lines.joined().contains("some ") { depth = 1 }
        }
        return kept.joined(separator: "\n")
    }

    /// `func NAME(` at the start of a line, after its modifiers.
    private static func startsFunction(_ line: Substring) -> Bool {
        let modifiers: Set<Substring> = ["public", "internal", "private", "fileprivate", "static"]
        let words = line.split(separator: " ", omittingEmptySubsequences: false)
        guard let first = words.first, !first.isEmpty else { return false }
        return words.drop { modifiers.contains($0) }.first == "func"
    }
}
