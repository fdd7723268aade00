import Foundation

/// How hard to try one mirror before moving on to the next, and how long silence may last.
///
/// A failure worth retrying (a stall, a dropped connection, an HTTP 5xx) waits
/// `initialDelay · backoffFactor^(n-1)` before attempt n+1, capped at `maxDelay`.
/// A partial download is kept between attempts, so a retry resumes where the last one stopped.
public struct RetryPolicy: Sendable {
    /// Attempts per mirror and file, the first one included.
    public var attemptsPerMirror: Int
    /// The pause before the second attempt.
    public var initialDelay: Duration
    /// Each further pause is this many times the one before.
    public var backoffFactor: Double
    /// No pause is longer than this.
    public var maxDelay: Duration
    /// Seconds without a single byte (while connecting, waiting for the answer or receiving the
    /// body) after which the transfer counts as stalled.
    public var stallTimeout: Double
    /// How to wait between attempts; tests pass one that records the delays and returns at once.
    public var sleep: @Sendable (Duration) async throws -> Void

    public init(attemptsPerMirror: Int = 3,
                initialDelay: Duration = .seconds(1),
                backoffFactor: Double = 2,
                maxDelay: Duration = .seconds(30),
                stallTimeout: Double = 30,
                sleep: @escaping @Sendable (Duration) async throws -> Void = { try await Task.sleep(for: $0) }) {
        self.attemptsPerMirror = max(1, attemptsPerMirror)
        self.initialDelay = initialDelay
        self.backoffFactor = backoffFactor
        self.maxDelay = maxDelay
        self.stallTimeout = stallTimeout
        self.sleep = sleep
    }

    /// Three attempts per mirror, pauses of 1 s then 2 s, a stall after 30 s of silence.
    public static let `default` = RetryPolicy()

    /// The pause after failed attempt number `attempt` (1-based).
    public func delay(afterAttempt attempt: Int) -> Duration {
        let factor = pow(backoffFactor, Double(max(0, attempt - 1)))
        return min(initialDelay * factor, maxDelay)
    }
}
