import Tensor

/// numpy's legacy global random functions, drawing from the session's one
/// generator, so `seed(0)` then `randn(3)` gives numpy's `[1.76405235 0.40015721 0.97873798]`.
///
/// As in numpy, a `size` of none gives one plain number, a whole number or a tuple
/// gives a tensor of that shape, and `size=()` a 0-d tensor.
extension CoreBuiltins {
    static let random: [Builtin] = [
        Builtin("seed", [.optional("seed", .none)], category: "random",
                help: "Restarts the session's random generator, like np.random.seed: from a whole number from 0 to 2**32 - 1, from a sequence of them (seed([1, 2, 3]), seed(np.arange(10))), or with none from the system's entropy. The same seed gives the same numbers as numpy, so results can be compared with a numpy session.",
                example: ">>> seed(0)\n>>> randn(3)\narray([1.76405235, 0.40015721, 0.97873798])") { args in
            args.session.random = try args.seededGenerator("seed")
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
        uniformSample("random_sample"),
        uniformSample("random"),
        Builtin("standard_normal", [.optional("size", .none)], category: "random",
                help: "Numbers from the standard normal distribution, as randn, with the shape given as one size (a whole number or a tuple); with size none, one plain number.",
                example: ">>> seed(0)\n>>> standard_normal((2,))\narray([1.76405235, 0.40015721])") { args in
            try args.randomDoubles(size: "size") { count, rng in rng.randn(count) }
        },
        Builtin("normal", [.optional("loc", .float(0)), .optional("scale", .float(1)), .optional("size", .none)], category: "random",
                help: "Numbers from the normal distribution of mean loc and standard deviation scale (numbers or tensors, broadcast together): loc + scale * standard_normal(size). With size none, the shape of loc and scale.",
                example: ">>> seed(0)\n>>> normal(10, 2, size=3)\narray([13.52810469, 10.80031442, 11.95747597])") { args in
            let scale = try args.tensor("scale")
            guard !scale.doubles.contains(where: { $0 < 0 }) else { throw args.valueError("scale must be 0 or more") }
            return try args.shifted(by: "loc", scaledBy: scale) { count, rng in rng.randn(count) }
        },
        Builtin("uniform", [.optional("low", .float(0)), .optional("high", .float(1)), .optional("size", .none)], category: "random",
                help: "Numbers drawn uniformly from [low, high) (numbers or tensors, broadcast together): low + (high - low) * random_sample(size). With size none, the shape of low and high.",
                example: ">>> seed(0)\n>>> uniform(-1, 1, size=3)\narray([0.09762701, 0.43037873, 0.20552675])") { args in
            let range = try Tensor.binary(.subtract, try args.tensor("high").astype(.float64), try args.tensor("low"))
            guard range.doubles.allSatisfy(\.isFinite) else {
                throw InterpreterError(.value, "uniform: high - low must be finite, got a range beyond the largest float")
            }
            return try args.shifted(by: "low", scaledBy: range) { count, rng in rng.rand(count) }
        },
        Builtin("randint", [.required("low"), .optional("high", .none), .optional("size", .none), .optional("dtype", .string("int64"))],
                category: "random",
                help: "Whole numbers drawn uniformly from [low, high) (from [0, low) when high is none), as a tensor of shape size, or one plain int when size is none. dtype is int64, uint8 or bool; each gives numpy's numbers for that dtype.",
                example: ">>> seed(0)\n>>> randint(0, 10, size=5)\narray([5, 0, 3, 3, 7])") { args in
            let (low, high) = args.isNone("high") ? (0, try args.int("low")) : (try args.int("low"), try args.int("high"))
            let dtype = try args.requiredDType("dtype")
            let width = try args.randintWidth(dtype, low: low, high: high)
            let shape = try args.size("size")
            let count = try Tensor.checkAllocation(shape ?? [], operation: "randint")
            // numpy answers an empty size with an empty array before it looks at the bounds.
            guard low < high || count == 0 else { throw args.valueError("low must be less than high, got [\(low), \(high))") }
            let values = try args.session.random.randint(low: Int64(low), high: Int64(high), count: count, width: width)
            let drawn = Tensor(shape: shape ?? [], int64s: values).astype(dtype)
            return shape == nil ? Value.plain(drawn) : .tensor(drawn)
        },
        Builtin("permutation", [.required("x")], category: "random",
                help: "For a whole number n, the numbers 0 … n-1 in random order; for a tensor, a copy with its rows shuffled. Shuffling the indices once per epoch and slicing them gives the mini-batches of SGD.",
                example: ">>> seed(0)\n>>> permutation(5)\narray([2, 0, 1, 3, 4])") { args in
            if let n = args["x"].asInt, !args["x"].isTensor {
                try Tensor.checkAllocation([n], operation: "permutation")
                return .tensor(Tensor.permutation(n, using: &args.session.random))
            }
            return .tensor(try args.shuffledRows(try args.tensor("x")))
        },
        Builtin("shuffle", [.required("x")], category: "random",
                help: "Shuffles the rows of a tensor (or the items of a list) in place, like np.random.shuffle: the same draws as permutation(len(x)). Returns None.",
                example: ">>> seed(0)\n>>> x = arange(5)\n>>> shuffle(x)\n>>> x\narray([2, 0, 1, 3, 4])") { args in
            if case .list(var items) = args["x"] {
                args.session.random.shuffle(&items)
                return .list(items)
            }
            let x = try args.tensor("x")
            // numpy draws nothing for an array without elements, even one with rows: shape (3, 0).
            return .tensor(x.count == 0 ? x : try args.shuffledRows(x))
        }.updatingFirstArgument(),
        Builtin("choice", [.required("a"), .optional("size", .none), .optional("replace", .bool(true)), .optional("p", .none)],
                category: "random",
                help: "Random picks from 0 … a-1 (a whole number) or from the elements of a 1-D tensor: size of them (one plain value when size is none), with replacement unless replace is false, each with probability p (a sequence summing to 1) when given. choice(60000, size=100, replace=False) picks a mini-batch.",
                example: ">>> seed(0)\n>>> choice(10, size=3, replace=False)\narray([2, 8, 4])") { args in
            let population = args["a"].asInt != nil && !args["a"].isTensor ? nil : try args.tensor("a")
            if let population, population.ndim != 1 {
                throw args.valueError("a must be a whole number or a 1-D tensor, got shape \(NumpyFormat.shape(population.shape))")
            }
            let n = try population?.count ?? args.int("a")
            let shape = try args.size("size")
            let size = try Tensor.checkAllocation(shape ?? [], operation: "choice")
            let p = args.isNone("p") ? nil : try args.tensor("p")
            if let p, p.ndim != 1 { throw args.valueError("p must be 1-dimensional, got shape \(NumpyFormat.shape(p.shape))") }
            let tolerance = p?.dtype == .float32 ? Double(Float.ulpOfOne.squareRoot()) : Double.ulpOfOne.squareRoot()
            let picks = Tensor(shape: shape ?? [], int64s: try args.session.random.choice(
                n, size: size, replace: try args.bool("replace"), p: p?.doubles, sumTolerance: tolerance))
            let result = try population.map { try $0.index([.tensor(picks)]) } ?? picks
            return shape == nil ? Value.plain(result) : .tensor(result)
        },
        Builtin("get_state", [], category: "random",
                help: "The random generator's state as numpy's tuple ('MT19937', key, pos, has_gauss, cached_gaussian), with the 624 key words as an int64 tensor; set_state(state) goes back to it.",
                example: ">>> state = get_state()\n>>> a = rand()\n>>> set_state(state)\n>>> rand() == a\nTrue") { args in
            let state = args.session.random.legacyState
            return .tuple([.string("MT19937"), .tensor(Tensor(shape: [state.key.count], int64s: state.key.map(Int64.init))),
                           .int(state.position), .int(state.cachedGaussian == nil ? 0 : 1), .float(state.cachedGaussian ?? 0)])
        },
        Builtin("set_state", [.required("state")], category: "random",
                help: "Puts the random generator back in a state get_state gave: a tuple ('MT19937', key, pos) or ('MT19937', key, pos, has_gauss, cached_gaussian). Returns None.",
                example: ">>> state = get_state()\n>>> a = rand()\n>>> set_state(state)\n>>> rand() == a\nTrue") { args in
            args.session.random = try NumpyRandom(legacyState: try args.legacyState("state"))
            return .none
        },
    ]

    /// `random_sample(size)` and its other name `random(size)`: uniform doubles in [0, 1).
    private static func uniformSample(_ name: String) -> Builtin {
        Builtin(name, [.optional("size", .none)], category: "random",
                help: "Numbers drawn uniformly from [0, 1), as rand, with the shape given as one size (a whole number or a tuple); with size none, one plain number.",
                example: ">>> seed(0)\n>>> \(name)((2,))\narray([0.5488135 , 0.71518937])") { args in
            try args.randomDoubles(size: "size") { count, rng in rng.rand(count) }
        }
    }
}

extension Arguments {
    /// A random tensor of the variadic shape, or one plain number when no shape is given.
    func randomTensor(_ draw: ([Int], inout NumpyRandom) -> Tensor) throws -> Value {
        let shape = try self.shape(rest, "shape")
        try Tensor.checkAllocation(shape, operation: builtin.name)
        let t = draw(shape, &session.random)
        return rest.isEmpty ? Value.plain(t) : .tensor(t)
    }

