import CZMQ
import Foundation

/// A ZeroMQ socket, used by one thread at a time, sending and receiving whole multipart messages.
package final class Socket {
    package enum Kind {
        /// `publisher` hears subscriptions as messages (ZeroMQ's XPUB).
        case router, publisher, reply, dealer, subscriber, request

        var zmqType: Int32 {
            switch self {
            case .router: return ZMQ_ROUTER
            case .publisher: return ZMQ_XPUB
            case .reply: return ZMQ_REP
            case .dealer: return ZMQ_DEALER
            case .subscriber: return ZMQ_SUB
            case .request: return ZMQ_REQ
            }
        }
    }

    let handle: UnsafeMutableRawPointer

    package init(_ kind: Kind, context: Context) throws {
        guard let handle = zmq_socket(context.handle, kind.zmqType) else { throw Socket.lastError("zmq_socket") }
        self.handle = handle
        // Closing waits at most a second for unsent messages (a shutdown reply) to leave.
        var linger: Int32 = 1000
        zmq_setsockopt(handle, ZMQ_LINGER, &linger, MemoryLayout<Int32>.size)
        if kind == .subscriber { zmq_setsockopt(handle, ZMQ_SUBSCRIBE, "", 0) }
    }

    /// Binds to `endpoint` and returns the port bound (the free one chosen for `tcp://IP:*`), 0 for ipc.
    package func bind(_ endpoint: String) throws -> Int {
        guard zmq_bind(handle, endpoint) == 0 else { throw Socket.lastError("cannot listen on \(endpoint)") }
        var buffer = [CChar](repeating: 0, count: 256)
        var size = buffer.count
        zmq_getsockopt(handle, ZMQ_LAST_ENDPOINT, &buffer, &size)
        let bound = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        return Int(bound.split(separator: ":").last ?? "") ?? 0
    }

    package func connect(_ endpoint: String) throws {
        guard zmq_connect(handle, endpoint) == 0 else { throw Socket.lastError("cannot connect to \(endpoint)") }
    }

    package func send(_ frames: [Data]) {
        for (index, frame) in frames.enumerated() {
            let flags = index < frames.count - 1 ? ZMQ_SNDMORE : 0
            _ = frame.withUnsafeBytes { zmq_send(handle, $0.baseAddress, frame.count, flags) }
        }
    }

    /// The next multipart message, or nil when the context is shutting down.
    package func receive() -> [Data]? {
        var frames: [Data] = []
        var part = zmq_msg_t()
        zmq_msg_init(&part)
        defer { zmq_msg_close(&part) }
        while true {
            guard zmq_msg_recv(&part, handle, 0) >= 0 else {
                if zmq_errno() == EINTR { continue }
                return nil
            }
            frames.append(Data(bytes: zmq_msg_data(&part), count: zmq_msg_size(&part)))
            if zmq_msg_more(&part) == 0 { return frames }
        }
    }

    /// True when a message is waiting, after at most `milliseconds`.
    package func waitForInput(milliseconds: Int) -> Bool {
        Socket.waitForInput(on: [self], milliseconds: milliseconds)[0]
    }

    /// For each socket, whether a message is waiting on it, after at most `milliseconds` for the first.
    package static func waitForInput(on sockets: [Socket], milliseconds: Int) -> [Bool] {
        var items = sockets.map { zmq_pollitem_t(socket: $0.handle, fd: 0, events: Int16(ZMQ_POLLIN), revents: 0) }
        guard zmq_poll(&items, Int32(items.count), milliseconds) > 0 else { return sockets.map { _ in false } }
        return items.map { $0.revents & Int16(ZMQ_POLLIN) != 0 }
    }

    package func close() {
        zmq_close(handle)
    }

    static func lastError(_ what: String) -> KernelError {
        KernelError("\(what): \(String(cString: zmq_strerror(zmq_errno())))")
    }

    /// A ZeroMQ context: the I/O thread behind every socket of a kernel.
    package final class Context {
        let handle: UnsafeMutableRawPointer

        package init() {
            handle = zmq_ctx_new()
        }

        /// Ends every blocking receive on the context's sockets and waits until all are closed.
        package func terminate() {
            zmq_ctx_term(handle)
        }
    }
}
