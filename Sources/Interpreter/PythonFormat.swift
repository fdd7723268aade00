import Tensor

/// Numbers and strings printed the way Python prints them, so that what the
/// REPL shows can be compared with a Python session character for character.
public enum PythonFormat {
    /// Python's `repr(float)`: the shortest digits that read back to the same
    /// number, fixed notation for exponents -4 ... 15 and scientific otherwise:
    /// `0.1`, `100.0`, `1e-05`, `1e+16`, `nan`, `-inf`. numpy prints its float64
    /// scalars the same way, so this is NumpyFormat's 0-d printing.
    public static func float(_ value: Double) -> String {
        NumpyFormat.string(Tensor(scalar: value))
    }

    /// numpy's `str(np.float32(x))`: float32's shortest digits (`0.1`, `1.6777216e+07`).
    public static func float(_ value: Float) -> String {
        NumpyFormat.string(Tensor(shape: [], floats: [value]))
    }

    /// Python's `repr(str)`: single quotes unless the text holds a single quote
    /// and no double quote; backslash escapes for quotes, backslashes and control characters.
    public static func quoted(_ text: String) -> String {
        let quote: Character = text.contains("'") && !text.contains("\"") ? "\"" : "'"
        var result = String(quote)
        for c in text {
            switch c {
            case quote, "\\": result += "\\\(c)"
            case "\n": result += "\\n"
            case "\t": result += "\\t"
            case "\r": result += "\\r"
            default:
                if let ascii = c.asciiValue, ascii < 0x20 || ascii == 0x7f {
                    result += "\\x" + (ascii < 16 ? "0" : "") + String(ascii, radix: 16)
                } else {
                    result.append(c)
                }
            }
        }
        result.append(quote)
        return result
    }
}
