/// Renders a lesson's Markdown prose for the terminal: headings, paragraphs
/// wrapped to the width, lists with hanging indents, block quotes, tables with
/// aligned columns, fenced and indented code blocks (never wrapped), and
/// inline emphasis, code and links.
///
/// With colour, emphasis and code are shown with terminal attributes; without,
/// the text reads as plain text (emphasis markers dropped, code kept in
/// backticks, links as "text (address)").
public struct MarkdownRenderer {
    public let style: TextStyle

    public init(style: TextStyle) {
        self.style = style
    }

    public func render(_ markdown: String) -> String {
        render(lines: markdown.split(separator: "\n", omittingEmptySubsequences: false).map(String.init), width: style.width)
            .joined(separator: "\n")
    }

    // MARK: Blocks

    private func render(lines: [String], width: Int) -> [String] {
        var output: [String] = []
        var index = 0
        var inList = false
        func separate() {
            if let last = output.last, !last.isEmpty { output.append("") }
        }
        while index < lines.count {
            let line = lines[index]
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            let item = listItem(line)
            defer { inList = item != nil }
            if trimmed.isEmpty {
                index += 1
            } else if trimmed.hasPrefix("<!--") {
                while index < lines.count, !lines[index].contains("-->") { index += 1 }
                index += 1
            } else if let fence = fenceMarker(trimmed) {
                separate()
                index += 1
                while index < lines.count, !lines[index].trimmingCharacters(in: .whitespaces).hasPrefix(fence) {
                    output.append(style.apply([.dim], to: "    " + lines[index]))
                    index += 1
                }
                index += 1
            } else if line.hasPrefix("    ") && !inList {
                separate()
                var code: [String] = []
                while index < lines.count, lines[index].hasPrefix("    ") || lines[index].trimmingCharacters(in: .whitespaces).isEmpty {
                    code.append(lines[index])
                    index += 1
                }
                while code.last?.trimmingCharacters(in: .whitespaces).isEmpty == true { code.removeLast() }
                output.append(contentsOf: code.map { style.apply([.dim], to: $0) })
            } else if let (level, text) = heading(trimmed) {
                separate()
                output.append(contentsOf: renderHeading(text, level: level, width: width))
                index += 1
            } else if isRule(trimmed) {
                separate()
                output.append(style.apply([.dim], to: String(repeating: "─", count: min(width, 40))))
                index += 1
            } else if trimmed.hasPrefix("|") {
                separate()
                var rows: [String] = []
                while index < lines.count, lines[index].trimmingCharacters(in: .whitespaces).hasPrefix("|") {
                    rows.append(lines[index].trimmingCharacters(in: .whitespaces))
                    index += 1
                }
                output.append(contentsOf: renderTable(rows, width: width))
            } else if trimmed.hasPrefix(">") {
                separate()
                var quoted: [String] = []
                while index < lines.count, lines[index].trimmingCharacters(in: .whitespaces).hasPrefix(">") {
                    let text = lines[index].trimmingCharacters(in: .whitespaces).dropFirst()
                    quoted.append(String(text.hasPrefix(" ") ? text.dropFirst() : text))
                    index += 1
                }
                let bar = style.apply([.dim], to: "│ ")
                output.append(contentsOf: render(lines: quoted, width: width - 2).map { bar + $0 })
            } else if let item {
                if !inList { separate() }
                var text = item.text
                index += 1
                while index < lines.count, isContinuation(lines[index]) {
                    text += " " + lines[index].trimmingCharacters(in: .whitespaces)
                    index += 1
                }
                let indent = String(repeating: " ", count: item.indent)
                let marker = item.marker
                let hanging = indent + String(repeating: " ", count: marker.count + 1)
                let wrapped = wrap(inline(text), width: width - hanging.count)
                for (n, line) in wrapped.enumerated() {
                    output.append((n == 0 ? indent + style.apply([.bold], to: marker) + " " : hanging) + line)
                }
                if wrapped.isEmpty { output.append(indent + marker) }
            } else {
                separate()
                var paragraph = [trimmed]
                index += 1
                while index < lines.count, isContinuation(lines[index]) {
                    paragraph.append(lines[index].trimmingCharacters(in: .whitespaces))
                    index += 1
                }
                output.append(contentsOf: wrap(inline(paragraph.joined(separator: " ")), width: width))
            }
        }
        return output
    }

