import XCTest

/// How far two float computations of the same sum of products may be apart.
///
/// BLAS and the sparse kernel add a dot product's K terms in an order that depends on
/// the processor they run on, so no float result of theirs is compared bit for bit.
/// For every order of summation, the rounding error of a computed Σ aᵢbᵢ is at most
/// γ_K · Σ|aᵢbᵢ|, with γ_K = K·u / (1 − K·u) and u the unit roundoff of the type
/// (2⁻²⁴ for float32, 2⁻⁵³ for float64; Higham, *Accuracy and Stability of Numerical
/// Algorithms*, §3.1). Two computations that both keep this bound differ by at most
/// twice it; a computation and an exact reference, by once it plus the final rounding.
public struct SumBound {
    public let unitRoundoff: Double

    public static let float32 = SumBound(unitRoundoff: 0x1p-24)
    public static let float64 = SumBound(unitRoundoff: 0x1p-53)

    /// γ_K for a sum of `terms` products.
    public func gamma(_ terms: Int) -> Double {
        let ku = Double(terms) * unitRoundoff
        return ku / (1 - ku)
    }

    /// The largest difference between two computations in this type of sums of `terms`
    /// products whose absolute values add up to each of `absoluteSums`.
    public func betweenTwo(terms: Int, absoluteSums: [Double]) -> [Double] {
        absoluteSums.map { 2 * gamma(terms) * $0 }
    }

    /// The largest difference between a computation in this type and the exact value
    /// (a float64 reference, for float32): the sum's error and the rounding of the result.
    public func fromExact(terms: Int, absoluteSums: [Double], exact: [Double]) -> [Double] {
        zip(absoluteSums, exact).map { gamma(terms) * $0 + unitRoundoff * abs($1) }
    }
}

/// Σₚ |a[i, p]|·|b[p, j]| for row-major a (m × k) and b (k × n), in float64 by the triple loop.
public func absoluteProducts(_ a: [Double], _ b: [Double], m: Int, k: Int, n: Int) -> [Double] {
    var sums = [Double](repeating: 0, count: m * n)
    for i in 0..<m {
        for p in 0..<k where a[i * k + p] != 0 {
            let left = abs(a[i * k + p])
            for j in 0..<n { sums[i * n + j] += left * abs(b[p * n + j]) }
        }
    }
    return sums
}

/// The element of `actual` farthest outside its bound, described with its difference
/// and the bound, or nil when every element is within (NaN matching NaN).
public func largestExcess(_ actual: [Double], _ expected: [Double], bounds: [Double]) -> String? {
    var worst: (index: Int, excess: Double)?
    for (i, (a, e)) in zip(actual, expected).enumerated() where !(a == e || (a.isNaN && e.isNaN)) {
        let difference = abs(a - e)
        let excess = difference.isNaN ? Double.infinity : difference / bounds[i]
        if excess > 1, excess > worst?.excess ?? 0 { worst = (i, excess) }
    }
    guard let worst else { return nil }
    let (a, e) = (actual[worst.index], expected[worst.index])
    return "element \(worst.index) is \(a), expected \(e): difference \(abs(a - e)), allowed \(bounds[worst.index])"
        + " (the largest excess over the bound)"
}

/// Fails when an element of `actual` is outside its bound from `expected`, naming the worst one.
public func assertWithinBounds(_ actual: [Double], _ expected: [Double], bounds: [Double], _ message: String,
                               file: StaticString = #filePath, line: UInt = #line) {
    XCTAssertEqual(actual.count, expected.count, "\(message): element count", file: file, line: line)
    if let worst = largestExcess(actual, expected, bounds: bounds) { XCTFail("\(message): \(worst)", file: file, line: line) }
}
