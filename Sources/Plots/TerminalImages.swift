import Tensor

/// Pictures drawn with characters, returned as strings for the caller to print.
///
/// Every function takes a `TerminalStyle` (default: detected for stdout) and
/// never prints. Images use the same geometry in every style: one text
/// column per pixel column and one text row per two pixel rows, which keeps
/// the aspect ratio of square pixels on a terminal whose cells are about
/// twice as tall as wide.
public enum TerminalPicture {}

extension TerminalPicture {
    /// The grey ramp for plain text, darkest first: a pixel's level in 0...1
    /// picks one of its ten characters.
    public static let asciiRamp: [Character] = [" ", ".", ":", "-", "=", "+", "*", "#", "%", "@"]

    /// One image, e.g. a digit of shape (28, 28) or (784): min...max scaled to
    /// black...white. Colour styles draw with upper half blocks `▀` (foreground
    /// = top pixel, background = bottom pixel); plain style uses `asciiRamp`,
    /// averaging each pair of rows, with trailing spaces removed.
    public static func digit(_ image: Tensor, style: TerminalStyle = .detect()) throws -> String {
        render(try GreyImage(image), style: style)
    }

    /// `image` min...max scaled to black...white, as text lines.
    public static func render(_ image: GreyImage, style: TerminalStyle = .detect()) -> String {
        greyBlock(image, style: style).lines.map { $0.trimmingTrailingSpaces() }.joined(separator: "\n")
    }

    /// The most images a grid shows; the rest of a larger stack is left out, with a note.
    public static let maximumGridImages = 100

    /// Several images in rows that fit `width` columns (default: the terminal's
    /// width), each with its caption underneath, wrapped to the image's width.
    /// At most `maximumGridImages` are shown.
    ///
    /// - Parameters:
    ///   - images: a stack (N, H, W) or (N, D) with D square, e.g. (16, 784).
    ///   - captions: none, or one per image (see `Caption.predictions(_:labels:)`).
    public static func grid(images: Tensor, captions: [Caption] = [], width: Int? = nil,
                            style: TerminalStyle = .detect()) throws -> String {
        let shown = try GreyImage.batch(images, limit: maximumGridImages)
        let total = images.shape[0]
        try checkCaptions(captions, images: total)
        let picture = try grid(images: shown, captions: Array(captions.prefix(shown.count)), width: width, style: style)
        return shown.count < total ? picture + "\n(the first \(shown.count) of \(total) images)" : picture
    }

    /// `grid(images:captions:width:style:)` for images already split apart (all of them are shown).
    public static func grid(images: [GreyImage], captions: [Caption] = [], width: Int? = nil,
                            style: TerminalStyle = .detect()) throws -> String {
        guard !images.isEmpty else { throw PlotError.empty(what: "the list of images") }
        try checkCaptions(captions, images: images.count)
        let tiles = images.indices.map { n in
            tile(greyBlock(images[n], style: style), caption: captions.isEmpty ? nil : captions[n], style: style)
        }
        return arrange(tiles, width: width ?? TerminalSize.columns())
    }

    /// There must be no captions or one per image.
    static func checkCaptions(_ captions: [Caption], images: Int) throws {
        guard captions.isEmpty || captions.count == images else {
            throw PlotError.countMismatch(what: "captions for \(images) images", expected: images, got: captions.count)
        }
    }

    /// The first `count` hidden units' incoming weights, one tile each: column
    /// j of `weights` (D, H), D square (784 → 28 × 28), is unit j's tile, so
    /// the tile shows which pixels excite (orange) or inhibit (blue) the unit.
    /// Each tile is scaled by its own largest magnitude; plain style shows
    /// min...max on the ASCII ramp.
    public static func weights(_ weights: Tensor, count: Int = 16, width: Int? = nil,
                               style: TerminalStyle = .detect()) throws -> String {
        let images = try weightTiles(weights, count: count)
        let tiles = images.enumerated().map { j, image in
            tile(weightBlock(image, style: style), caption: Caption("unit \(j)"), style: style)
        }
        return arrange(tiles, width: width ?? TerminalSize.columns())
    }
}

/// The first `count` columns of `weights` (D, H) as square images.
func weightTiles(_ weights: Tensor, count: Int) throws -> [GreyImage] {
    guard weights.ndim == 2, let side = exactSquareRoot(weights.shape[0]) else {
        throw PlotError.wrongShape(what: "first-layer weights", expected: "(D, H) with D square, e.g. (784, 128)",
                                   got: weights.shape)
    }
    let (inputs, units) = (weights.shape[0], weights.shape[1])
    guard units > 0, count > 0 else { throw PlotError.empty(what: "the set of weight tiles") }
    let all = weights.doubles
    return try (0..<min(count, units)).map { j in
        try GreyImage(width: side, height: side, values: (0..<inputs).map { all[$0 * units + j] })
    }
}

