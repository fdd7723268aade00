import Foundation
import Tensor

/// Python's builtins for sequences, strings and types: enumerate, zip, sorted,
/// reversed, round, str, repr, tuple, dict, type, isinstance.
extension CoreBuiltins {
    static let language: [Builtin] = [
        Builtin("enumerate", [.required("items"), .optional("start", .int(0))], category: "python",
                help: "(position, item) pairs of a list, tuple, range or the rows of a tensor, positions counting from start; for i, x in enumerate(xs): …",
                example: ">>> list(enumerate([\"a\", \"b\"]))\n[(0, 'a'), (1, 'b')]") { args in
            let start = try args.int("start")
            return .list(try Operators.iterate(args["items"]).enumerated().map { .tuple([.int(start + $0), $1]) })
        },
        Builtin("zip", [.variadic("sequences")], category: "python",
                help: "Tuples of the items at the same position in each sequence, as many as the shortest has; for x, y in zip(xs, ys): …",
                example: ">>> list(zip([1, 2], [\"a\", \"b\"]))\n[(1, 'a'), (2, 'b')]") { args in
            let sequences = try args.rest.map { Array(try Operators.iterate($0)) }
            let count = sequences.map(\.count).min() ?? 0
            return .list((0..<count).map { i in .tuple(sequences.map { $0[i] }) })
        },
        Builtin("sorted", [.required("items"), .keywordOnly("reverse", .bool(false))], category: "python",
                help: "The items (numbers, strings, or tuples of them) as a new list in ascending order; reverse=True for descending.",
                example: ">>> sorted([3, 1, 2])\n[1, 2, 3]") { args in
            let items = try Operators.sorted(Array(try Operators.iterate(args["items"])))
            return .list(try args.bool("reverse") ? items.reversed() : items)
        },
        Builtin("reversed", [.required("items")], category: "python",
                help: "The items of a list, tuple, range or tensor (its rows) from last to first, as a list.",
                example: ">>> reversed([1, 2, 3])\n[3, 2, 1]") { args in
            .list(Array(try Operators.iterate(args["items"])).reversed())
        },
        Builtin("round", [.required("x"), .optional("ndigits", .none)], category: "python",
                help: "A number rounded to ndigits decimals, halves to the even neighbour as in Python; without ndigits, a whole number (an int). A tensor is rounded element by element, as numpy's round, keeping its dtype.",
                example: ">>> round(2.5)\n2\n>>> round(3.14159, 2)\n3.14\n>>> round(array([0.123, 2.5]))\narray([0., 2.])") { args in
            if case .tensor(let t) = args["x"] {
                let digits = args.isNone("ndigits") ? 0 : try args.int("ndigits")
                guard t.dtype.isFloatingPoint else { return .tensor(t) }
                let scale = pow10(digits)
                let rounded = Tensor(shape: t.shape, storage: .float64(t.doubles.map { ($0 * scale).rounded(.toNearestOrEven) / scale }))
                return .tensor(rounded.astype(t.dtype))
            }
            guard let x = args["x"].asDouble else { throw args.error("x must be a number, got \(args["x"].kindDescription)") }
            if args.isNone("ndigits") {
                guard let whole = Int(exactly: x.rounded(.toNearestOrEven)) else { throw args.valueError("\(PythonFormat.float(x)) has no int value") }
                return .int(whole)
            }
            let digits = try args.int("ndigits")
            if case .int = args["x"], digits >= 0 { return args["x"] }
            guard digits >= 0, x.isFinite else {
                let scale = pow10(digits)
                return .float((x * scale).rounded(.toNearestOrEven) / scale)
            }
            // The decimal digits of x's exact binary value, rounded once: round(2.675, 2) is 2.67, as in Python.
            return .float(Double(String(format: "%.\(digits)f", x)) ?? x)
        },
        Builtin("str", [.optional("x", .string(""))], category: "python",
                help: "The value as print shows it: str(3) is \"3\", str(0.1) is \"0.1\".",
                example: ">>> \"epoch \" + str(3)\n'epoch 3'") { args in
            .string(args["x"].str)
        },
        Builtin("repr", [.required("x")], category: "python",
                help: "The value as the REPL echoes it, Python's repr: strings in quotes, tensors as numpy shows them (array([0.5, 1. ]), np.float64(0.5)).",
                example: ">>> repr(\"a\")\n\"'a'\"") { args in
            .string(args["x"].repr)
        },
        Builtin("tuple", [.optional("items", .tuple([]))], category: "python",
                help: "The items of a list, range, string or the rows of a tensor, as a tuple.",
                example: ">>> tuple([1, 2])\n(1, 2)") { args in
            .tuple(Array(try Operators.iterate(args["items"])))
        },
        Builtin("dict", [.optional("pairs", .list([]))], category: "python",
                help: "A dict from (key, value) pairs, or a copy of a dict; dict() is empty. {\"lr\": 0.1} writes one directly.",
                example: ">>> dict([(\"a\", 1)])\n{'a': 1}") { args in
            if case .object(let dict as PythonDict) = args["pairs"] { return .object(dict) }
            var dict = PythonDict()
            for pair in try Operators.iterate(args["pairs"]) {
                let parts = try Operators.unpack(pair, count: 2)
                try dict.set(parts[0], parts[1])
            }
            return .object(dict)
        },
        Builtin("type", [.required("x")], category: "python",
                help: "The class of an object made from a class, else the name of the value's kind.",
                example: ">>> type(3)\n<class 'int'>") { args in
            args["x"].type
        },
        Builtin("isinstance", [.required("x"), .required("kind")], category: "python",
                help: "True when x is an object of the class kind (or of a class derived from it), a value of the builtin kind int, float, str, bool, list, tuple or dict, or an array (np.ndarray).",
                example: ">>> isinstance(3, int)\nTrue\n>>> isinstance(zeros(2), np.ndarray), isinstance([0.0, 0.0], np.ndarray)\n(True, False)") { args in
            switch args["kind"] {
            case .object(let type as ClassObject):
                guard case .object(let instance as Instance) = args["x"] else { return .bool(false) }
                return .bool(instance.type.isSubclass(of: type))
            case .function(let builtin) where KindName.builtinKinds[builtin.name] != nil:
                return .bool(KindName.builtinKinds[builtin.name] == args["x"].kindName)
            case .dtype(.bool):
                return .bool(args["x"].isBool)
            case .object(let kind as KindName):
                guard case .object(let actual as KindName) = args["x"].type else { return .bool(false) }
                return .bool(actual.name == kind.name)
            case let other:
                throw args.error("kind must be a class, int, float, str, bool, list, tuple, dict or np.ndarray, not \(other.kindDescription)")
            }
        },
    ]

