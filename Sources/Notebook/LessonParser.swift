import Foundation
import TensorComparison

/// A lesson file that cannot be read as a lesson, with the place and the fix.
public struct LessonFormatError: Error, Equatable, CustomStringConvertible {
    public let path: String
    /// 1-based; 0 when the problem is the file as a whole.
    public let line: Int
    public let message: String

    public init(path: String, line: Int, _ message: String) {
        self.path = path
        self.line = line
        self.message = message
    }

    public var description: String {
        line > 0 ? "\(path):\(line): \(message)" : "\(path): \(message)"
    }
}

/// Reads lesson Markdown: front matter, prose, and doctest-style cells.
public enum LessonParser {
    /// Reads and parses the lesson file at `path` (named `NN-topic.md`).
    public static func load(path: String) throws -> Lesson {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw LessonFormatError(path: path, line: 0, "cannot read the file: \((error as NSError).localizedDescription)")
        }
        return try parse(text, path: path)
    }

    /// Parses lesson text. `path` names the file in errors and gives the lesson its number.
    public static func parse(_ text: String, path: String) throws -> Lesson {
        guard let number = lessonNumber(fileName: (path as NSString).lastPathComponent) else {
            throw LessonFormatError(path: path, line: 0, "a lesson file is named NN-topic.md, e.g. 03-forward.md")
        }
        let lines = text.replacingOccurrences(of: "\r\n", with: "\n")
            .split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let (fields, bodyStart) = try frontMatter(lines, path: path)
        guard let id = fields["id"], !id.isEmpty else {
            throw LessonFormatError(path: path, line: 1, "the front matter needs an 'id:' line")
        }
        guard let title = fields["title"], !title.isEmpty else {
            throw LessonFormatError(path: path, line: 1, "the front matter needs a 'title:' line")
        }
        let blocks = try body(lines, from: bodyStart, path: path)
        return Lesson(number: number, id: id, title: title, path: path, blocks: blocks)
    }

    /// `03-forward.md` → 3.
    public static func lessonNumber(fileName: String) -> Int? {
        guard fileName.hasSuffix(".md") else { return nil }
        let digits = fileName.prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty, fileName.dropFirst(digits.count).hasPrefix("-") else { return nil }
        return Int(digits)
    }

    // MARK: Front matter

    /// The `key: value` lines between the opening `---` and the closing `---`,
    /// and the index of the first line after them.
    private static func frontMatter(_ lines: [String], path: String) throws -> ([String: String], Int) {
        guard lines.first?.trimmingCharacters(in: .whitespaces) == "---" else {
            throw LessonFormatError(path: path, line: 1, "a lesson starts with front matter: '---', 'id: …', 'title: …', '---'")
        }
        var fields: [String: String] = [:]
        for index in 1..<lines.count {
            let line = lines[index].trimmingCharacters(in: .whitespaces)
            if line == "---" { return (fields, index + 1) }
            if line.isEmpty || line.hasPrefix("#") { continue }
            guard let colon = line.firstIndex(of: ":") else {
                throw LessonFormatError(path: path, line: index + 1, "front matter lines are 'key: value', not '\(line)'")
            }
            let key = line[..<colon].trimmingCharacters(in: .whitespaces)
            fields[key] = unquoted(line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces))
        }
        throw LessonFormatError(path: path, line: 1, "the front matter has no closing '---' line")
    }

    private static func unquoted(_ value: String) -> String {
        for quote in ["\"", "'"] where value.count >= 2 && value.hasPrefix(quote) && value.hasSuffix(quote) {
            return String(value.dropFirst().dropLast())
        }
        return value
    }

    // MARK: Body

    private static func body(_ lines: [String], from start: Int, path: String) throws -> [Lesson.Block] {
        var blocks: [Lesson.Block] = []
        var prose: [String] = []
        var index = start
        func flushProse() {
            let text = prose.joined(separator: "\n").trimmingCharacters(in: .newlines)
            if !text.isEmpty { blocks.append(.prose(text)) }
            prose = []
        }
        while index < lines.count {
            guard let fence = Fence(opening: lines[index]) else {
                prose.append(lines[index])
                index += 1
                continue
            }
            guard let close = (index + 1..<lines.count).first(where: { fence.isClosed(by: lines[$0]) }) else {
                throw LessonFormatError(path: path, line: index + 1, "this code block is never closed (no closing \(fence.marker))")
            }
            let content = lines[(index + 1)..<close].map(fence.unindent)
            if content.first(where: { !$0.trimmingCharacters(in: .whitespaces).isEmpty })?.hasPrefix(">>>") == true {
                let cellIndex = blocks.filter { if case .cell = $0 { return true } else { return false } }.count
                let hints = takeComments("hint", from: &prose)
                let exercises = takeComments("exercise", from: &prose)
                let (examples, answerTolerance) = try parseExamples(content, firstLine: index + 2, path: path)
                if answerTolerance == nil, !hints.isEmpty {
                    throw LessonFormatError(path: path, line: index + 1,
                                            "hints come before a your-turn cell: mark its first input '# your turn'")
                }
                flushProse()
                let yourTurn = answerTolerance.map { YourTurn(tolerance: $0, hints: hints) }
                blocks.append(.cell(Cell(index: cellIndex, line: index + 1, endLine: close + 1,
                                         examples: examples, yourTurn: yourTurn, exercises: exercises)))
            } else {
                prose.append(contentsOf: lines[index...close])
            }
            index = close + 1
        }
        flushProse()
        return blocks
    }

    /// Takes the `<!-- KEY: … -->` lines out of the prose before a cell and returns their
    /// text in order: the cell's hints (`hint`), the exercises it leads to (`exercise`).
    /// GitHub does not show them.
    private static func takeComments(_ key: String, from prose: inout [String]) -> [String] {
        let opening = "<!-- \(key):"
        var values: [String] = []
        prose.removeAll { line in
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            guard trimmed.hasPrefix(opening), trimmed.hasSuffix("-->") else { return false }
            values.append(trimmed.dropFirst(opening.count).dropLast("-->".count).trimmingCharacters(in: .whitespaces))
            return true
        }
        return values
    }

    /// The examples of one cell, and the answer's tolerance when the first input is
    /// marked `# your turn`. `firstLine` is the file line of `content[0]`.
    private static func parseExamples(_ content: [String], firstLine: Int,
                                      path: String) throws -> ([Example], Tolerance?) {
        var examples: [Example] = []
        var answerTolerance: Tolerance?
        var input: [String] = []
        var output: [String] = []
        var inputLine = 0
        var check = OutputCheck.standard

        func finish() {
            guard !input.isEmpty else { return }
            while output.last?.trimmingCharacters(in: .whitespaces).isEmpty == true { output.removeLast() }
            examples.append(Example(lines: input, expected: output, check: check, line: inputLine))
            input = []
            output = []
        }

        for (offset, line) in content.enumerated() {
            let fileLine = firstLine + offset
            if let text = prompted(line, ">>>") {
                finish()
                guard !text.trimmingCharacters(in: .whitespaces).isEmpty else {
                    throw LessonFormatError(path: path, line: fileLine, "'>>>' with nothing after it: write the input on the same line")
                }
                do {
                    check = try OutputCheck.directive(in: text) ?? .standard
                    if let tolerance = try OutputCheck.yourTurn(in: text) {
                        guard examples.isEmpty else {
                            throw DirectiveError(message: "'# your turn' marks the first input of a cell, the lesson's answer")
                        }
                        answerTolerance = tolerance
                    }
                } catch let error as DirectiveError {
                    throw LessonFormatError(path: path, line: fileLine, error.message)
                }
                input = [text]
                inputLine = fileLine
            } else if let text = prompted(line, "..."), !input.isEmpty, output.isEmpty {
                input.append(text)
            } else if input.isEmpty {
                if line.trimmingCharacters(in: .whitespaces).isEmpty { continue }
                throw LessonFormatError(path: path, line: fileLine, "output before any '>>> ' input line")
            } else {
                output.append(line)
            }
        }
        finish()
        return (examples, answerTolerance)
    }

    /// The text after a `>>> ` or `... ` prompt (the space may be left off on an empty line).
    private static func prompted(_ line: String, _ prompt: String) -> String? {
        if line == prompt { return "" }
        guard line.hasPrefix(prompt + " ") else { return nil }
        return String(line.dropFirst(prompt.count + 1))
    }
}

