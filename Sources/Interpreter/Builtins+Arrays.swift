import Tensor

/// Making tensors and changing their shape.
extension CoreBuiltins {
    static let arrays: [Builtin] = [
        Builtin("zeros", [.variadic("shape"), .keywordOnly("dtype", .string("float64"))], category: "arrays",
                help: "A new tensor of the given shape filled with zeros. The shape is given as separate whole numbers or as one tuple; dtype is \"float64\" (the default), \"float32\", \"int64\" or \"bool\". Shapes beyond the size limit are refused instead of exhausting memory.",
                example: ">>> zeros(2, 3)\narray([[0., 0., 0.],\n       [0., 0., 0.]])") { args in
            .tensor(try Tensor.zeros(try args.shape(nonEmpty: "zeros"), dtype: try args.dtype("dtype") ?? .float64))
        },
        Builtin("ones", [.variadic("shape"), .keywordOnly("dtype", .string("float64"))], category: "arrays",
                help: "A new tensor of the given shape filled with ones, like zeros. Useful as a bias or to count things with sum.",
                example: ">>> ones(3, dtype: \"int64\")\narray([1, 1, 1])") { args in
            .tensor(try Tensor.ones(try args.shape(nonEmpty: "ones"), dtype: try args.dtype("dtype") ?? .float64))
        },
        Builtin("zeros_like", [.required("x"), .optional("dtype", .none)], category: "arrays",
                help: "Zeros with the shape and dtype of x (or the dtype given). The usual way to start a gradient or a running sum of the same shape as a parameter.",
                example: ">>> zeros_like([[1, 2], [3, 4]])\narray([[0, 0],\n       [0, 0]])") { args in
            let x = try args.tensor("x")
            return .tensor(try Tensor.zeros(x.shape, dtype: try args.dtype("dtype") ?? x.dtype))
        },
        Builtin("ones_like", [.required("x"), .optional("dtype", .none)], category: "arrays",
                help: "Ones with the shape and dtype of x (or the dtype given).",
                example: ">>> ones_like([1.5, 2.5])\narray([1., 1.])") { args in
            let x = try args.tensor("x")
            return .tensor(try Tensor.ones(x.shape, dtype: try args.dtype("dtype") ?? x.dtype))
        },
        Builtin("empty_like", [.required("prototype"), .optional("dtype", .none)], category: "arrays",
                help: "A tensor with the shape and dtype of prototype (or the dtype given), like np.empty_like; numpy leaves its elements unset, here they are zeros.",
                example: ">>> empty_like([1.5, 2.5]).shape\n(2,)") { args in
            let x = try args.tensor("prototype")
            return .tensor(try Tensor.zeros(x.shape, dtype: try args.dtype("dtype") ?? x.dtype))
        },
        Builtin("full", [.required("shape"), .required("value"), .optional("dtype", .none)], category: "arrays",
                help: "A tensor of the given shape (a whole number or a tuple) with every element equal to value. The dtype follows the value (int64 for a whole number, float64 for a float) unless given.",
                example: ">>> full((2, 2), 7)\narray([[7, 7],\n       [7, 7]])") { args in
            let value = try args.tensor("value")
            guard value.count == 1 else { throw args.error("value must be a single number") }
            let shape = try args.shape([args["shape"]], "shape")
            return .tensor(try Tensor.full(shape, value: value.doubles[0], dtype: try args.dtype("dtype") ?? value.dtype))
        },
        Builtin("arange", [.required("start"), .optional("stop", .none), .optional("step", .int(1)), .optional("dtype", .none)],
                category: "arrays",
                help: "Evenly spaced numbers from start up to (not including) stop, step apart; with one argument, from 0 up to it. The result is int64 when every argument is a whole number and float64 otherwise, as in numpy.",
                example: ">>> arange(5)\narray([0, 1, 2, 3, 4])\n>>> arange(0, 1, 0.25)\narray([0.  , 0.25, 0.5 , 0.75])") { args in
            let (start, stop) = args.isNone("stop") ? (Value.int(0), args["start"]) : (args["start"], args["stop"])
            let bounds = try [start, stop, args["step"]].map { v -> Double in
                guard let d = v.asDouble else { throw args.error("start, stop and step must be numbers, got \(v.kindDescription)") }
                return d
            }
            if bounds[2] == 0 { throw args.valueError("step cannot be zero") }
            guard bounds.allSatisfy(\.isFinite) else { throw args.valueError("start, stop and step must be finite numbers") }
            let count = ((bounds[1] - bounds[0]) / bounds[2]).rounded(.up)
            try Tensor.checkAllocation([count < Double(Int.max) ? Swift.max(0, Int(count)) : Int.max], operation: "arange")
            let allWhole = [start, stop, args["step"]].allSatisfy { $0.asInt != nil }
            let dtype = try args.dtype("dtype") ?? (allWhole ? .int64 : .float64)
            return .tensor(try Tensor.arange(bounds[0], bounds[1], step: bounds[2], dtype: dtype))
        },
        Builtin("array", [.required("values"), .optional("dtype", .none)], category: "arrays",
                help: "A new tensor from nested lists of numbers (or from tensors of one shape, stacked along a new first axis), like np.array. Whole numbers give int64, any float gives float64, unless dtype says otherwise. Given a tensor, it makes a copy.",
                example: ">>> array([[1, 2], [3, 4]], dtype: \"float32\")\narray([[1., 2.],\n       [3., 4.]], dtype=float32)") { args in
            let t = try args.tensor("values")
            return .tensor(t.astype(try args.dtype("dtype") ?? t.dtype).copy())
        },
        Builtin("concatenate", [.required("tensors"), .optional("axis", .int(0))], category: "arrays",
                help: "Joins a list of tensors along an existing axis (0 by default: one under another). All other dimensions must match. To join the training images of two files, or the rows of a mini-batch.",
                example: ">>> a = ones(2, 3); b = zeros(1, 3)\n>>> concatenate([a, b]).shape\n(3, 3)") { args in
            let items: [Value]
            switch args["tensors"] {
            case .tuple(let elements), .list(let elements): items = elements
            case .tensor(let t) where t.ndim > 0: items = try t.rows()
            case let other: throw args.error("tensors must be a list of tensors, got \(other.kindDescription)")
            }
            let parts = try items.map { try args.tensor($0, "each item of tensors") }
            return .tensor(try Tensor.concatenate(parts, axis: try args.int("axis")))
        },
        Builtin("reshape", [.required("x"), .variadic("shape")], category: "arrays",
                help: "The same elements in a new shape with the same number of elements. One dimension may be -1 and is then worked out. Also a method: x.reshape(-1, 784) turns 28×28 images into rows of 784 pixels.",
                example: ">>> arange(6).reshape(2, 3)\narray([[0, 1, 2],\n       [3, 4, 5]])\n>>> reshape(arange(6), -1, 2).shape\n(3, 2)") { args in
            .tensor(try args.tensor("x").reshaped(try args.shape(nonEmpty: "reshape")))
        },
        Builtin("transpose", [.required("x"), .variadic("axes")], category: "arrays",
                help: "The axes in reverse order (the matrix transpose for 2-D, the same as x.T), or in the order given.",
                example: ">>> transpose(arange(6).reshape(2, 3))\narray([[0, 3],\n       [1, 4],\n       [2, 5]])") { args in
            let x = try args.tensor("x")
            if args.rest.isEmpty { return .tensor(x.T) }
            return .tensor(try x.transposed(try args.shape(args.rest, "axes")))
        },
        Builtin("flatten", [.required("x")], category: "arrays",
                help: "The elements as one row (a 1-D tensor), in row-major order.",
                example: ">>> array([[1, 2], [3, 4]]).flatten()\narray([1, 2, 3, 4])") { args in
            .tensor(try args.tensor("x").flattened())
        },
        Builtin("astype", [.required("x"), .required("dtype")], category: "arrays",
                help: "The same values converted to another dtype: \"float64\", \"float32\", \"int64\" or \"bool\". Floats become ints by dropping the fraction (toward zero).",
                example: ">>> astype([1.7, -1.7], \"int64\")\narray([ 1, -1])") { args in
            let x = try args.tensor("x"), dtype = try args.requiredDType("dtype")
            return args.session.warningAsNumpy(in: "cast") { .tensor(x.astype(dtype).copy()) }
        },
        Builtin("asarray", [.required("values"), .optional("dtype", .none)], category: "arrays",
                help: "Like array, but a tensor of the right dtype is returned as it is, not copied: the result is a second name for it, as numpy's asarray.",
                example: ">>> a = array([1, 2]); b = asarray(a); b[0] = 5; a\narray([5, 2])") { args in
            let t = try args.tensor("values")
            guard let dtype = try args.dtype("dtype"), dtype != t.dtype else { return .tensor(t) }
            return .tensor(t.astype(dtype))
        },
        Builtin("copy", [.required("x")], category: "arrays",
                help: "A copy of x with elements of its own. As in numpy, b = a gives the same array a second name (b[0] = 1 or b += 1 changes a too); b = a.copy() does not.",
                example: ">>> a = array([1, 2]); b = a.copy(); b[0] = 5; a\narray([1, 2])") { args in
            .tensor(try args.tensor("x").copy())
        },
        Builtin("item", [.required("x")], category: "arrays",
                help: "The one element of a one-element tensor as a plain number, like numpy's x.item(): loss.item().",
                example: ">>> array([[3.5]]).item()\n3.5") { args in
            let x = try args.tensor("x")
            guard x.count == 1 else { throw args.valueError("only a tensor of one element has an item; this one has \(x.count)") }
            return Value.plain(x)
        },
        Builtin("where", [.required("condition"), .optional("x", .none), .optional("y", .none)], category: "arrays",
                help: "Element by element, x where the condition is true and y where it is false; the three are broadcast together. A plain number takes the other side's dtype. With the condition alone, the positions where it is true: a tuple of int64 index arrays, one per axis (numpy's nonzero).",
                example: ">>> where(array([1, -2, 3]) > 0, 1, 0)\narray([1, 0, 1])\n>>> where(array([1, -2, 3]) > 0)\n(array([0, 2]),)") { args in
            let condition = try args.tensor("condition")
            if args.isNone("x") && args.isNone("y") {
                return .tuple(Tensor.nonzero(condition.astype(.bool)).map { .tensor($0) })
            }
            guard !args.isNone("x") && !args.isNone("y") else { throw args.error("give both x and y, or neither") }
            let x0 = try args.tensor("x"), y0 = try args.tensor("y")
            let x = try args.tensor("x", beside: y0), y = try args.tensor("y", beside: x0)
            return .tensor(try Tensor.where_(condition, x, y))
        },
        Builtin("shape", [.required("x")], category: "arrays",
                help: "The shape of x as a tuple of whole numbers, the same as x.shape.",
                example: ">>> shape(zeros(3, 4))\n(3, 4)") { args in
            .tuple(try args.tensor("x").shape.map { .int($0) })
        },
    ]
}

extension Arguments {
    /// The variadic shape arguments, which must not be empty.
    func shape(nonEmpty name: String) throws -> [Int] {
        if rest.isEmpty { throw error("missing the shape") }
        return try shape(rest, "shape")
    }
}
