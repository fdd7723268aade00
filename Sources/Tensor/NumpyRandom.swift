import Foundation

/// A random number generator that gives exactly the numbers numpy's legacy
/// `np.random` functions give: after `seed(0)`, `randn(3)` is
/// `[1.764052345967664, 0.4001572083672233, 0.9787379841057392]`, bit for bit.
///
/// numpy's `np.random.seed(n)`, `rand`, `randn`, `randint`, `permutation`,
/// `shuffle` and `choice` all draw from one `RandomState`: a Mersenne Twister
/// (MT19937) plus one cached gaussian. This struct is that state, and each
/// method copies the algorithm numpy's legacy code uses, so that every number
/// a lesson prints, and every weight a seeded network starts from, is the one
/// the numpy course shows.
///
/// It is a value: copying it forks the stream, and both copies then give the
/// same numbers. Pass it `inout` to whatever needs randomness.
public struct NumpyRandom: Sendable {
    /// The Mersenne Twister's 624 words of state.
    private var key: [UInt32]
    /// The index in `key` of the next word to temper; 624 means "regenerate first".
    private var position: Int
    /// The second value of the last gaussian pair, returned by the next `standardNormal()`.
    private var cachedGaussian: Double?

    private static let stateLength = 624
    private static let shiftLength = 397

    /// A generator in the state `np.random.seed(seed)` leaves numpy's global one in.
    public init(seed: UInt32) {
        key = NumpyRandom.initialKey(seed: seed)
        position = NumpyRandom.stateLength
        cachedGaussian = nil
    }

    /// The whole state as numbers: the 624 words, the position, and a cached gaussian
    /// (a flag and its bits). It carries the generator to another process and back
    /// (`init(stateWords:)`), where the stream goes on exactly where it was.
    public var stateWords: [UInt64] {
        key.map(UInt64.init) + [UInt64(position), cachedGaussian == nil ? 0 : 1, (cachedGaussian ?? 0).bitPattern]
    }

    /// The generator whose `stateWords` these are; nil when they cannot be one.
    public init?(stateWords words: [UInt64]) {
        let n = NumpyRandom.stateLength
        guard words.count == n + 3, words[..<n].allSatisfy({ $0 <= UInt64(UInt32.max) }),
              words[n] <= UInt64(n), words[n + 1] <= 1 else { return nil }
        key = words[..<n].map { UInt32($0) }
        position = Int(words[n])
        cachedGaussian = words[n + 1] == 1 ? Double(bitPattern: words[n + 2]) : nil
    }

    /// A generator in the state `np.random.seed(words)` leaves numpy's global one in
    /// for a sequence of seeds (`seed([0])`, `seed(np.arange(10))`): MT19937's
    /// `init_by_array`, which numpy also uses for a seed of entropy. `words` must not be empty.
    public init(seedWords words: [UInt32]) {
        precondition(!words.isEmpty, "init_by_array needs at least one word")
        key = NumpyRandom.initialKey(words: words)
        position = NumpyRandom.stateLength
        cachedGaussian = nil
    }

    /// A generator seeded from the system's entropy, like `np.random.seed()` with no seed:
    /// 624 random words through `init_by_array`.
    public static func fromEntropy() -> NumpyRandom {
        var system = SystemRandomNumberGenerator()
        return NumpyRandom(seedWords: (0..<stateLength).map { _ in UInt32.random(in: .min ... .max, using: &system) })
    }

    /// Restarts the stream, like `np.random.seed(seed)`: the twister is re-seeded
    /// and a cached gaussian is forgotten.
    public mutating func seed(_ seed: UInt32) {
        self = NumpyRandom(seed: seed)
    }

    /// The state as numpy's `np.random.get_state()` tuple holds it: the 624 words of
    /// the twister, the position of the next one, and the cached gaussian if there is one.
    public var legacyState: LegacyState {
        LegacyState(key: key, position: position, cachedGaussian: cachedGaussian)
    }

    /// The generator in `state`, like `np.random.set_state(state)`.
    /// - Throws: `RandomError.invalidState` when there are not 624 words or the
    ///   position is not in 0...624.
    public init(legacyState state: LegacyState) throws {
        guard state.key.count == NumpyRandom.stateLength else {
            throw RandomError.invalidState("the key must hold \(NumpyRandom.stateLength) words, got \(state.key.count)")
        }
        guard (0...NumpyRandom.stateLength).contains(state.position) else {
            throw RandomError.invalidState("the position must be from 0 to \(NumpyRandom.stateLength), got \(state.position)")
        }
        key = state.key
        position = state.position
        cachedGaussian = state.cachedGaussian
    }