extension TerminalPicture {
    /// A grey image: min...max as black...white, or the ASCII ramp.
    static func greyBlock(_ image: GreyImage, style: TerminalStyle) -> TextBlock {
        let levels = image.levels
        return pixelBlock(width: image.width, height: image.height, levels: levels,
                          colours: levels.map { RGB(grey: $0) }, style: style)
    }

    /// A signed image in the diverging palette, or min...max on the ASCII ramp.
    static func weightBlock(_ image: GreyImage, style: TerminalStyle) -> TextBlock {
        pixelBlock(width: image.width, height: image.height, levels: image.levels,
                   colours: image.signedLevels.map(Palette.diverging), style: style)
    }

    /// A `width × height` pixel grid: plain style draws `levels` (0...1) with
    /// the ASCII ramp, colour styles draw `colours` with half blocks.
    static func pixelBlock(width: Int, height: Int, levels: [Double], colours: [RGB],
                           style: TerminalStyle) -> TextBlock {
        let rows = stride(from: 0, to: height, by: 2).map { top -> String in
            let bottom = top + 1 < height ? top + 1 : nil
            if style.usesColour {
                return halfBlockRow(top: Array(colours[top * width ..< (top + 1) * width]),
                                    bottom: bottom.map { Array(colours[$0 * width ..< ($0 + 1) * width]) },
                                    style: style)
            }
            return String((0..<width).map { x -> Character in
                let level = bottom.map { (levels[top * width + x] + levels[$0 * width + x]) / 2 }
                    ?? levels[top * width + x]
                return asciiRamp[Int((level * Double(asciiRamp.count)).rounded(.down)
                    .clamped(0, Double(asciiRamp.count - 1)))]
            })
        }
        return TextBlock(lines: rows, width: width)
    }

    /// One text row of `▀` cells showing two pixel rows. The colour escape is
    /// written only where the pair of colours changes; a missing bottom row
    /// (odd heights) keeps the terminal's own background (`49`).
    static func halfBlockRow(top: [RGB], bottom: [RGB]?, style: TerminalStyle) -> String {
        var line = ""
        var previous: (RGB, RGB?)?
        for x in top.indices {
            let pair = (top[x], bottom?[x])
            if previous == nil || previous!.0 != pair.0 || previous!.1 != pair.1 {
                let background = pair.1.map { ANSI.colourParameters($0, background: true, style: style) } ?? "49"
                line += "\u{1B}[\(ANSI.colourParameters(pair.0, background: false, style: style));\(background)m"
                previous = pair
            }
            line += "▀"
        }
        return line + ANSI.reset
    }

    /// A picture with its caption underneath, each line centred. The caption
    /// wraps at the picture's width, but not below `minimumCaptionWidth`
    /// columns, so a small picture widens its tile instead of stacking words.
    static func tile(_ picture: TextBlock, caption: Caption?, style: TerminalStyle) -> TextBlock {
        guard let caption else { return picture }
        let lines = wrapWords(caption.marked(for: style), width: max(picture.width, minimumCaptionWidth))
        let width = max(picture.width, lines.map(displayWidth).max() ?? 0)
        let captionLines = lines.map { line -> String in
            let centred = TextBlock(plainLines: [line]).centred(in: width).lines[0]
            return caption.isMistake ? ANSI.coloured(centred, Palette.mistake, style: style) : centred
        }
        return TextBlock(lines: picture.centred(in: width).lines + captionLines, width: width)
    }

    /// The narrowest width a caption is wrapped to.
    static let minimumCaptionWidth = 12

    /// Tiles of equal width in as many columns as fit in `width` (at least
    /// one), two spaces apart, with a blank line between rows of tiles.
    static func arrange(_ tiles: [TextBlock], width: Int) -> String {
        let gap = 2
        let tileWidth = tiles.map(\.width).max() ?? 0
        let perRow = max(1, (width + gap) / (tileWidth + gap))
        let equal = tiles.map { $0.centred(in: tileWidth) }
        let rows = stride(from: 0, to: equal.count, by: perRow).map { start in
            TextBlock.beside(Array(equal[start ..< min(start + perRow, equal.count)]), gap: gap)
                .lines.map { $0.trimmingTrailingSpaces() }.joined(separator: "\n")
        }
        return rows.joined(separator: "\n\n")
    }
}

extension String {
    /// This text without trailing spaces (escape sequences end in letters, so they stay).
    func trimmingTrailingSpaces() -> String {
        var end = endIndex
        while end > startIndex, self[index(before: end)] == " " { end = index(before: end) }
        return String(self[..<end])
    }
}