    private static func pow10(_ digits: Int) -> Double {
        var scale = 1.0
        for _ in 0..<abs(digits) { scale *= 10 }
        return digits < 0 ? 1 / scale : scale
    }
}

extension Value {
    /// What `type(x)` and `x.__class__` give: the class of an object made from a class, else
    /// the kind's name as Python and numpy print it (`<class 'numpy.ndarray'>`, and numpy's
    /// scalar types for the 0-d tensors that stand for them).
    var type: Value {
        switch self {
        case .object(let instance as Instance): return .object(instance.type)
        case .tensor(let t) where t.ndim > 0: return .object(KindName.array)
        case .tensor(let t): return .object(KindName(name: "numpy.\(t.dtype.rawValue == "bool" ? "bool" : t.dtype.rawValue)"))
        default: return .object(KindName(name: kindName))
        }
    }
}

/// What `type(x)` gives for a value that is not an object of a learner's class.
struct KindName: ScriptObject {
    let name: String

    /// numpy's array type, `np.ndarray`: the type of every tensor of one or more dimensions.
    static let array = KindName(name: "numpy.ndarray")

    /// The builtins that name a kind in `isinstance(x, int)`, and the kind.
    static let builtinKinds = ["int": "int", "float": "float", "str": "string", "list": "list", "tuple": "tuple", "dict": "dict"]

    var typeName: String { "type" }
    var description: String { "<class '\(name == "string" ? "str" : name)'>" }
    var attributeNames: [String] { ["__name__"] }

    func attribute(_ name: String) throws -> Value {
        guard name == "__name__" else { throw noSuchAttribute(name) }
        return .string(self.name)
    }
}
