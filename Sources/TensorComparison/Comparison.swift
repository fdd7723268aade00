import Tensor

/// Compares one actual output with the expected one: dtype, then shape, then values
/// within the tolerance. Returns nil when they agree, else the lines that say how they
/// differ and, where a pattern is recognisable, what the mistake probably is.
public struct Comparison {
    public let expected: Named
    public let actual: Tensor
    public let tolerance: Tolerance
    /// The case's inputs: those shaped like the output are shown at the first difference,
    /// and the first one's leading axis is the batch size a missing division is named by.
    public let inputs: [Named]

    public init(expected: Named, actual: Tensor, tolerance: Tolerance, inputs: [Named] = []) {
        self.expected = expected
        self.actual = actual
        self.tolerance = tolerance
        self.inputs = inputs
    }

    public var differences: [String]? {
        let e = expected.value, name = expected.name
        if actual.shape != e.shape { return shapeDifference() }
        if actual.dtype != e.dtype {
            return ["\(name): dtype \(actual.dtype.rawValue), expected \(e.dtype.rawValue) (shape \(formatShape(e.shape)) is right)"]
        }
        return valueDifference()
    }

    // MARK: Shapes

    private func shapeDifference() -> [String] {
        let e = expected.value, name = expected.name
        var lines = ["\(name): shape \(formatShape(actual.shape)), expected \(formatShape(e.shape))"]
        if actual.ndim == 2, actual.shape == e.shape.reversed() {
            var note = "  \(formatShape(actual.shape)) is the expected shape reversed: a transposed result?"
            if let transposed = transpose(actual), agree(transposed.doubles, e.doubles) {
                note += " Its transpose has exactly the expected values: transpose it, or swap the operands of the product."
            }
            lines.append(note)
        } else if let broadcastNote = broadcastNote() {
            lines.append(broadcastNote)
        } else if actual.count == e.count {
            lines.append("  the same \(e.count) elements could be there, in a different shape: reshape, or check which axis you reduced or kept.")
        } else if e.dtype.isFloatingPoint, let axisNote = reducedAxisNote() {
            lines.append(axisNote)
        }
        lines.append("  expected: " + Formatting.preview(e))
        lines.append("  actual:   " + Formatting.preview(actual))
        return lines
    }

    /// An (N,) and an (N, 1) combined elementwise broadcast to (N, N): a square result
    /// where one value per row was expected means a reduction lost its axis on the way.
    private func broadcastNote() -> String? {
        let e = expected.value.shape, a = actual.shape
        guard a.count == 2, a[0] == a[1], a[0] > 1, let rows = e.first, e == [rows] || e == [rows, 1], rows == a[0]
        else { return nil }
        return "  \(formatShape(a)) is what an (\(rows),) and an (\(rows), 1) broadcast to: a broadcast that went the wrong way? "
            + "Keep the reduced axis (keepdims=True) or reshape one operand to match the other."
    }

    /// A sum or max over the wrong axis, or without keepdims, changes the shape in a recognisable way.
    private func reducedAxisNote() -> String? {
        let e = expected.value.shape, a = actual.shape
        if a.isEmpty && !e.isEmpty { return "  a single number where a tensor was expected: a reduction over every axis instead of one?" }
        if e.count == 2, a.count == 1, a[0] == e[0] || a[0] == e[1] {
            return "  one axis is missing: was an axis reduced (sum, max, mean) that should have been kept?"
        }
        if e.count == 1, a.count == 1 { return "  the length differs: reduced over the wrong axis?" }
        return nil
    }

    // MARK: Values