    /// numpy's `size`: none (nil) or the shape given as a whole number or a tuple.
    func size(_ name: String) throws -> [Int]? {
        isNone(name) ? nil : try shape([self[name]], name)
    }

    /// float64 values drawn for the shape `size` asks for, or one plain number for none.
    func randomDoubles(size name: String, _ draw: (Int, inout NumpyRandom) -> [Double]) throws -> Value {
        let shape = try size(name)
        let count = try Tensor.checkAllocation(shape ?? [], operation: builtin.name)
        let drawn = Tensor(shape: shape ?? [], storage: .float64(draw(count, &session.random)))
        return shape == nil ? Value.plain(drawn) : .tensor(drawn)
    }

    /// `shift + scale * draw` element by element, as numpy's `normal` and `uniform` compute
    /// it: the shape is `size`, or for none the broadcast shape of the two parameters.
    func shifted(by shiftName: String, scaledBy scale: Tensor,
                 _ draw: (Int, inout NumpyRandom) -> [Double]) throws -> Value {
        let shift = try tensor(shiftName).astype(.float64)
        guard let parametersShape = Broadcast.shape(shift.shape, scale.shape) else {
            throw valueError("\(shiftName) and scale cannot be broadcast together: shapes \(NumpyFormat.shape(shift.shape)) and \(NumpyFormat.shape(scale.shape))")
        }
        let shape = try size("size") ?? parametersShape
        guard Broadcast.shape(parametersShape, shape) == shape else {
            throw valueError("size \(NumpyFormat.shape(shape)) does not fit the parameters' shape \(NumpyFormat.shape(parametersShape))")
        }
        let count = try Tensor.checkAllocation(shape, operation: builtin.name)
        let drawn = Tensor(shape: shape, storage: .float64(draw(count, &session.random)))
        let result = try Tensor.binary(.add, shift, try Tensor.binary(.multiply, scale.astype(.float64), drawn))
        return isNone("size") && parametersShape.isEmpty ? Value.plain(result) : .tensor(result)
    }

