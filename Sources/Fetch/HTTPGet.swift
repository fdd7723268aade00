import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// The status line and headers of an HTTP answer, as far as a download needs them.
struct HTTPResponseHead: Sendable {
    let status: Int
    /// Content-Length, when the server sent one.
    let contentLength: Int?
    /// The first byte of a 206 answer, from `Content-Range: bytes FIRST-LAST/TOTAL`.
    let rangeStart: Int?

    init(_ response: HTTPURLResponse) {
        status = response.statusCode
        let length = response.expectedContentLength
        contentLength = length >= 0 ? Int(length) : nil
        rangeStart = response.value(forHTTPHeaderField: "Content-Range").flatMap(parseRangeStart)
    }
}

/// "bytes 1000-28880/28881" → 1000.
private func parseRangeStart(_ contentRange: String) -> Int? {
    let parts = contentRange.split(whereSeparator: { $0 == " " || $0 == "-" || $0 == "/" })
    guard parts.count == 4, parts[0] == "bytes" else { return nil }
    return Int(parts[1])
}

/// One streaming HTTP GET over URLSession (libcurl on Linux): the answer's head and then each
/// chunk of the body go to the handlers as they arrive, so the body is never held in memory.
/// A handler that throws stops the transfer, and `run` rethrows its error.
/// `bytes(for:)` does not exist in FoundationNetworking, hence the delegate.
enum HTTPGet {
    static func run(url: URL,
                    rangeStart: Int?,
                    idleTimeout: Double,
                    onHead: @escaping (HTTPResponseHead) throws -> Void,
                    onBody: @escaping (Data) throws -> Void) async throws {
        var request = URLRequest(url: url)
        request.cachePolicy = .reloadIgnoringLocalCacheData
        // The files are already gzip; a server must not compress them again on the way.
        request.setValue("identity", forHTTPHeaderField: "Accept-Encoding")
        if let rangeStart {
            request.setValue("bytes=\(rangeStart)-", forHTTPHeaderField: "Range")
        }

        let configuration = URLSessionConfiguration.ephemeral
        // URLSession's own idle timeout counts in whole seconds on Linux (0.5 s becomes 0, which
        // fires at once), so the delegate's watchdog measures silence, and this is only a backstop.
        configuration.timeoutIntervalForRequest = timeoutBackstop(idleTimeout)
        let delegate = StreamingDelegate(url: url, idleTimeout: idleTimeout, onHead: onHead, onBody: onBody)
        let queue = OperationQueue()
        queue.maxConcurrentOperationCount = 1
        let session = URLSession(configuration: configuration, delegate: delegate, delegateQueue: queue)
        defer { session.finishTasksAndInvalidate() }

        let task = session.dataTask(with: request)
        let watchdog = delegate.watch(task)
        defer { watchdog.cancel() }
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, Error>) in
                delegate.continuation = continuation
                task.resume()
            }
        } onCancel: {
            task.cancel()
        }
    }
}

/// Bridges URLSession's delegate callbacks, which all run on one serial queue, to `HTTPGet.run`.
private final class StreamingDelegate: NSObject, URLSessionDataDelegate, @unchecked Sendable {
    private let url: URL
    private let idleTimeout: Double
    private let onHead: (HTTPResponseHead) throws -> Void
    private let onBody: (Data) throws -> Void
    /// Set before the task starts; resumed exactly once, when the task completes.
    var continuation: CheckedContinuation<Void, Error>?
    /// The first error a handler threw; it wins over the cancellation it caused.
    private var handlerError: Error?
    private var receivedAnything = false
    /// When the last byte (or the start) was seen, and whether the watchdog gave up; shared with
    /// the watchdog task, so guarded by `lock`.
    private let lock = NSLock()
    private var lastActivity = ContinuousClock.now
    private var stalled = false

    init(url: URL, idleTimeout: Double,
         onHead: @escaping (HTTPResponseHead) throws -> Void,
         onBody: @escaping (Data) throws -> Void) {
        self.url = url
        self.idleTimeout = idleTimeout
        self.onHead = onHead
        self.onBody = onBody
    }

