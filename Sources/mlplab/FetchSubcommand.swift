import ArgumentParser
import Fetch

/// `mlplab fetch`: downloads full MNIST or Fashion-MNIST, verified by SHA-256.
struct FetchData: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fetch",
        abstract: "Download MNIST or Fashion-MNIST from public mirrors, verified, resumable.",
        discussion: "Files go to data/mnist or data/fashion-mnist, where load(\"mnist\") and --dataset mnist find them.")

    @Argument(help: "mnist or fashion-mnist.")
    var dataset: String

    @Option(help: "Folder to download into (default data/NAME).")
    var dir: String?

    @Option(name: .customLong("mirror"), help: "A mirror URL to use instead of the built-in list (repeatable).")
    var mirrors: [String] = []

    @Flag(help: "Download again even when verified files are present.")
    var force = false

    func run() async throws {
        let code = await FetchCommand(dataset: dataset, directory: dir, mirrors: mirrors, force: force).run()
        if code != 0 { throw ExitCode(code) }
    }
}
