import Foundation
import Interpreter
import Kernel

/// A kernel serving on free ports of 127.0.0.1 in a thread of the test, and a client for it
/// with the sockets a Jupyter front end opens.
final class KernelClient {
    let key = UUID().uuidString
    let kernel: Kernel
    let shell: Socket
    let control: Socket
    let iopub: Socket
    let heartbeat: Socket
    /// What the kernel logged (the messages it dropped).
    let log = Log()
    private let context = Socket.Context()
    private let finished = DispatchSemaphore(value: 0)
    private var isRunning = true

    init() throws {
        kernel = try Kernel(connection: ConnectionFile(key: key), session: Session(), version: "test",
                            log: { [log] in log.append($0) })
        let connection = kernel.connection
        Thread { [kernel, finished] in
            kernel.run()
            finished.signal()
        }.start()
        shell = try Socket(.dealer, context: context)
        control = try Socket(.dealer, context: context)
        iopub = try Socket(.subscriber, context: context)
        heartbeat = try Socket(.request, context: context)
        try shell.connect("tcp://127.0.0.1:\(connection.shellPort)")
        try control.connect("tcp://127.0.0.1:\(connection.controlPort)")
        try iopub.connect("tcp://127.0.0.1:\(connection.iopubPort)")
        try heartbeat.connect("tcp://127.0.0.1:\(connection.heartbeatPort)")
        try waitUntilIOPubIsHeard()
    }

    /// A subscriber misses what is published before its subscription arrives: ask for
    /// kernel_info until a status comes back on IOPub.
    private func waitUntilIOPubIsHeard() throws {
        for _ in 0..<50 {
            shell.send(signed("kernel_info_request", [:]).frames)
            _ = try receive(on: shell)
            if iopub.waitForInput(milliseconds: 100) {
                while iopub.waitForInput(milliseconds: 50) { _ = iopub.receive() }
                return
            }
        }
        throw KernelError("IOPub never answered")
    }

    /// A request signed with the kernel's key, and its frames.
    func signed(_ type: String, _ content: JSONObject, key: String? = nil) -> (id: String, frames: [Data]) {
        let header = Message.header(type: type, session: "client")
        let frames = Message(header: header, content: content).frames(signer: Signer(key: key ?? self.key))
        return (header["msg_id"] as! String, frames)
    }

    /// Sends a request and returns its reply and what IOPub said about it up to the idle status.
    func request(_ type: String, _ content: JSONObject, on channel: Socket? = nil) throws -> (reply: Message, iopub: [Message]) {
        let (id, frames) = signed(type, content)
        let socket = channel ?? shell
        socket.send(frames)
        let reply = try receive(on: socket)
        return (reply, try published(for: id))
    }

    func execute(_ code: String, silent: Bool = false) throws -> (reply: Message, iopub: [Message]) {
        try request("execute_request", ["code": code, "silent": silent, "store_history": true, "allow_stdin": false])
    }

    /// The next message on a socket, read and checked with the key; an error after 30 s.
    func receive(on socket: Socket, seconds: Int = 30) throws -> Message {
        guard socket.waitForInput(milliseconds: seconds * 1000), let frames = socket.receive() else {
            throw KernelError("no answer within \(seconds) s")
        }
        return try Message(frames: frames, signer: Signer(key: key))
    }

    /// The IOPub messages whose parent is request `id`, the busy status first, up to its idle status.
    func published(for id: String) throws -> [Message] {
        var messages: [Message] = []
        while true {
            let message = try receive(on: iopub)
            guard message.parentHeader["msg_id"] as? String == id else { continue }
            messages.append(message)
            if message.type == "status", message.content["execution_state"] as? String == "idle" { return messages }
        }
    }

    /// Sends shutdown_request and returns its reply and whether the kernel's run() ended within 5 s.
    func shutDown() throws -> (reply: Message, ended: Bool) {
        control.send(signed("shutdown_request", ["restart": false]).frames)
        let reply = try receive(on: control)
        isRunning = finished.wait(timeout: .now() + 5) != .success
        return (reply, !isRunning)
    }

    deinit {
        if isRunning { _ = try? shutDown() }
        for socket in [shell, control, iopub, heartbeat] { socket.close() }
        context.terminate()
    }

    /// Lines written from the kernel's threads, read by the test.
    final class Log: @unchecked Sendable {
        private let lock = NSLock()
        private var lines: [String] = []

        func append(_ line: String) { lock.withLock { lines.append(line) } }

        var all: [String] { lock.withLock { lines } }
    }
}