/// A Markdown code fence: ``` or ~~~, three or more, indented at most three spaces.
private struct Fence {
    let character: Character
    let length: Int
    let indent: Int

    init?(opening line: String) {
        let indent = line.prefix { $0 == " " }.count
        guard indent <= 3 else { return nil }
        let rest = line.dropFirst(indent)
        guard let first = rest.first, first == "`" || first == "~" else { return nil }
        let length = rest.prefix { $0 == first }.count
        guard length >= 3 else { return nil }
        if first == "`" && rest.dropFirst(length).contains("`") { return nil }
        self.character = first
        self.length = length
        self.indent = indent
    }

    var marker: String { String(repeating: character, count: length) }

    func isClosed(by line: String) -> Bool {
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        return trimmed.count >= length && trimmed.allSatisfy { $0 == character }
    }

    /// The line without the fence's own indentation.
    func unindent(_ line: String) -> String {
        String(line.dropFirst(min(indent, line.prefix { $0 == " " }.count)))
    }
}

struct DirectiveError: Error {
    let message: String
}

extension OutputCheck {
    /// The check a directive comment at the end of an input line asks for, or
    /// nil when the line has no directive:
    ///
    ///     >>> :time fit(net, X, y)    # output not compared
    ///     >>> history.train_loss      # tolerance 1e-3
    ///     >>> W.sum()                 # tolerance 1e-3, absolute 1e-6
    static func directive(in input: String) throws -> OutputCheck? {
        guard let comment = directiveComment(in: input), !comment.hasPrefix(yourTurnMark) else { return nil }
        if comment == "output not compared" { return .notCompared }
        return .compared(try tolerance(in: comment))
    }

