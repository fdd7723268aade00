/// Reading an exercise function out of a Swift file: its doc comment (the contract),
/// its signature, whether its stub is untouched, and its whole text (for `:solution`).
///
/// The course's files keep one shape that makes this simple and reliable: `///` lines,
/// then `public func NAME(` at the start of a line, and the body closed by a `}` alone
/// at the start of a line.
public struct FunctionText: Equatable, Sendable {
    /// 1-based line of the `func` keyword.
    public let line: Int
    /// The doc comment without its `/// ` prefixes.
    public let documentation: [String]
    /// From `public func` up to (not including) the opening brace.
    public let signature: String
    /// The body's lines, braces excluded.
    public let body: [String]
    /// Where the body is: 0-based indices of its lines in the text.
    public let bodyLines: Range<Int>
    /// Doc comment, signature and body as they stand in the file.
    public let source: String

    /// The doc comment's paragraph with the shapes in → out, on one line.
    public var shapesParagraph: String? { Self.shapesParagraph(of: documentation) }

    /// The paragraph of a contract (its lines) with the shapes in → out, on one line.
    public static func shapesParagraph(of contract: [String]) -> String? {
        guard let arrow = contract.firstIndex(where: { $0.contains("→") }) else { return nil }
        let start = contract[..<arrow].lastIndex(where: \.isEmpty).map { $0 + 1 } ?? 0
        let end = contract[arrow...].firstIndex(where: \.isEmpty) ?? contract.endIndex
        return contract[start..<end].joined(separator: " ")
    }

    /// Whether the body still has the stub's `throw ExerciseError.notImplemented(…)`.
    public var isUntouchedStub: Bool {
        body.contains { $0.contains("throw ExerciseError.notImplemented(") }
    }

    /// `text` (the text this function was read from) with the body replaced by `lines`.
    public func replacingBody(with lines: [String], in text: String) -> String {
        var all = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        all.replaceSubrange(bodyLines, with: lines)
        return all.joined(separator: "\n")
    }

    /// The function called `name` in `text`, or nil when the file has no such function.
    public init?(function name: String, in text: String) {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard let start = lines.firstIndex(where: { $0.hasPrefix("public func \(name)(") || $0.hasPrefix("func \(name)(") }),
              let open = lines[start...].firstIndex(where: { $0.hasSuffix("{") }),
              let close = lines[(open + 1)...].firstIndex(where: { $0 == "}" }) else { return nil }
        var docStart = start
        while docStart > 0, lines[docStart - 1].hasPrefix("///") { docStart -= 1 }
        line = start + 1
        documentation = lines[docStart..<start].map { line in
            let text = line.dropFirst(3)
            return String(text.hasPrefix(" ") ? text.dropFirst() : text)
        }
        let signatureText = lines[start...open].joined(separator: "\n")
        signature = String(signatureText.dropLast()).trimmingTrailingSpaces
        bodyLines = (open + 1)..<close
        body = Array(lines[bodyLines])
        source = lines[docStart...close].joined(separator: "\n")
    }
}

private extension String {
    var trimmingTrailingSpaces: String {
        var s = self
        while s.last == " " { s.removeLast() }
        return s
    }
}
