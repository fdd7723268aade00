import Foundation
import XCTest

// glibc declares the pseudo-terminal calls only for _XOPEN_SOURCE, which Swift's Glibc module leaves out.
@_silgen_name("posix_openpt") private func posix_openpt(_ flags: Int32) -> Int32
@_silgen_name("grantpt") private func grantpt(_ fd: Int32) -> Int32
@_silgen_name("unlockpt") private func unlockpt(_ fd: Int32) -> Int32
@_silgen_name("ptsname") private func ptsname(_ fd: Int32) -> UnsafeMutablePointer<CChar>?

/// The REPL at a terminal: the binary runs on a pseudo-terminal, and the test
/// types into it as a learner would — the prompt, tab completion, Ctrl-C.
final class ReplTerminalTests: XCTestCase {
    /// A running mlplab whose standard input, output and error are a pseudo-terminal.
    final class Terminal {
        let process = Process()
        let master: Int32
        private var seen = ""

        init(arguments: [String] = []) throws {
            master = posix_openpt(O_RDWR | O_NOCTTY)
            guard master >= 0, grantpt(master) == 0, unlockpt(master) == 0, let name = ptsname(master) else {
                throw XCTSkip("no pseudo-terminal available")
            }
            let slave = FileHandle(forUpdatingAtPath: String(cString: name))!
            // setsid --ctty makes the pseudo-terminal mlplab's controlling terminal, so that
            // Ctrl-C typed into it sends SIGINT as a real terminal does.
            process.executableURL = URL(fileURLWithPath: "/usr/bin/setsid")
            process.arguments = ["--ctty", Binary.url.path] + arguments
            process.currentDirectoryURL = Binary.repositoryRoot
            var environment = ProcessInfo.processInfo.environment
            environment["TERM"] = "xterm"
            environment["NO_COLOR"] = "1"
            environment["XDG_STATE_HOME"] = Binary.temporaryFile("pty-state")
            process.environment = environment
            (process.standardInput, process.standardOutput, process.standardError) = (slave, slave, slave)
            try process.run()
            try slave.close()
        }

        func type(_ text: String) {
            _ = text.utf8CString.withUnsafeBufferPointer { write(master, $0.baseAddress, text.utf8.count) }
        }

        /// Reads until `text` appears in what the terminal showed since the last wait, or `seconds` pass.
        @discardableResult
        func wait(for text: String, seconds: Double = 20) -> Bool {
            let deadline = Date().addingTimeInterval(seconds)
            var buffer = [UInt8](repeating: 0, count: 4096)
            while Date() < deadline {
                if let range = seen.range(of: text) {
                    seen = String(seen[range.upperBound...])
                    return true
                }
                var poller = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
                guard poll(&poller, 1, 100) > 0 else { continue }
                let count = read(master, &buffer, buffer.count)
                if count <= 0 { break }
                seen += String(decoding: buffer[0..<count], as: UTF8.self)
            }
            return false
        }

        var transcript: String { seen }

        func finish() {
            if process.isRunning { process.terminate() }
            process.waitUntilExit()
            close(master)
        }
    }

    func testPromptCompletionCtrlCAndQuit() throws {
        guard FileManager.default.isExecutableFile(atPath: Binary.url.path) else {
            throw XCTSkip("the mlplab executable is not built at \(Binary.url.path)")
        }
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/setsid") else {
            throw XCTSkip("/usr/bin/setsid (util-linux) is needed to give mlplab a controlling terminal")
        }
        let terminal = try Terminal()
        defer { terminal.finish() }
        XCTAssertTrue(terminal.wait(for: ">>> "), "the prompt appears: \(terminal.transcript)")

        terminal.type("xs = arange(4)\r")
        XCTAssertTrue(terminal.wait(for: ">>> "))
        // Tab completes a variable's attribute: "xs.sh" + Tab becomes "xs.shape".
        terminal.type("xs.sh\t")
        XCTAssertTrue(terminal.wait(for: "xs.shape"), "completion: \(terminal.transcript)")
        terminal.type("\r")
        XCTAssertTrue(terminal.wait(for: "(4,)"), "the completed line runs: \(terminal.transcript)")

        // Ctrl-C stops a long computation and returns to the prompt with the workspace kept.
        terminal.type("for i in range(1000000000): y = i\r")
        Thread.sleep(forTimeInterval: 1)
        terminal.type("\u{03}")
        XCTAssertTrue(terminal.wait(for: "interrupted"), "Ctrl-C: \(terminal.transcript)")
        XCTAssertTrue(terminal.wait(for: ">>> "))
        terminal.type("xs.sum()\r")
        XCTAssertTrue(terminal.wait(for: "6"), "the variables survive Ctrl-C: \(terminal.transcript)")

        // Ctrl-C on a half-typed line clears it.
        terminal.type("this is not finished")
        terminal.type("\u{03}")
        terminal.type("1 + 1\r")
        XCTAssertTrue(terminal.wait(for: "2"), "\(terminal.transcript)")
        XCTAssertFalse(terminal.transcript.contains("syntax error"))

        terminal.type(":quit\r")
        let deadline = Date().addingTimeInterval(10)
        while terminal.process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        XCTAssertFalse(terminal.process.isRunning, ":quit ends the REPL")
    }

    func testABlockIsTypedAfterTheContinuationPromptAndEndsAtAnEmptyLine() throws {
        guard FileManager.default.isExecutableFile(atPath: Binary.url.path) else {
            throw XCTSkip("the mlplab executable is not built at \(Binary.url.path)")
        }
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/setsid") else {
            throw XCTSkip("/usr/bin/setsid (util-linux) is needed to give mlplab a controlling terminal")
        }
        let terminal = try Terminal()
        defer { terminal.finish() }
        XCTAssertTrue(terminal.wait(for: ">>> "), "the prompt appears: \(terminal.transcript)")
        terminal.type("def double(x):\r")
        XCTAssertTrue(terminal.wait(for: "... "), "a line ending in ':' asks for the block: \(terminal.transcript)")
        terminal.type("    return 2 * x\r")
        XCTAssertTrue(terminal.wait(for: "... "), "the block goes on until an empty line: \(terminal.transcript)")
        terminal.type("\r")
        XCTAssertTrue(terminal.wait(for: ">>> "), "\(terminal.transcript)")
        terminal.type("for i in range(2):\r")
        XCTAssertTrue(terminal.wait(for: "... "))
        terminal.type("    print(double(i + 20))\r")
        XCTAssertTrue(terminal.wait(for: "... "))
        terminal.type("\r")
        XCTAssertTrue(terminal.wait(for: "40"), "\(terminal.transcript)")
        XCTAssertTrue(terminal.wait(for: "42"), "\(terminal.transcript)")
        XCTAssertFalse(terminal.transcript.contains("error"), "\(terminal.transcript)")
        terminal.type(":quit\r")
    }
}
