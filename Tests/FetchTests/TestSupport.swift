import Datasets
import Fetch
import Foundation
import XCTest

/// The dataset's files in ../shared/data/NAME, by name, or a skip when they are absent.
/// For MNIST these are the published files; for Fashion-MNIST they are the Debian package's
/// copies, which hold the same images in a slightly different gzip file.
func sharedFiles(_ dataset: DatasetName) throws -> [String: Data] {
    let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    let folder = root.appendingPathComponent("../shared/data/\(dataset.rawValue)").standardizedFileURL
    var files: [String: Data] = [:]
    for file in dataset.files {
        let url = folder.appendingPathComponent(file.name)
        guard let data = try? Data(contentsOf: url) else {
            throw XCTSkip("\(url.path) is absent: the fetch tests serve the real dataset files from ../shared/data")
        }
        files[file.name] = data
    }
    return files
}

/// Collects every event a fetch reports.
final class EventRecorder: FetchProgress, @unchecked Sendable {
    private let lock = NSLock()
    private var recorded: [FetchEvent] = []

    func report(_ event: FetchEvent) {
        lock.lock()
        recorded.append(event)
        lock.unlock()
    }

    var events: [FetchEvent] {
        lock.lock()
        defer { lock.unlock() }
        return recorded
    }

    /// The events without the per-chunk `received` ones.
    var steps: [FetchEvent] {
        events.filter { if case .received = $0 { return false } else { return true } }
    }
}

/// Records the pauses a RetryPolicy asks for, and does not wait.
final class SleepRecorder: @unchecked Sendable {
    private let lock = NSLock()
    private var recorded: [Duration] = []

    var delays: [Duration] {
        lock.lock()
        defer { lock.unlock() }
        return recorded
    }

    func policy(attempts: Int = 3, stallTimeout: Double = 5) -> RetryPolicy {
        RetryPolicy(attemptsPerMirror: attempts, initialDelay: .milliseconds(10), backoffFactor: 2,
                    maxDelay: .seconds(1), stallTimeout: stallTimeout,
                    sleep: { [self] delay in record(delay) })
    }

    private func record(_ delay: Duration) {
        lock.lock()
        recorded.append(delay)
        lock.unlock()
    }
}

/// Collects text written by a reporter.
final class TextRecorder: @unchecked Sendable {
    private let lock = NSLock()
    private var written = ""

    var text: String {
        lock.lock()
        defer { lock.unlock() }
        return written
    }

    func write(_ text: String) {
        lock.lock()
        written += text
        lock.unlock()
    }
}

/// A fresh empty folder under the system's temporary folder.
func makeTemporaryFolder() throws -> URL {
    let url = FileManager.default.temporaryDirectory
        .appendingPathComponent("mlplab-fetch-tests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

/// A clock that moves only when told to.
final class ManualClock: @unchecked Sendable {
    private let lock = NSLock()
    private var instant = ContinuousClock.now

    func now() -> ContinuousClock.Instant {
        lock.lock()
        defer { lock.unlock() }
        return instant
    }

    func advance(by duration: Duration) {
        lock.lock()
        instant += duration
        lock.unlock()
    }
}
