import Tensor

/// The result of comparing `backward` with centred finite differences for one tensor.
public struct GradientCheckEntry: Sendable {
    public let name: String
    /// max over checked elements of |analytic - numeric| / max(|analytic| + |numeric|, 1e-8)
    public let maxRelativeError: Double
    public let checkedElements: Int

    /// Below 1e-4 the analytic gradient is right (float64, ε = 1e-5).
    public var passed: Bool { maxRelativeError < GradientCheck.threshold }
}

/// Gradient checking: every analytic gradient from `backward` is compared with
/// (f(θ + ε) - f(θ - ε)) / 2ε, computed in float64 where the rounding error of
/// the difference quotient (≈ 1e-16/ε) is far below the truncation error (≈ ε²).
public enum GradientCheck {
    public static let threshold = 1e-4
    public static let epsilon = 1e-5

    static func relativeError(_ a: Double, _ b: Double) -> Double {
        abs(a - b) / Swift.max(abs(a) + abs(b), 1e-8)
    }

    /// The numeric derivative of `f` with respect to element `i` of `value`,
    /// nudging it by ±ε through `set`.
    static func centredDifference(at i: Int, of value: Tensor, set: (Tensor) -> Void,
                                  _ f: () throws -> Double) rethrows -> Double {
        var values = value.doubles
        let original = values[i]
        values[i] = original + epsilon
        set(Tensor(shape: value.shape, storage: .float64(values)))
        let plus = try f()
        values[i] = original - epsilon
        set(Tensor(shape: value.shape, storage: .float64(values)))
        let minus = try f()
        set(value)
        return (plus - minus) / (2 * epsilon)
    }

    /// Up to `limit` element positions of a tensor of `count` elements, spread evenly.
    static func positions(_ count: Int, limit: Int) -> [Int] {
        count <= limit ? Array(0..<count) : (0..<limit).map { $0 * count / limit }
    }

    /// Checks a whole network: each W and b against the loss the network
    /// reports for (x, targets), checking at most `limit` elements per tensor.
    ///
    /// ReLU has a kink at 0, where it has no derivative: when nudging a weight
    /// by ±ε moves some unit across it, the difference quotient measures the
    /// kink, not the slope. Such elements are left out (which units are on is
    /// compared before and after each nudge), so a trained ReLU network is
    /// judged on its true gradients.
    public static func check(_ network: MLP, _ x: Tensor, _ targets: Tensor, limit: Int = 60) throws -> [GradientCheckEntry] {
        let model = network.converted(to: .float64)
        let x64 = x.astype(.float64)
        var patterns: [[Bool]] = []
        func unitsOn() -> [Bool] { model.layers.compactMap { ($0 as? ReLU)?.out?.bools }.flatMap { $0 } }
        func objective() throws -> Double {
            let value = try model.forward(x64, targets)
            patterns.append(unitsOn())
            return value
        }
        _ = try model.forward(x64, targets)
        let unnudged = unitsOn()
        try model.backward()
        return try model.namedParameters.map { name, p in
            let analytic = p.gradient.doubles
            let value = p.value
            var worst = 0.0, checkedCount = 0
            for i in positions(value.count, limit: limit) {
                patterns.removeAll()
                let numeric = try centredDifference(at: i, of: value, set: { p.value = $0 }, objective)
                guard patterns.allSatisfy({ $0 == unnudged }) else { continue }
                worst = Swift.max(worst, relativeError(analytic[i], numeric))
                checkedCount += 1
            }
            return GradientCheckEntry(name: name, maxRelativeError: worst, checkedElements: checkedCount)
        }
    }

    /// Checks one layer: with a random upstream gradient G, backward(G) must be
    /// the gradient of Σ forward(x) · G with respect to x and to each parameter.
    public static func check(_ layer: Layer, _ x: Tensor, rng: inout NumpyRandom, limit: Int = 60) throws -> [GradientCheckEntry] {
        let layer = layer.converted(to: .float64)
        var input = x.astype(.float64)
        let upstream = Tensor.randn(try layer.forward(input).shape, using: &rng)
        func objective() throws -> Double { try (layer.forward(input) * upstream).sum().doubles[0] }
        _ = try layer.forward(input)
        let dx = try layer.backward(upstream).doubles
        let analyticParameters = layer.parameters.map(\.gradient.doubles)

        var entries: [GradientCheckEntry] = []
        let inputPositions = positions(input.count, limit: limit)
        let original = input
        let inputError = try inputPositions.map { i in
            relativeError(dx[i], try centredDifference(at: i, of: original, set: { input = $0 }, objective))
        }.max() ?? 0
        entries.append(GradientCheckEntry(name: "dx", maxRelativeError: inputError, checkedElements: inputPositions.count))
        for (p, analytic) in zip(layer.parameters, analyticParameters) {
            let value = p.value
            let checked = positions(value.count, limit: limit)
            let worst = try checked.map { i in
                relativeError(analytic[i], try centredDifference(at: i, of: value, set: { p.value = $0 }, objective))
            }.max() ?? 0
            entries.append(GradientCheckEntry(name: "d\(p.name)", maxRelativeError: worst, checkedElements: checked.count))
        }
        return entries
    }

    /// Checks a loss: backward() must be the gradient of the value forward returns, with respect to the outputs.
    public static func check(_ loss: Loss, _ outputs: Tensor, _ targets: Tensor) throws -> GradientCheckEntry {
        var y = outputs.astype(.float64)
        _ = try loss.forward(y, targets)
        let analytic = try loss.backward().doubles
        let original = y
        let worst = try (0..<y.count).map { i in
            relativeError(analytic[i], try centredDifference(at: i, of: original, set: { y = $0 }) {
                try loss.forward(y, targets)
            })
        }.max() ?? 0
        return GradientCheckEntry(name: "d\(loss.name)", maxRelativeError: worst, checkedElements: y.count)
    }
}
