/// A rectangle of terminal text: `lines`, each exactly `width` columns wide on
/// screen. Lines may hold colour escapes, which take no columns, so the width is
/// tracked here rather than measured from the strings.
struct TextBlock {
    var lines: [String]
    let width: Int

    var height: Int { lines.count }

    /// Lines whose display widths are measured (they must not contain escapes) and padded to the widest.
    init(plainLines: [String]) {
        let width = plainLines.map(displayWidth).max() ?? 0
        self.init(lines: plainLines.map { $0.padded(to: width) }, width: width)
    }

    /// Lines that are already `width` columns wide.
    init(lines: [String], width: Int) {
        self.lines = lines
        self.width = width
    }

    /// This block with blank lines added below until it is `height` lines tall.
    func padded(toHeight height: Int) -> TextBlock {
        let blank = String(repeating: " ", count: width)
        return TextBlock(lines: lines + Array(repeating: blank, count: max(0, height - lines.count)), width: width)
    }

    /// This block centred in `width` columns.
    func centred(in width: Int) -> TextBlock {
        let left = max(0, (width - self.width) / 2), right = max(0, width - self.width - left)
        let (leftPad, rightPad) = (String(repeating: " ", count: left), String(repeating: " ", count: right))
        return TextBlock(lines: lines.map { leftPad + $0 + rightPad }, width: max(width, self.width))
    }

    /// The blocks side by side, top-aligned, `gap` spaces apart.
    static func beside(_ blocks: [TextBlock], gap: Int) -> TextBlock {
        let height = blocks.map(\.height).max() ?? 0
        let padded = blocks.map { $0.padded(toHeight: height) }
        let spacer = String(repeating: " ", count: gap)
        let lines = (0..<height).map { row in padded.map { $0.lines[row] }.joined(separator: spacer) }
        let width = blocks.map(\.width).reduce(0, +) + gap * max(0, blocks.count - 1)
        return TextBlock(lines: lines, width: width)
    }
}

/// The number of terminal columns `text` takes: East Asian wide characters
/// (Hangul, CJK) take two, combining marks none, everything else one.
/// `text` must not contain escape sequences.
func displayWidth(_ text: String) -> Int {
    text.unicodeScalars.reduce(0) { $0 + columns(of: $1) }
}

private func columns(of scalar: Unicode.Scalar) -> Int {
    switch scalar.value {
    case 0x0300...0x036F, 0x1160...0x11FF, 0x200B...0x200F, 0xFE00...0xFE0F: return 0
    case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
         0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
         0xFFE0...0xFFE6, 0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x3FFFD: return 2
    default: return 1
    }
}

extension String {
    /// This text followed by spaces up to `width` display columns.
    func padded(to width: Int) -> String {
        self + String(repeating: " ", count: max(0, width - displayWidth(self)))
    }

    /// This text preceded by spaces up to `width` display columns.
    func leftPadded(to width: Int) -> String {
        String(repeating: " ", count: max(0, width - displayWidth(self))) + self
    }
}

/// `text` broken at spaces into lines of at most `width` columns. Words are
/// never split, so a word wider than `width` gets a line of its own.
func wrapWords(_ text: String, width: Int) -> [String] {
    var lines: [String] = []
    var current = ""
    for word in text.split(separator: " ").map(String.init) {
        if current.isEmpty {
            current = word
        } else if displayWidth(current) + 1 + displayWidth(word) <= width {
            current += " " + word
        } else {
            lines.append(current)
            current = word
        }
    }
    if !current.isEmpty { lines.append(current) }
    return lines
}