    /// What `get_state` shows and `set_state` takes.
    public struct LegacyState: Equatable, Sendable {
        public var key: [UInt32]
        public var position: Int
        public var cachedGaussian: Double?

        public init(key: [UInt32], position: Int, cachedGaussian: Double?) {
            self.key = key
            self.position = position
            self.cachedGaussian = cachedGaussian
        }
    }

    // MARK: - The Mersenne Twister

    /// MT19937's `init_genrand`, the seeding numpy uses for an integer seed:
    /// each word is a multiplicative hash of the one before it.
    private static func initialKey(seed: UInt32) -> [UInt32] {
        var key = [UInt32](repeating: 0, count: stateLength)
        key[0] = seed
        for i in 1..<stateLength {
            let previous = key[i - 1]
            key[i] = 1_812_433_253 &* (previous ^ (previous >> 30)) &+ UInt32(i)
        }
        return key
    }

    /// MT19937's `init_by_array`: the key of seed 19650218, then every word mixed
    /// with the seed words (cycling through them) and, in a second pass, with its
    /// index; the first word is set so the state is never all zeros.
    private static func initialKey(words: [UInt32]) -> [UInt32] {
        let n = stateLength
        var key = initialKey(seed: 19_650_218)
        var i = 1, j = 0
        func advance() {
            i += 1
            if i >= n {
                key[0] = key[n - 1]
                i = 1
            }
        }
        for _ in 0..<max(n, words.count) {
            let previous = key[i - 1]
            key[i] = (key[i] ^ ((previous ^ (previous >> 30)) &* 1_664_525)) &+ words[j] &+ UInt32(truncatingIfNeeded: j)
            advance()
            j = (j + 1) % words.count
        }
        for _ in 0..<(n - 1) {
            let previous = key[i - 1]
            key[i] = (key[i] ^ ((previous ^ (previous >> 30)) &* 1_566_083_941)) &- UInt32(i)
            advance()
        }
        key[0] = 0x8000_0000
        return key
    }

    /// Replaces all 624 words with the next 624 (MT19937's "twist"). Word i mixes
    /// the top bit of word i with the low 31 bits of word i+1, and the result is
    /// xor-ed into word i+397; the indices wrap, and for i ≥ 227 that word has
    /// already been replaced in this pass, exactly as in the reference code.
    private mutating func regenerate() {
        let n = NumpyRandom.stateLength, m = NumpyRandom.shiftLength
        key.withUnsafeMutableBufferPointer { key in
            for i in 0..<n {
                let y = (key[i] & 0x8000_0000) | (key[(i + 1) % n] & 0x7fff_ffff)
                let twist: UInt32 = (y & 1) == 0 ? 0 : 0x9908_b0df
                key[i] = key[(i + m) % n] ^ (y >> 1) ^ twist
            }
        }
        position = 0
    }

    /// The next 32 random bits (numpy's `mt19937_next`): one word of state, tempered.
    public mutating func nextUInt32() -> UInt32 {
        if position == NumpyRandom.stateLength { regenerate() }
        var y = key[position]
        position += 1
        y ^= y >> 11
        y ^= (y << 7) & 0x9d2c_5680
        y ^= (y << 15) & 0xefc6_0000
        y ^= y >> 18
        return y
    }

    /// The next 64 random bits: two 32-bit draws, the first one high (numpy's `mt19937_next64`).
    public mutating func nextUInt64() -> UInt64 {
        let high = UInt64(nextUInt32())
        let low = UInt64(nextUInt32())
        return high << 32 | low
    }

    // MARK: - Floating-point draws

    /// A uniform double in [0, 1) with 53 random bits, like `np.random.random_sample()`:
    /// 27 bits from one draw and 26 from the next, read as a fraction of 2⁵³.
    public mutating func randomSample() -> Double {
        let high = nextUInt32() >> 5
        let low = nextUInt32() >> 6
        return (Double(high) * 67_108_864.0 + Double(low)) / 9_007_199_254_740_992.0
    }