    /// The rows of `x` in the order of a fresh `permutation(len(x))`, as numpy's
    /// `permutation(x)` and `shuffle(x)` move them.
    func shuffledRows(_ x: Tensor) throws -> Tensor {
        guard let rows = x.shape.first else { throw valueError("a 0-d tensor has no rows to shuffle") }
        return try x.index([.tensor(Tensor.permutation(rows, using: &session.random))])
    }

    /// How many bits numpy's `randint` draws per value of `dtype`, after checking
    /// that [low, high) fits it (numpy: "high is out of bounds for uint8").
    func randintWidth(_ dtype: DType, low: Int, high: Int) throws -> Int {
        let (width, range): (Int, ClosedRange<Int>)
        switch dtype {
        case .int64: return 64
        case .uint8: (width, range) = (8, 0...255)
        case .bool: (width, range) = (1, 0...1)
        default:
            throw valueError("randint draws whole numbers: dtype must be int64, uint8 or bool, got \(dtype.rawValue)")
        }
        guard range.contains(low) else { throw valueError("low is out of bounds for \(dtype.rawValue): it must be in \(range)") }
        guard high <= low || range.contains(high - 1) else {
            throw valueError("high is out of bounds for \(dtype.rawValue): it must be at most \(range.upperBound + 1)")
        }
        return width
    }

