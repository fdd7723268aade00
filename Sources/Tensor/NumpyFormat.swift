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
        return nestedText(tensor, separator: " ", prefix: "", lineWidth: lineWidth)
    }

    /// Exactly what numpy 2.x's `repr(x)` gives for an array (what its REPL echoes), without a
    /// trailing newline: `array([0.5, 1. , 0. ])`, `array([1., 2.], dtype=float32)`, `array(3.)`,
    /// `array([], shape=(0, 3), dtype=float64)`. numpy's `_array_repr_implementation`: the
    /// elements as `str` lays them out but separated by ", " and indented past "array(", then
    /// the shape when the elements do not show it (empty or summarised) and the dtype when the
    /// elements do not imply it, on a new line when they would overflow it.
    public static func repr(_ tensor: Tensor) -> String {
        let prefix = "array("
        let elements: String
        if tensor.count == 0 {
            elements = "[]"
        } else if tensor.shape.isEmpty {
            elements = elementFormatter(for: tensor, shown: [0], zeroDimensional: true)(0)
        } else {
            elements = nestedText(tensor, separator: ", ", prefix: prefix, lineWidth: lineWidth - ")".count)
        }
        var extras: [String] = []
        if (tensor.count == 0 && tensor.shape != [0]) || tensor.count > summaryThreshold {
            extras.append("shape=\(shape(tensor.shape))")
        }
        if !elementsImplyDType(tensor.dtype) || tensor.count == 0 {
            extras.append("dtype=\(tensor.dtype.rawValue)")
        }
        guard !extras.isEmpty else { return prefix + elements + ")" }
        let text = prefix + elements + ","
        let extrasText = extras.joined(separator: ", ") + ")"
        let lastLineLength = text.utf8.reversed().prefix { $0 != UInt8(ascii: "\n") }.count
        let overflows = lastLineLength + 1 + extrasText.utf8.count > lineWidth
        return text + (overflows ? "\n" + String(repeating: " ", count: prefix.count) : " ") + extrasText
    }

    /// numpy 2.x's `repr` of the scalar a 0-d tensor holds: `np.float64(0.5)`, `np.float32(1.7640524)`,
    /// `np.int64(3)`, `np.True_`, as its REPL echoes `x.sum()` or `x[0]`.
    public static func scalarRepr(_ tensor: Tensor) -> String {
        precondition(tensor.shape.isEmpty, "scalarRepr takes a 0-d tensor, not one of shape \(shape(tensor.shape))")
        if case .bool(let values) = tensor.storage { return values[0] ? "np.True_" : "np.False_" }
        return "np.\(tensor.dtype.rawValue)(\(scalarString(tensor)))"
    }

    /// numpy's `repr` of a dtype: `dtype('float32')`.
    public static func dtype(_ dtype: DType) -> String {
        "dtype('\(dtype.rawValue)')"
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

    /// numpy's dtypes whose elements show which dtype they are, so that `repr` leaves out
    /// `dtype=`: its defaults for Python's bool, int and float.
    private static func elementsImplyDType(_ dtype: DType) -> Bool {
        switch dtype {
        case .bool, .int64, .float64: return true
        case .uint8, .float16, .float32: return false
        }
    }

    /// The nested brackets of an array with at least one axis and one element, rows wrapped at
    /// `lineWidth` with continuation lines indented past `prefix` and its "[".
    private static func nestedText(_ tensor: Tensor, separator: String, prefix: String, lineWidth: Int) -> String {
        let layout = NestedLayout(shape: tensor.shape, summarised: tensor.count > summaryThreshold, separator: separator)
        let element = elementFormatter(for: tensor, shown: layout.shownFlatIndices())
        return layout.render(element, indent: String(repeating: " ", count: prefix.count + 1), lineWidth: lineWidth)
    }

    /// Formats the element at a flat (row-major) index, with column widths chosen from the
    /// elements at `shown` — all of them, or only the corners of a summarised array, as numpy does.
    /// Inside an array `True` is padded to the width of `False`; the element of a 0-d array is not.
    private static func elementFormatter(for tensor: Tensor, shown: [Int], zeroDimensional: Bool = false) -> (Int) -> String {
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
            return { BoolFormat.format(values[$0], padded: !zeroDimensional) }
        }
    }
}

extension Tensor: CustomStringConvertible {
    public var description: String { NumpyFormat.string(self) }
}

/// The nested-bracket layout of an n-d array (numpy's `_formatArray`): rows of elements
/// separated by the separator and wrapped at the line width, blocks of rows separated by one
/// newline per remaining axis (so 3-d blocks have a blank line between them), every line
/// indented to its bracket depth, and long axes cut to their first and last `edgeItems`.
private struct NestedLayout {
    let shape: [Int]
    let summarised: Bool
    /// Between the elements of a row: " " for `str`, ", " for `repr` (whose rows and blocks
    /// then also end with ",").
    let separator: String
    /// Row-major strides in elements: (60000, 784) has strides (784, 1).
    let strides: [Int]

    init(shape: [Int], summarised: Bool, separator: String) {
        self.shape = shape
        self.summarised = summarised
        self.separator = separator
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

    /// The whole array; the first line starts right after "[", later lines start with `indent`
    /// (one space for "[", plus the width of what precedes it: "array(" in a `repr`).
    func render(_ element: (Int) -> String, indent: String, lineWidth: Int) -> String {
        block(axis: 0, offset: 0, indent: indent, width: lineWidth, element: element)
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
                if number < positions.count - 1 { line += self.separator }
            }
            text += line
        } else {
            let separator = String(self.separator.trimmingTrailingSpaces()) + String(repeating: "\n", count: shape.count - axis - 1)
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
