internal import CKernels
import Dispatch
import Foundation

/// The non-zero entries of a float32 matrix, row by row (compressed sparse rows).
///
/// About 81% of MNIST's pixels are 0, and a zero pixel adds nothing to x·W or
/// to xᵀ·g. Kept in this form, the first layer's two products do about a fifth
/// of the dense work: row i of x·W is the sum of value · W[column, :] over row
/// i's entries only.
public struct SparseRows: Sendable {
    public let rows: Int
    public let columns: Int
    /// Row i's entries are at positions starts[i] ..< starts[i + 1] of `entries`.
    let starts: [Int32]
    /// Each entry's column and value, side by side.
    let entries: [mlplab_entry]

    /// Below this fraction of non-zero entries the sparse products beat BLAS's
    /// dense ones (MNIST's pixels: 0.19; Fashion-MNIST's: 0.5, so dense).
    public static let worthwhileDensity = 1.0 / 3

    /// The fraction of entries that are non-zero.
    public var density: Double { Double(entries.count) / Double(Swift.max(rows * columns, 1)) }

    /// The non-zero entries of a float32 2-D tensor; nil when `x` is not float32
    /// 2-D or when more than `maxDensity` of its entries are non-zero.
    public init?(_ x: Tensor, maxDensity: Double = SparseRows.worthwhileDensity) {
        guard x.ndim == 2, x.dtype == .float32 else { return nil }
        let entries = x.withFloats { Int(mlplab_count_nonzero($0, Int64(x.count))) }
        guard Double(entries) <= maxDensity * Double(x.count), entries < Int(Int32.max) else { return nil }
        let (rows, columns) = (x.shape[0], x.shape[1])
        var starts = [Int32](repeating: 0, count: rows + 1)
        let stored = [mlplab_entry](unsafeUninitializedCapacity: entries + 16) { out, initialized in
            x.withFloats { px in mlplab_sparse_from_dense(Int64(rows), Int64(columns), px, &starts, out.baseAddress) }
            initialized = entries
        }
        self.init(rows: rows, columns: columns, starts: starts, entries: stored)
    }

    init(rows: Int, columns: Int, starts: [Int32], entries: [mlplab_entry]) {
        self.rows = rows
        self.columns = columns
        self.starts = starts
        self.entries = entries
    }

    /// The rows at `positions`, in that order: a mini-batch drawn from a data
    /// set kept in sparse form, copied as its non-zero entries only.
    public func rows(at positions: [Int64]) -> SparseRows {
        precondition(positions.allSatisfy { $0 >= 0 && $0 < rows }, "row positions must be in 0..<\(rows)")
        let count = positions.reduce(0) { $0 + Int(starts[Int($1) + 1] - starts[Int($1)]) }
        var batchStarts = [Int32](repeating: 0, count: positions.count + 1)
        let batchEntries = [mlplab_entry](unsafeUninitializedCapacity: count) { out, initialized in
            mlplab_sparse_gather_rows(Int64(positions.count), positions, starts, entries, &batchStarts, out.baseAddress)
            initialized = count
        }
        return SparseRows(rows: positions.count, columns: columns, starts: batchStarts, entries: batchEntries)
    }

    /// The same entries column by column, which is the sparse form of the
    /// transpose: `x.transposed().times(g)` is xᵀ·g.
    public func transposed() -> SparseRows {
        var tStarts = [Int32](repeating: 0, count: columns + 1)
        let tEntries = [mlplab_entry](unsafeUninitializedCapacity: entries.count) { out, initialized in
            mlplab_sparse_transpose(Int64(rows), Int64(columns), starts, entries, &tStarts, out.baseAddress)
            initialized = entries.count
        }
        return SparseRows(rows: columns, columns: rows, starts: tStarts, entries: tEntries)
    }

    /// self · b (+ bias on every row): (rows, columns) · (columns, n) → (rows, n).
    /// b and bias must be float32. Large products are split into blocks of 32
    /// columns of the result, each taken by whichever thread is free
    /// (`ComputeThreads`), which packs that part of b for itself.
    public func times(_ b: Tensor, bias: Tensor? = nil) throws -> Tensor {
        guard b.ndim == 2, b.shape[0] == columns else {
            throw TensorError.shapeMismatch(operation: "matmul",
                detail: "(\(rows), \(columns)) @ \(formatShape(b.shape)): inner dimensions \(columns) and \(b.shape.first ?? 0) differ")
        }
        let n = b.shape[1]
        guard b.dtype == .float32, bias.map({ $0.dtype == .float32 && $0.shape == [n] }) ?? true else {
            throw TensorError.invalidArgument(operation: "sparse matmul",
                detail: "needs a float32 (\(columns), n) matrix and a float32 (\(n),) bias, got \(b.dtype.rawValue) \(formatShape(b.shape))")
        }
        try Tensor.checkAllocation([rows, n], operation: "matmul")
        let parts = entries.count * n >= 1 << 20 ? SparseRows.columnParts(n) : [0..<n]
        let (matrix, offsets) = (b.floats, bias?.floats ?? [Float](repeating: 0, count: n))
        let failures = UnsafeMutablePointer<Int32>.allocate(capacity: parts.count)
        defer { failures.deallocate() }
        let product = [Float](unsafeUninitializedCapacity: rows * n) { out, initialized in
            ComputeThreads.forEachPart(parts.count) { part in
                failures[part] = mlplab_sparse_times_dense(
                    Int64(rows), starts, entries, Int64(columns), matrix, Int64(n), offsets, out.baseAddress,
                    Int64(parts[part].lowerBound), Int64(parts[part].upperBound))
            }
            initialized = rows * n
        }
        guard (0..<parts.count).allSatisfy({ failures[$0] == 0 }) else {
            throw TensorError.invalidArgument(operation: "sparse matmul",
                detail: "no memory left for a packed block of the (\(columns), \(n)) matrix")
        }
        return Tensor(shape: [rows, n], floats: product)
    }

    /// Column ranges of the result for the threads to share: blocks of 32 columns, small
    /// enough that the threads finish together, wide enough for the kernel's vectors.
    static func columnParts(_ n: Int) -> [Range<Int>] {
        stride(from: 0, to: n, by: 32).map { $0..<Swift.min($0 + 32, n) }
    }
}