    private func valueDifference() -> [String]? {
        let e = expected.value.doubles, a = actual.doubles, shape = expected.value.shape
        let differing = e.indices.filter { !tolerance.accepts(a[$0], e[$0]) }
        guard let first = differing.first else { return nil }
        let name = expected.name
        let largest = differing.max { gap(at: $0) < gap(at: $1) } ?? first
        var lines = ["\(name) \(formatShape(shape)): \(differing.count) of \(e.count) values differ (tolerance: \(tolerance.description))"]
        lines.append("  first difference at \(Formatting.index(first, shape: shape)): expected \(Formatting.number(e[first])), actual \(Formatting.number(a[first]))")
        if largest != first {
            lines.append("  largest difference at \(Formatting.index(largest, shape: shape)): expected \(Formatting.number(e[largest])), actual \(Formatting.number(a[largest]))")
        }
        lines.append("  expected: " + Formatting.preview(expected.value))
        lines.append("  actual:   " + Formatting.preview(actual))
        lines += inputsNote(at: first) + diagnoses(differing)
        return lines
    }

    private func gap(at i: Int) -> Double {
        let d = abs(actual.doubles[i] - expected.value.doubles[i])
        return d.isNaN ? .infinity : d
    }

    /// The inputs shaped like the output, at the first differing index: where ReLU's
    /// mask or a sigmoid's tail went wrong, the input value there tells why.
    private func inputsNote(at index: Int) -> [String] {
        let shape = expected.value.shape
        let sameShape = inputs.filter { $0.value.shape == shape && !shape.isEmpty }
        guard !sameShape.isEmpty else { return [] }
        let values = sameShape.map { "\($0.name) = \(Formatting.number($0.value.doubles[index]))" }
        return ["  inputs at \(Formatting.index(index, shape: shape)): " + values.joined(separator: ", ")]
    }

    /// Notes on patterns that point at a likely mistake.
    private func diagnoses(_ differing: [Int]) -> [String] {
        let e = expected.value.doubles, a = actual.doubles
        var notes: [String] = []
        if let bad = differing.first(where: { !a[$0].isFinite && e[$0].isFinite }) {
            notes.append("  note: \(Formatting.number(a[bad])) where the expected value is finite: an overflow? "
                + "e^x is inf in float64 once x > 709, and inf/inf, inf - inf and 0 · inf are nan; "
                + "log(0) is -inf. Keep every exponent ≤ 0 (subtract the maximum first).")
        }
        if let factor = constantFactor() {
            notes.append("  note: every value is \(Formatting.number(factor)) times the expected one" + factorExplanation(factor))
        }
        if let transposed = transpose(actual), transposed.shape == expected.value.shape, agree(transposed.doubles, e) {
            notes.append("  note: the values are the transpose of the expected ones: transpose the result, or swap the operands of the product.")
        }
        return notes
    }

    /// The k with actual = k · expected for every element, if there is one (k ≠ 1).
    private func constantFactor() -> Double? {
        let e = expected.value.doubles, a = actual.doubles
        guard let pivot = e.indices.max(by: { abs(e[$0]) < abs(e[$1]) }), e[pivot] != 0, a[pivot].isFinite else { return nil }
        let k = a[pivot] / e[pivot]
        guard k != 0, abs(k - 1) > 1e-6 else { return nil }
        let scaled = e.map { $0 * k }
        return agree(a, scaled, slack: 1e-6) ? k : nil
    }

    private func factorExplanation(_ k: Double) -> String {
        let n = Double(inputs.first?.value.shape.first ?? 0)
        func near(_ x: Double) -> Bool { abs(k - x) <= 1e-6 * max(1, abs(x)) }
        if n > 1, near(n) { return ": the batch size N is \(Int(n)). Is a division by N missing?" }
        if n > 1, near(1 / n) { return ": the batch size N is \(Int(n)). Is there a division by N too many?" }
        if near(-1) { return ": a sign error?" }
        if near(2) || near(0.5) { return ": a factor of 2?" }
        return "."
    }

    /// Whether `a` and `b` agree element by element within the tolerance (loosened by `slack`).
    private func agree(_ a: [Double], _ b: [Double], slack: Double = 0) -> Bool {
        let loose = Tolerance(absolute: tolerance.absolute + slack, relative: tolerance.relative + slack)
        return a.count == b.count && zip(a, b).allSatisfy { loose.accepts($0, $1) }
    }

    private func transpose(_ t: Tensor) -> Tensor? {
        t.ndim == 2 ? t.T : nil
    }
}
