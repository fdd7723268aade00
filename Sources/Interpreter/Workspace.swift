import Foundation
import Support
import Tensor

/// Presenting the workspace: the `:vars` table and friends.
enum Workspace {
    /// The `:vars` table, sorted by name, in the spirit of IPython's `%whos`:
    ///
    ///     Name  Kind    Data/Info
    ///     ----  ------  -----------------------------------------
    ///     W1    tensor  (784, 256) float64, 200704 elements, 1.5 MiB
    ///     lr    float   0.1
    static func table(_ variables: [String: Value]) -> String {
        guard !variables.isEmpty else { return "no variables yet" }
        let rows = variables.keys.sorted().map { name in [name, variables[name]!.kindName, info(variables[name]!)] }
        let header = ["Name", "Kind", "Data/Info"]
        let widths = (0..<2).map { column in ([header] + rows).map { $0[column].count }.max()! }
        func line(_ cells: [String]) -> String {
            (cells[0].padding(widths[0]) + "  " + cells[1].padding(widths[1]) + "  " + cells[2])
                .trimmingTrailingSpaces()
        }
        let rule = [String(repeating: "-", count: widths[0]), String(repeating: "-", count: widths[1]),
                    String(repeating: "-", count: Swift.max(9, rows.map { $0[2].count }.max()!))]
        return ([line(header), line(rule)] + rows.map(line)).joined(separator: "\n")
    }

    /// A tensor's shape, dtype, element count and memory; other values shown as echoed (shortened).
    static func info(_ value: Value) -> String {
        switch value {
        case .tensor(let t):
            return "\(NumpyFormat.shape(t.shape)) \(t.dtype.rawValue), \(t.count) element\(t.count == 1 ? "" : "s"), \(bytes(t.count * t.dtype.byteWidth))"
        case .tuple(let items) where items.count > 8, .list(let items) where items.count > 8:
            return "\(items.count) items"
        case .object(let object):
            // Only the first line of a long description (a model's summary table, say).
            let lines = object.description.split(separator: "\n")
            let first = lines.first.map { String($0).trimmingCharacters(in: .whitespaces) } ?? ""
            return shortened(first) + (lines.count > 1 && first.count <= 60 ? " …" : "")
        default:
            return shortened(value.repr)
        }
    }

    /// At most 60 characters, on one line.
    private static func shortened(_ text: String) -> String {
        let line = text.replacingOccurrences(of: "\n", with: " ")
        return line.count > 60 ? String(line.prefix(59)) + "…" : line
    }

    /// 96 B, 1.5 KiB, 1.5 MiB, 2.0 GiB.
    static func bytes(_ count: Int) -> String {
        let units = ["B", "KiB", "MiB", "GiB"]
        var size = Double(count), unit = 0
        while size >= 1024 && unit < units.count - 1 {
            size /= 1024
            unit += 1
        }
        return unit == 0 ? "\(count) B" : String(format: "%.1f %@", size, units[unit])
    }

    /// 850 µs, 12.3 ms, 2.05 s.
    static func duration(_ d: Duration) -> String {
        let seconds = Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18
        if seconds < 1e-3 { return String(format: "%.0f µs", seconds * 1e6) }
        if seconds < 1 { return String(format: "%.1f ms", seconds * 1e3) }
        return String(format: "%.2f s", seconds)
    }

    /// The variables with the given names, or all of them when none are given.
    static func select(_ names: [String], from variables: [String: Value]) throws -> [(String, Value)] {
        if names.isEmpty { return variables.keys.sorted().map { ($0, variables[$0]!) } }
        return try names.map { name in
            guard let value = variables[name] else {
                var message = "no variable named '\(name)'"
                if let suggestion = closestName(to: name, among: Array(variables.keys)) { message += "; did you mean '\(suggestion)'?" }
                throw InterpreterError(.name, message)
            }
            return (name, value)
        }
    }
}

extension DType {
    /// Bytes per element.
    var byteWidth: Int {
        switch self {
        case .bool, .uint8: return 1
        case .float16: return 2
        case .float32: return 4
        case .int64, .float64: return 8
        }
    }
}

private extension String {
    func padding(_ width: Int) -> String {
        self + String(repeating: " ", count: Swift.max(0, width - count))
    }

    func trimmingTrailingSpaces() -> String {
        var s = self
        while s.hasSuffix(" ") { s.removeLast() }
        return s
    }
}
