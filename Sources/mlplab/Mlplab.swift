import ArgumentParser
import CMalloc
import Datasets
import Foundation
import Tensor

/// mlplab: a notebook in the terminal for building a multi-layer perceptron
/// for MNIST from scratch. With no subcommand it opens the REPL. The root is asynchronous so
/// that an asynchronous subcommand (`fetch`) runs in it; the others run as they are.
@main
struct Mlplab: AsyncParsableCommand {
    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        commandName: "mlplab",
        abstract: "Build a multi-layer perceptron for MNIST from scratch, one stage at a time.",
        discussion: """
            Run `mlplab` alone to open the notebook REPL on the bundled sample of 5,000 MNIST digits.
            Full MNIST: `mlplab fetch mnist`, or point --data (or MLPLAB_DATA) at a folder with the four IDX files.
            The lessons, bundled data and exercises are read from the repository mlplab was built in, or from the
            folder in MLPLAB_HOME.
            """,
        version: version,
        subcommands: [Repl.self, Info.self, Train.self, Eval.self, Predict.self, Bench.self, Show.self, FetchData.self,
                      LessonsCommand.self, RunLessonCommand.self, Check.self, KernelCommand.self, NotebooksCommand.self],
        defaultSubcommand: Repl.self
    )

    static func main() async {
        chooseBetterBLASKernels()
        keepTensorBuffersMapped()
        reportOversizedWritesAsErrors()
        do {
            var command = try await asyncParseAsRoot()
            if var asynchronous = command as? AsyncParsableCommand {
                try await asynchronous.run()
            } else {
                try command.run()
            }
        } catch let failure as CommandFailure {
            failure.exit()
        } catch {
            exit(withError: error)
        }
    }
}

/// On a processor newer than the system's OpenBLAS, OpenBLAS falls back to its oldest kernels
/// and every matrix product runs several times slower than it could. mlplab then has it choose
/// again, before any product, the kernels the processor runs. A value set by the user is kept.
func chooseBetterBLASKernels() {
    if let coreType = betterBLASCoreType(environment: ProcessInfo.processInfo.environment) {
        chooseBLASKernels(coreType)
    }
}

/// A write past the file-size limit (`ulimit -f`) raises SIGXFSZ, which kills the
/// process by default, in the middle of a save. Ignored, the write fails with
/// EFBIG instead, and the save reports it and keeps the old file.
func reportOversizedWritesAsErrors() {
    signal(SIGXFSZ, SIG_IGN)
}

/// Options naming a data set and where its files are.
struct DataOptions: ParsableArguments {
    @Option(help: "Data set: sample (bundled, the default), mnist, fashion-mnist, digits (bundled, 8×8).")
    var dataset: DatasetName?

    @Option(help: "Folder holding the four IDX files (else $MLPLAB_DATA, then data/mnist).")
    var data: String?

    /// The data set read: the one named, else the sample (from --data DIR when given).
    var choice: DatasetName { dataset ?? .sample }

    /// How the output names the data: the data set named with --dataset; else the
    /// folder named with --data, which may hold any of them; else the sample.
    var label: String { dataset?.rawValue ?? data ?? DatasetName.sample.rawValue }
}

/// Keeps freed tensor buffers in the process instead of returning them to the
/// kernel after every mini-batch: glibc serves blocks over 128 KiB with fresh
/// mmap'd pages by default, and faulting in and zeroing those pages on every
/// step costs more than the arithmetic around the matrix products.
func keepTensorBuffersMapped() {
    mallopt(M_MMAP_THRESHOLD, 256 << 20)
    mallopt(M_TRIM_THRESHOLD, 512 << 20)
}

/// Why a command cannot go on: thrown, never exited on the spot, so that whoever runs the
/// command decides what happens next (`main` prints `error: …` and exits with `code`).
struct CommandFailure: Error, CustomStringConvertible {
    let description: String
    let code: Int32

    init(_ description: String, code: Int32 = 1) {
        self.description = description
        self.code = code
    }

    func exit() -> Never {
        fflush(stdout)
        FileHandle.standardError.write(Data(("error: " + description + "\n").utf8))
        Foundation.exit(code)
    }
}
