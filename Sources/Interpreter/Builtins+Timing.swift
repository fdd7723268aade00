import Foundation
import Tensor

/// What a computation costs: the threads the matrix products run on, and Python's
/// `time` module to measure them with (`:time STATEMENT` measures one statement).
extension CoreBuiltins {
    static let timing: [Builtin] = [
        Builtin("threads", [.optional("n", .none)], category: "timing",
                help: "The number of threads the matrix products run on (OpenBLAS's, and the kernels that skip the zero pixels of the first layer); threads(n) sets it, from 1 to the processor's cores. Starts at the number of cores, or at OPENBLAS_NUM_THREADS.",
                example: ">>> cores = threads()\n>>> threads(1)\n>>> threads()\n1\n>>> threads(cores)") { args in
            guard let n = try args.optionalInt("n") else { return .int(ComputeThreads.count) }
            try ComputeThreads.set(n)
            return .none
        },
    ]

    /// `time.perf_counter()` and `time.time()`: seconds, as Python gives them.
    static let timeModuleFunctions: [Builtin] = [
        Builtin("perf_counter", [], category: "timing",
                help: "Seconds on a clock that only goes forward, for measuring how long something takes: the difference of two readings (its zero means nothing), as Python's time.perf_counter().",
                example: ">>> import time\n>>> start = time.perf_counter()\n>>> h = randn(256, 256) @ randn(256, 256)\n>>> seconds = time.perf_counter() - start") { _ in
            .float(Double(DispatchTime.now().uptimeNanoseconds) / 1e9)
        },
        Builtin("time", [], category: "timing",
                help: "Seconds since 1 January 1970 (UTC), as Python's time.time().",
                example: ">>> import time\n>>> time.time() > 1.7e9\nTrue") { _ in
            .float(Date().timeIntervalSince1970)
        },
    ]
}
