import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What a fetch tells its progress reporter, in the order it happens.
public enum FetchEvent: Sendable, Equatable {
    /// The file is already in place with the right SHA-256; nothing to download.
    case alreadyPresent(DatasetFile)
    /// A request for the file went out, asking for the bytes from `offset` on.
    case started(DatasetFile, url: URL, offset: Int)
    /// The `.part` file now holds `bytes` of `file.byteCount` bytes.
    case received(DatasetFile, bytes: Int)
    /// The partial file was dropped and the download starts again from byte zero.
    case restartingFromZero(DatasetFile, reason: String)
    /// Attempt `attempt` at the same mirror follows after `delay`, because of `error`.
    case retrying(DatasetFile, url: URL, attempt: Int, delay: Duration, error: FetchError)
    /// This mirror gave up on the file; the next one is tried.
    case mirrorFailed(DatasetFile, mirror: URL, error: FetchError)
    /// The file's SHA-256 matched and it is in place under its final name.
    case verified(DatasetFile, url: URL)
}

/// Receives fetch events. Called from URLSession's delegate queue as well as from the fetching
/// task, so implementations must be thread-safe.
public protocol FetchProgress: Sendable {
    func report(_ event: FetchEvent)
}

/// Reports nothing.
public struct SilentProgress: FetchProgress {
    public init() {}
    public func report(_ event: FetchEvent) {}
}

/// The reporter for the command line: a progress bar redrawn in place when standard error is a
/// terminal, one plain line per step otherwise (logs, CI, pipes).
public func standardErrorProgress() -> FetchProgress {
    let write: @Sendable (String) -> Void = { FileHandle.standardError.write(Data($0.utf8)) }
    return isatty(STDERR_FILENO) != 0 ? TerminalProgress(write: write) : LineProgress(write: write)
}

/// One line per step, nothing per chunk: the form for logs.
public struct LineProgress: FetchProgress {
    private let write: @Sendable (String) -> Void

    public init(write: @escaping @Sendable (String) -> Void) {
        self.write = write
    }

    public func report(_ event: FetchEvent) {
        if let line = stepMessage(event) {
            write(line + "\n")
        }
    }
}

/// A progress bar for a terminal, redrawn in place with `\r` at most ten times a second
/// (the rate appears once 0.2 s have passed):
/// `train-images-idx3-ubyte.gz [#########-------]  45%  4.5 MB/9.9 MB  1.2 MB/s  ETA 0:05`.
/// Other steps are printed on lines of their own above it.
public final class TerminalProgress: FetchProgress, @unchecked Sendable {
    private let write: @Sendable (String) -> Void
    private let redrawInterval: Duration
    private let now: @Sendable () -> ContinuousClock.Instant
    private let lock = NSLock()
    /// When the current request started and how many bytes the file held then, for the rate.
    private var start: (time: ContinuousClock.Instant, bytes: Int)?
    private var lastDraw: ContinuousClock.Instant?
    private var barIsShown = false

    /// `redrawInterval` and `now` are there for tests, which need a clock they control.
    public init(write: @escaping @Sendable (String) -> Void,
                redrawInterval: Duration = .milliseconds(100),
                now: @escaping @Sendable () -> ContinuousClock.Instant = { ContinuousClock.now }) {
        self.write = write
        self.redrawInterval = redrawInterval
        self.now = now
    }

    public func report(_ event: FetchEvent) {
        lock.lock()
        defer { lock.unlock() }
        switch event {
        case .started(_, _, let offset):
            start = (now(), offset)
            lastDraw = nil
        case .received(let file, let bytes):
            drawBar(file, bytes: bytes)
            return
        case .restartingFromZero:
            start = (now(), 0)
        default:
            break
        }
        if let line = stepMessage(event) {
            write((barIsShown ? "\r\u{1B}[K" : "") + line + "\n")
            barIsShown = false
        }
    }

    private func drawBar(_ file: DatasetFile, bytes: Int) {
        let time = now()
        let finished = bytes == file.byteCount
        if let lastDraw, time - lastDraw < redrawInterval, !finished { return }
        lastDraw = time
        var rate: Double?
        if let start {
            let seconds = (time - start.time) / .seconds(1)
            if seconds > 0.2 { rate = Double(bytes - start.bytes) / seconds }
        }
        write("\r\u{1B}[K" + progressBarLine(name: file.name, bytes: bytes, total: file.byteCount, bytesPerSecond: rate))
        barIsShown = true
    }
}

/// One line of the progress bar, without the leading `\r`.
/// `bytesPerSecond` is nil while too little time has passed to know the rate.
public func progressBarLine(name: String, bytes: Int, total: Int, bytesPerSecond: Double?, width: Int = 24) -> String {
    let fraction = total > 0 ? min(1, Double(bytes) / Double(total)) : 0
    let filled = Int((fraction * Double(width)).rounded(.down))
    let bar = String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled)
    let percent = String(format: "%3d%%", Int((fraction * 100).rounded(.down)))
    var line = "\(name) [\(bar)] \(percent)  \(formatBytes(bytes))/\(formatBytes(total))"
    if let rate = bytesPerSecond, rate > 0 {
        let secondsLeft = Double(total - bytes) / rate
        line += "  \(formatBytes(Int(rate)))/s  ETA \(formatDuration(secondsLeft))"
    } else {
        line += "  ETA --:--"
    }
    return line
}

/// Bytes in decimal units as a person reads them: "512 B", "28.9 kB", "9.9 MB".
public func formatBytes(_ bytes: Int) -> String {
    switch bytes {
    case ..<1_000: return "\(bytes) B"
    case ..<1_000_000: return String(format: "%.1f kB", Double(bytes) / 1e3)
    default: return String(format: "%.1f MB", Double(bytes) / 1e6)
    }
}

/// "0:05", "12:40": minutes and seconds, rounded up so that the bar never promises too early.
func formatDuration(_ seconds: Double) -> String {
    let total = Int(seconds.rounded(.up))
    return String(format: "%d:%02d", total / 60, total % 60)
}

/// The line for a step, or nil for the per-chunk `received`.
func stepMessage(_ event: FetchEvent) -> String? {
    switch event {
    case .alreadyPresent(let file):
        return "\(file.name): already present, SHA-256 ok"
    case .started(let file, let url, let offset):
        let from = offset > 0 ? ", resuming at \(formatBytes(offset))" : ""
        return "\(file.name): downloading \(formatBytes(file.byteCount)) from \(url.absoluteString)\(from)"
    case .received:
        return nil
    case .restartingFromZero(let file, let reason):
        return "\(file.name): \(reason); starting again from zero"
    case .retrying(let file, _, let attempt, let delay, let error):
        let seconds = delay / .seconds(1)
        return "\(file.name): \(error); attempt \(attempt) in \(formatSeconds(seconds))"
    case .mirrorFailed(let file, let mirror, let error):
        return "\(file.name): giving up on \(mirror.hostAndPort): \(error)"
    case .verified(let file, _):
        return "\(file.name): \(formatBytes(file.byteCount)), SHA-256 ok"
    }
}
