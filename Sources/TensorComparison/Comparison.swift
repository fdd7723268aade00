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
    /// The language of the lines.
    public let language: ReportLanguage

    public init(expected: Named, actual: Tensor, tolerance: Tolerance, inputs: [Named] = [],
                language: ReportLanguage = .en) {
        self.expected = expected
        self.actual = actual
        self.tolerance = tolerance
        self.inputs = inputs
        self.language = language
    }

    private func say(_ english: String, _ korean: String) -> String {
        language == .ko ? korean : english
    }

    public var differences: [String]? {
        let e = expected.value, name = expected.name
        if actual.shape != e.shape { return shapeDifference() }
        if actual.dtype != e.dtype {
            return [say("\(name): dtype \(actual.dtype.rawValue), expected \(e.dtype.rawValue) (shape \(formatShape(e.shape)) is right)",
                        "\(name): dtype \(actual.dtype.rawValue), 기대한 dtype \(e.dtype.rawValue) (형상 \(formatShape(e.shape)): 맞음)")]
        }
        return valueDifference()
    }

    // MARK: Shapes

    private func shapeDifference() -> [String] {
        let e = expected.value, name = expected.name
        var lines = [say("\(name): shape \(formatShape(actual.shape)), expected \(formatShape(e.shape))",
                         "\(name): 형상 \(formatShape(actual.shape)), 기대한 형상 \(formatShape(e.shape))")]
        if actual.ndim == 2, actual.shape == e.shape.reversed() {
            var note = say("  \(formatShape(actual.shape)) is the expected shape reversed: a transposed result?",
                           "  형상 \(formatShape(actual.shape)): 기대한 형상을 뒤집은 것입니다. 전치된 결과일까요?")
            if let transposed = transpose(actual), agree(transposed.doubles, e.doubles) {
                note += say(" Its transpose has exactly the expected values: transpose it, or swap the operands of the product.",
                            " 전치하면 기대한 값과 정확히 같습니다. 결과를 전치하거나 곱의 두 피연산자 순서를 바꾸세요.")
            }
            lines.append(note)
        } else if let broadcastNote = broadcastNote() {
            lines.append(broadcastNote)
        } else if actual.count == e.count {
            lines.append(say("  the same \(e.count) elements could be there, in a different shape: reshape, or check which axis you reduced or kept.",
                             "  같은 원소 \(e.count)개가 다른 형상으로 들어 있을 수 있습니다. reshape하거나, 어느 축을 줄였는지(또는 남겼는지) 확인하세요."))
        } else if e.dtype.isFloatingPoint, let axisNote = reducedAxisNote() {
            lines.append(axisNote)
        }
        lines.append(say("  expected: ", "  기대값: ") + Formatting.preview(e))
        lines.append(say("  actual:   ", "  실제값: ") + Formatting.preview(actual))
        return lines
    }

    /// An (N,) and an (N, 1) combined elementwise broadcast to (N, N): a square result
    /// where one value per row was expected means a reduction lost its axis on the way.
    private func broadcastNote() -> String? {
        let e = expected.value.shape, a = actual.shape
        guard a.count == 2, a[0] == a[1], a[0] > 1, let rows = e.first, e == [rows] || e == [rows, 1], rows == a[0]
        else { return nil }
        return say("  \(formatShape(a)) is what (\(rows),) and (\(rows), 1) broadcast to: a broadcast that went the wrong way? "
                   + "Keep the reduced axis (keepdims=True) or reshape one operand to match the other.",
                   "  형상 \(formatShape(a)): (\(rows),)와 (\(rows), 1)을 브로드캐스트하면 나오는 형상입니다. 브로드캐스트가 잘못된 방향으로 "
                   + "일어났을까요? 줄인 축을 남기거나(keepdims=True) 한쪽 피연산자를 reshape해 다른 쪽에 맞추세요.")
    }

    /// A sum or max over the wrong axis, or without keepdims, changes the shape in a recognisable way.
    private func reducedAxisNote() -> String? {
        let e = expected.value.shape, a = actual.shape
        if a.isEmpty && !e.isEmpty {
            return say("  a single number where a tensor was expected: a reduction over every axis instead of one?",
                       "  텐서 자리에 숫자 하나가 나왔습니다. 한 축이 아니라 모든 축에 대해 줄였을까요?")
        }
        if e.count == 2, a.count == 1, a[0] == e[0] || a[0] == e[1] {
            return say("  one axis is missing: was an axis reduced (sum, max, mean) that should have been kept?",
                       "  축 하나가 없습니다. 남겨야 할 축을 (sum, max, mean으로) 줄였을까요?")
        }
        if e.count == 1, a.count == 1 { return say("  the length differs: reduced over the wrong axis?", "  길이가 다릅니다. 다른 축으로 줄였을까요?") }
        return nil
    }

    // MARK: Values

    private func valueDifference() -> [String]? {
        let e = expected.value.doubles, a = actual.doubles, shape = expected.value.shape
        let differing = e.indices.filter { !tolerance.accepts(a[$0], e[$0]) }
        guard let first = differing.first else { return nil }
        let name = expected.name
        let largest = differing.max { gap(at: $0) < gap(at: $1) } ?? first
        var lines = [say("\(name) \(formatShape(shape)): \(differing.count) of \(e.count) values differ (tolerance: \(tolerance.description))",
                         "\(name) \(formatShape(shape)): 값 \(e.count)개 중 \(differing.count)개가 다릅니다 (허용 오차: \(tolerance.description))")]
        func place(_ index: Int) -> String {
            "\(Formatting.index(index, shape: shape)): " + say("expected", "기대값") + " \(Formatting.number(e[index])), "
                + say("actual", "실제값") + " \(Formatting.number(a[index]))"
        }
        lines.append(say("  first difference at ", "  처음 다른 곳 ") + place(first))
        if largest != first {
            lines.append(say("  largest difference at ", "  가장 크게 다른 곳 ") + place(largest))
        }
        lines.append(say("  expected: ", "  기대값: ") + Formatting.preview(expected.value))
        lines.append(say("  actual:   ", "  실제값: ") + Formatting.preview(actual))
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
        return [say("  inputs at \(Formatting.index(index, shape: shape)): ", "  \(Formatting.index(index, shape: shape))에서의 입력: ")
                + values.joined(separator: ", ")]
    }

    /// Notes on patterns that point at a likely mistake.
    private func diagnoses(_ differing: [Int]) -> [String] {
        let e = expected.value.doubles, a = actual.doubles
        var notes: [String] = []
        if let bad = differing.first(where: { !a[$0].isFinite && e[$0].isFinite }) {
            notes.append(say("  note: \(Formatting.number(a[bad])) where the expected value is finite: an overflow? "
                             + "e^x is inf in float64 once x > 709, and inf/inf, inf - inf and 0 · inf are nan; "
                             + "log(0) is -inf. Keep every exponent ≤ 0 (subtract the maximum first).",
                             "  참고: 기대값은 유한한데 실제값이 \(Formatting.number(a[bad]))입니다. 오버플로일까요? "
                             + "float64에서 e^x는 x > 709이면 inf이고, inf/inf, inf - inf, 0 · inf는 nan입니다. "
                             + "log(0)은 -inf입니다. 모든 지수를 0 이하로 두세요 (최댓값을 먼저 빼세요)."))
        }
        if let factor = constantFactor() {
            notes.append(say("  note: every value is \(Formatting.number(factor)) times the expected one",
                             "  참고: 모든 값이 기대값의 \(Formatting.number(factor))배입니다") + factorExplanation(factor))
        }
        if let transposed = transpose(actual), transposed.shape == expected.value.shape, agree(transposed.doubles, e) {
            notes.append(say("  note: the values are the transpose of the expected ones: transpose the result, or swap the operands of the product.",
                             "  참고: 값이 기대값을 전치한 것입니다. 결과를 전치하거나 곱의 두 피연산자 순서를 바꾸세요."))
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
        if n > 1, near(n) {
            return say(": the batch size N is \(Int(n)). Is a division by N missing?",
                       ". 배치 크기 N은 \(Int(n))입니다. N으로 나누는 것을 빠뜨렸을까요?")
        }
        if n > 1, near(1 / n) {
            return say(": the batch size N is \(Int(n)). Is there a division by N too many?",
                       ". 배치 크기 N은 \(Int(n))입니다. N으로 한 번 더 나눴을까요?")
        }
        let first = inputs.first?.value
        let c = Double(first?.ndim == 2 ? first!.shape[1] : 0)
        if c > 1, near(c) {
            return say(": the number of columns C is \(Int(c)). A mean over all N·C elements divides by N·C: is the division by C missing?",
                       ". 열의 수 C는 \(Int(c))입니다. N·C개 원소 전체의 평균은 N·C로 나눕니다. C로 나누는 것을 빠뜨렸을까요?")
        }
        if near(-1) { return say(": a sign error?", ". 부호가 틀렸을까요?") }
        if near(2) || near(0.5) { return say(": a factor of 2?", ". 2배 차이일까요?") }
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