    /// A line that carries on the paragraph or list item above it.
    private func isContinuation(_ line: String) -> Bool {
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        return !trimmed.isEmpty && fenceMarker(trimmed) == nil && heading(trimmed) == nil && !isRule(trimmed)
            && !trimmed.hasPrefix("|") && !trimmed.hasPrefix(">") && !trimmed.hasPrefix("<!--") && listItem(line) == nil
    }

    private func fenceMarker(_ trimmed: String) -> String? {
        for marker in ["```", "~~~"] where trimmed.hasPrefix(marker) { return marker }
        return nil
    }

    private func heading(_ trimmed: String) -> (Int, String)? {
        let level = trimmed.prefix { $0 == "#" }.count
        guard (1...6).contains(level), trimmed.dropFirst(level).hasPrefix(" ") else { return nil }
        return (level, trimmed.dropFirst(level).trimmingCharacters(in: .whitespaces))
    }

    private func isRule(_ trimmed: String) -> Bool {
        trimmed.count >= 3 && ["-", "*", "_"].contains { mark in trimmed.allSatisfy { String($0) == mark } }
    }

    private struct ListItem {
        let indent: Int
        let marker: String
        let text: String
    }

    /// `- text`, `* text`, `1. text`, indented for nesting.
    private func listItem(_ line: String) -> ListItem? {
        let indent = line.prefix { $0 == " " }.count
        let rest = line.dropFirst(indent)
        if let first = rest.first, "-*+".contains(first), rest.dropFirst().hasPrefix(" ") {
            return ListItem(indent: indent, marker: "•", text: rest.dropFirst(2).trimmingCharacters(in: .whitespaces))
        }
        let digits = rest.prefix { $0.isASCII && $0.isNumber }
        let after = rest.dropFirst(digits.count)
        if !digits.isEmpty, digits.count <= 3, let mark = after.first, mark == "." || mark == ")", after.dropFirst().hasPrefix(" ") {
            return ListItem(indent: indent, marker: digits + ".", text: after.dropFirst(2).trimmingCharacters(in: .whitespaces))
        }
        return nil
    }

    private func renderHeading(_ text: String, level: Int, width: Int) -> [String] {
        let spans = inline(text).map { Span(text: $0.text, attributes: $0.attributes + [.bold] + (level == 1 ? [.blue] : [])) }
        let lines = wrap(spans, width: width)
        guard !style.colour, level <= 2 else { return lines }
        let underline = level == 1 ? "=" : "-"
        let longest = lines.map(displayWidth).max() ?? 0
        return lines + [String(repeating: underline, count: longest)]
    }

    // MARK: Tables

    private func renderTable(_ rows: [String], width: Int) -> [String] {
        func cells(_ row: String) -> [String] {
            var text = row.trimmingCharacters(in: .whitespaces)
            if text.hasPrefix("|") { text.removeFirst() }
            if text.hasSuffix("|") { text.removeLast() }
            return text.split(separator: "|", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
        }
        let parsed = rows.map(cells)
        let isSeparator: ([String]) -> Bool = { $0.allSatisfy { cell in !cell.isEmpty && cell.allSatisfy { ":-".contains($0) } } }
        let rightAligned = parsed.first(where: isSeparator).map { $0.map { $0.hasSuffix(":") && !$0.hasPrefix(":") } } ?? []
        let hasHeader = parsed.count > 1 && isSeparator(parsed[1])
        let body = parsed.filter { !isSeparator($0) }
        let rendered = body.map { $0.map { inlineText(inline($0)) } }
        let columns = rendered.map(\.count).max() ?? 0
        var widths = [Int](repeating: 0, count: columns)
        for row in rendered { for (c, cell) in row.enumerated() { widths[c] = max(widths[c], displayWidth(cell)) } }
        let total = widths.reduce(0, +) + 2 * max(0, columns - 1)
        if total > width { return rows }
        var output: [String] = []
        for (r, row) in rendered.enumerated() {
            let padded = (0..<columns).map { c -> String in
                let cell = c < row.count ? row[c] : ""
                let gap = String(repeating: " ", count: widths[c] - displayWidth(cell))
                return c < rightAligned.count && rightAligned[c] ? gap + cell : cell + gap
            }
            let line = padded.joined(separator: "  ").replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression)
            output.append(hasHeader && r == 0 ? style.apply([.bold], to: line) : line)
            if hasHeader && r == 0 { output.append(style.apply([.dim], to: String(repeating: "─", count: total))) }
        }
        return output
    }

    // MARK: Inline text

    /// A run of text with the attributes it is shown with.
    struct Span {
        var text: String
        var attributes: [TextStyle.Attribute]
    }

