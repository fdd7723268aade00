/// Printing tensors exactly as numpy 2.x's `print(x)` does with the default print options
/// (`linewidth=75`, `threshold=1000`, `edgeitems=3`, `precision=8`, `floatmode='maxprec'`),
/// so that values from numpy notebooks can be compared character for character.
///
///     print(Tensor([0.5, 1, 0]))            // [0.5 1.  0. ]
///     print(Tensor([1e-5, 1, 1e3]))         // [1.e-05 1.e+00 1.e+03]
///     print(NumpyFormat.shape([60000, 784])) // (60000, 784)
///
/// The layout follows numpy's `arrayprint._formatArray`; the digits follow its Dragon4 printer
/// (see `DecimalDigits`), and the per-dtype columns its `FloatingFormat`, `IntegerFormat` and
/// `BoolFormat` (see `NumpyElementFormat.swift`).
public enum NumpyFormat {
    /// Characters per line before numpy wraps a row.
    static let lineWidth = 75
    /// Arrays with more elements than this are summarised with `...`.
    static let summaryThreshold = 1000
    /// Elements kept at each end of a summarised axis.
    static let edgeItems = 3

    /// Exactly what numpy 2.x's `print(x)` prints (str, default print options), for every dtype,
    /// without a trailing newline. 0-d tensors print like numpy scalars (`print(np.float64(0.5))` -> `0.5`,
    /// float32 scalar `1.7640524`, int `3`, bool `True`).
    public static func string(_ tensor: Tensor) -> String {
        if tensor.shape.isEmpty { return scalarString(tensor) }
        if tensor.count == 0 { return "[]" }
        let layout = NestedLayout(shape: tensor.shape, summarised: tensor.count > summaryThreshold)
        let element = elementFormatter(for: tensor, shown: layout.shownFlatIndices())
        return layout.render(element)
    }

    /// numpy's shape tuple: `(60000, 784)`, `(3,)`, `()`.
    public static func shape(_ shape: [Int]) -> String {
        formatShape(shape)
    }

    /// A 0-d tensor prints as numpy's scalar of its dtype.
    private static func scalarString(_ tensor: Tensor) -> String {
        switch tensor.storage {
        case .float64(let values): return numpyScalarString(values[0])
        case .float32(let values): return numpyScalarString(values[0])
        case .float16(let values): return numpyScalarString(values[0])
        case .int64(let values): return String(values[0])
        case .uint8(let values): return String(values[0])
        case .bool(let values): return values[0] ? "True" : "False"
        }
    }

    /// Formats the element at a flat (row-major) index, with column widths chosen from the
    /// elements at `shown` — all of them, or only the corners of a summarised array, as numpy does.
    private static func elementFormatter(for tensor: Tensor, shown: [Int]) -> (Int) -> String {
        switch tensor.storage {
        case .float64(let values):
            let format = FloatingFormat(shown: shown.map { values[$0] })
            return { format.format(values[$0]) }
        case .float32(let values):
            let format = FloatingFormat(shown: shown.map { values[$0] })
            return { format.format(values[$0]) }
        case .float16(let values):
            let format = FloatingFormat(shown: shown.map { values[$0] })
            return { format.format(values[$0]) }
        case .int64(let values):
            let format = IntegerFormat(shown: shown.map { values[$0] })
            return { format.format(values[$0]) }
        case .uint8(let values):
            let format = IntegerFormat(shown: shown.map { Int64(values[$0]) })
            return { format.format(Int64(values[$0])) }
        case .bool(let values):
            return { BoolFormat.format(values[$0]) }
        }
    }
}

extension Tensor: CustomStringConvertible {
    public var description: String { NumpyFormat.string(self) }
}

/// The nested-bracket layout of an n-d array (numpy's `_formatArray`): rows of elements
/// separated by spaces and wrapped at the line width, blocks of rows separated by one
/// newline per remaining axis (so 3-d blocks have a blank line between them), every line
/// indented to its bracket depth, and long axes cut to their first and last `edgeItems`.
private struct NestedLayout {
    let shape: [Int]
    let summarised: Bool
    /// Row-major strides in elements: (60000, 784) has strides (784, 1).
    let strides: [Int]

    init(shape: [Int], summarised: Bool) {
        self.shape = shape
        self.summarised = summarised
        var strides = [Int](repeating: 1, count: shape.count)
        for axis in shape.indices.dropLast().reversed() {
            strides[axis] = strides[axis + 1] * shape[axis + 1]
        }
        self.strides = strides
    }

    /// The positions printed along `axis`: all of them, or the first and last `edgeItems`
    /// with `nil` standing for the `...` between.
    func positions(along axis: Int) -> [Int?] {
        let length = shape[axis]
        let edge = NumpyFormat.edgeItems
        guard summarised, length > 2 * edge else { return Array(0..<length) }
        return Array(0..<edge) + [nil] + Array((length - edge)..<length)
    }

    /// The flat index of every element that will be printed, in row-major order.
    func shownFlatIndices() -> [Int] {
        shape.indices.reduce([0]) { offsets, axis in
            let steps = positions(along: axis).compactMap { $0.map { $0 * strides[axis] } }
            return offsets.flatMap { offset in steps.map { offset + $0 } }
        }
    }

    /// The whole array; the first line starts right after "[", later lines are indented by one.
    func render(_ element: (Int) -> String) -> String {
        block(axis: 0, offset: 0, indent: " ", width: NumpyFormat.lineWidth, element: element)
    }

    /// The bracketed block for the sub-array starting at flat `offset` along `axis`. `indent`
    /// is the text that starts each of its continuation lines; `width` is the line width left
    /// for it once the closing brackets of the enclosing blocks are accounted for.
    private func block(axis: Int, offset: Int, indent: String, width: Int, element: (Int) -> String) -> String {
        let positions = positions(along: axis)
        var text = ""
        if axis == shape.count - 1 {
            // One row: words separated by spaces, wrapped to leave room for the closing "]".
            var line = indent
            for (number, position) in positions.enumerated() {
                let word = position.map { element(offset + $0 * strides[axis]) } ?? "..."
                append(word, to: &line, flushingInto: &text, lineWidth: width - 1, continuationIndent: indent)
                if number < positions.count - 1 { line += " " }
            }
            text += line
        } else {
            let separator = String(repeating: "\n", count: shape.count - axis - 1)
            for (number, position) in positions.enumerated() {
                let nested = position.map {
                    block(axis: axis + 1, offset: offset + $0 * strides[axis], indent: indent + " ",
                          width: width - 1, element: element)
                } ?? "..."
                text += indent + nested + (number < positions.count - 1 ? separator : "")
            }
        }
        return "[" + text.dropFirst(indent.count) + "]"
    }

    /// numpy's `_extendLine`: puts `word` on the current line, first moving to a new line when
    /// it would overflow `lineWidth` (unless the line holds nothing but its indent yet).
    private func append(_ word: String, to line: inout String, flushingInto text: inout String,
                        lineWidth: Int, continuationIndent: String) {
        let overflows = line.utf8.count + word.utf8.count > lineWidth
        if overflows && line.utf8.count > continuationIndent.utf8.count {
            text += line.trimmingTrailingSpaces() + "\n"
            line = continuationIndent
        }
        line += word
    }
}

private extension String {
    func trimmingTrailingSpaces() -> Substring {
        var trimmed = self[...]
        while trimmed.last == " " { trimmed.removeLast() }
        return trimmed
    }
}
