internal import CBLAS
internal import CKernels

/// How many threads the matrix products run on, and the threads themselves.
///
/// OpenBLAS runs its own products on its own threads. The sparse first-layer products
/// (`SparseRows`) are cut into parts that the calling thread and mlplab's `count - 1`
/// workers (`compute_pool.c`) take as they come free. Training on sparse batches keeps
/// OpenBLAS on one thread meanwhile (`withBLASOnOneThread`), since its products there are
/// small and its idle threads would otherwise spin on the cores the workers use.
public enum ComputeThreads {
    /// The threads a matrix product may use now: the number last `set`, else OpenBLAS's
    /// (the processor's cores, or `OPENBLAS_NUM_THREADS`).
    public static var count: Int {
        let chosen = Int(mlplab_pool_threads())
        return chosen > 0 ? chosen : Int(openblas_get_num_threads())
    }

    /// The processor's cores as OpenBLAS counts them: the most threads worth asking for.
    public static var available: Int { Int(openblas_get_num_procs()) }

    /// Runs the products on `threads` threads from now on: 1 to `available`.
    public static func set(_ threads: Int) throws {
        guard (1...Swift.max(available, 1)).contains(threads) else {
            throw TensorError.invalidArgument(operation: "threads",
                detail: "this processor has \(available) core\(available == 1 ? "" : "s"): ask for 1 to \(available) threads, not \(threads)")
        }
        openblas_set_num_threads(Int32(threads))
        mlplab_pool_set_threads(Int32(threads))
    }

    /// Runs `body` with OpenBLAS's products on the calling thread alone; `count` is unchanged.
    public static func withBLASOnOneThread<T>(_ body: () throws -> T) rethrows -> T {
        let threads = count
        mlplab_pool_set_threads(Int32(threads))
        openblas_set_num_threads(1)
        defer { openblas_set_num_threads(Int32(threads)) }
        return try body()
    }

    /// `body(part)` for every part in 0 ..< parts, each part taken by whichever thread is
    /// free first: the calling thread, from the first part up, or one of `count - 1` workers,
    /// from the last part down (a worker busy with a `Background` task joins when it is
    /// done). So the sparse products' column blocks mostly go to the same thread call after
    /// call, and find their memory in its cache. Returns when all are done. Each part must
    /// write only its own memory.
    public static func forEachPart(_ parts: Int, _ body: (Int) -> Void) {
        let helpers = Swift.min(count, parts) - 1
        guard helpers > 0 else {
            for part in 0..<parts { body(part) }
            return
        }
        withoutActuallyEscaping(body) { body in
            let job = Callback(body)
            let ran = withExtendedLifetime(job) {
                mlplab_pool_for(Int64(parts), Int32(helpers), runPart, Unmanaged.passUnretained(job).toOpaque())
            }
            if ran < 0 { for part in 0..<parts { body(part) } }
        }
    }
}

extension ComputeThreads {
    /// y += alpha · x (BLAS saxpy). While training on sparse batches (`withBLASOnOneThread`),
    /// a large update (the first layer's weights, say) is split across the workers, each
    /// thread calling saxpy on its own stretch of y; otherwise OpenBLAS spreads it over its
    /// threads.
    static func addScaled(_ x: [Float], _ alpha: Float, to y: UnsafeMutableBufferPointer<Float>) {
        guard count > 1, openblas_get_num_threads() == 1 else {
            cblas_saxpy(Int32(y.count), alpha, x, 1, y.baseAddress, 1)
            return
        }
        let stretch = 1 << 15
        x.withUnsafeBufferPointer { x in
            forEachPart((y.count + stretch - 1) / stretch) { part in
                let start = part * stretch
                cblas_saxpy(Int32(Swift.min(stretch, y.count - start)), alpha, x.baseAddress! + start, 1, y.baseAddress! + start, 1)
            }
        }
    }
}

/// A value computed on a worker thread while the caller goes on: `value` waits for it.
/// Training uses it for a sparse batch's transpose, made while the rest of the network runs
/// forward and backward, and needed only for the first layer's dW = xᵀ · dOut. With one
/// thread (`ComputeThreads.count`), the value is computed at once, on the caller's thread.
public final class Background<Value>: @unchecked Sendable {
    /// Written once by the worker before it marks the task done; read only after waiting for that.
    private var result: Result<Value, any Error>?
    private var ticket: (worker: Int32, number: Int64)?

    public init(_ work: @escaping () throws -> Value) {
        let worker = Int32(ComputeThreads.count - 2)
        if worker >= 0 {
            let task = Unmanaged.passRetained(Callback<Void> { self.result = Result(catching: work) })
            let number = mlplab_pool_submit(worker, runBackground, task.toOpaque(), 0)
            if number > 0 {
                ticket = (worker, number)
                return
            }
            task.release()
        }
        result = Result(catching: work)
    }

    /// The value, once it is ready; the error the work threw, if it threw.
    public var value: Value {
        get throws {
            if let ticket { mlplab_pool_wait(ticket.worker, ticket.number) }
            return try result!.get()
        }
    }
}

/// A closure handed to a C callback as its context pointer: `forEachPart`'s body (passed
/// unretained: the caller waits for every part, so the box outlives them) or a
/// `Background`'s work (passed retained, and released once it has run).
private final class Callback<Argument> {
    let body: (Argument) -> Void
    init(_ body: @escaping (Argument) -> Void) { self.body = body }
}

private func runPart(_ context: UnsafeMutableRawPointer?, _ part: Int64) {
    Unmanaged<Callback<Int>>.fromOpaque(context!).takeUnretainedValue().body(Int(part))
}

private func runBackground(_ context: UnsafeMutableRawPointer?, _ part: Int64) {
    Unmanaged<Callback<Void>>.fromOpaque(context!).takeRetainedValue().body(())
}
