import Datasets
import Foundation

/// Downloads a dataset's four files into a folder, each verified by SHA-256.
///
///     let fetcher = Fetcher(progress: standardErrorProgress())
///     let report = try await fetcher.fetch(.mnist, into: URL(fileURLWithPath: "data/mnist"))
///
/// For each file: keep it if it is already there and verified (unless `force`); otherwise try
/// the mirrors in order, each up to `retry.attemptsPerMirror` times for failures that may pass
/// (stalls, dropped connections, HTTP 5xx), and move on at the first one that delivers the right
/// bytes. Once a mirror has delivered a file, the next files are asked of it first.
public struct Fetcher: Sendable {
    /// Mirrors to use instead of the dataset's own list (`--mirror`), or nil for the list.
    public let mirrors: [URL]?
    public let retry: RetryPolicy
    public let progress: FetchProgress

    public init(mirrors: [URL]? = nil, retry: RetryPolicy = .default, progress: FetchProgress) {
        self.mirrors = mirrors
        self.retry = retry
        self.progress = progress
    }

    /// Makes `directory` hold the dataset's four verified files; `force` downloads them even
    /// when they are already there (each old file stays until its new copy is verified).
    /// Throws `FetchError.allMirrorsFailed` when no mirror delivers a file, or the disk error
    /// (`diskFull`, `permissionDenied`, `fileSystem`) that stopped it.
    public func fetch(_ dataset: DatasetName, into directory: URL, force: Bool = false) async throws -> FetchReport {
        try Disk.createDirectory(directory)
        var mirrors = self.mirrors ?? dataset.mirrors
        var results: [FileReport] = []
        for file in dataset.files {
            let download = FileDownload(file: file, directory: directory,
                                        idleTimeout: retry.stallTimeout, progress: progress)
            let outcome = try await fetch(download, of: dataset, from: mirrors, force: force)
            if case .downloaded(let mirror, _, _) = outcome {
                mirrors = [mirror] + mirrors.filter { $0 != mirror }
            }
            results.append(FileReport(file: file, outcome: outcome))
        }
        return FetchReport(dataset: dataset, directory: directory, files: results)
    }

    private func fetch(_ download: FileDownload, of dataset: DatasetName, from mirrors: [URL],
                       force: Bool) async throws -> FileOutcome {
        if force {
            try download.discardPart()
        } else if try download.isInstalled() || download.installCompletePart() {
            progress.report(.alreadyPresent(download.file))
            return .alreadyPresent
        }
        var failures: [MirrorFailure] = []
        for mirror in mirrors {
            do {
                let transfer = try await attemptWithRetries(download, from: mirror)
                return .downloaded(mirror: mirror, resumedAt: transfer.resumedAt,
                                   bytesReceived: transfer.bytesReceived)
            } catch let error as FetchError where !error.isLocal {
                failures.append(MirrorFailure(mirror: mirror, error: error))
                progress.report(.mirrorFailed(download.file, mirror: mirror, error: error))
            }
        }
        throw FetchError.allMirrorsFailed(dataset: dataset, file: download.file.name, attempts: failures)
    }

    /// Up to `retry.attemptsPerMirror` attempts at one mirror, with growing pauses between them.
    private func attemptWithRetries(_ download: FileDownload, from mirror: URL) async throws -> Transfer {
        var attempt = 1
        while true {
            do {
                return try await download.attempt(from: mirror)
            } catch let error as FetchError where error.isRetryable && attempt < retry.attemptsPerMirror {
                let delay = retry.delay(afterAttempt: attempt)
                attempt += 1
                progress.report(.retrying(download.file, url: mirror, attempt: attempt, delay: delay, error: error))
                try await retry.sleep(delay)
            }
        }
    }
}

/// What a fetch did, file by file.
public struct FetchReport: Sendable, Equatable {
    public let dataset: DatasetName
    public let directory: URL
    /// In the dataset's file order.
    public let files: [FileReport]

    /// Bytes that came over the network in this run.
    public var bytesDownloaded: Int {
        files.reduce(0) { total, report in
            if case .downloaded(_, _, let received) = report.outcome { return total + received }
            return total
        }
    }
}

public struct FileReport: Sendable, Equatable {
    public let file: DatasetFile
    public let outcome: FileOutcome
}

public enum FileOutcome: Sendable, Equatable {
    /// Already there with the right SHA-256 (or a finished `.part` that only needed its rename).
    case alreadyPresent
    /// Downloaded from `mirror`; the first `resumedAt` bytes came from an earlier `.part`.
    case downloaded(mirror: URL, resumedAt: Int, bytesReceived: Int)
}
