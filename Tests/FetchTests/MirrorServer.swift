import FlyingFox
import FlyingSocks
import Foundation

/// How a test mirror answers requests for a file.
enum MirrorBehavior: Sendable {
    /// 200 with the whole file, or 206 with the rest for a Range request.
    case serve
    /// Always 200 with the whole file, whatever Range asked for.
    case ignoreRange
    /// 416 to any Range request, 200 with the whole file otherwise.
    case refuseRange
    /// 404.
    case notFound
    /// 500 for the first `times` requests of each file, then `serve`.
    case serverError(times: Int)
    /// The right length, but one byte in the middle is wrong.
    case wrongBytes
    /// For the first `times` requests of each file: announce the full length, send `bytes` bytes
    /// of the body, close the connection. Then `serve`.
    case cutShort(bytes: Int, times: Int)
    /// For the first `times` requests of each file: send `bytes` bytes, then nothing at all
    /// (until the server stops). Then `serve`.
    case stall(bytes: Int, times: Int)
}

/// One request the server received.
struct LoggedRequest: Equatable, Sendable {
    let mirror: String
    let file: String
    /// The Range header, e.g. "bytes=1000-", or nil.
    let range: String?
}

/// A real HTTP server on 127.0.0.1 with one folder per mirror: `GET /MIRROR/FILE` answers
/// as `behaviors[MIRROR]` says, with the bytes of `files[FILE]`. Every request is logged.
final class MirrorServer: Sendable {
    private let server: HTTPServer
    private let log: RequestLog
    let port: UInt16

    private init(server: HTTPServer, log: RequestLog, port: UInt16) {
        self.server = server
        self.log = log
        self.port = port
    }

    static func start(files: [String: Data], behaviors: [String: MirrorBehavior]) async throws -> MirrorServer {
        let log = RequestLog()
        let handler = MirrorHandler(files: files, behaviors: behaviors, log: log)
        let server = HTTPServer(address: try .inet(ip4: "127.0.0.1", port: 0), timeout: 60, logger: .disabled, handler: handler)
        Task { try await server.run() }
        try await server.waitUntilListening()
        guard case .ip4(_, let port)? = await server.listeningAddress else {
            throw CocoaError(.featureUnsupported)
        }
        return MirrorServer(server: server, log: log, port: port)
    }

    /// The URL of a mirror folder, as a Fetcher expects it.
    func url(_ mirror: String) -> URL {
        URL(string: "http://127.0.0.1:\(port)/\(mirror)/")!
    }

    var requests: [LoggedRequest] {
        get async { await log.requests }
    }

    func stop() async {
        await server.stop(timeout: 0)
    }
}

private actor RequestLog {
    private(set) var requests: [LoggedRequest] = []

    /// Records a request and says how many requests for the same mirror and file came before it.
    func record(_ request: LoggedRequest) -> Int {
        let earlier = requests.filter { $0.mirror == request.mirror && $0.file == request.file }.count
        requests.append(request)
        return earlier
    }
}

private struct MirrorHandler: HTTPHandler {
    let files: [String: Data]
    let behaviors: [String: MirrorBehavior]
    let log: RequestLog

    func handleRequest(_ request: HTTPRequest) async throws -> HTTPResponse {
        let parts = request.path.split(separator: "/").map(String.init)
        guard parts.count == 2, let behavior = behaviors[parts[0]], let data = files[parts[1]] else {
            return HTTPResponse(statusCode: .notFound)
        }
        let range = request.headers[.range]
        let earlier = await log.record(LoggedRequest(mirror: parts[0], file: parts[1], range: range))
        switch behavior {
        case .serve:
            return serve(data, range: range)
        case .ignoreRange:
            return whole(data)
        case .refuseRange:
            return range == nil ? whole(data) : unsatisfiable(data)
        case .notFound:
            return HTTPResponse(statusCode: .notFound, body: Data("no such file\n".utf8))
        case .serverError(let times):
            return earlier < times ? HTTPResponse(statusCode: .internalServerError) : serve(data, range: range)
        case .wrongBytes:
            var wrong = data
            wrong[wrong.count / 2] ^= 0xFF
            return whole(wrong)
        case .cutShort(let bytes, let times):
            return earlier < times ? faulty(data, sending: bytes, then: .close) : serve(data, range: range)
        case .stall(let bytes, let times):
            return earlier < times ? faulty(data, sending: bytes, then: .silence) : serve(data, range: range)
        }
    }

    private func whole(_ data: Data) -> HTTPResponse {
        HTTPResponse(statusCode: .ok, body: HTTPBodySequence(data: data, suggestedBufferSize: 1 << 16))
    }

    /// 206 with the bytes from the Range header's start on, or the whole file without one.
    private func serve(_ data: Data, range: String?) -> HTTPResponse {
        guard let range, range.hasPrefix("bytes="), range.hasSuffix("-"),
              let start = Int(range.dropFirst(6).dropLast()) else {
            return whole(data)
        }
        guard start < data.count else { return unsatisfiable(data) }
        return HTTPResponse(statusCode: .partialContent,
                            headers: HTTPHeaders([.contentRange: "bytes \(start)-\(data.count - 1)/\(data.count)"]),
                            body: HTTPBodySequence(data: data[start...], suggestedBufferSize: 1 << 16))
    }

    /// 416: the range starts past the end of the file.
    private func unsatisfiable(_ data: Data) -> HTTPResponse {
        HTTPResponse(statusCode: .rangeNotSatisfiable, headers: HTTPHeaders([.contentRange: "bytes */\(data.count)"]))
    }

    /// 200 announcing the whole file, but only the first `count` bytes come before the fault.
    private func faulty(_ data: Data, sending count: Int, then fault: FaultyBody.Fault) -> HTTPResponse {
        HTTPResponse(statusCode: .ok,
                     body: HTTPBodySequence(from: FaultyBody(bytes: data.prefix(count), fault: fault),
                                            count: data.count, suggestedBufferSize: 1 << 16))
    }
}

/// A body that sends some bytes and then fails: the server closes the connection at once,
/// or after a silence longer than any test waits.
private struct FaultyBody: AsyncBufferedSequence {
    typealias Element = UInt8

    enum Fault: Sendable { case close, silence }
    struct Cut: Error {}

    let bytes: Data
    let fault: Fault

    func makeAsyncIterator() -> Iterator { Iterator(bytes: bytes, fault: fault) }

    struct Iterator: AsyncBufferedIteratorProtocol {
        let bytes: Data
        let fault: Fault
        var offset = 0

        init(bytes: Data, fault: Fault) {
            self.bytes = Data(bytes)
            self.fault = fault
        }

        mutating func next() async throws -> UInt8? {
            try await nextBuffer(suggested: 1)?.first
        }

        mutating func nextBuffer(suggested count: Int) async throws -> Data? {
            if offset < bytes.count {
                let end = Swift.min(offset + count, bytes.count)
                defer { offset = end }
                return bytes[offset..<end]
            }
            if fault == .silence {
                try await Task.sleep(for: .seconds(60))
            }
            throw Cut()
        }
    }
}