    static let yourTurnMark = "your turn"

    /// The tolerance of the answer a `# your turn` input gives (`# your turn, tolerance 1e-6`;
    /// numpy's default without one), or nil for any other input.
    static func yourTurn(in input: String) throws -> Tolerance? {
        guard let comment = directiveComment(in: input), comment.hasPrefix(yourTurnMark) else { return nil }
        let rest = comment.dropFirst(yourTurnMark.count).trimmingCharacters(in: CharacterSet(charactersIn: " ,"))
        return rest.isEmpty ? .standard : try tolerance(in: rest)
    }

    /// `tolerance 1e-3` or `tolerance 1e-3, absolute 1e-6`.
    private static func tolerance(in comment: String) throws -> Tolerance {
        let words = comment.replacingOccurrences(of: ",", with: " ").split(separator: " ").map(String.init)
        guard words.first == "tolerance" else {
            throw DirectiveError(message: "write the tolerance as '# tolerance 1e-3' or '# tolerance 1e-3, absolute 1e-6'")
        }
        var tolerance = Tolerance.standard
        var rest = words.dropFirst()
        guard let relative = rest.first.flatMap(Double.init), relative >= 0 else {
            throw DirectiveError(message: "write the tolerance as '# tolerance 1e-3' or '# tolerance 1e-3, absolute 1e-6'")
        }
        tolerance.relative = relative
        rest = rest.dropFirst()
        if !rest.isEmpty {
            guard rest.count == 2, rest.first == "absolute", let absolute = Double(rest.last!), absolute >= 0 else {
                throw DirectiveError(message: "write the tolerance as '# tolerance 1e-3' or '# tolerance 1e-3, absolute 1e-6'")
            }
            tolerance.absolute = absolute
        }
        return tolerance
    }

    /// The input line without its directive comment (other comments stay).
    static func strippingDirective(from input: String) -> String {
        guard let range = commentRange(in: input), directiveComment(in: input) != nil else { return input }
        return String(input[..<range.lowerBound]).trimmingCharacters(in: .whitespaces)
    }

    /// The text of a trailing `# …` comment that is a directive's, trimmed.
    private static func directiveComment(in input: String) -> String? {
        guard let range = commentRange(in: input) else { return nil }
        let text = input[range].dropFirst().trimmingCharacters(in: .whitespaces)
        return text == "output not compared" || text.hasPrefix("tolerance") || text.hasPrefix(yourTurnMark) ? text : nil
    }

    /// Where the line's `#` comment starts (a `#` outside quotes) to the end.
    private static func commentRange(in input: String) -> Range<String.Index>? {
        var quote: Character?
        var index = input.startIndex
        while index < input.endIndex {
            let c = input[index]
            if let open = quote {
                if c == "\\" { index = input.index(after: index) } else if c == open { quote = nil }
            } else if c == "\"" || c == "'" {
                quote = c
            } else if c == "#" {
                return index..<input.endIndex
            }
            if index < input.endIndex { index = input.index(after: index) }
        }
        return nil
    }
}
