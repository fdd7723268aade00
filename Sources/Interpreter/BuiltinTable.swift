import Support
import Tensor

/// The one table of builtins: the core set the session starts with, and
/// whatever other modules register (layers, training, datasets, plots).
/// Registering a name that exists replaces it.
public final class BuiltinTable {
    private var table: [String: Builtin] = [:]

    public init() {}

    public func register(_ builtin: Builtin) {
        table[builtin.name] = builtin
    }

    public func register(_ builtins: [Builtin]) {
        builtins.forEach(register)
    }

    public subscript(_ name: String) -> Builtin? {
        table[name]
    }

    /// Every name, sorted.
    public var names: [String] {
        table.keys.sorted()
    }

    /// Builtins grouped by category, each group sorted by name, groups sorted by category.
    public var byCategory: [(category: String, builtins: [Builtin])] {
        Dictionary(grouping: table.values, by: \.category)
            .map { ($0.key, $0.value.sorted { $0.name < $1.name }) }
            .sorted { $0.0 < $1.0 }
    }
}

/// The attributes and methods of a tensor, numpy's names: `x.shape`, `x.T`,
/// `x.sum(axis: 1)`. A method is the builtin of the same name with the tensor
/// as its first argument, so it shares that builtin's signature and help.
enum TensorAttributes {
    static let properties = ["shape", "ndim", "dtype", "size", "itemsize", "nbytes", "T"]
    static let methods = [
        "sum", "mean", "std", "var", "max", "min", "argmax", "argmin", "any", "all",
        "reshape", "transpose", "flatten", "astype", "clip", "dot", "copy", "item",
        "prod", "cumsum", "round", "repeat", "take", "squeeze", "argsort", "swapaxes",
    ]

    /// Every attribute name, for completion.
    static var names: [String] { properties + methods }

    static func value(_ t: Tensor, _ name: String, builtins: BuiltinTable) throws -> Value {
        switch name {
        case "shape": return .tuple(t.shape.map { .int($0) })
        case "ndim": return .int(t.ndim)
        case "dtype": return .dtype(t.dtype)
        case "size": return .int(t.count)
        case "itemsize": return .int(t.dtype.itemSize)
        case "nbytes": return .int(t.count * t.dtype.itemSize)
        case "T": return .tensor(t.T)
        default:
            guard methods.contains(name), let builtin = builtins[NumpyNamespace.aliases[name] ?? name] else {
                var message = "a tensor has no attribute '\(name)'"
                if let suggestion = closestName(to: name, among: names) { message += "; did you mean '\(suggestion)'?" }
                throw InterpreterError(.type, message)
            }
            return .function(builtin.bound(to: .tensor(t)))
        }
    }
}
