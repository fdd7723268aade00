import Foundation
import Tensor

/// The three-class spiral of *Deep Learning from Scratch 2*, chapter 1
/// (`dataset/spiral.py`, `load_data(seed=1984)`), point for point and bit for
/// bit: the same seed draws the same numbers from `NumpyRandom` as from numpy.
///
/// Class j's i-th point (i = 0..<100) lies at radius r = i/100 and angle
/// θ = 4j + 4r + 0.2 z with z ~ N(0, 1): three arms winding out of the origin,
/// which no straight line can separate, so it takes a hidden layer to learn.
public enum Spiral {
    /// Points per class, N.
    public static let pointsPerClass = 100
    /// Classes, C.
    public static let classes = 3

    /// x: float64 (300, 2), the points, class by class; t: int64 (300, 3),
    /// the one-hot classes (the book's t is int32, with the same values).
    public static func load(seed: UInt32 = 1984) -> (x: Tensor, t: Tensor) {
        var rng = NumpyRandom(seed: seed)
        let count = pointsPerClass * classes
        var x = [Double](repeating: 0, count: count * 2)
        var t = [Int64](repeating: 0, count: count * classes)
        for j in 0..<classes {
            for i in 0..<pointsPerClass {
                // Written as the book writes it, so that every rounding happens in the same order.
                let rate = Double(i) / Double(pointsPerClass)
                let radius = 1.0 * rate
                let theta = Double(j) * 4.0 + 4.0 * rate + rng.standardNormal() * 0.2
                let row = pointsPerClass * j + i
                x[2 * row] = radius * sin(theta)
                x[2 * row + 1] = radius * cos(theta)
                t[classes * row + j] = 1
            }
        }
        return (Tensor(shape: [count, 2], storage: .float64(x)), Tensor(shape: [count, classes], int64s: t))
    }
}
