import Datasets
import Foundation

/// `mlplab fetch mnist|fashion-mnist [--dir DIR] [--mirror URL]... [--force]`, ready for the
/// command-line front end: it checks the arguments, fetches, prints the outcome and returns the
/// exit status (0 done, 1 the fetch failed, 2 bad arguments).
public struct FetchCommand: Sendable {
    /// "mnist" or "fashion-mnist".
    public var dataset: String
    /// The target folder; nil for `data/mnist` or `data/fashion-mnist` under the current folder.
    public var directory: String?
    /// Mirrors to try instead of the built-in list, in order.
    public var mirrors: [String]
    /// Download again even when the files are already there and verified.
    public var force: Bool
    public var retry: RetryPolicy
    public var progress: FetchProgress
    /// Where the summary goes (standard output by default) and where errors go (standard error).
    public var printOutput: @Sendable (String) -> Void
    public var printError: @Sendable (String) -> Void

    public init(dataset: String, directory: String? = nil, mirrors: [String] = [], force: Bool = false,
                retry: RetryPolicy = .default,
                progress: FetchProgress = standardErrorProgress(),
                printOutput: @escaping @Sendable (String) -> Void = { print($0) },
                printError: @escaping @Sendable (String) -> Void = {
                    FileHandle.standardError.write(Data(($0 + "\n").utf8))
                }) {
        self.dataset = dataset
        self.directory = directory
        self.mirrors = mirrors
        self.force = force
        self.retry = retry
        self.progress = progress
        self.printOutput = printOutput
        self.printError = printError
    }

    public func run() async -> Int32 {
        guard let dataset = DatasetName(rawValue: dataset), dataset.isDownloaded else {
            let known = DatasetName.allCases.filter(\.isDownloaded).map(\.rawValue).joined(separator: " or ")
            printError("error: unknown dataset '\(self.dataset)': choose \(known)")
            return 2
        }
        var mirrorURLs: [URL] = []
        for text in mirrors {
            guard let url = URL(string: text), ["http", "https"].contains(url.scheme?.lowercased()), url.host != nil else {
                printError("error: --mirror '\(text)' is not an http:// or https:// URL of a folder")
                return 2
            }
            mirrorURLs.append(url)
        }
        let directory = URL(fileURLWithPath: self.directory ?? dataset.defaultDirectory)
        let fetcher = Fetcher(mirrors: mirrorURLs.isEmpty ? nil : mirrorURLs, retry: retry, progress: progress)
        do {
            let report = try await fetcher.fetch(dataset, into: directory, force: force)
            printOutput(summary(of: report, usingDefaultDirectory: self.directory == nil))
            return 0
        } catch {
            printError("error: \(error)")
            return 1
        }
    }
}

/// "MNIST is ready in data/mnist: …" and how to use it from there.
func summary(of report: FetchReport, usingDefaultDirectory: Bool) -> String {
    let downloaded = report.files.filter { $0.outcome != .alreadyPresent }.count
    let present = report.files.count - downloaded
    var counts: [String] = []
    if downloaded > 0 { counts.append("\(downloaded) downloaded, \(formatBytes(report.bytesDownloaded))") }
    if present > 0 { counts.append("\(present) already present") }
    let name = report.dataset.title
    var lines = ["\(name) is ready in \(report.directory.relativePath): "
        + "\(report.files.count) files verified by SHA-256 (\(counts.joined(separator: "; ")))."]
    if usingDefaultDirectory {
        lines.append("In the REPL: load(\"\(report.dataset.rawValue)\").")
    } else {
        lines.append("To use it: mlplab --data \(report.directory.path), or MLPLAB_DATA=\(report.directory.path).")
    }
    return lines.joined(separator: "\n")
}