    /// A standard normal value, like `np.random.standard_normal()` (numpy's `legacy_gauss`).
    ///
    /// The polar Box–Muller method makes two independent normals at a time from a
    /// point (x1, x2) drawn uniformly inside the unit disc: with r² = x1² + x2²,
    /// both x·√(−2 ln r² / r²) are N(0, 1). The first call returns the x2 one and
    /// keeps the x1 one for the next call; `seed(_:)` forgets it.
    public mutating func standardNormal() -> Double {
        if let cached = cachedGaussian {
            cachedGaussian = nil
            return cached
        }
        var x1, x2, r2: Double
        repeat {
            x1 = 2.0 * randomSample() - 1.0
            x2 = 2.0 * randomSample() - 1.0
            r2 = x1 * x1 + x2 * x2
        } while r2 >= 1.0 || r2 == 0.0
        let factor = (-2.0 * log(r2) / r2).squareRoot()
        cachedGaussian = factor * x1
        return factor * x2
    }

    /// `count` uniform doubles in [0, 1), like `np.random.rand(count)`.
    /// A negative count gives an empty array (numpy would raise).
    public mutating func rand(_ count: Int) -> [Double] {
        draw(count) { $0.randomSample() }
    }

    /// `count` standard normal doubles, like `np.random.randn(count)`.
    /// A negative count gives an empty array (numpy would raise).
    public mutating func randn(_ count: Int) -> [Double] {
        draw(count) { $0.standardNormal() }
    }

    /// `count` doubles `low + (high - low) * u` with u uniform in [0, 1),
    /// like `np.random.uniform(low, high, count)`; `low > high` is allowed, as in numpy.
    public mutating func uniform(low: Double, high: Double, count: Int) -> [Double] {
        let range = high - low
        return draw(count) { low + range * $0.randomSample() }
    }

    /// `count` doubles `loc + scale * z` with z standard normal,
    /// like `np.random.normal(loc, scale, count)`.
    public mutating func normal(loc: Double, scale: Double, count: Int) -> [Double] {
        draw(count) { loc + scale * $0.standardNormal() }
    }

    /// `count` results of `next`, in order; none when `count` is not positive.
    private mutating func draw<T>(_ count: Int, _ next: (inout NumpyRandom) -> T) -> [T] {
        var values: [T] = []
        values.reserveCapacity(max(count, 0))
        for _ in 0..<max(count, 0) { values.append(next(&self)) }
        return values
    }

    // MARK: - Integer draws

    /// A uniform integer in 0...max, the way all of numpy's legacy integer
    /// functions make one (`random_interval`, and `randint`'s masked path):
    /// draw bits, keep only as many as `max` needs, and draw again while the
    /// result is above `max`. Ranges that fit 32 bits use 32-bit draws, wider
    /// ones 64-bit draws; `max == 0` draws nothing.
    private mutating func interval(_ max: UInt64) -> UInt64 {
        if max == 0 { return 0 }
        let mask = UInt64.max >> max.leadingZeroBitCount
        var value: UInt64
        repeat {
            value = max <= UInt64(UInt32.max) ? UInt64(nextUInt32()) & mask : nextUInt64() & mask
        } while value > max
        return value
    }

    /// A uniform integer in 0...max for a dtype of `width` bits (1 for bool, 8 for
    /// uint8), as numpy's `buffered_bounded_masked_uint8` and `_bool` make one: a
    /// 32-bit draw is cut into 32 / width pieces, lowest bits first, and each piece is
    /// masked and rejected like `interval`'s draws. `buffer` carries the pieces left
    /// between the values of one call.
    private mutating func bufferedInterval(_ max: UInt32, width: UInt32, _ buffer: inout (bits: UInt32, left: UInt32)) -> UInt32 {
        if max == 0 { return 0 }
        let mask = UInt32.max >> max.leadingZeroBitCount
        var value: UInt32
        repeat {
            if buffer.left == 0 {
                buffer = (nextUInt32(), 32 / width - 1)
            } else {
                buffer = (buffer.bits >> width, buffer.left - 1)
            }
            value = buffer.bits & mask
        } while value > max
        return value
    }

    /// `count` integers uniform in [low, high), like `np.random.randint(low, high, count)`.
    /// `width` is the bit width of the dtype asked for: 64 (int64, the default) draws as
    /// `interval` does, 8 (uint8) and 1 (bool) share each 32-bit draw between several
    /// values, as numpy does for those dtypes. A range of one value takes no draws.
    ///
    /// - Throws: `RandomError.emptyRange` when `high <= low` (unless `count` is 0,
    ///   which numpy answers with an empty array first), `RandomError.negativeCount`
    ///   when `count < 0`.
    public mutating func randint(low: Int64, high: Int64, count: Int, width: Int = 64) throws -> [Int64] {
        if count == 0 { return [] }
        guard low < high else { throw RandomError.emptyRange(low: low, high: high) }
        guard count > 0 else { throw RandomError.negativeCount(count) }
        // high - 1 - low fits UInt64 even when high - low overflows Int64.
        let largestOffset = UInt64(bitPattern: high &- low) &- 1
        guard width < 32 else { return draw(count) { low &+ Int64(bitPattern: $0.interval(largestOffset)) } }
        var buffer: (bits: UInt32, left: UInt32) = (0, 0)
        return draw(count) {
            low + Int64($0.bufferedInterval(UInt32(largestOffset), width: UInt32(width), &buffer))
        }
    }

