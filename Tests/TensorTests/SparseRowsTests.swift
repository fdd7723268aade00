import NumericAssertions
import Tensor
import XCTest

/// The first layer's sparse products against hand calculations and a plain
/// triple loop in float64 (independent of both the kernel and BLAS).
final class SparseRowsTests: XCTestCase {
    /// A float32 matrix with about `density` of its entries non-zero, drawn
    /// like MNIST pixels: values in (0, 1], zeros elsewhere.
    private func sparseMatrix(_ rows: Int, _ columns: Int, density: Double, seed: UInt32) -> Tensor {
        var rng = NumpyRandom(seed: seed)
        let u = Tensor.rand([rows, columns], using: &rng).doubles
        let v = Tensor.rand([rows, columns], using: &rng).doubles
        return Tensor(shape: [rows, columns], floats: zip(u, v).map { $0 < density ? Float(1 - $1) : 0 })
    }

    private func denseMatrix(_ rows: Int, _ columns: Int, seed: UInt32) -> Tensor {
        var rng = NumpyRandom(seed: seed)
        return Tensor.randn([rows, columns], using: &rng).astype(.float32)
    }

    /// a · b (+ bias) summed in float64 by the textbook triple loop.
    private func reference(_ a: Tensor, _ b: Tensor, bias: Tensor? = nil) -> [Double] {
        let (m, k, n) = (a.shape[0], a.shape[1], b.shape[1])
        let (av, bv, biasv) = (a.doubles, b.doubles, bias?.doubles)
        var c = [Double](repeating: 0, count: m * n)
        for i in 0..<m {
            for j in 0..<n {
                var sum = biasv?[j] ?? 0
                for p in 0..<k { sum += av[i * k + p] * bv[p * n + j] }
                c[i * n + j] = sum
            }
        }
        return c
    }

    /// The kernel's float32 product a · b (+ bias) against the float64 triple loop, within
    /// the rounding bound of a float32 sum of k + 1 terms (the bias is one more term).
    private func assertMatchesReference(_ actual: Tensor, _ a: Tensor, _ b: Tensor, bias: Tensor? = nil,
                                        _ message: String, file: StaticString = #filePath, line: UInt = #line) {
        let (m, k, n) = (a.shape[0], a.shape[1], b.shape[1])
        var sums = absoluteProducts(a.doubles, b.doubles, m: m, k: k, n: n)
        if let bias { sums = sums.enumerated().map { $1 + abs(bias.doubles[$0 % n]) } }
        let exact = reference(a, b, bias: bias)
        assertWithinBounds(actual.doubles, exact, bounds: SumBound.float32.fromExact(terms: k + 1, absoluteSums: sums, exact: exact),
                           message, file: file, line: line)
    }

    func testKeepsTheNonZeroEntriesRowByRow() throws {
        let x = Tensor(shape: [3, 4], floats: [0, 2, 0, 0,
                                               0, 0, 0, 0,
                                               5, 0, 0, 7])
        let sparse = try XCTUnwrap(SparseRows(x, maxDensity: 0.5))
        XCTAssertEqual(sparse.rows, 3)
        XCTAssertEqual(sparse.columns, 4)
        XCTAssertEqual(sparse.density, 3.0 / 12.0)
        // [[0, 2, 0, 0], [0, 0, 0, 0], [5, 0, 0, 7]] @ [[1], [10], [100], [1000]] by hand: 20, 0, 7005.
        let b = Tensor(shape: [4, 1], floats: [1, 10, 100, 1000])
        XCTAssertEqual(try sparse.times(b).floats, [20, 0, 7005])
        XCTAssertEqual(try sparse.times(b, bias: Tensor(shape: [1], floats: [0.5])).floats, [20.5, 0.5, 7005.5])
    }

    func testDeclinesDenseOrNonFloat32Inputs() {
        let half = Tensor(shape: [2, 2], floats: [1, 0, 0, 1])
        XCTAssertNotNil(SparseRows(half, maxDensity: 0.5))
        XCTAssertNil(SparseRows(half, maxDensity: 0.4), "half the entries are non-zero, over the limit")
        XCTAssertNil(SparseRows(half.astype(.float64)), "float64 stays on the dense path")
        XCTAssertNil(SparseRows(Tensor(shape: [4], floats: [0, 0, 0, 1])), "only 2-D matrices")
        XCTAssertNil(SparseRows(sparseMatrix(64, 784, density: 0.5, seed: 3)), "Fashion-MNIST-like density is not worth it")
    }

    func testProductMatchesTheTripleLoopAtMnistShapes() throws {
        // 256 outputs: eight blocks of 32 columns, shared by the cores.
        let x = sparseMatrix(256, 784, density: 0.19, seed: 1)
        let w = denseMatrix(784, 256, seed: 2), bias = try denseMatrix(1, 256, seed: 4).reshaped([256])
        let sparse = try XCTUnwrap(SparseRows(x))
        XCTAssertEqual(sparse.density, 0.19, accuracy: 0.01)
        assertMatchesReference(try sparse.times(w, bias: bias), x, w, bias: bias, "x @ W + b")
    }

