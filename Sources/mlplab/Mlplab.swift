import ArgumentParser
import Foundation

/// mlplab: a notebook in the terminal for building a multi-layer perceptron
/// for MNIST from scratch. With no subcommand it opens the REPL.
@main
struct Mlplab: ParsableCommand {
    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        commandName: "mlplab",
        abstract: "Build a multi-layer perceptron for MNIST from scratch, one stage at a time.",
        discussion: """
            Run `mlplab` alone to open the notebook REPL on the bundled sample of 5,000 MNIST digits.
            Full MNIST: `mlplab fetch mnist`, or point --data (or MLPLAB_DATA) at a folder with the four IDX files.
            """,
        version: version,
        subcommands: [Repl.self, Info.self, Train.self, Eval.self, Predict.self, Bench.self, Check.self],
        defaultSubcommand: Repl.self
    )
}

/// Options naming a data set and where its files are.
struct DataOptions: ParsableArguments {
    @Option(help: "Data set: sample (bundled, the default), mnist, fashion-mnist.")
    var dataset: DatasetChoice = .sample

    @Option(help: "Folder holding the four IDX files (else $MLPLAB_DATA, then data/mnist).")
    var data: String?
}

/// Prints `message` to standard error and exits with `code`.
func fail(_ message: String, code: Int32 = 1) -> Never {
    fflush(stdout)
    FileHandle.standardError.write(Data(("error: " + message + "\n").utf8))
    Foundation.exit(code)
}
