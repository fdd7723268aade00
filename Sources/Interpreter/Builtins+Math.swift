import Network
import Tensor

/// Element-wise functions, linear algebra, reductions and the neural-network helpers.
extension CoreBuiltins {
    static let math: [Builtin] = [
        .ufunc("exp",
              help: "e raised to each element. Integers become float64. Large inputs overflow to inf, with numpy's warning \"overflow encountered in exp\"; softmax subtracts the row maximum first to avoid that.",
              example: ">>> exp([0.0, 1.0])\narray([1.        , 2.71828183])") { try $0.unary(.exp) },
        .ufunc("log",
              help: "The natural logarithm of each element; log(0) is -inf and a negative number gives nan. Cross-entropy takes the log of the probability of the right class.",
              example: ">>> log([1.0, 10.0])\narray([0.        , 2.30258509])") { try $0.unary(.log) },
        .ufunc("sqrt",
              help: "The square root of each element; integers become float64.",
              example: ">>> sqrt([4, 9])\narray([2., 3.])") { try $0.unary(.sqrt) },
        .ufunc("sin",
              help: "The sine of each element, in radians; integers become float64.",
              example: ">>> sin([0.0, 1.0])\narray([0.        , 0.84147098])") { try $0.unary(.sin) },
        .ufunc("cos",
              help: "The cosine of each element, in radians; integers become float64.",
              example: ">>> cos([0.0, 1.0])\narray([1.        , 0.54030231])") { try $0.unary(.cos) },
        .ufunc("abs",
              help: "The absolute value of each element, keeping the dtype.",
              example: ">>> abs([-1.5, 2])\narray([1.5, 2. ])") { try $0.unary(.abs) },
        .ufunc("tanh",
              help: "The hyperbolic tangent of each element, between -1 and 1: an activation function centred on 0.",
              example: ">>> tanh([0.0, 1.0])\narray([0.        , 0.76159416])") { try $0.unary(.tanh) },
        .ufunc("square",
              help: "Each element times itself, keeping the dtype; the squared error of mse.",
              example: ">>> square([1, -3])\narray([1, 9])") { try $0.unary(.square) },
        Builtin("maximum", [.required("a"), .required("b")], category: "math",
                help: "The larger of a and b, element by element, broadcast together. maximum(0, z) is ReLU written by hand. Unlike max, it compares two tensors instead of reducing one.",
                example: ">>> maximum([-1, 2], 0)\narray([0, 2])") { args in
            .tensor(try args.combine(.maximum, "a", "b"))
        },
        Builtin("minimum", [.required("a"), .required("b")], category: "math",
                help: "The smaller of a and b, element by element, broadcast together.",
                example: ">>> minimum([1.5, 3.0], 2)\narray([1.5, 2. ])") { args in
            .tensor(try args.combine(.minimum, "a", "b"))
        },
        Builtin("clip", [.required("x"), .optional("min", .none), .optional("max", .none)], category: "math",
                help: "Every element of x limited to the range [min, max]; either bound may be none. Clipping probabilities away from 0 keeps log finite.",
                example: ">>> clip([-1.0, 0.5, 2.0], 0, 1)\narray([0. , 0.5, 1. ])") { args in
            func bound(_ name: String) throws -> Tensor? {
                if case .none = args[name] { return nil }
                return try args.tensor(name)
            }
            let lower = try bound("min"), upper = try bound("max")
            if lower == nil && upper == nil { throw args.error("give min, max or both") }
            return .tensor(try args.tensor("x").clip(min: lower, max: upper,
                                                     weakMin: args["min"].isPythonNumber, weakMax: args["max"].isPythonNumber))
        },
        Builtin("matmul", [.required("a"), .required("b")], category: "math",
                help: "The matrix product, the same as a @ b: (N, D) @ (D, H) gives (N, H). A 1-D tensor on the left acts as a row, on the right as a column. The inner dimensions must agree; the message names both shapes when they do not.",
                example: ">>> matmul([[1, 2], [3, 4]], [[5, 6], [7, 8]])\narray([[19, 22],\n       [43, 50]])") { args in
            .tensor(try Tensor.matmul(try args.tensor("a"), try args.tensor("b")))
        },
        Builtin("dot", [.required("a"), .required("b")], category: "math",
                help: "The dot product of two vectors (the sum of their element-wise products), or the matrix product for 2-D tensors, like np.dot.",
                example: ">>> dot([1, 2, 3], [1, 2, 3])\nnp.int64(14)") { args in
            .tensor(try Tensor.dot(try args.tensor("a"), try args.tensor("b")))
        },
        Builtin("allclose", [.required("a"), .required("b"), .optional("rtol", .float(1e-05)), .optional("atol", .float(1e-08))],
                category: "math",
                help: "True when every pair of elements is close: |a - b| <= atol + rtol * |b|, broadcast together, as np.allclose. The way to compare floats computed two ways, such as an analytic and a numerical gradient.",
                example: ">>> allclose([1.0, 2.0], [1.0, 2.0000000001])\nTrue") { args in
            let a = try args.tensor("a"), b = try args.tensor("b")
            let difference = try Tensor.binary(.subtract, a, b).unary(.abs)
            let tolerance = try Tensor.binary(.add, Tensor(scalar: try args.double("atol")),
                                              try Tensor.binary(.multiply, Tensor(scalar: try args.double("rtol")), try b.unary(.abs)))
            return .bool(try Tensor.binary(.lessEqual, difference, tolerance).bools.allSatisfy { $0 })
        },
        Builtin("array_equal", [.required("a"), .required("b")], category: "math",
                help: "True when a and b have the same shape and equal elements.",
                example: ">>> array_equal([1, 2], [1, 2])\nTrue") { args in
            let a = try args.tensor("a"), b = try args.tensor("b")
            guard a.shape == b.shape else { return .bool(false) }
            return .bool(try Tensor.binary(.equal, a, b).bools.allSatisfy { $0 })
        },
    ]