    /// Each thread computes whole blocks of columns with the same kernel, so the number of threads
    /// (`ComputeThreads`, which `threads(n)` sets) changes who computes them, never their value.
    func testOneThreadGivesTheProductOfAllOfThem() throws {
        try XCTSkipIf(ComputeThreads.available < 2, "this processor has one core: there is no second thread to compare with")
        let x = sparseMatrix(256, 784, density: 0.19, seed: 1), w = denseMatrix(784, 256, seed: 2)
        let sparse = try XCTUnwrap(SparseRows(x))
        let cores = ComputeThreads.count
        defer { try? ComputeThreads.set(cores) }
        try ComputeThreads.set(1)
        let alone = try sparse.times(w)
        try ComputeThreads.set(ComputeThreads.available)
        XCTAssertEqual(ComputeThreads.count, ComputeThreads.available)
        XCTAssertEqual(try sparse.times(w).floats.map(\.bitPattern), alone.floats.map(\.bitPattern))
        assertMatchesReference(alone, x, w, "x @ W on one thread")
    }

    func testThreadsOutsideTheCoresAreRefused() {
        for threads in [0, -1, ComputeThreads.available + 1] {
            XCTAssertThrowsError(try ComputeThreads.set(threads)) {
                XCTAssertTrue("\($0)".contains("ask for 1 to \(ComputeThreads.available) threads, not \(threads)"), "\($0)")
            }
        }
    }

    func testTransposedProductIsTheWeightGradient() throws {
        // xᵀ · g: 784 rows of the transpose, most of them with few entries or none.
        let x = sparseMatrix(256, 784, density: 0.19, seed: 5)
        let g = denseMatrix(256, 256, seed: 6)
        let transposed = try XCTUnwrap(SparseRows(x)).transposed()
        XCTAssertEqual(transposed.rows, 784)
        XCTAssertEqual(transposed.columns, 256)
        assertMatchesReference(try transposed.times(g), x.T, g, "xᵀ @ g")
    }

    func testWidthsThatAreNotWholeBlocks() throws {
        let x = sparseMatrix(37, 300, density: 0.2, seed: 7)
        let sparse = try XCTUnwrap(SparseRows(x))
        for n in [1, 10, 33, 70, 130] {
            let b = denseMatrix(300, n, seed: UInt32(n))
            assertMatchesReference(try sparse.times(b), x, b, "n = \(n)")
        }
        let empty = try XCTUnwrap(SparseRows(Tensor(shape: [0, 5], floats: [])))
        XCTAssertEqual(try empty.times(denseMatrix(5, 3, seed: 1)).shape, [0, 3])
    }

    func testRowsOfASparseDataSetAreTheBatchRows() throws {
        let data = sparseMatrix(50, 40, density: 0.2, seed: 9)
        let batch = try XCTUnwrap(SparseRows(data)).rows(at: [7, 0, 49, 7])
        let dense = try data.index([.tensor(Tensor(shape: [4], int64s: [7, 0, 49, 7]))])
        XCTAssertEqual(batch.rows, 4)
        XCTAssertEqual(batch.columns, 40)
        let identity = Tensor(shape: [40, 40], floats: (0..<1600).map { $0 / 40 == $0 % 40 ? 1 : 0 })
        XCTAssertEqual(try batch.times(identity).floats, dense.floats, "batch · I gives back the dense rows")
        XCTAssertEqual(try XCTUnwrap(SparseRows(data)).rows(at: [Int64]()).rows, 0)
    }

    func testNaNInputsAreKeptSoTheyShowInTheProduct() throws {
        let x = Tensor(shape: [2, 3], floats: [0, .nan, 0, 0, 0, 1])
        let product = try XCTUnwrap(SparseRows(x, maxDensity: 0.5)).times(Tensor(shape: [3, 1], floats: [1, 1, 1]))
        XCTAssertTrue(product.floats[0].isNaN, "a NaN pixel must not vanish as if it were zero")
        XCTAssertEqual(product.floats[1], 1)
    }

    func testShapeAndDtypeErrorsAreClear() throws {
        let sparse = try XCTUnwrap(SparseRows(Tensor(shape: [2, 3], floats: [1, 0, 0, 0, 0, 0]), maxDensity: 0.5))
        XCTAssertThrowsError(try sparse.times(Tensor(shape: [4, 2], floats: Array(repeating: 1, count: 8)))) {
            XCTAssertTrue("\($0)".contains("inner dimensions 3 and 4 differ"), "\($0)")
        }
        XCTAssertThrowsError(try sparse.times(Tensor(shape: [3, 2], storage: .float64(Array(repeating: 1, count: 6))))) {
            XCTAssertTrue("\($0)".contains("float32"), "\($0)")
        }
    }
}
