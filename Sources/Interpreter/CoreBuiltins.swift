import Foundation
import Tensor

/// The builtins every session starts with, grouped in files by category:
/// arrays (makers and shape), math (element-wise and linear algebra),
/// reductions, random, neural-network helpers, and Python's basics.
enum CoreBuiltins {
    static var all: [Builtin] {
        arrays + rearranging + math + reductions + random + files + neuralNetwork + python + language + deepLearning
            + histograms + timing
    }

    /// Names that are always defined: `np` (so `np.zeros(3)` and `np.random.randn(2)`
    /// from numpy code work), `pi`, `e`, `inf`, `nan`, `newaxis`, and the dtype names.
    static func constants(_ builtins: BuiltinTable) -> [String: Value] {
        var constants: [String: Value] = [
            "pi": .float(Double.pi), "e": .float(M_E), "inf": .float(.infinity), "nan": .float(.nan), "newaxis": .none,
        ]
        for dtype in DType.allCases { constants[dtype.rawValue] = .dtype(dtype) }
        constants["np"] = .object(NumpyNamespace(builtins: builtins, constants: constants))
        return constants
    }
}

/// `np`: the builtins under numpy's names, so pasted numpy code runs
/// (`np.random.randn(3)`, `np.sum(x, axis=0)`, `x.astype(np.float32)`).
struct NumpyNamespace: ImportedModule {
    let builtins: BuiltinTable
    let constants: [String: Value]
    /// The builtins numpy keeps in its submodules `np.random` and `np.linalg`.
    static let submodules: [String: [String]] = [
        "random": ["seed", "randn", "rand", "random_sample", "random", "standard_normal", "normal", "uniform",
                   "randint", "permutation", "shuffle", "choice", "get_state", "set_state"],
        "linalg": ["norm"],
    ]
    /// numpy's names for builtins that go by another name here: `np.round` is `around`
    /// (the builtin `round` is Python's).
    static let aliases = ["round": "around"]
    /// The submodule this is (`random` for `np.random`), or nil for `np` itself.
    var submodule: String?

    var typeName: String { submodule.map { "np.\($0)" } ?? "np" }
    var importName: String { submodule.map { "numpy.\($0)" } ?? "numpy" }
    var description: String { "<module '\(typeName)'>" }

    var attributeNames: [String] {
        if let submodule { return NumpyNamespace.submodules[submodule] ?? [] }
        let inSubmodules = Set(NumpyNamespace.submodules.values.joined())
        let numpyNames = builtins.names.filter { !inSubmodules.contains($0) }
        return Set(numpyNames + constants.keys + NumpyNamespace.submodules.keys + ["bool_", "ndarray"]).sorted()
    }

    func attribute(_ name: String) throws -> Value {
        if let submodule {
            guard NumpyNamespace.submodules[submodule]?.contains(name) == true, let builtin = builtins[name] else {
                throw noSuchAttribute(name)
            }
            return .function(builtin)
        }
        if NumpyNamespace.submodules[name] != nil {
            var part = self
            part.submodule = name
            return .object(part)
        }
        if name == "bool_" { return .dtype(.bool) }
        if name == "ndarray" { return .object(KindName.array) }
        if let value = constants[name] { return value }
        guard let builtin = builtins[NumpyNamespace.aliases[name] ?? name] else { throw noSuchAttribute(name) }
        return .function(builtin)
    }
}

// MARK: Helpers shared by the builtin files

extension Builtin {
    /// `name(x)`: one tensor in, one tensor out, element by element.
    static func elementwise(_ name: String, category: String, help: String, example: String,
                            _ transform: @escaping (Tensor) throws -> Tensor) -> Builtin {
        Builtin(name, [.required("x")], category: category, help: help, example: example) { args in
            .tensor(try transform(try args.tensor("x")))
        }
    }

    /// numpy's function `name` (`exp`, `log` …), element by element, warning as numpy does when
    /// the result overflows or is undefined (`exp(1000)`, `log(0)`).
    static func ufunc(_ name: String, help: String, example: String,
                      _ transform: @escaping (Tensor) throws -> Tensor) -> Builtin {
        Builtin(name, [.required("x")], category: "math", help: help, example: example) { args in
            let x = try args.tensor("x")
            return try args.session.warningAsNumpy(in: name) { .tensor(try transform(x)) }
        }
    }
}

extension Arguments {
    /// A binary tensor operation on two arguments, with numpy 2's rule that a
    /// plain number takes the other side's dtype (`maximum(x, 0)` keeps float32 x float32).
    func combine(_ op: BinaryOp, _ a: String, _ b: String) throws -> Tensor {
        try Tensor.binary(op, try tensor(a), try tensor(b),
                          weakA: self[a].isPythonNumber, weakB: self[b].isPythonNumber)
    }

    /// The argument as a tensor; a plain number takes the dtype it would take
    /// in an operation with `other` (numpy 2: an int beside float32 becomes float32).
    func tensor(_ name: String, beside other: Tensor) throws -> Tensor {
        let t = try tensor(name)
        guard self[name].isPythonNumber else { return t }
        return t.astype(DType.ofNumber(t.dtype, beside: other.dtype))
    }
}

extension Value {
    /// A 0-d tensor as the plain number numpy's `item()` gives; other values unchanged.
    static func plain(_ t: Tensor) -> Value {
        guard t.count == 1 else { return .tensor(t) }
        switch t.storage {
        case .float64(let a): return .float(a[0])
        case .float32(let a): return .float(Double(a[0]))
        case .float16(let a): return .float(Double(a[0]))
        case .int64(let a): return .int(Int(a[0]))
        case .uint8(let a): return .int(Int(a[0]))
        case .bool(let a): return .bool(a[0])
        }
    }
}
