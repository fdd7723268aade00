import Datasets
import Foundation

/// Everything that can stop a fetch, each with a message that says what went wrong and what to do.
///
/// Network and content errors belong to one mirror; the fetcher collects them and, when every
/// mirror has failed, throws `allMirrorsFailed` with the whole story. Disk errors (`diskFull`,
/// `permissionDenied`, `fileSystem`) stop the fetch at once: another mirror would not help.
public indirect enum FetchError: Error, Equatable, CustomStringConvertible {
    /// The mirror's host name could not be resolved: no network, or a typo in `--mirror`.
    case hostNotFound(host: String)
    /// Nothing answered at the address (connection refused, network unreachable).
    case cannotConnect(url: URL, detail: String)
    /// The connection dropped before the whole body arrived.
    case connectionLost(url: URL, detail: String)
    /// No bytes arrived for `seconds` (while waiting for the answer or in the middle of the body).
    case stalled(url: URL, seconds: Double)
    /// The mirror answered 404: it does not have this file (any more).
    case notFound(url: URL)
    /// Any other HTTP status that is not a success; 5xx ones are retried first.
    case httpStatus(url: URL, status: Int)
    /// A failure of the transfer itself that fits none of the above (TLS, a malformed answer).
    case transport(url: URL, detail: String)
    /// The mirror sent a file whose SHA-256 is not the one in the table.
    case checksumMismatch(file: String, url: URL, expected: String, actual: String)
    /// The mirror sent more bytes than the file has, or announced a different size.
    case wrongSize(file: String, url: URL, expected: Int, actual: Int)
    /// The disk is full (ENOSPC) or over quota.
    case diskFull(path: String)
    /// The target folder or file cannot be created or written.
    case permissionDenied(path: String)
    /// Another file-system failure, with the operation and the system's reason.
    case fileSystem(path: String, operation: String, detail: String)
    /// Every mirror failed for this file; `attempts` lists them in the order they were tried.
    case allMirrorsFailed(dataset: DatasetName, file: String, attempts: [MirrorFailure])

    public var description: String {
        switch self {
        case .hostNotFound(let host):
            return "could not look up \(host) (DNS): check the network connection, or the spelling of --mirror"
        case .cannotConnect(let url, let detail):
            return "could not connect to \(url.hostAndPort) (\(detail)): the network or the server is down"
        case .connectionLost(let url, let detail):
            return "the connection to \(url.hostAndPort) dropped mid-transfer (\(detail)); "
                + "run the command again to resume"
        case .stalled(let url, let seconds):
            return "no data from \(url.hostAndPort) for \(formatSeconds(seconds)): the network or the server stalled; "
                + "run the command again to resume"
        case .notFound(let url):
            return "\(url.absoluteString) answered 404 Not Found: this mirror no longer has the file"
        case .httpStatus(let url, let status):
            let kind = status >= 500 ? "a server error" : "an unexpected answer"
            return "\(url.absoluteString) answered HTTP \(status), \(kind)"
        case .transport(let url, let detail):
            return "the download from \(url.hostAndPort) failed: \(detail)"
        case .checksumMismatch(let file, let url, let expected, let actual):
            return "\(file) from \(url.hostAndPort) has SHA-256 \(actual), expected \(expected): "
                + "the mirror serves a different or damaged file (it was deleted)"
        case .wrongSize(let file, let url, let expected, let actual):
            return "\(file) from \(url.hostAndPort) is \(actual) bytes, expected \(expected): "
                + "the mirror serves a different file (it was deleted)"
        case .diskFull(let path):
            return "the disk is full while writing \(path): free some space "
                + "(the four files need about 12 MB for MNIST, 31 MB for Fashion-MNIST) or choose another --dir"
        case .permissionDenied(let path):
            return "permission denied for \(path): choose a folder you can write with --dir, "
                + "or fix its permissions"
        case .fileSystem(let path, let operation, let detail):
            return "could not \(operation) \(path): \(detail)"
        case .allMirrorsFailed(let dataset, let file, let attempts):
            return allMirrorsFailedMessage(dataset: dataset, file: file, attempts: attempts)
        }
    }

    /// Whether trying the same mirror again after a pause may help.
    var isRetryable: Bool {
        switch self {
        case .connectionLost, .stalled: return true
        case .httpStatus(_, let status): return status >= 500
        default: return false
        }
    }

    /// Whether the failure is on this machine's disk, so no mirror can help.
    var isLocal: Bool {
        switch self {
        case .diskFull, .permissionDenied, .fileSystem: return true
        default: return false
        }
    }
}

/// One mirror's last failure for one file.
public struct MirrorFailure: Equatable, Sendable {
    public let mirror: URL
    public let error: FetchError

    public init(mirror: URL, error: FetchError) {
        self.mirror = mirror
        self.error = error
    }
}

extension FetchError: Sendable {}

/// The message when no mirror could deliver a file: each mirror's reason, then what works offline.
private func allMirrorsFailedMessage(dataset: DatasetName, file: String, attempts: [MirrorFailure]) -> String {
    var lines = ["could not download \(file) for \(dataset.title) from any mirror:"]
    for attempt in attempts {
        lines.append("  - \(attempt.mirror.absoluteString): \(attempt.error)")
    }
    lines.append("Files already verified are kept, and a partial download resumes when you run the command again.")
    lines.append("What works without the download:")
    lines.append("  - the bundled sample of 5,000 MNIST digits: load(\"sample\") in the REPL (the default)")
    lines.append("  - a folder that already holds the four files: mlplab --data DIR, or MLPLAB_DATA=DIR")
    if dataset == .fashionMnist {
        lines.append("  - the Debian package: sudo apt-get install dataset-fashion-mnist "
            + "(files in /usr/share/datasets/fashion-mnist)")
    }
    lines.append("  - another mirror you trust: mlplab fetch \(dataset.rawValue) --mirror URL")
    return lines.joined(separator: "\n")
}

/// "30 s", "0.25 s": seconds as a person reads them.
func formatSeconds(_ seconds: Double) -> String {
    String(format: "%g s", seconds)
}

extension URL {
    /// "example.org" or "127.0.0.1:8080", for messages about a server rather than a file.
    var hostAndPort: String {
        guard let host = host else { return absoluteString }
        return port.map { "\(host):\($0)" } ?? host
    }
}
