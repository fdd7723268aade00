internal import CBLAS

/// How many threads the matrix products run on: OpenBLAS's own products and the
/// sparse first-layer kernels (`SparseRows`) alike. OpenBLAS keeps the number;
/// it starts at the processor's cores, or at `OPENBLAS_NUM_THREADS`.
public enum ComputeThreads {
    /// The threads a matrix product may use now.
    public static var count: Int { Int(openblas_get_num_threads()) }

    /// The processor's cores as OpenBLAS counts them: the most threads worth asking for.
    public static var available: Int { Int(openblas_get_num_procs()) }

    /// Runs the products on `threads` threads from now on: 1 to `available`.
    public static func set(_ threads: Int) throws {
        guard (1...Swift.max(available, 1)).contains(threads) else {
            throw TensorError.invalidArgument(operation: "threads",
                detail: "this processor has \(available) core\(available == 1 ? "" : "s"): ask for 1 to \(available) threads, not \(threads)")
        }
        openblas_set_num_threads(Int32(threads))
    }
}