    /// Starts a task that cancels `task` once nothing has arrived for `idleTimeout` seconds.
    func watch(_ task: URLSessionTask) -> Task<Void, Never> {
        let period = Duration.seconds(min(idleTimeout / 4, 0.25))
        return Task {
            while !Task.isCancelled {
                try? await Task.sleep(for: period)
                if secondsSinceLastActivity() >= idleTimeout {
                    markStalled()
                    task.cancel()
                    return
                }
            }
        }
    }

    private func noteActivity() {
        lock.lock()
        lastActivity = ContinuousClock.now
        lock.unlock()
    }

    private func secondsSinceLastActivity() -> Double {
        lock.lock()
        defer { lock.unlock() }
        return (ContinuousClock.now - lastActivity) / .seconds(1)
    }

    private func markStalled() {
        lock.lock()
        stalled = true
        lock.unlock()
    }

    private var hasStalled: Bool {
        lock.lock()
        defer { lock.unlock() }
        return stalled
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive response: URLResponse,
                    completionHandler: @escaping (URLSession.ResponseDisposition) -> Void) {
        receivedAnything = true
        noteActivity()
        do {
            guard let http = response as? HTTPURLResponse else {
                throw FetchError.transport(url: url, detail: "the answer is not HTTP")
            }
            try onHead(HTTPResponseHead(http))
            completionHandler(.allow)
        } catch {
            handlerError = error
            completionHandler(.cancel)
        }
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
        guard handlerError == nil else { return }
        noteActivity()
        do {
            try onBody(data)
        } catch {
            handlerError = error
            dataTask.cancel()
        }
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: Error?) {
        let result: Result<Void, Error>
        if let handlerError {
            result = .failure(handlerError)
        } else if hasStalled {
            result = .failure(FetchError.stalled(url: url, seconds: idleTimeout))
        } else if let error {
            result = .failure(classify(error))
        } else {
            result = .success(())
        }
        continuation?.resume(with: result)
        continuation = nil
    }

    private func classify(_ error: Error) -> Error {
        FetchError(transferError: error, url: url, answerStarted: receivedAnything,
                   timeout: timeoutBackstop(idleTimeout)) ?? CancellationError()
    }
}

/// URLSession's own timeout, which only fires if the watchdog somehow did not.
private func timeoutBackstop(_ idleTimeout: Double) -> Double {
    max(60, 2 * idleTimeout)
}

extension FetchError {
    /// The fetch error for a failed URLSession transfer of `url`, or nil for a cancellation.
    /// `answerStarted` tells whether a response had begun: libcurl reports a body cut short
    /// ("transfer closed with N bytes remaining") without a specific code, so once an answer has
    /// started, an unspecific failure means the connection dropped. `timeout` is the session's
    /// idle timeout in seconds, for the message when it fires.
    public init?(transferError error: Error, url: URL, answerStarted: Bool, timeout: Double) {
        let nsError = error as NSError
        let detail = underlyingMessage(nsError)
        switch URLError.Code(rawValue: nsError.code) {
        case .cancelled:
            return nil
        case .cannotFindHost, .dnsLookupFailed:
            self = .hostNotFound(host: url.host ?? url.absoluteString)
        case .cannotConnectToHost, .notConnectedToInternet:
            self = .cannotConnect(url: url, detail: detail)
        case .timedOut:
            self = .stalled(url: url, seconds: timeout)
        case .networkConnectionLost:
            self = .connectionLost(url: url, detail: detail)
        default:
            self = answerStarted ? .connectionLost(url: url, detail: detail) : .transport(url: url, detail: detail)
        }
    }
}

/// The most specific message in an NSError chain ("Could not resolve host: …").
private func underlyingMessage(_ error: NSError) -> String {
    if let underlying = error.userInfo[NSUnderlyingErrorKey] as? NSError {
        return underlyingMessage(underlying)
    }
    return (error.userInfo[NSLocalizedDescriptionKey] as? String) ?? "error \(error.code)"
}
