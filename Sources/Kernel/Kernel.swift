// Kernel: mlplab as a Jupyter kernel. Speaks the messaging protocol over ZeroMQ (Socket,
// Message), signs and checks every message with the connection file's key (Signer), runs
// cells in one interpreter Session, and writes the kernelspec (KernelSpec).
//
// It leaves the language to Interpreter; a cell runs exactly as a REPL line does.

import Foundation
import Interpreter
import Support
import Tensor

/// A Jupyter kernel (messaging protocol 5.3) around one interpreter session, whose variables
/// persist from cell to cell.
///
/// Threads: the calling thread serves the shell channel and runs the cells; the control
/// channel (interrupt, shutdown) has its own thread so that it is heard while a cell runs;
/// the heartbeat echoes on a third. Only IOPub is written from two threads, under a lock.
public final class Kernel {
    static let protocolVersion = "5.3"

    /// The connection the kernel listens on, with the ports actually bound (where the file said 0).
    public private(set) var connection: ConnectionFile
    /// The interpreter, made when the first request needs it: Jupyter waits for the first
    /// `kernel_info_reply`, which needs none of what a session loads.
    private(set) lazy var session: Session = makeSession()
    private let makeSession: () -> Session
    let version: String
    let signer: Signer
    /// This kernel's session id, in the header of every message it sends.
    let kernelSession = UUID().uuidString.lowercased()
    /// Where a dropped message is reported (standard error when run by Jupyter).
    let log: (String) -> Void

    private let context = Socket.Context()
    private let shell: Socket
    private let control: Socket
    private let stdin: Socket
    private let heartbeat: Socket
    private let iopub: Socket
    private let iopubLock = NSLock()
    private let stopping = StopFlag()
    private let controlFinished = DispatchSemaphore(value: 0)

    /// What `execution_count` is at: the number of cells run with `store_history` (IPython's count).
    var executionCount = 0
    /// The cells run with `store_history`, for `history_request`.
    var history: [HistoryEntry] = []

    /// Binds the five sockets to the connection file's address. `session` is evaluated once,
    /// when the first request that runs code, completes or inspects arrives.
    public init(connection: ConnectionFile, session: @autoclosure @escaping () -> Session, version: String,
                log: @escaping (String) -> Void = Kernel.logToStandardError) throws {
        try connection.validate()
        self.connection = connection
        makeSession = session
        self.version = version
        self.log = log
        signer = Signer(key: connection.key)
        shell = try Socket(.router, context: context)
        control = try Socket(.router, context: context)
        stdin = try Socket(.router, context: context)
        iopub = try Socket(.publisher, context: context)
        heartbeat = try Socket(.reply, context: context)
        self.connection.shellPort = try shell.bind(connection.endpoint(port: connection.shellPort))
        self.connection.controlPort = try control.bind(connection.endpoint(port: connection.controlPort))
        self.connection.stdinPort = try stdin.bind(connection.endpoint(port: connection.stdinPort))
        self.connection.iopubPort = try iopub.bind(connection.endpoint(port: connection.iopubPort))
        self.connection.heartbeatPort = try heartbeat.bind(connection.endpoint(port: connection.heartbeatPort))
    }

    public static func logToStandardError(_ text: String) {
        FileHandle.standardError.write(Data(("mlplab kernel: " + text + "\n").utf8))
    }

    /// Serves until a `shutdown_request`, then closes every socket.
    public func run() {
        publish("status", ["execution_state": "starting"], parent: [:])
        let heartbeatThread = Thread { [heartbeat] in Kernel.echo(on: heartbeat) }
        let controlThread = Thread { [self] in serveControl() }
        heartbeatThread.start()
        controlThread.start()
        serve(shell, handlers: shellHandlers, greetingSubscribers: true)
        controlFinished.wait()  // its last message, the shutdown's idle status, goes out on IOPub
        Interrupt.clear()  // the stop's request, when no cell was running to take it
        shell.close()
        stdin.close()
        iopub.close()
        context.terminate()  // returns once the heartbeat has closed its socket
    }

    private func serveControl() {
        serve(control, handlers: controlHandlers, greetingSubscribers: false)
        control.close()
        controlFinished.signal()
    }

    /// Answers the messages arriving on `socket` until the kernel stops; on the shell's
    /// thread, also welcomes each new IOPub subscriber.
    private func serve(_ socket: Socket, handlers: [String: (Message) -> JSONObject], greetingSubscribers: Bool) {
        let watched = greetingSubscribers ? [socket, iopub] : [socket]
        while !stopping.isSet {
            let ready = Socket.waitForInput(on: watched, milliseconds: 100)
            if ready.count > 1 && ready[1] { welcomeSubscriber() }
            if ready[0], let frames = socket.receive() { answer(frames, on: socket, handlers: handlers) }
        }
    }

    /// A subscription has reached IOPub: say so with an `iopub_welcome` (JEP 65), so that a
    /// front end waiting for IOPub to be connected hears it at once, not after a retry.
    private func welcomeSubscriber() {
        guard let frames = iopubLock.withLock({ iopub.receive() }), let subscription = frames.first,
              subscription.first == 1 else { return }
        let topic = String(decoding: subscription.dropFirst(), as: UTF8.self)
        publish("iopub_welcome", ["subscription": topic], parent: [:])
    }

    /// The heartbeat: every message comes straight back, until the context ends.
    private static func echo(on socket: Socket) {
        while let frames = socket.receive() { socket.send(frames) }
        socket.close()
    }

    /// Reads one request and sends its reply, between a busy and an idle status on IOPub.
    /// A message that is not signed with the key, or not well formed, or of an unknown type
    /// is dropped and logged: nothing in it runs.
    func answer(_ frames: [Data], on socket: Socket, handlers: [String: (Message) -> JSONObject]) {
        let request: Message
        do {
            request = try Message(frames: frames, signer: signer)
        } catch {
            log("dropped a message: \(error)")
            return
        }
        guard let handler = handlers[request.type] else {
            log("dropped a message of unknown type \"\(request.type)\"")
            return
        }
        publish("status", ["execution_state": "busy"], parent: request.header)
        let content = handler(request)
        let replyType = request.type.replacingOccurrences(of: "_request", with: "_reply")
        socket.send(Message(identities: request.identities, header: Message.header(type: replyType, session: kernelSession),
                            parentHeader: request.header, content: content).frames(signer: signer))
        publish("status", ["execution_state": "idle"], parent: request.header)
    }

    /// Sends a message on IOPub, where every front end sees it.
    func publish(_ type: String, _ content: JSONObject, parent: JSONObject) {
        let message = Message(identities: [Data("kernel.\(kernelSession).\(type)".utf8)],
                              header: Message.header(type: type, session: kernelSession),
                              parentHeader: parent, content: content)
        iopubLock.lock()
        defer { iopubLock.unlock() }
        iopub.send(message.frames(signer: signer))
    }

    /// Stops serving after the current message; a running cell is interrupted first.
    func stop() {
        stopping.set()
        Interrupt.request()
    }
}

/// A cell as `history_request` gives it: its execution count, its code, and the text of its results.
typealias HistoryEntry = (count: Int, code: String, output: String?)

/// A flag one thread sets and others read.
final class StopFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false

    var isSet: Bool { lock.withLock { value } }

    func set() { lock.withLock { value = true } }
}