    /// The generator `np.random.seed(value)` makes: none seeds from entropy, a whole
    /// number (or a 0-d integer tensor) with `init_genrand`, a sequence of whole numbers
    /// with `init_by_array`. Each number must fit 32 bits unsigned.
    func seededGenerator(_ name: String) throws -> NumpyRandom {
        let value = self[name]
        let range = 0...Int(UInt32.max)
        if case .none = value { return .fromEntropy() }
        if !value.isSequenceSeed {
            guard let n = value.asInt else {
                throw error("\(name) must be a whole number from 0 to 2**32 - 1 or a sequence of them, got \(value.kindDescription)")
            }
            guard range.contains(n) else { throw valueError("the seed must be between 0 and 2**32 - 1, got \(n)") }
            return NumpyRandom(seed: UInt32(n))
        }
        let words = try value.asTensor() ?? Tensor.stacking(Array(try Operators.iterate(value)))
        guard let words, words.dtype.kind != .floatingPoint else {
            throw error("\(name) must hold whole numbers, got \(value.kindDescription)")
        }
        guard words.ndim == 1 else { throw valueError("a seed sequence must be 1-d, got shape \(NumpyFormat.shape(words.shape))") }
        guard words.count > 0 else { throw valueError("a seed sequence must not be empty") }
        if let outside = words.int64s.first(where: { !range.contains(Int($0)) }) {
            throw valueError("each seed must be between 0 and 2**32 - 1, got \(outside)")
        }
        return NumpyRandom(seedWords: words.int64s.map { UInt32($0) })
    }

    /// The state in a tuple from `get_state`: ('MT19937', key, pos[, has_gauss, cached_gaussian]).
    func legacyState(_ name: String) throws -> NumpyRandom.LegacyState {
        guard let items = try self[name].sequenceElements(), items.count == 3 || items.count == 5,
              case .string("MT19937") = items[0] else {
            throw error("\(name) must be a tuple ('MT19937', key, pos, has_gauss, cached_gaussian) from get_state(), got \(self[name].kindDescription)")
        }
        let key = try tensor(items[1], "the key")
        guard key.ndim == 1, key.dtype == .int64, key.int64s.allSatisfy({ UInt32(exactly: $0) != nil }) else {
            throw valueError("the key must be a 1-d tensor of whole numbers from 0 to 2**32 - 1, got \(items[1].kindDescription)")
        }
        var cachedGaussian: Double?
        if items.count == 5, try int(items[3], "has_gauss") != 0 {
            guard let gaussian = items[4].asDouble else {
                throw error("cached_gaussian must be a number, got \(items[4].kindDescription)")
            }
            cachedGaussian = gaussian
        }
        return NumpyRandom.LegacyState(key: key.int64s.map { UInt32($0) }, position: try int(items[2], "pos"),
                                       cachedGaussian: cachedGaussian)
    }
}

private extension Value {
    /// True when `seed` reads this value as a sequence of seeds (numpy's `init_by_array`):
    /// a tuple, list, range or tensor of one axis or more. A tensor holding one number is
    /// read as a sequence too, as numpy reads the list `[0]` (`seed([0])` differs from `seed(0)`).
    var isSequenceSeed: Bool {
        switch self {
        case .bool, .int, .float, .none, .string, .dtype, .function: return false
        case .tensor(let t): return t.ndim > 0
        case .tuple, .list, .object: return true
        }
    }
}