    /// Splits inline Markdown into styled runs: `**bold**`, `*italic*` or
    /// `_italic_`, `` `code` ``, `[text](address)`, and `\*` escapes.
    func inline(_ text: String) -> [Span] {
        let c = Array(text)
        var spans: [Span] = []
        var plain = ""
        var bold = false
        var italic = false
        func current() -> [TextStyle.Attribute] { (bold ? [.bold] : []) + (italic ? [.italic] : []) }
        func flush() {
            if !plain.isEmpty { spans.append(Span(text: plain, attributes: current())) }
            plain = ""
        }
        var i = 0
        while i < c.count {
            let ch = c[i]
            if ch == "\\", i + 1 < c.count, "\\`*_[]()#+-.!<>|$".contains(c[i + 1]) {
                plain.append(c[i + 1])
                i += 2
            } else if ch == "`", let close = c[(i + 1)...].firstIndex(of: "`") {
                flush()
                let code = String(c[(i + 1)..<close])
                spans.append(Span(text: style.colour ? code : "`" + code + "`", attributes: current() + [.cyan]))
                i = close + 1
            } else if ch == "*", i + 1 < c.count, c[i + 1] == "*", bold || hasCloser(c, from: i + 2, marker: "**") {
                flush()
                bold.toggle()
                i += 2
            } else if (ch == "*" || ch == "_"), italic || opensEmphasis(c, at: i), italic || hasCloser(c, from: i + 1, marker: String(ch)) {
                flush()
                italic.toggle()
                i += 1
            } else if ch == "[", let link = link(c, at: i) {
                flush()
                spans.append(Span(text: link.text, attributes: current() + [.underline]))
                if link.address.hasPrefix("http") { spans.append(Span(text: " (" + link.address + ")", attributes: current())) }
                i = link.end
            } else {
                plain.append(ch)
                i += 1
            }
        }
        flush()
        return spans
    }

    /// An emphasis marker opens only before a non-space, and `_` only at the start of a word.
    private func opensEmphasis(_ c: [Character], at i: Int) -> Bool {
        guard i + 1 < c.count, !c[i + 1].isWhitespace else { return false }
        if c[i] == "_", i > 0, c[i - 1].isLetter || c[i - 1].isNumber { return false }
        return true
    }

    private func hasCloser(_ c: [Character], from start: Int, marker: String) -> Bool {
        let m = Array(marker)
        var i = start + 1
        while i + m.count <= c.count {
            if Array(c[i..<(i + m.count)]) == m, !c[i - 1].isWhitespace {
                if marker == "_", i + 1 < c.count, c[i + 1].isLetter || c[i + 1].isNumber { i += 1; continue }
                return true
            }
            i += 1
        }
        return false
    }

    private func link(_ c: [Character], at i: Int) -> (text: String, address: String, end: Int)? {
        guard let close = c[i...].firstIndex(of: "]"), close + 1 < c.count, c[close + 1] == "(",
              let end = c[(close + 1)...].firstIndex(of: ")") else { return nil }
        return (String(c[(i + 1)..<close]), String(c[(close + 2)..<end]), end + 1)
    }

    private func inlineText(_ spans: [Span]) -> String {
        spans.map { style.apply($0.attributes, to: $0.text) }.joined()
    }

    /// Greedy word wrap of styled runs; a word longer than the width gets a line of its own.
    func wrap(_ spans: [Span], width: Int) -> [String] {
        var words: [[Span]] = []
        var word: [Span] = []
        for span in spans {
            var piece = ""
            for ch in span.text {
                if ch == " " || ch == "\n" {
                    if !piece.isEmpty { word.append(Span(text: piece, attributes: span.attributes)); piece = "" }
                    if !word.isEmpty { words.append(word); word = [] }
                } else {
                    piece.append(ch)
                }
            }
            if !piece.isEmpty { word.append(Span(text: piece, attributes: span.attributes)) }
        }
        if !word.isEmpty { words.append(word) }

        var lines: [String] = []
        var line = ""
        var lineWidth = 0
        for word in words {
            let text = inlineText(word)
            let w = displayWidth(text)
            if lineWidth > 0 && lineWidth + 1 + w > width {
                lines.append(line)
                line = ""
                lineWidth = 0
            }
            if lineWidth > 0 { line += " "; lineWidth += 1 }
            line += text
            lineWidth += w
        }
        if !line.isEmpty { lines.append(line) }
        return lines
    }
}
