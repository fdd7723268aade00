import Foundation

/// Axis ticks at "nice" values: multiples of a step that is 1, 2 or 5 × 10^k,
/// the values a person would choose when ruling an axis by hand.
public struct NiceTicks: Equatable, Sendable {
    /// The distance between neighbouring ticks.
    public let step: Double
    /// The tick values, ascending.
    public let values: [Double]
    /// Digits after the decimal point the labels need (0 for steps ≥ 1).
    public let decimals: Int

    /// The first tick.
    public var lower: Double { values.first ?? 0 }
    /// The last tick.
    public var upper: Double { values.last ?? 0 }

    /// Each value printed with `decimals` digits: 0.2 → "0.2", 5 → "5".
    public var labels: [String] { values.map(label) }

    /// `value` printed like the tick labels.
    public func label(_ value: Double) -> String {
        let text = String(format: "%.\(decimals)f", value)
        return text.hasPrefix("-") && Double(text) == 0 ? String(text.dropFirst()) : text
    }

    /// Ticks whose range covers `low...high`, extended outward to whole steps,
    /// with about `targetCount` ticks: covering(0, 1, targetCount: 6) gives
    /// 0, 0.2, 0.4, 0.6, 0.8, 1. The axis for data, so no value falls off it.
    /// An empty range is widened (0...0 becomes -1...1); non-finite bounds give 0...1.
    public static func covering(_ low: Double, _ high: Double, targetCount: Int = 6) -> NiceTicks {
        let (low, high) = usableRange(low, high)
        let step = NiceStep(span: high - low, targetCount: targetCount)
        // The small tolerance keeps 0.6 / 0.2 = 2.9999999999999996 at 3.
        guard let first = multipleIndex(low / step.value + 1e-9, .down),
              let last = multipleIndex(high / step.value - 1e-9, .up) else {
            return covering(0, 1, targetCount: targetCount)
        }
        return NiceTicks(step: step, multiples: first...max(first + 1, last))
    }

    /// Ticks at whole steps lying inside `low...high`, about `targetCount` of
    /// them: within(1, 10, targetCount: 6) gives 2, 4, 6, 8, 10. The axis for
    /// positions such as epochs, whose ends are the data's own.
    public static func within(_ low: Double, _ high: Double, targetCount: Int = 6) -> NiceTicks {
        let (low, high) = usableRange(low, high)
        let step = NiceStep(span: high - low, targetCount: targetCount)
        guard let first = multipleIndex(low / step.value - 1e-9, .up),
              let last = multipleIndex(high / step.value + 1e-9, .down) else {
            return within(0, 1, targetCount: targetCount)
        }
        return NiceTicks(step: step, multiples: first...max(first, last))
    }

    /// `ratio` rounded to a whole number of steps, or nil when it is not a
    /// modest finite number — which happens only for ranges at the very ends
    /// of Double (a step underflowing to 0 near 1e-320, say); callers then
    /// fall back to 0...1 and the drawing clamps the data onto that axis.
    private static func multipleIndex(_ ratio: Double, _ rule: FloatingPointRoundingRule) -> Int? {
        let rounded = ratio.rounded(rule)
        return abs(rounded) <= 1e12 ? Int(exactly: rounded) : nil
    }

    private init(step: NiceStep, multiples: ClosedRange<Int>) {
        self.step = step.value
        self.values = multiples.map(step.multiple)
        self.decimals = max(0, -step.exponent)
    }

    /// A finite range of positive width around the given bounds. A range too
    /// narrow to show beside the size of its values (1e20...1e20 + 1) is
    /// widened by a tenth of their size; one too wide to measure becomes 0...1.
    private static func usableRange(_ low: Double, _ high: Double) -> (Double, Double) {
        guard low.isFinite, high.isFinite, (high - low).isFinite else { return (0, 1) }
        let (low, high) = (min(low, high), max(low, high))
        guard high - low > max(abs(low), abs(high)) * 1e-9 else {
            let pad = low == 0 && high == 0 ? 1 : max(abs(low), abs(high)) * 0.1
            return (low - pad, high + pad)
        }
        return (low, high)
    }
}

/// A step of `mantissa × 10^exponent` with mantissa 1, 2 or 5.
private struct NiceStep {
    let mantissa: Int
    let exponent: Int

    /// The smallest nice step that splits `span` into at most `targetCount - 1` intervals.
    init(span: Double, targetCount: Int) {
        let raw = span / Double(max(1, targetCount - 1))
        var exponent = Int(log10(raw).rounded(.down))
        let fraction = raw / pow(10, Double(exponent))
        let mantissa: Int
        switch fraction {
        case ...1.000_000_001: mantissa = 1
        case ...2.000_000_001: mantissa = 2
        case ...5.000_000_001: mantissa = 5
        default: mantissa = 1; exponent += 1
        }
        self.mantissa = mantissa
        self.exponent = exponent
    }

    var value: Double { multiple(1) }

    /// `k` steps, computed as an integer divided by a power of ten so that
    /// 3 × 0.2 is the double nearest 0.6 rather than 0.6000000000000001.
    /// (Powers of ten are exact up to 10^22; beyond that a plain product is as good as it gets.)
    func multiple(_ k: Int) -> Double {
        if (-22 ..< 0).contains(exponent) { return Double(k * mantissa) / pow(10, Double(-exponent)) }
        return Double(k * mantissa) * pow(10, Double(exponent))
    }
}