    /// 0, 1, …, n-1 in random order, like `np.random.permutation(n)`.
    /// A negative `n` gives an empty array, as numpy's `arange(n)` does.
    public mutating func permutation(_ n: Int) -> [Int64] {
        var values = Array(0..<Int64(max(n, 0)))
        shuffle(&values)
        return values
    }

    /// Shuffles `array` in place, like `np.random.shuffle` on a 1-D array.
    public mutating func shuffle<T>(_ array: inout [T]) {
        shuffleIndices(array.count) { array.swapAt($0, $1) }
    }

    /// Shuffles the rows of a row-major 2-D array of `rowLength` columns in place,
    /// like `np.random.shuffle` on a 2-D array: the same draws as shuffling that many
    /// elements, moving whole rows. Only complete rows move; nothing happens when
    /// `rowLength` is not positive.
    public mutating func shuffleRows<T>(_ array: inout [T], rowLength: Int) {
        guard rowLength > 0 else { return }
        shuffleIndices(array.count / rowLength) { i, j in
            for column in 0..<rowLength {
                array.swapAt(i * rowLength + column, j * rowLength + column)
            }
        }
    }

    /// numpy's legacy Fisher–Yates shuffle of `n` items, from the back: for i = n-1
    /// down to 1, draw j uniform in 0...i and swap items i and j (`swap` is told only
    /// when they differ).
    private mutating func shuffleIndices(_ n: Int, swap: (Int, Int) -> Void) {
        for i in stride(from: n - 1, to: 0, by: -1) {
            let j = Int(interval(UInt64(i)))
            if i != j { swap(i, j) }
        }
    }

    /// `size` integers from 0..<n, like `np.random.choice(n, size, replace=replace, p=p)`.
    ///
    /// With replacement it is `randint(0, n, size)`, or with probabilities `p` one
    /// uniform draw per value looked up in p's cumulative sums; without, numpy's legacy
    /// code takes the first `size` entries of `permutation(n)`, so it draws for all n
    /// (with `p`, see `weightedWithoutReplacement`).
    ///
    /// - Throws: `RandomError.emptyPopulation` when `n <= 0` and `size != 0`,
    ///   `RandomError.sampleLargerThanPopulation` when `size > n` without replacement,
    ///   `RandomError.negativeCount` when `size < 0`, `RandomError.populationTooLarge` when
    ///   the permutation of `n` without replacement would exceed `Tensor.maxElements`,
    ///   `RandomError.invalidProbabilities` when `p` is not a distribution over n values
    ///   (its sum may miss 1 by `sumTolerance`; numpy allows √ε of p's dtype, and at least float64's).
    public mutating func choice(_ n: Int, size: Int, replace: Bool, p: [Double]? = nil,
                                sumTolerance: Double = Double.ulpOfOne.squareRoot()) throws -> [Int64] {
        if n <= 0 && size != 0 { throw RandomError.emptyPopulation(size: size) }
        if let p { try NumpyRandom.checkProbabilities(p, count: n, sumTolerance: sumTolerance) }
        if replace {
            guard let p else { return try randint(low: 0, high: Int64(n), count: size) }
            guard size >= 0 else { throw RandomError.negativeCount(size) }
            let cdf = NumpyRandom.normalizedCumulativeSum(p)
            return draw(size) { Int64(NumpyRandom.searchRight(cdf, $0.randomSample())) }
        }
        guard size <= n else { throw RandomError.sampleLargerThanPopulation(size: size, population: n) }
        guard size >= 0 else { throw RandomError.negativeCount(size) }
        if let p { return try weightedWithoutReplacement(p, size: size) }
        guard n <= Tensor.maxElements else { throw RandomError.populationTooLarge(population: n, limit: Tensor.maxElements) }
        return Array(permutation(n).prefix(size))
    }

