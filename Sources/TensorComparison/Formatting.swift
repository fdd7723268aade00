import Foundation
import Tensor

/// How numbers, indices and tensors appear in check reports.
public enum Formatting {
    /// Up to 8 significant digits: 2.0579081, 0.5, 1e+308, nan, -inf.
    public static func number(_ value: Double) -> String {
        if value.isNaN { return "nan" }
        if value.isInfinite { return value < 0 ? "-inf" : "inf" }
        if value == value.rounded(), abs(value) < 1e15 { return String(format: "%.0f", value) }
        return String(format: "%.8g", value)
    }

    /// A multi-index: [1, 0]; a 0-d tensor's only element is [].
    public static func index(_ flat: Int, shape: [Int]) -> String {
        var rest = flat
        var parts = [Int](repeating: 0, count: shape.count)
        for axis in shape.indices.reversed() where shape[axis] > 0 {
            parts[axis] = rest % shape[axis]
            rest /= shape[axis]
        }
        return "[" + parts.map(String.init).joined(separator: ", ") + "]"
    }

    /// Small tensors in full with their nesting, e.g. [[0, 1], [2, 3]]; larger ones as
    /// their first and last values in row-major order.
    public static func preview(_ t: Tensor, limit: Int = 12) -> String {
        let values = t.doubles
        if t.ndim == 0 { return values.first.map(number) ?? "" }
        if values.count <= limit { return nested(values[...], shape: t.shape[...]) }
        let head = values.prefix(6).map(number).joined(separator: ", ")
        let tail = values.suffix(2).map(number).joined(separator: ", ")
        return "[\(head), …, \(tail)] (\(values.count) values in row-major order)"
    }

    private static func nested(_ values: ArraySlice<Double>, shape: ArraySlice<Int>) -> String {
        guard let first = shape.first else { return values.first.map(number) ?? "" }
        guard shape.count > 1 else { return "[" + values.map(number).joined(separator: ", ") + "]" }
        let stride = shape.dropFirst().reduce(1, *)
        let rows = (0..<first).map { row -> String in
            let start = values.startIndex + row * stride
            return nested(values[start..<(start + stride)], shape: shape.dropFirst())
        }
        return "[" + rows.joined(separator: ", ") + "]"
    }

    /// "x (5, 2) float64", with the values when there are only a few.
    public static func describe(_ named: Named) -> String {
        let t = named.value
        var text = "\(named.name) \(formatShape(t.shape)) \(t.dtype.rawValue)"
        if t.count <= 12 { text += " = " + preview(t) }
        return text
    }
}
