#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Course
import ExerciseCalls
import Foundation
import Support
import Tensor

/// The learner's functions, run in a long-lived child process (`mlplab-exercises --serve`,
/// the checks' runner, with the learner's library loaded) and called over two pipes: under
/// `:use mine` a crash in the learner's code (an index out of range, say) ends that process,
/// never the REPL. The call throws with the crash report `:check` gives (the signal, the
/// runtime's message, the learner's file:line:column), and the next call starts a new process.
///
/// One process serves every call, so `fit`'s thousands of calls cost a message each way,
/// not a process each. A library compiled again by `:check` is picked up at the next call.
public final class LearnerProcess {
    /// The runner and library it runs, and the language of its crash reports.
    public var driver: CheckDriver
    /// A call answered after Ctrl-C within this many seconds still counts; after that the
    /// process is stopped (an endless loop) and the call throws `Interrupted`.
    var interruptGrace: Double = 2
    private var child: Child?

    public init(driver: CheckDriver) {
        self.driver = driver
    }

    deinit { stop() }

    /// Every exercise function, each call made in the child process.
    public var implementations: Implementations {
        Implementations { [unowned self] name, arguments in try call(name, arguments) }
    }

    /// Runs the learner's function `name` on `arguments` in the child process.
    public func call(_ name: String, _ arguments: [Tensor]) throws -> [Tensor] {
        let child = try running()
        let reply: [UInt8]
        do {
            try child.send(LearnerMessage.encode(.init(function: name, arguments: arguments)))
            reply = try child.receive(grace: interruptGrace)
        } catch is Child.Ended {
            self.child = nil
            let details = CheckDriver.explain(child.end(), timeLimit: 0, exercises: driver.library.exercises)
            throw CourseError.runnerFailed(crashReport(of: name, details: details))
        } catch let interrupted as Interrupted {
            self.child = nil
            _ = child.end()
            throw interrupted
        }
        switch try LearnerMessage.decodeReply(reply) {
        case .values(let results): return results
        case .thrown(let message): throw LearnerError(description: message)
        }
    }

    /// What the learner reads when their function `name` crashed: that it did, the crash's
    /// `details`, and what to do next.
    private func crashReport(of name: String, details: [String]) -> String {
        let file = (try? Course.find(name))?.group.file ?? "exercises/"
        let korean = driver.language == .ko
        return (korean ? "여러분의 \(name)이(가) 비정상 종료해서 mlplab이 호출을 멈추었습니다 (변수는 그대로입니다):"
                       : "your \(name) crashed, so mlplab stopped the call (your variables are kept):")
            + "\n" + details.joined(separator: "\n") + "\n"
            + (korean ? "\(file)에서 \(name)을(를) 고친 뒤 `:reload`로 새 코드를 실행하세요. 그동안은 `:use reference \(name)`이(가) 참조 구현을 씁니다."
                      : "fix \(name) in \(file), then `:reload` runs your new code; meanwhile `:use reference \(name)` uses the reference.")
    }

    /// Ends the child process, if one runs.
    public func stop() {
        _ = child?.end()
        child = nil
    }

    /// The child process, started afresh when there is none or the library was compiled again.
    private func running() throws -> Child {
        let built = modificationTime(driver.library.path)
        if let child, child.libraryBuilt == built { return child }
        stop()
        guard built != nil else {
            throw CourseError.runnerFailed("your exercises are not compiled yet: `:check NAME` or `:use mine` compiles them")
        }
        let started = try Child(runner: driver.runner, library: driver.library.path, libraryBuilt: built)
        child = started
        return started
    }
}

/// An error the learner's function threw, as its message.
public struct LearnerError: Error, CustomStringConvertible {
    public let description: String

    public init(description: String) {
        self.description = description
    }
}

/// One running `mlplab-exercises --serve`: the request pipe, the reply pipe, and its
/// standard error in an unlinked temporary file (no pipe to fill up; read after a crash).
private final class Child {
    struct Ended: Error {}

    let pid: pid_t
    let libraryBuilt: Date?
    private let requests: Int32, replies: Int32, errors: Int32

