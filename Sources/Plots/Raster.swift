/// An RGB picture in memory to draw on before saving it as PNG.
/// Pixel (0, 0) is the top left; drawing outside the picture is clipped.
public struct Raster: Equatable, Sendable {
    public let width: Int
    public let height: Int
    /// The `height × width` pixels, row by row.
    public private(set) var pixels: [RGB]

    /// A `width × height` picture filled with `background`. Sizes are clamped to 1...`maximumSide`.
    public init(width: Int, height: Int, background: RGB = .white) {
        self.width = min(max(width, 1), Raster.maximumSide)
        self.height = min(max(height, 1), Raster.maximumSide)
        pixels = Array(repeating: background, count: self.width * self.height)
    }

    /// The largest width or height a raster may have (keeps a mistyped size from exhausting memory).
    public static let maximumSide = 8192

    /// The pixel at column `x`, row `y`; reads outside give black, writes outside are ignored.
    public subscript(x: Int, y: Int) -> RGB {
        get { contains(x, y) ? pixels[y * width + x] : .black }
        set { if contains(x, y) { pixels[y * width + x] = newValue } }
    }

    /// Whether every pixel is a shade of grey (so the PNG can be one byte per pixel).
    public var isGreyscale: Bool { pixels.allSatisfy { $0.r == $0.g && $0.g == $0.b } }

    private func contains(_ x: Int, _ y: Int) -> Bool { x >= 0 && x < width && y >= 0 && y < height }

    /// Paints the rectangle with top left (x, y).
    public mutating func fill(x: Int, y: Int, width: Int, height: Int, colour: RGB) {
        let (top, bottom) = (max(y, 0), min(y + height, self.height))
        let (left, right) = (max(x, 0), min(x + width, self.width))
        guard top < bottom, left < right else { return }
        for row in top..<bottom {
            for column in left..<right { pixels[row * self.width + column] = colour }
        }
    }

    /// Paints a `width × height` grid of colours with each one blown up to a
    /// `scale × scale` block (nearest-neighbour enlargement), top left at (x, y).
    mutating func drawPixels(_ colours: [RGB], width: Int, height: Int, x: Int, y: Int, scale: Int) {
        for row in 0..<height {
            for column in 0..<width {
                fill(x: x + column * scale, y: y + row * scale, width: scale, height: scale,
                     colour: colours[row * width + column])
            }
        }
    }

    /// A straight line from (x0, y0) to (x1, y1), `thickness` pixels wide.
    public mutating func drawLine(from start: (x: Int, y: Int), to end: (x: Int, y: Int), colour: RGB,
                                  thickness: Int = 1) {
        let before = (thickness - 1) / 2
        for point in linePoints(from: start, to: end) {
            fill(x: point.x - before, y: point.y - before, width: thickness, height: thickness, colour: colour)
        }
    }

    /// A filled disc centred at (x, y).
    public mutating func fillCircle(x: Int, y: Int, radius: Int, colour: RGB) {
        guard radius >= 0 else { return }
        for dy in -radius...radius {
            for dx in -radius...radius where dx * dx + dy * dy <= radius * radius {
                self[x + dx, y + dy] = colour
            }
        }
    }

    /// `text` in `BitmapFont`, each font pixel a `scale × scale` block, the top
    /// left of the first glyph at (x, y).
    public mutating func drawText(_ text: String, x: Int, y: Int, colour: RGB, scale: Int = 1) {
        for (index, character) in text.enumerated() {
            let left = x + index * BitmapFont.advance * scale
            for (row, bits) in BitmapFont.glyph(character).enumerated() {
                for (column, bit) in bits.enumerated() where bit == "#" {
                    fill(x: left + column * scale, y: y + row * scale, width: scale, height: scale, colour: colour)
                }
            }
        }
    }
}
