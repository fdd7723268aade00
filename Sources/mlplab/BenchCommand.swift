import ArgumentParser
import ChildProcesses
import Datasets
import Foundation
import Interpreter
import Network
import Tensor

/// `mlplab bench`: the seeds' best configuration (784-256-10, ReLU, softmax
/// cross-entropy, batch 256, SGD) trained on full MNIST, once skipping zero
/// pixels and once dense, with the speed of BLAS itself at the same matrix
/// shapes beside it — the physical limit of the dense pipeline on this machine.
struct Bench: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Measure training and loading speed against the machine's sgemm limit.",
        discussion: """
            Trains the same network twice, first skipping zero pixels in the first layer (what `train` does \
            on MNIST), then with dense products over every pixel, and prints both beside cblas_sgemm's time \
            at the same shapes. Then times `:check` after a one-function edit: on a copy of exercises/ completed \
            with the reference solutions, one statement is added to softmax and its check (compile, then every \
            case) runs, five times. The last line is JSON.

            Example, after `mlplab fetch mnist`: mlplab bench --dataset mnist --epochs 5
                                                 mlplab bench --check-only
            """)

    @OptionGroup var data: DataOptions

    @Option(help: "Epochs to time.")
    var epochs: Int = 3

    @Option(help: "Hidden units.")
    var hidden: Int = 256

    @Option(help: "Mini-batch size.")
    var batchSize: Int = 256

    @Option(name: .customLong("lr"), help: "Learning rate.")
    var learningRate: Double = 0.1

    @Flag(help: "Time only :check after a one-function edit (no training).")
    var checkOnly = false

    @Flag(help: "Print the processor OpenBLAS chose its kernels for, and nothing else.")
    var printBlasKernels = false

    @Flag(help: "Time only the two training runs and sgemm's limit (what scripts/bench_peers.sh compares).")
    var trainingOnly = false

    func run() throws {
        if printBlasKernels {
            print(blasKernelName())
            return
        }
        if checkOnly {
            let seconds = try checkTimes()
            print(String(format: "{\"check_s\": %.3f}", median(seconds)))
            return
        }
        let loadStarted = Date()
        let train = try data.load(.train, dtype: .float32), test = try data.load(.test, dtype: .float32)
        let loadSeconds = Date().timeIntervalSince(loadStarted)
        let (n, d, classes) = (train.x.shape[0], train.x.shape[1], train.classes)

        // The same network and batches twice: first-layer products over the
        // non-zero pixels only (what `train` does), then over every pixel.
        let sparse = try trainingRun(train, test, skippingZeroPixels: true)
        let dense = try trainingRun(train, test, skippingZeroPixels: false)

        // Matrix-product work per epoch: forward x·W1 and h·W2, backward
        // hᵀ·g, g·W2ᵀ and xᵀ·g1 (the first layer's dx is never needed).
        let flopsPerSample = 2.0 * Double(2 * d * hidden + 3 * hidden * classes)
        let flopsPerEpoch = flopsPerSample * Double(n)
        let limit = sgemmEpochSeconds(samples: n, inputs: d, hidden: hidden, classes: classes, batchSize: batchSize)

        print("mlplab bench: \(data.label), \(n) training images, \(d)-\(hidden)-\(classes) ReLU, softmax CE, "
              + "batch \(batchSize), SGD lr \(learningRate), float32, \(epochs) epochs")
        print(String(format: "  load (4 IDX files)     %.3f s", loadSeconds))
        print("  BLAS                   OpenBLAS, kernels for \(blasKernelName())"
              + " (OPENBLAS_CORETYPE=\(ProcessInfo.processInfo.environment["OPENBLAS_CORETYPE"] ?? "unset"))")
        for (name, history) in [("zero pixels skipped", sparse), ("every pixel (dense)", dense)] {
            print("  \(name):")
            for (i, s) in history.epochSeconds.enumerated() {
                print(String(format: "    epoch %-2d             %.3f s   test acc %.2f%%", i + 1, s, history.testAccuracy[i] * 100))
            }
            let seconds = median(history.epochSeconds)
            print(String(format: "    median epoch         %.3f s   %.0f samples/s   %.1f GFLOP/s (dense-equivalent)   %.0f%% of sgemm",
                         seconds, Double(n) / seconds, flopsPerEpoch / seconds / 1e9, limit / seconds * 100))
        }
        print(String(format: "  sgemm at these shapes  %.3f s   %.1f GFLOP/s   (the dense limit of one epoch)",
                     limit, flopsPerEpoch / limit / 1e9))
        if trainingOnly {
            print(String(format: "{\"epoch_s\": %.3f, \"dense_epoch_s\": %.3f, \"sgemm_epoch_s\": %.3f, \"test_acc\": %.4f}",
                         median(sparse.epochSeconds), median(dense.epochSeconds), limit, sparse.testAccuracy.last ?? 0))
            return
        }
        let (direct, interpreted) = try interpreterTimes()
        print(String(format: "  REPL: h = x @ W + b    %.3f s interpreted vs %.3f s direct Swift, 1000 times on (128, 784): %.2fx",
                     interpreted, direct, interpreted / direct))
        let calls = try InterpreterBenchmark.functionCallTimes()
        print(String(format: "  REPL: def called 10,000 times  %.4f s vs %.4f s with its body inline: %.2fx",
                     calls.function, calls.inline, calls.function / calls.inline))
        let check = try checkTimes()
        print(String(format: "  peak memory            %.0f MB", peakMemoryMB()))
        print(String(format: "{\"load_s\": %.3f, \"epoch_s\": %.3f, \"dense_epoch_s\": %.3f, \"sgemm_epoch_s\": %.3f, \"test_acc\": %.4f, \"repl_overhead\": %.3f, \"def_call_overhead\": %.3f, \"check_s\": %.3f, \"peak_mb\": %.0f}",
                     loadSeconds, median(sparse.epochSeconds), median(dense.epochSeconds), limit,
                     sparse.testAccuracy.last ?? 0, interpreted / direct, calls.function / calls.inline, median(check), peakMemoryMB()))
    }

    /// Five checks of softmax after a one-line edit each; prints their median and each time,
    /// on the clock and in CPU time, with the load of the machine they ran on.
    private func checkTimes() throws -> [Double] {
        let timings = try CheckBenchmark(root: try PackageRoot.locate()).run(times: 5)
        let (seconds, cpu) = (timings.map(\.seconds), timings.map(\.cpuSeconds))
        var load = [Double](repeating: 0, count: 1)
        getloadavg(&load, 1)
        print(String(format: "  :check after a one-function edit  median %.2f s   (", median(seconds))
              + seconds.map { String(format: "%.2f", $0) }.joined(separator: ", ")
              + String(format: " s); CPU median %.2f s; load average %.1f on %d processors",
                       median(cpu), load[0], ProcessInfo.processInfo.activeProcessorCount))
        return seconds
    }

    /// Trains the seeds' best configuration from seed 0 and returns its history.
    private func trainingRun(_ train: LoadedSplit, _ test: LoadedSplit, skippingZeroPixels: Bool) throws -> History {
        var rng = NumpyRandom(seed: 0)
        let model = try MLP(sizes: [train.x.shape[1], hidden, train.classes], rng: &rng, dtype: .float32)
        let trainer = Trainer(model: model, optimizer: SGD(learningRate: learningRate),
                              config: TrainingConfig(epochs: epochs, batchSize: batchSize, evaluateTraining: false,
                                                     skipsZeroInputs: skippingZeroPixels),
                              rng: rng, reporter: nil)
        return try trainer.fit(train.x, train.y, test: (test.x, test.y))
    }

    /// The interpreter's overhead: the best of three alternating rounds of the
    /// same layer run directly and from a parsed REPL program.
    private func interpreterTimes() throws -> (direct: Double, interpreted: Double) {
        let benchmark = try InterpreterBenchmark()
        var best = (direct: Double.infinity, interpreted: Double.infinity)
        for _ in 0..<3 {
            best.direct = Swift.min(best.direct, try benchmark.direct())
            best.interpreted = Swift.min(best.interpreted, try benchmark.interpreted())
        }
        return best
    }
}

func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    return sorted.isEmpty ? 0 : sorted[sorted.count / 2]
}

/// The largest resident memory this process has used, in MB.
func peakMemoryMB() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_maxrss) / 1024
}
