/// The text under one picture in a grid, e.g. "Pred: 7, Label: 7".
public struct Caption: Equatable, Sendable {
    public var text: String
    /// Mistakes are marked: `✗` in red on a colour terminal and in PNGs, `X` in plain text.
    public var isMistake: Bool

    public init(_ text: String, isMistake: Bool = false) {
        self.text = text
        self.isMistake = isMistake
    }

    /// "Label: 7".
    public static func label(_ label: Int) -> Caption {
        Caption("Label: \(label)")
    }

    /// "Pred: 7, Label: 7", a mistake when the two differ (the seeds' caption).
    public static func prediction(_ predicted: Int, label: Int) -> Caption {
        Caption("Pred: \(predicted), Label: \(label)", isMistake: predicted != label)
    }

    /// One "Label: ..." caption per label.
    public static func labels(_ labels: [Int]) -> [Caption] {
        labels.map(label)
    }

    /// One "Pred: ..., Label: ..." caption per pair; the two lists must be equally long.
    public static func predictions(_ predicted: [Int], labels: [Int]) throws -> [Caption] {
        guard predicted.count == labels.count else {
            throw PlotError.countMismatch(what: "predictions and labels", expected: labels.count, got: predicted.count)
        }
        return zip(predicted, labels).map { prediction($0, label: $1) }
    }

    /// The text with the mistake marker for `style` appended.
    func marked(for style: TerminalStyle) -> String {
        guard isMistake else { return text }
        return text + (style.usesColour ? " ✗" : " X")
    }
}