    init(runner: String, library: String, libraryBuilt: Date?) throws {
        signal(SIGPIPE, SIG_IGN)        // a write to a crashed child fails with EPIPE instead of killing mlplab
        let request = try Self.pipe(), reply = try Self.pipe()
        errors = try Self.unlinkedFile()
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, request.read, 0)
        posix_spawn_file_actions_adddup2(&actions, reply.write, 1)
        posix_spawn_file_actions_adddup2(&actions, errors, 2)
        let environment = ProcessInfo.processInfo.environment.merging(["SWIFT_BACKTRACE": CheckDriver.backtraceSettings]) { $1 }
        let arguments: [String] = [runner, "--serve", "--library", library]
        let argv = arguments.map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0)=\($1)") } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        var pid = pid_t()
        let status = posix_spawn(&pid, runner, &actions, nil, argv, envp)
        close(request.read)
        close(reply.write)
        guard status == 0 else {
            [request.write, reply.read, errors].forEach { close($0) }
            throw CourseError.runnerFailed("cannot start \(runner): \(String(cString: strerror(status)))")
        }
        self.pid = pid
        self.libraryBuilt = libraryBuilt
        requests = request.write
        replies = reply.read
    }

    func send(_ body: [UInt8]) throws {
        guard Frames.write(requests, body) else { throw Ended() }
    }

    /// Reads one frame. After Ctrl-C, waits `grace` seconds more, then gives up with `Interrupted`.
    func receive(grace: Double) throws -> [UInt8] {
        var interruptedAt: Date?
        let frame = try Frames.read(replies) {
            guard Interrupt.isRequested else { return }
            let since = interruptedAt ?? Date()
            interruptedAt = since
            if Date().timeIntervalSince(since) > grace { try Interrupt.check() }
        }
        guard let frame else { throw Ended() }
        return frame
    }

    /// Closes the pipes, stops the process if it still runs, and says how it ended, with
    /// what it wrote to standard error.
    func end() -> ChildProcess.Result {
        close(requests)
        close(replies)
        var status: Int32 = 0
        if waitpid(pid, &status, WNOHANG) == 0 {
            // A crash report may still be on its way: give the backtracer time to finish it.
            let deadline = Date().addingTimeInterval(30)
            while waitpid(pid, &status, WNOHANG) == 0 {
                if Date() > deadline || Interrupt.isRequested { kill(pid, SIGKILL) }
                usleep(10_000)
            }
        }
        let standardError = Self.contents(of: errors)
        close(errors)
        return ChildProcess.Result(termination: ChildProcess.Termination(waitStatus: status), standardError: standardError)
    }

    private static func pipe() throws -> (read: Int32, write: Int32) {
        var fds: [Int32] = [0, 0]
        guard Glibc.pipe(&fds) == 0 else {
            throw CourseError.runnerFailed("cannot create a pipe: \(String(cString: strerror(errno)))")
        }
        fds.forEach(closeOnExec)
        return (fds[0], fds[1])
    }

    /// A temporary file that is already unlinked: it vanishes with its last descriptor.
    private static func unlinkedFile() throws -> Int32 {
        var template = Array((NSTemporaryDirectory() + "/mlplab-learner-XXXXXX").utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else {
            throw CourseError.runnerFailed("cannot create a temporary file: \(String(cString: strerror(errno)))")
        }
        closeOnExec(fd)
        template.withUnsafeBufferPointer { _ = unlink($0.baseAddress!) }
        return fd
    }

    /// Keeps `fd` out of every other program this process starts (a `swift build`, say);
    /// the runner gets its copies through `dup2`, which clears the flag.
    private static func closeOnExec(_ fd: Int32) {
        _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
    }

    private static func contents(of fd: Int32) -> String {
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        var offset: off_t = 0
        while true {
            let got = buffer.withUnsafeMutableBytes { pread(fd, $0.baseAddress, $0.count, offset) }
            guard got > 0 else { break }
            bytes += buffer[0..<got]
            offset += off_t(got)
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}

/// The other side: `mlplab-exercises --serve --library LIB` answers calls with the library's functions until
/// the REPL closes the request pipe. Standard output becomes a copy of standard error, so
/// that a learner's `print` cannot break a reply.
public enum LearnerServer {
    public static func serve(with implementations: Implementations) -> Never {
        let replies = dup(1)
        dup2(2, 1)
        while let request = try? Frames.read(0, whileWaiting: {}) {
            let reply: LearnerMessage.Reply
            do {
                let call = try LearnerMessage.decodeRequest(request)
                reply = .values(try implementations.tensors(call.function, call.arguments))
            } catch {
                reply = .thrown(String(describing: error))
            }
            guard Frames.write(replies, LearnerMessage.encode(reply)) else { exit(1) }
        }
        exit(0)
    }
}

/// Length-prefixed frames on a pipe: a u64 byte count (little-endian), then the bytes.
enum Frames {
    /// Writes one frame; false when the other end is gone.
    static func write(_ fd: Int32, _ body: [UInt8]) -> Bool {
        writeAll(fd, withUnsafeBytes(of: UInt64(body.count).littleEndian, Array.init) + body)
    }

    /// Reads one frame; nil when the other end closed the pipe first. `whileWaiting` runs
    /// every 100 ms without data, and may throw to give up.
    static func read(_ fd: Int32, whileWaiting: () throws -> Void) throws -> [UInt8]? {
        guard let header = try readAll(fd, 8, whileWaiting: whileWaiting) else { return nil }
        let count = header.reversed().reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
        guard count <= UInt64(Int32.max) else { return nil }
        return try readAll(fd, Int(count), whileWaiting: whileWaiting)
    }

    private static func readAll(_ fd: Int32, _ count: Int, whileWaiting: () throws -> Void) throws -> [UInt8]? {
        var bytes = [UInt8](repeating: 0, count: count)
        var offset = 0
        while offset < count {
            var entry = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            if poll(&entry, 1, 100) == 0 {
                try whileWaiting()
                continue
            }
            let got = bytes[offset...].withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if got < 0 && errno == EINTR { continue }
            guard got > 0 else { return nil }
            offset += got
        }
        return bytes
    }

    private static func writeAll(_ fd: Int32, _ bytes: [UInt8]) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
            if written < 0 && errno == EINTR { continue }
            guard written > 0 else { return false }
            offset += written
        }
        return true
    }
}