    /// numpy's legacy weighted choice without replacement: draw as many uniforms as
    /// values are missing, look them up in the cumulative sums of `p` with the values
    /// found so far given probability 0, keep the new values in order of first
    /// appearance, and repeat until there are `size`.
    private mutating func weightedWithoutReplacement(_ p: [Double], size: Int) throws -> [Int64] {
        guard p.filter({ $0 > 0 }).count >= size else {
            throw RandomError.invalidProbabilities("fewer non-zero entries in p than size (\(size))")
        }
        var weights = p
        var found: [Int64] = []
        while found.count < size {
            let uniforms = rand(size - found.count)
            for index in found { weights[Int(index)] = 0 }
            let cdf = NumpyRandom.normalizedCumulativeSum(weights)
            var seen = Set<Int64>()
            for u in uniforms {
                let index = Int64(NumpyRandom.searchRight(cdf, u))
                if seen.insert(index).inserted { found.append(index) }
            }
        }
        return found
    }

    /// numpy's checks of `choice`'s `p`: one probability per value, none negative
    /// or NaN, and a (Kahan) sum within `sumTolerance` of 1.
    private static func checkProbabilities(_ p: [Double], count n: Int, sumTolerance: Double) throws {
        guard p.count == n else {
            throw RandomError.invalidProbabilities("a and p must have the same size, got \(n) values and \(p.count) probabilities")
        }
        var sum = p.first ?? 0, compensation = 0.0
        for value in p.dropFirst() {
            let y = value - compensation
            let t = sum + y
            compensation = (t - sum) - y
            sum = t
        }
        guard !sum.isNaN else { throw RandomError.invalidProbabilities("the probabilities contain NaN") }
        guard !p.contains(where: { $0 < 0 }) else { throw RandomError.invalidProbabilities("the probabilities must not be negative") }
        guard abs(sum - 1) <= sumTolerance else {
            throw RandomError.invalidProbabilities("the probabilities sum to \(sum), not 1")
        }
    }

    /// The running sums of `p` divided by the last one, as numpy's `cdf /= cdf[-1]`.
    private static func normalizedCumulativeSum(_ p: [Double]) -> [Double] {
        var total = 0.0
        let sums = p.map { total += $0; return total }
        return sums.map { $0 / total }
    }

    /// The first index whose value is greater than `u` (numpy's `searchsorted(u, side='right')`).
    private static func searchRight(_ sorted: [Double], _ u: Double) -> Int {
        var low = 0, high = sorted.count
        while low < high {
            let middle = (low + high) / 2
            if sorted[middle] <= u { low = middle + 1 } else { high = middle }
        }
        return low
    }
}

/// Why a random draw could not be made; numpy raises a `ValueError` in each case.
public enum RandomError: Error, CustomStringConvertible, Equatable, Sendable {
    /// `randint(low, high)` with `high <= low`: there is no integer to draw.
    case emptyRange(low: Int64, high: Int64)
    /// A negative number of values was asked for.
    case negativeCount(Int)
    /// `choice(n, size)` with `n <= 0` and a non-zero `size`.
    case emptyPopulation(size: Int)
    /// `choice(n, size, replace: false)` with `size > n`.
    case sampleLargerThanPopulation(size: Int, population: Int)
    /// `choice(n, size, replace: false)` with `n` beyond the allocation limit: numpy's
    /// legacy draw shuffles all `n` values.
    case populationTooLarge(population: Int, limit: Int)
    /// `choice`'s `p` is not a probability for each value summing to 1.
    case invalidProbabilities(String)
    /// `set_state` was given words that cannot be a generator's state.
    case invalidState(String)

    public var description: String {
        switch self {
        case let .emptyRange(low, high):
            return "randint needs low < high (the range is [low, high)), got low = \(low), high = \(high)"
        case let .negativeCount(count):
            return "cannot draw \(count) values: the count must be 0 or more"
        case let .emptyPopulation(size):
            return "cannot choose \(size) values from an empty population: pass n > 0, or size 0"
        case let .sampleLargerThanPopulation(size, population):
            return "cannot choose \(size) different values out of \(population): "
                + "use size <= \(population), or replace: true"
        case let .populationTooLarge(population, limit):
            return "cannot choose without replacement from \(population) values: that shuffles all of them, "
                + "and the population is larger than the allocation limit of \(limit) elements; use replace: true"
        case let .invalidProbabilities(reason):
            return "choice: \(reason)"
        case let .invalidState(reason):
            return "not a random generator's state: \(reason)"
        }
    }
}