    static let reductions: [Builtin] = [
        reduction("sum", help: "The sum of the elements: of all of them (a 0-d result) or along one axis. axis: 0 sums down the columns, axis: 1 along each row; keepdims: true keeps the summed axis with length 1 so the result broadcasts against x. The bias gradient is dOut.sum(axis: 0).",
                  example: ">>> x = array([[1, 2], [3, 4]])\n>>> x.sum(axis: 0)\narray([4, 6])\n>>> sum(x, axis: 1, keepdims: true)\narray([[3],\n       [7]])") { try $0.sum(axis: $1, keepdims: $2) },
        reduction("mean", help: "The average of the elements, of all or along one axis (see sum for axis and keepdims). Zero-centring the data subtracts the mean.",
                  example: ">>> mean([[1, 2], [3, 4]], axis: 0)\narray([2., 3.])") { try $0.mean(axis: $1, keepdims: $2) },
        reduction("std", help: "The standard deviation (population, ddof 0, as numpy's default), of all elements or along one axis.",
                  example: ">>> std([1.0, 2.0, 3.0, 4.0])\nnp.float64(1.118033988749895)") { try $0.std(axis: $1, keepdims: $2) },
        reduction("var", help: "The variance (population, ddof 0), the square of std.",
                  example: ">>> var([1.0, 2.0, 3.0, 4.0])\nnp.float64(1.25)") { try $0.variance(axis: $1, keepdims: $2) },
        pythonPair(.greater, reduction("max", help: "The largest element, of all or along one axis. To compare two tensors element by element use maximum. softmax subtracts x.max(axis: 1, keepdims: true). With two plain numbers, the larger, as Python's max(a, b).",
                  example: ">>> max([[1, 5], [7, 2]], axis: 1)\narray([5, 7])\n>>> max(3, 8)\n8") { try $0.max(axis: $1, keepdims: $2) }),
        pythonPair(.less, reduction("min", help: "The smallest element, of all or along one axis. With two plain numbers, the smaller, as Python's min(a, b).",
                  example: ">>> min([3.5, -1.0, 2.0])\nnp.float64(-1.0)") { try $0.min(axis: $1, keepdims: $2) }),
        reduction("prod", help: "The product of the elements, of all or along one axis (see sum for axis and keepdims). Ints and bools multiply as int64.",
                  example: ">>> prod([[1, 2], [3, 4]], axis: 1)\narray([ 2, 12])") { try $0.product(axis: $1, keepdims: $2) },
        reduction("argmax", help: "The position of the largest element (the first one on ties), in the flattened tensor or along one axis. The predicted class of each row of scores is scores.argmax(axis: 1).",
                  example: ">>> argmax([[0.1, 0.7, 0.2], [0.8, 0.1, 0.1]], axis: 1)\narray([1, 0])") { try $0.argmax(axis: $1, keepdims: $2) },
        reduction("argmin", help: "The position of the smallest element, in the flattened tensor or along one axis.",
                  example: ">>> argmin([3, 1, 2])\nnp.int64(1)") { try $0.argmin(axis: $1, keepdims: $2) },
        reduction("any", help: "True where at least one element is non-zero (true), of all or along one axis.",
                  example: ">>> any([0, 0, 3])\nnp.True_") { try $0.astype(.bool).astype(.int64).max(axis: $1, keepdims: $2).astype(.bool) },
        reduction("all", help: "True where every element is non-zero (true), of all or along one axis.",
                  example: ">>> all(array([1, 0, 3]) > 0)\nnp.False_") { try $0.astype(.bool).astype(.int64).min(axis: $1, keepdims: $2).astype(.bool) },
    ]

