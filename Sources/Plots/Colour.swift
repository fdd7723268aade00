/// An 8-bit-per-channel colour.
public struct RGB: Equatable, Hashable, Sendable {
    public var r: UInt8
    public var g: UInt8
    public var b: UInt8

    public init(_ r: UInt8, _ g: UInt8, _ b: UInt8) {
        self.r = r
        self.g = g
        self.b = b
    }

    /// A grey of brightness `level` in 0...1 (0 black, 1 white); out-of-range and NaN levels are clamped.
    public init(grey level: Double) {
        let value = byte(level)
        self.init(value, value, value)
    }

    public static let black = RGB(0, 0, 0)
    public static let white = RGB(255, 255, 255)

    /// This colour mixed with `other`: `fraction` 0 gives self, 1 gives `other`.
    public func mixed(with other: RGB, _ fraction: Double) -> RGB {
        func mix(_ a: UInt8, _ b: UInt8) -> UInt8 {
            byte((Double(a) + (Double(b) - Double(a)) * fraction) / 255)
        }
        return RGB(mix(r, other.r), mix(g, other.g), mix(b, other.b))
    }
}

/// `level` in 0...1 as a byte 0...255, rounded; NaN becomes 0 and the rest is clamped.
func byte(_ level: Double) -> UInt8 {
    guard !level.isNaN else { return 0 }
    return UInt8((min(max(level, 0), 1) * 255).rounded())
}

/// The colours every picture shares, so a class or a series has the same colour in
/// the terminal, in PNG files and in SVG charts.
public enum Palette {
    /// Ten distinct colours (matplotlib's "tab10"), for classes and chart series.
    public static let categorical: [RGB] = [
        RGB(31, 119, 180), RGB(255, 127, 14), RGB(44, 160, 44), RGB(214, 39, 40), RGB(148, 103, 189),
        RGB(140, 86, 75), RGB(227, 119, 194), RGB(127, 127, 127), RGB(188, 189, 34), RGB(23, 190, 207),
    ]

    /// The colour of class or series `index`, cycling after ten.
    public static func colour(_ index: Int) -> RGB {
        categorical[((index % categorical.count) + categorical.count) % categorical.count]
    }

    /// The red used to mark mistakes.
    public static let mistake = RGB(230, 50, 50)

    /// A diverging colour for a signed value `t` in -1...1: black at zero,
    /// brightening to blue for negative and to orange for positive values, so
    /// the sign of a weight shows as hue and its size as brightness.
    public static func diverging(_ t: Double) -> RGB {
        guard t.isFinite else { return .black }
        let negative = RGB(40, 140, 255), positive = RGB(255, 140, 40)
        return RGB.black.mixed(with: t < 0 ? negative : positive, min(abs(t), 1))
    }
}

/// ANSI "select graphic rendition" escapes for one terminal style.
enum ANSI {
    static let reset = "\u{1B}[0m"

    /// The escape parameters that set the foreground (`background: false`) or background colour.
    static func colourParameters(_ colour: RGB, background: Bool, style: TerminalStyle) -> String {
        let layer = background ? 48 : 38
        switch style {
        case .trueColor: return "\(layer);2;\(colour.r);\(colour.g);\(colour.b)"
        case .color256: return "\(layer);5;\(Xterm256.index(nearest: colour))"
        case .plain: return ""
        }
    }

    /// `text` in foreground `colour`, followed by a reset; unchanged in plain style.
    static func coloured(_ text: String, _ colour: RGB, style: TerminalStyle) -> String {
        guard style.usesColour else { return text }
        return "\u{1B}[\(colourParameters(colour, background: false, style: style))m\(text)\(reset)"
    }
}

/// The xterm 256-colour palette: 16 system colours, a 6×6×6 colour cube
/// (indices 16...231) and a 24-step grey ramp (232...255).
enum Xterm256 {
    /// The channel values of the cube's six levels.
    static let cubeLevels: [Int] = [0, 95, 135, 175, 215, 255]

    /// The palette index whose colour is closest to `colour` (squared RGB distance),
    /// searching the cube and the grey ramp; the system colours vary between terminals.
    static func index(nearest colour: RGB) -> Int {
        if colour.r == colour.g && colour.g == colour.b { return greyIndex[Int(colour.r)] }
        return search(colour)
    }

    /// `search` for every grey, computed once: images are mostly grey.
    private static let greyIndex: [Int] = (0...255).map { search(RGB(UInt8($0), UInt8($0), UInt8($0))) }

    /// Ties go to the cube, and within the cube and the ramp to the lower index.
    private static func search(_ colour: RGB) -> Int {
        let channels = [Int(colour.r), Int(colour.g), Int(colour.b)]
        let cube = channels.map { value in
            cubeLevels.indices.min { abs(cubeLevels[$0] - value) < abs(cubeLevels[$1] - value) }!
        }
        let cubeDistance = distance(channels, cube.map { cubeLevels[$0] })
        // Grey ramp entry i has all three channels 8 + 10 i.
        let greyDistances = (0..<24).map { distance(channels, Array(repeating: 8 + 10 * $0, count: 3)) }
        let grey = greyDistances.indices.min { greyDistances[$0] < greyDistances[$1] }!
        return greyDistances[grey] < cubeDistance ? 232 + grey : 16 + 36 * cube[0] + 6 * cube[1] + cube[2]
    }

    private static func distance(_ a: [Int], _ b: [Int]) -> Int {
        zip(a, b).reduce(0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) }
    }
}
