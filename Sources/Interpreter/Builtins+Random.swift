import Tensor

/// numpy's legacy global random functions, drawing from the session's one
/// generator, so `seed(0)` then `randn(3)` gives numpy's `[1.76405235 0.40015721 0.97873798]`.
extension CoreBuiltins {
    static let random: [Builtin] = [
        Builtin("seed", [.required("n")], category: "random",
                help: "Restarts the session's random generator from seed n (a whole number from 0 to 2**32 - 1), like np.random.seed. The same seed gives the same numbers as numpy, so results can be compared with a numpy session.",
                example: ">>> seed(0)\n>>> randn(3)\narray([1.76405235, 0.40015721, 0.97873798])") { args in
            let n = try args.int("n")
            guard let seed = UInt32(exactly: n) else {
                throw args.valueError("the seed must be between 0 and 2**32 - 1, got \(n)")
            }
            args.session.random.seed(seed)
            return .none
        },
        Builtin("randn", [.variadic("shape")], category: "random",
                help: "Numbers from the standard normal distribution (mean 0, standard deviation 1) in a float64 tensor of the given shape; with no shape, one plain number. Weights start as randn(D, H) times a small scale.",
                example: ">>> seed(0)\n>>> randn(2, 2)\narray([[1.76405235, 0.40015721],\n       [0.97873798, 2.2408932 ]])") { args in
            try args.randomTensor { shape, rng in Tensor.randn(shape, using: &rng) }
        },
        Builtin("rand", [.variadic("shape")], category: "random",
                help: "Numbers drawn uniformly from [0, 1) in a float64 tensor of the given shape; with no shape, one plain number.",
                example: ">>> seed(0)\n>>> rand(3)\narray([0.5488135 , 0.71518937, 0.60276338])") { args in
            try args.randomTensor { shape, rng in Tensor.rand(shape, using: &rng) }
        },
        Builtin("randint", [.required("low"), .optional("high", .none), .optional("size", .none)], category: "random",
                help: "Whole numbers drawn uniformly from [low, high) (from [0, low) when high is none), as an int64 tensor of shape size, or one plain int when size is none.",
                example: ">>> seed(0)\n>>> randint(0, 10, size: 5)\narray([5, 0, 3, 3, 7])") { args in
            let (low, high) = args.isNone("high") ? (0, try args.int("low")) : (try args.int("low"), try args.int("high"))
            guard low < high else { throw args.valueError("low must be less than high, got [\(low), \(high))") }
            if args.isNone("size") {
                return .int(Int(try args.session.random.randint(low: Int64(low), high: Int64(high), count: 1)[0]))
            }
            let shape = try args.shape([args["size"]], "size")
            try Tensor.checkAllocation(shape, operation: "randint")
            return .tensor(try Tensor.randint(low: Int64(low), high: Int64(high), shape: shape, using: &args.session.random))
        },
        Builtin("permutation", [.required("x")], category: "random",
                help: "For a whole number n, the numbers 0 … n-1 in random order; for a tensor, a copy with its rows shuffled. Shuffling the indices once per epoch and slicing them gives the mini-batches of SGD.",
                example: ">>> seed(0)\n>>> permutation(5)\narray([2, 0, 1, 3, 4])") { args in
            if let n = args["x"].asInt, !args["x"].isTensor {
                try Tensor.checkAllocation([n], operation: "permutation")
                return .tensor(Tensor.permutation(n, using: &args.session.random))
            }
            let x = try args.tensor("x")
            guard let rows = x.shape.first else { throw args.valueError("a 0-d tensor has no rows to shuffle") }
            // numpy shuffles the rows with the same draws as permutation(len(x)).
            let order = Tensor.permutation(rows, using: &args.session.random)
            return .tensor(try x.index([.tensor(order)]))
        },
        Builtin("choice", [.required("a"), .optional("size", .none), .optional("replace", .bool(true))], category: "random",
                help: "Random picks from 0 … a-1 (a whole number) or from the elements of a 1-D tensor: size of them (one plain value when size is none), with replacement unless replace is false. choice(60000, size: 100, replace: false) picks a mini-batch.",
                example: ">>> seed(0)\n>>> choice(10, size: 3, replace: false)\narray([2, 8, 4])") { args in
            let population: Tensor?
            let n: Int
            if let count = args["a"].asInt, !args["a"].isTensor {
                population = nil
                n = count
            } else {
                let a = try args.tensor("a")
                guard a.ndim == 1 else { throw args.valueError("a must be a whole number or a 1-D tensor, got shape \(NumpyFormat.shape(a.shape))") }
                population = a
                n = a.count
            }
            let shape = args.isNone("size") ? [] : try args.shape([args["size"]], "size")
            let size = try Tensor.checkAllocation(shape, operation: "choice")
            let picks = Tensor(shape: shape, int64s: try args.session.random.choice(n, size: size,
                                                                                  replace: try args.bool("replace")))
            let result = try population.map { try $0.index([.tensor(picks)]) } ?? picks
            return shape.isEmpty ? Value.plain(result) : .tensor(result)
        },
    ]
}

extension Arguments {
    /// A random tensor of the variadic shape, or one plain number when no shape is given.
    func randomTensor(_ draw: ([Int], inout NumpyRandom) -> Tensor) throws -> Value {
        let shape = try self.shape(rest, "shape")
        try Tensor.checkAllocation(shape, operation: builtin.name)
        let t = draw(shape, &session.random)
        return rest.isEmpty ? Value.plain(t) : .tensor(t)
    }
}
