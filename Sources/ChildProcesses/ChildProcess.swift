// ChildProcesses: everything that runs outside the REPL's process, so that nothing the
// learner writes can bring it down: the build of the learner's code, the checks' runner,
// and the learner's functions under `:use mine`, which exchange tensors with the REPL in
// the workspace archive's format.
//
// It leaves what the checks are to Course.

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Course
import Foundation
import Support
import Tensor

/// A program run in a child process, its standard output read line by line as it
/// arrives and its standard error collected, with a time limit.
///
/// Learner code runs this way: if it crashes or loops forever, only the child ends.
/// Ctrl-C (see `Interrupt`) stops the child too, and `run` then throws `Interrupted`.
struct ChildProcess {
    enum Termination: Equatable {
        case exited(Int32)
        case signalled(Int32)
        /// The time limit passed; the child was killed.
        case timedOut

        /// How a child that `waitpid` reported on with `waitStatus` ended.
        init(waitStatus: Int32) {
            self = waitStatus & 0x7F == 0
                ? .exited((waitStatus >> 8) & 0xFF)     // WIFEXITED, WEXITSTATUS
                : .signalled(waitStatus & 0x7F)         // WTERMSIG
        }
    }

    struct Result {
        let termination: Termination
        let standardError: String
    }

    let executable: String
    let arguments: [String]
    /// Variables added to (or replacing those in) this process's environment.
    var environment: [String: String] = [:]
    /// Killed after this many seconds without a new line on standard output.
    var silenceLimit: Double? = nil

    /// After Ctrl-C the child has this many seconds to end before it is killed.
    static let interruptGrace = 5.0

    /// Runs the program, calling `onLine` with each line of its standard output
    /// (without the newline). `executable` is searched on PATH when it has no slash.
    /// Throws `Interrupted` when Ctrl-C was pressed while it ran.
    func run(onLine: (String) -> Void) throws -> Result {
        let output = try Pipe.make(), errors = try Pipe.make()
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, output.write, 1)
        posix_spawn_file_actions_adddup2(&actions, errors.write, 2)
        for fd in [output.read, output.write, errors.read, errors.write] {
            posix_spawn_file_actions_addclose(&actions, fd)
        }

        var pid = pid_t()
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = mergedEnvironment().map { strdup($0) } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        let status = posix_spawnp(&pid, executable, &actions, nil, argv, envp)
        close(output.write)
        close(errors.write)
        guard status == 0 else {
            close(output.read)
            close(errors.read)
            throw CourseError.runnerFailed("cannot start \(executable): \(String(cString: strerror(status)))")
        }

        var reader = Reader(output: output.read, errors: errors.read)
        let end = reader.drain(silenceLimit: silenceLimit, onLine: onLine)
        if end == .silent { kill(pid, SIGKILL) }
        // At a terminal the child heard Ctrl-C too; it is told again in case only mlplab was.
        if end == .interrupted { kill(pid, SIGINT) }
        close(output.read)
        close(errors.read)
        let waitStatus = Self.waitForExit(pid, killingAfter: end == .interrupted ? Self.interruptGrace : nil)
        try Interrupt.check()
        let termination = end == .silent ? .timedOut : Termination(waitStatus: waitStatus)
        return Result(termination: termination, standardError: String(decoding: reader.errorBytes, as: UTF8.self))
    }

    /// Waits for the child to end and returns its wait status; with a grace period,
    /// a child still running when it has passed is killed.
    private static func waitForExit(_ pid: pid_t, killingAfter grace: Double?) -> Int32 {
        var waitStatus: Int32 = 0
        if let grace {
            let deadline = Date().addingTimeInterval(grace)
            while Date() < deadline {
                if waitpid(pid, &waitStatus, WNOHANG) == pid { return waitStatus }
                usleep(20_000)
            }
            kill(pid, SIGKILL)
        }
        while waitpid(pid, &waitStatus, 0) == -1 && errno == EINTR {}
        return waitStatus
    }

    private func mergedEnvironment() -> [String] {
        ProcessInfo.processInfo.environment.merging(environment) { $1 }.map { "\($0)=\($1)" }
    }

    /// The two ends of a pipe.
    private struct Pipe {
        let read: Int32, write: Int32

        static func make() throws -> Pipe {
            var fds: [Int32] = [0, 0]
            guard pipe(&fds) == 0 else {
                throw CourseError.runnerFailed("cannot create a pipe: \(String(cString: strerror(errno)))")
            }
            return Pipe(read: fds[0], write: fds[1])
        }
    }

    /// Reads both pipes until the child closes them, splitting standard output into lines.
    private struct Reader {
        let output: Int32, errors: Int32
        var pending: [UInt8] = []
        var errorBytes: [UInt8] = []

        init(output: Int32, errors: Int32) {
            self.output = output
            self.errors = errors
        }

        /// Why reading stopped.
        enum End { case finished, silent, interrupted }

        /// Reads until the child closes both pipes (`finished`), prints nothing for
        /// `silenceLimit` seconds (`silent`), or Ctrl-C is pressed (`interrupted`).
        mutating func drain(silenceLimit: Double?, onLine: (String) -> Void) -> End {
            var open: Set<Int32> = [output, errors]
            var buffer = [UInt8](repeating: 0, count: 65536)
            var lastOutput = Date()
            while !open.isEmpty {
                var fds = open.sorted().map { pollfd(fd: $0, events: Int16(POLLIN), revents: 0) }
                let ready = poll(&fds, nfds_t(fds.count), 100)
                if ready < 0 && errno != EINTR { break }
                if Interrupt.isRequested { return .interrupted }
                if let limit = silenceLimit, Date().timeIntervalSince(lastOutput) > limit { return .silent }
                for entry in fds where entry.revents != 0 {
                    let count = read(entry.fd, &buffer, buffer.count)
                    if count <= 0 {
                        open.remove(entry.fd)
                    } else if entry.fd == output {
                        lastOutput = Date()
                        pending += buffer[0..<count]
                        emitLines(onLine)
                    } else {
                        errorBytes += buffer[0..<count]
                    }
                }
            }
            if !pending.isEmpty { onLine(String(decoding: pending, as: UTF8.self)) }
            return .finished
        }

        private mutating func emitLines(_ onLine: (String) -> Void) {
            while let newline = pending.firstIndex(of: UInt8(ascii: "\n")) {
                onLine(String(decoding: pending[..<newline], as: UTF8.self))
                pending.removeSubrange(...newline)
            }
        }
    }
}

/// The name of a signal that ends a crashed program, with what usually causes it in Swift.
func signalDescription(_ signal: Int32) -> String {
    switch signal {
    case SIGILL, SIGTRAP:
        return "SIG\(signal == SIGILL ? "ILL" : "TRAP") (a Swift runtime check failed: index out of range, "
            + "nil force-unwrapped, integer overflow, or a Tensor made with the wrong number of elements)"
    case SIGSEGV: return "SIGSEGV (invalid memory access, or a stack overflow from endless recursion)"
    case SIGBUS: return "SIGBUS (invalid memory access)"
    case SIGABRT: return "SIGABRT (the program aborted)"
    case SIGFPE: return "SIGFPE (integer division by zero)"
    case SIGKILL: return "SIGKILL (killed, perhaps for using too much memory)"
    default: return "signal \(signal)"
    }
}
