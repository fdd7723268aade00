import Tensor
import XCTest

/// The float32 products with a narrow side (at most 16 columns in the result or in the sum),
/// which `Tensor.gemm` computes with mlplab's own kernels, against the same products in
/// float64 by BLAS's dgemm. The sizes step over the kernels' edges: 8 rows at a time, 16
/// columns of the transposed operand at a time, and blocks of 32 columns.
final class NarrowProductTests: XCTestCase {
    private var rng = NumpyRandom(seed: 7)

    /// x @ W + b, as an output layer's forward pass computes it.
    func testProductWithFewColumnsAndABias() throws {
        for (m, k, n) in every([1, 7, 8, 9, 37], [1, 5, 17, 40], [1, 3, 10, 16]) {
            let (a, b, bias) = (random([m, k]), random([k, n]), random([n]))
            try assertMatchesFloat64(a, b, bias: bias, "(\(m), \(k)) @ (\(k), \(n)) + b")
            try assertMatchesFloat64(a, b, "(\(m), \(k)) @ (\(k), \(n))")
        }
    }

    /// xᵀ @ dOut, as an output layer's weight gradient.
    func testTransposedProductWithFewColumns() throws {
        for (k, m, n) in every([1, 9, 40], [1, 15, 16, 17, 33], [1, 10, 16]) {
            try assertMatchesFloat64(random([k, m]), transposeA: true, random([k, n]), "(\(k), \(m)).T @ (\(k), \(n))")
        }
    }

    /// dOut @ Wᵀ, as the gradient that flows back through an output layer: the sum is narrow.
    func testProductWithANarrowSum() throws {
        for (m, k, n) in every([1, 3, 4, 5, 21], [1, 10, 16], [1, 31, 32, 33, 70]) {
            try assertMatchesFloat64(random([m, k]), random([n, k]), transposeB: true, "(\(m), \(k)) @ (\(n), \(k)).T")
        }
    }

    /// A product whose only narrow side is the rows still gives the right numbers (by BLAS).
    func testAProductThatIsNotNarrow() throws {
        try assertMatchesFloat64(random([3, 40]), random([40, 17]), bias: random([17]), "(3, 40) @ (40, 17) + b")
    }

    /// Every combination of the three sizes.
    private func every(_ first: [Int], _ second: [Int], _ third: [Int]) -> [(Int, Int, Int)] {
        first.flatMap { a in second.flatMap { b in third.map { c in (a, b, c) } } }
    }

    private func random(_ shape: [Int]) -> Tensor {
        Tensor.randn(shape, using: &rng).astype(.float32)
    }

    /// The float32 product equals the float64 product of the same float32 numbers to float32
    /// rounding: each term is at most a few units (standard normal numbers), at most 40 of them.
    private func assertMatchesFloat64(_ a: Tensor, transposeA: Bool = false, _ b: Tensor, transposeB: Bool = false,
                                      bias: Tensor? = nil, _ name: String,
                                      file: StaticString = #filePath, line: UInt = #line) throws {
        let product = try Tensor.gemm(a, transposeA: transposeA, b, transposeB: transposeB, bias: bias)
        let reference = try Tensor.gemm(a.astype(.float64), transposeA: transposeA, b.astype(.float64),
                                        transposeB: transposeB, bias: bias?.astype(.float64))
        XCTAssertEqual(product.dtype, .float32, name, file: file, line: line)
        XCTAssertEqual(product.shape, reference.shape, name, file: file, line: line)
        for (i, (x, y)) in zip(product.doubles, reference.doubles).enumerated() where abs(x - y) > 1e-4 * max(1, abs(y)) {
            XCTFail("\(name): element \(i) is \(x), float64 gives \(y)", file: file, line: line)
            return
        }
    }
}
