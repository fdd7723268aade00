import Foundation
import Tensor

/// numpy's functions that make evenly spaced numbers, repeat, pick, reorder and
/// accumulate elements; most are also tensor methods (`x.repeat(2)`, `x.cumsum()`).
extension CoreBuiltins {
    static let rearranging: [Builtin] = [
        Builtin("linspace", [.required("start"), .required("stop"), .optional("num", .int(50)),
                             .optional("endpoint", .bool(true)), .optional("dtype", .none)], category: "arrays",
                help: "num evenly spaced float64 numbers from start to stop (stop included unless endpoint is false), computed as numpy's linspace. An integer dtype rounds them down.",
                example: ">>> linspace(0, 1, 5)\narray([0.  , 0.25, 0.5 , 0.75, 1.  ])") { args in
            let t = try Tensor.linspace(try args.double("start"), try args.double("stop"), count: try args.int("num"),
                                        endpoint: try args.bool("endpoint"))
            guard let dtype = try args.dtype("dtype") else { return .tensor(t) }
            let floored = dtype.isFloatingPoint ? t : Tensor(shape: t.shape, storage: .float64(t.doubles.map { $0.rounded(.down) }))
            return .tensor(floored.astype(dtype))
        },
        Builtin("repeat", [.required("a"), .required("repeats"), .optional("axis", .none)], category: "arrays",
                help: "Each element (or each slice along axis) repeated repeats times in place: one count for all, or one per element. With no axis the result is flat.",
                example: ">>> repeat([1, 2], 2)\narray([1, 1, 2, 2])") { args in
            let repeats = try args["repeats"].asInt.map { [$0] } ?? args.wholeNumbers("repeats")
            return .tensor(try args.tensor("a").repeated(repeats, axis: try args.axis()))
        },
        Builtin("tile", [.required("A"), .required("reps")], category: "arrays",
                help: "The whole tensor repeated reps times (a whole number, or a tuple with one count per axis), like np.tile.",
                example: ">>> tile([1, 2], 2)\narray([1, 2, 1, 2])\n>>> tile([1, 2], (2, 1))\narray([[1, 2],\n       [1, 2]])") { args in
            .tensor(try args.tensor("A").tiled(try args.shape([args["reps"]], "reps")))
        },
        Builtin("squeeze", [.required("a"), .optional("axis", .none)], category: "arrays",
                help: "The tensor without its axes of length 1, or without the ones given by axis (a whole number or a tuple).",
                example: ">>> squeeze(zeros((1, 3, 1))).shape\n(3,)") { args in
            .tensor(try args.tensor("a").squeezed(axes: try args.axes("axis")))
        },
        Builtin("expand_dims", [.required("a"), .required("axis")], category: "arrays",
                help: "The tensor with a new axis of length 1 at position axis (a whole number or a tuple), like x[None] for axis 0.",
                example: ">>> expand_dims([1, 2], 1).shape\n(2, 1)") { args in
            .tensor(try args.tensor("a").expandingDimensions(at: try args.axes("axis") ?? []))
        },
        Builtin("swapaxes", [.required("a"), .required("axis1"), .required("axis2")], category: "arrays",
                help: "The tensor with two axes exchanged; for 2-D it is the transpose.",
                example: ">>> swapaxes(zeros((2, 3, 4)), 0, 2).shape\n(4, 3, 2)") { args in
            .tensor(try args.tensor("a").swappingAxes(try args.int("axis1"), try args.int("axis2")))
        },
        Builtin("broadcast_to", [.required("array"), .required("shape")], category: "arrays",
                help: "The tensor's elements repeated to fill shape, by numpy's broadcasting rules.",
                example: ">>> broadcast_to([1, 2, 3], (2, 3))\narray([[1, 2, 3],\n       [1, 2, 3]])") { args in
            .tensor(try args.tensor("array").broadcast(to: try args.shape([args["shape"]], "shape")))
        },
        Builtin("take", [.required("a"), .required("indices"), .optional("axis", .none)], category: "arrays",
                help: "The elements at indices (negative ones count from the end) of the flattened tensor, or the slices at indices along axis; the result has the shape of indices.",
                example: ">>> take([10, 20, 30], [2, 0])\narray([30, 10])") { args in
            let taken = try args.tensor("a").take(try args.tensor("indices"), axis: try args.axis())
            return args["indices"].isPythonNumber ? Value.plain(taken) : .tensor(taken)
        },
        Builtin("sort", [.required("a"), .optional("axis", .int(-1)), .optional("kind", .none)], category: "arrays",
                help: "A sorted copy, along the last axis (or axis; none sorts the flattened tensor). Equal elements keep their order whatever the kind (numpy's quicksort may swap them); NaN goes last.",
                example: ">>> sort([3, 1, 2])\narray([1, 2, 3])") { args in
            .tensor(try args.tensor("a").sorted(axis: try args.axis()))
        },
        Builtin("argsort", [.required("a"), .optional("axis", .int(-1)), .optional("kind", .none)], category: "arrays",
                help: "The positions that would sort the tensor along the last axis (or axis): a[argsort(a)] is sorted. Equal elements keep their order whatever the kind, as with kind='stable'.",
                example: ">>> argsort([3, 1, 2])\narray([1, 2, 0])") { args in
            .tensor(try args.tensor("a").argsort(axis: try args.axis()))
        },
        Builtin("cumsum", [.required("a"), .optional("axis", .none)], category: "reductions",
                help: "The running sums, of the flattened tensor or along axis: element i is the sum of the elements up to i. Ints and bools sum as int64.",
                example: ">>> cumsum([1, 2, 3])\narray([1, 3, 6])") { args in
            .tensor(try args.tensor("a").cumulativeSum(axis: try args.axis()))
        },
        Builtin("bincount", [.required("x"), .optional("minlength", .int(0))], category: "reductions",
                help: "How many times each whole number 0, 1, 2, … occurs in x (1-D, none negative), as np.bincount: element k of the int64 result counts the k's. The result is as long as max(x) + 1, or minlength if that is more: bincount(y, minlength=10) counts the labels of every class.",
                example: ">>> bincount([0, 2, 2, 3])\narray([1, 0, 2, 1])") { args in
            let x = try args.tensor("x")
            guard x.ndim == 1, !x.dtype.isFloatingPoint else {
                throw args.error("x must be a 1-D array of whole numbers, got \(args["x"].kindDescription)")
            }
            let values = x.int64s, minimum = try args.int("minlength")
            if let negative = values.first(where: { $0 < 0 }) {
                throw args.valueError("x must hold no negative numbers to count, got \(negative)")
            }
            guard minimum >= 0 else { throw args.valueError("minlength must be 0 or more, got \(minimum)") }
            let length = max(Int(values.max() ?? -1) + 1, minimum)
            _ = try Tensor.checkAllocation([length], operation: "bincount")
            var counts = [Int64](repeating: 0, count: length)
            for value in values { counts[Int(value)] += 1 }
            return .tensor(Tensor(shape: [length], int64s: counts))
        },
        Builtin("around", [.required("a"), .optional("decimals", .int(0))], category: "math",
                help: "Each element rounded to decimals decimals (halves to the even neighbour), keeping the dtype, as np.round and np.around; also the method x.round(decimals).",
                example: ">>> around([0.125, 2.5], 2)\narray([0.12, 2.5 ])") { args in
            .tensor(try args.tensor("a").rounded(decimals: try args.int("decimals")))
        },
        Builtin("norm", [.required("x"), .optional("ord", .none), .optional("axis", .none), .optional("keepdims", .bool(false))],
                category: "math",
                help: "The Euclidean length, the square root of the sum of squares, of all elements or along axis, as np.linalg.norm (the Frobenius norm for a matrix). Integers become float64.",
                example: ">>> norm([3.0, 4.0])\nnp.float64(5.0)") { args in
            guard args.isNone("ord") || args["ord"].asInt == 2 && args["x"].isVector else {
                throw args.valueError("only the Euclidean (Frobenius) norm is supported: leave ord out")
            }
            let x = try args.tensor("x")
            let real = x.dtype.isFloatingPoint ? x : x.astype(.float64)
            let squares = try Tensor.binary(.multiply, real, real)
            return .tensor(try squares.sum(axis: try args.axis(), keepdims: try args.bool("keepdims")).unary(.sqrt))
        },
    ]
}

extension Arguments {
    /// One axis or a tuple of axes, or nil for none.
    func axes(_ name: String) throws -> [Int]? {
        if isNone(name) { return nil }
        return try shape([self[name]], name)
    }

    /// A sequence of whole numbers, as a tensor or a list gives them.
    func wholeNumbers(_ name: String) throws -> [Int] {
        let t = try tensor(name)
        guard t.dtype.kind != .floatingPoint, t.ndim <= 1 else {
            throw error("\(name) must be a whole number or a 1-D sequence of them, got \(self[name].kindDescription)")
        }
        return t.int64s.map { Int($0) }
    }
}

private extension Value {
    /// True for a 1-D tensor (or a list that makes one).
    var isVector: Bool { (try? asTensor())??.ndim == 1 }
}