    /// A reduction that, given two plain numbers (`max(a, b)`), picks one of them as
    /// Python does: the first unless the second is `better`.
    private static func pythonPair(_ better: BinaryOperator, _ reduction: Builtin) -> Builtin {
        Builtin(reduction.name, reduction.parameters, category: reduction.category,
                help: reduction.help, example: reduction.example) { args in
            let (a, b) = (args["x"], args["axis"])
            guard a.isPythonNumber && b.isPythonNumber, case .bool(false) = args["keepdims"] else { return try reduction.body(args) }
            return try Operators.truth(try Operators.binary(better, b, a)) ? b : a
        }
    }

    /// `name(x, axis: none, keepdims: false)`.
    private static func reduction(_ name: String, help: String, example: String,
                                  _ reduce: @escaping (Tensor, Int?, Bool) throws -> Tensor) -> Builtin {
        Builtin(name, [.required("x"), .optional("axis", .none), .optional("keepdims", .bool(false))],
                category: "reductions", help: help, example: example) { args in
            .tensor(try reduce(try args.tensor("x"), try args.axis(), try args.bool("keepdims")))
        }
    }

    static let neuralNetwork: [Builtin] = [
        .elementwise("sigmoid", category: "nn",
                     help: "1 / (1 + exp(-x)) for each element, squashing any number into (0, 1). Computed so that neither tail overflows: for negative x it uses exp(x) / (1 + exp(x)).",
                     example: ">>> sigmoid([0.0, 1000.0, -1000.0])\narray([0.5, 1. , 0. ])") { try $0.unary(.sigmoid) },
        .elementwise("relu", category: "nn",
                     help: "max(0, x) for each element: negative values become 0, the rest pass through. The activation of the hidden layer; its gradient is 1 where x > 0 and 0 elsewhere.",
                     example: ">>> relu([-2.0, 0.5, 3.0])\narray([0. , 0.5, 3. ])") { try $0.unary(.relu) },
        Builtin("softmax", [.required("x"), .optional("axis", .int(-1))], category: "nn",
                help: "exp(x) / sum(exp(x)) along an axis (the last one by default, so each row of a batch of scores becomes probabilities that add up to 1). The row maximum is subtracted first, which changes nothing mathematically but keeps exp from overflowing.",
                example: ">>> softmax([1.0, 2.0, 3.0])\narray([0.09003057, 0.24472847, 0.66524096])\n>>> softmax([0.0, 1000.0, -1000.0])\narray([0., 1., 0.])") { args in
            .tensor(try softmax(try args.tensor("x"), axis: try args.int("axis")))
        },
        Builtin("onehot", [.required("labels"), .required("classes")], category: "nn",
                help: "Integer labels (N,) turned into one-hot rows (N, classes) of float64: row i is all zeros except a 1 in column labels[i]. The targets of softmax cross-entropy.",
                example: ">>> onehot([2, 0], 3)\narray([[0., 0., 1.],\n       [1., 0., 0.]])") { args in
            .tensor(try Tensor.oneHot(try args.tensor("labels"), classes: try args.int("classes")))
        },
    ]
}
