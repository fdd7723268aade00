import Foundation
import Notebook
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
        /// Everything the terminal showed, from the start.
        private(set) var record = ""
        /// The state folder (history, the kept workspace) of this terminal alone, removed by `finish`;
        /// nil when the test gave its own XDG_STATE_HOME.
        private let ownStateFolder: String?
        /// True once `finish` has run (a second call does nothing).
        private var finished = false

        init(arguments: [String] = [], environment extra: [String: String] = [:]) throws {
            master = posix_openpt(O_RDWR | O_NOCTTY)
            guard master >= 0, grantpt(master) == 0, unlockpt(master) == 0, let name = ptsname(master) else {
                throw XCTSkip("no pseudo-terminal available")
            }
            let slave = FileHandle(forUpdatingAtPath: String(cString: name))!
            // setsid --ctty makes the pseudo-terminal mlplab's controlling terminal, so that
            // Ctrl-C typed into it sends SIGINT as a real terminal does. setsid forks when it
            // leads a process group; --wait keeps it until mlplab ends, so `process` lasts as long.
            process.executableURL = URL(fileURLWithPath: "/usr/bin/setsid")
            process.arguments = ["--ctty", "--wait", Binary.url.path] + arguments
            process.currentDirectoryURL = Binary.repositoryRoot
            var environment = ProcessInfo.processInfo.environment
            environment["TERM"] = "xterm"
            environment["NO_COLOR"] = "1"
            ownStateFolder = extra["XDG_STATE_HOME"] == nil ? Binary.temporaryFile("pty-state-\(UUID().uuidString)") : nil
            environment["XDG_STATE_HOME"] = ownStateFolder
            environment.removeValue(forKey: "MLPLAB_HOME")
            process.environment = environment.merging(extra) { $1 }
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
                let text = String(decoding: buffer[0..<count], as: UTF8.self)
                seen += text
                record += text
            }
            return false
        }

        var transcript: String { seen }

        /// Hangs up the terminal, which ends mlplab (SIGHUP: as Ctrl-D does), and waits for it to end; then
        /// kills what is left of the process group it led (a child of mlplab's that outlived it),
        /// so that no test leaves a process behind.
        func finish() {
            guard !finished else { return }
            finished = true
            let group = tcgetpgrp(master)     // the terminal's foreground group: mlplab's
            close(master)
            let deadline = Date().addingTimeInterval(10)
            while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
            if group > 0 { kill(-group, SIGKILL) }
            if process.isRunning { process.terminate() }
            process.waitUntilExit()
            if let ownStateFolder { try? FileManager.default.removeItem(atPath: ownStateFolder) }
        }
    }

    /// mlplab started on a pseudo-terminal.
    private func openTerminal(arguments: [String] = [], environment: [String: String] = [:]) throws -> Terminal {
        guard FileManager.default.isExecutableFile(atPath: Binary.url.path) else {
            throw XCTSkip("the mlplab executable is not built at \(Binary.url.path)")
        }
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/setsid") else {
            throw XCTSkip("/usr/bin/setsid (util-linux) is needed to give mlplab a controlling terminal")
        }
        return try Terminal(arguments: arguments, environment: environment)
    }

    /// Leaving keeps the variables: the next session at the terminal starts with them, the
    /// network still predicting as it did, and says so; a function is named as not kept.
    func testTheVariablesOutliveTheSession() throws {
        let state = Binary.temporaryFile("pty-kept-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(atPath: state) }
        let first = try openTerminal(environment: ["XDG_STATE_HOME": state])
        defer { first.finish() }
        XCTAssertTrue(first.wait(for: ">>> "), first.transcript)
        first.type("seed(0); net = mlp([4, 3, 2]); xs = arange(4) * 1.5; h = fit(net, randn(8, 4), randint(0, 2, 8), epochs: 2)\r")
        XCTAssertTrue(first.wait(for: "[Epoch 2/2]"), first.transcript)
        XCTAssertTrue(first.wait(for: ">>> "))
        first.type("p = net.predict(ones(1, 4))\r")
        XCTAssertTrue(first.wait(for: ">>> "))
        first.type("def f(a):\r    return a\r\r")
        XCTAssertTrue(first.wait(for: ">>> "))
        first.type("quit()\r")
        XCTAssertTrue(first.wait(for: "kept 4 variables for next time; not kept, having no file format: f"), first.transcript)

        let second = try openTerminal(environment: ["XDG_STATE_HOME": state])
        defer { second.finish() }
        XCTAssertTrue(second.wait(for: "your 4 variables from last time: h, net, p, xs"), second.transcript)
        XCTAssertTrue(second.wait(for: ">>> "))
        second.type("xs\r")
        XCTAssertTrue(second.wait(for: "array([0. , 1.5, 3. , 4.5])"), second.transcript)
        second.type("h.epochs, array_equal(net.predict(ones(1, 4)), p)\r")
        XCTAssertTrue(second.wait(for: "(2, True)"), second.transcript)

        // Closing the terminal (a hang-up) during a long loop keeps the variables too.
        second.type("z = 7\r")
        XCTAssertTrue(second.wait(for: ">>> "))
        second.type("for i in range(1000000000): y = i\r")
        Thread.sleep(forTimeInterval: 0.5)
        second.finish()
        let third = try openTerminal(environment: ["XDG_STATE_HOME": state])
        defer { third.finish() }
        XCTAssertTrue(third.wait(for: "your 7 variables from last time: h, i, net, p, xs, y, z"), third.transcript)
    }

    func testPromptCompletionCtrlCAndQuit() throws {
        let terminal = try openTerminal()
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

    /// Lesson 3's your-turn cells at a real terminal: a wrong answer is diagnosed and the
    /// cell waits, a hint comes, the right answer moves the lesson on; a skipped cell's
    /// variables are there for the next cell.
    func testAYourTurnCellIsAnsweredAndAnotherSkipped() throws {
        // The cells are counted from the lesson itself, so that cells added to it leave the test as it is.
        let lesson = try LessonParser.load(path: Binary.repositoryRoot.appendingPathComponent("lessons/en/03-forward.md").path)
        let count = lesson.cells.count
        let yourTurns = lesson.cells.filter { $0.yourTurn != nil }.map { $0.index + 1 }
        guard yourTurns.count >= 2 else { return XCTFail("lesson 3 has \(yourTurns.count) your-turn cells; the test needs two") }
        let (first, second) = (yourTurns[0], yourTurns[1])

        let terminal = try openTerminal(arguments: ["--lang", "en"])
        defer { terminal.finish() }
        XCTAssertTrue(terminal.wait(for: ">>> "), "the prompt appears: \(terminal.transcript)")
        terminal.type(":open 3\r")
        XCTAssertTrue(terminal.wait(for: "cell 1 of \(count)"), "\(terminal.transcript)")
        for cell in 1..<first {
            terminal.type(":next\r")
            XCTAssertTrue(terminal.wait(for: "Skipped cell \(cell):"), "\(terminal.transcript)")
        }
        XCTAssertTrue(terminal.wait(for: "cell \(first) of \(count) · your turn"), "\(terminal.transcript)")
        XCTAssertTrue(terminal.wait(for: "Type an expression for z"), "\(terminal.transcript)")

        terminal.type("z = x - x.min()\r")
        XCTAssertTrue(terminal.wait(for: "✗ not yet:"), "\(terminal.transcript)")
        XCTAssertTrue(terminal.wait(for: "first difference at [0]: expected -1000, actual 1000"), "\(terminal.transcript)")
        terminal.type(":hint\r")
        XCTAssertTrue(terminal.wait(for: "hint 1 of 2: Subtract the same number from every element."), "\(terminal.transcript)")
        terminal.type("x - x.max()\r")
        XCTAssertTrue(terminal.wait(for: "✓ right: z (3,) float64 is the lesson's value."), "\(terminal.transcript)")
        XCTAssertTrue(terminal.wait(for: "cell \(first + 1) of \(count)"), "the lesson goes on: \(terminal.transcript)")

        for cell in (first + 1)..<second {
            terminal.type(":next\r")
            XCTAssertTrue(terminal.wait(for: "Skipped cell \(cell):"), "\(terminal.transcript)")
        }
        XCTAssertTrue(terminal.wait(for: "cell \(second) of \(count) · your turn"), "\(terminal.transcript)")
        terminal.type(":skip\r")
        XCTAssertTrue(terminal.wait(for: "Skipped cell \(second): the lesson's lines ran quietly and made h, a, s."),
                      "\(terminal.transcript)")
        terminal.type("\r")
        XCTAssertTrue(terminal.wait(for: "✓ matches"), "the next cell finds s: \(terminal.transcript)")
        XCTAssertFalse(terminal.record.contains("is not defined"), "\(terminal.record)")
        terminal.type(":quit\r")
    }

    func testABlockIsTypedAfterTheContinuationPromptAndEndsAtAnEmptyLine() throws {
        let terminal = try openTerminal()
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

    /// Ctrl-C during fit stops it after the current batch: the prompt comes back, every
    /// variable is there, and the network keeps the weights trained so far.
    func testCtrlCDuringFitKeepsTheWorkspaceAndTheTrainedWeights() throws {
        let terminal = try openTerminal()
        defer { terminal.finish() }
        XCTAssertTrue(terminal.wait(for: ">>> "), terminal.transcript)
        terminal.type("keep = arange(5)\r")
        XCTAssertTrue(terminal.wait(for: ">>> "))
        terminal.type("X, y = load(); X = X / 255; seed(0); net = mlp([784, 16, 10]); W0 = net.W1.copy()\r")
        XCTAssertTrue(terminal.wait(for: ">>> "))
        terminal.type("h = fit(net, X, y, epochs: 100000)\r")
        XCTAssertTrue(terminal.wait(for: "[Epoch 1/100000]"), "training runs: \(terminal.transcript)")
        terminal.type("\u{03}")
        XCTAssertTrue(terminal.wait(for: "training stopped, the weights so far are kept"), terminal.transcript)
        XCTAssertTrue(terminal.wait(for: ">>> "), "the prompt comes back: \(terminal.transcript)")
        terminal.type("h.interrupted, abs(net.W1 - W0).max() > 0, net.W1.shape, keep.sum()\r")
        XCTAssertTrue(terminal.wait(for: "(True, np.True_, (784, 16), np.int64(10))"), terminal.transcript)
    }

    /// Ctrl-C during `:check`, while the exercises compile and while their checks run:
    /// both stop, and the prompt comes back with the workspace. A stand-in package and
    /// toolchain make the compile and the checks wait (its compiler and runner only sleep),
    /// so that Ctrl-C is sure to come while they run.
    func testCtrlCDuringCheckReturnsToThePromptWithTheWorkspace() throws {
        let root = try waitingPackage()
        let swiftc = try Binary.standInToolchain(in: root + "/toolchain", frontend: """
            if [ -e '\(root)/slow-build' ]; then exec sleep 60; fi
            while [ $# -gt 0 ]; do
                if [ "$1" = -o ]; then : > "$2"; shift; fi
                shift
            done
            """)
        let terminal = try openTerminal(environment: ["MLPLAB_HOME": root, "SWIFTC": swiftc])
        defer { terminal.finish() }
        XCTAssertTrue(terminal.wait(for: ">>> "), terminal.transcript)
        terminal.type("keep = arange(5)\r")
        XCTAssertTrue(terminal.wait(for: ">>> "))

        terminal.type(":check softmax\r")
        XCTAssertTrue(terminal.wait(for: "compiling your exercises"), terminal.transcript)
        Thread.sleep(forTimeInterval: 0.5)
        terminal.type("\u{03}")
        XCTAssertTrue(terminal.wait(for: "interrupted", seconds: 10), "Ctrl-C stops the compile: \(terminal.transcript)")
        XCTAssertTrue(terminal.wait(for: ">>> "))
        terminal.type("keep.sum()\r")
        XCTAssertTrue(terminal.wait(for: "10"), terminal.transcript)

        try FileManager.default.removeItem(atPath: root + "/slow-build")
        terminal.type(":check softmax\r")
        XCTAssertTrue(terminal.wait(for: "softmax: "), "the compile is done and the checks start: \(terminal.transcript)")
        Thread.sleep(forTimeInterval: 0.5)
        terminal.type("\u{03}")
        XCTAssertTrue(terminal.wait(for: "interrupted", seconds: 10), "Ctrl-C stops the checks: \(terminal.transcript)")
        XCTAssertTrue(terminal.wait(for: ">>> "))
        terminal.type("keep.sum()\r")
        XCTAssertTrue(terminal.wait(for: "10"), terminal.transcript)
        XCTAssertFalse(terminal.record.contains("the compile failed"), terminal.record)
        XCTAssertFalse(terminal.record.contains("crashed"), terminal.record)
    }

    /// A package for `:check` to compile and run: Package.swift and exercises/ of this one,
    /// the file `slow-build` (the compiler sleeps while it is there), and a runner
    /// (`mlplab-exercises`, debug and release) that sleeps.
    private func waitingPackage() throws -> String {
        let root = Binary.temporaryFile("waiting-package-\(UUID().uuidString)")
        let files = FileManager.default
        addTeardownBlock { try? files.removeItem(atPath: root) }
        try files.createDirectory(atPath: root, withIntermediateDirectories: true)
        try files.copyItem(atPath: Binary.repositoryRoot.path + "/Package.swift", toPath: root + "/Package.swift")
        try files.createSymbolicLink(atPath: root + "/exercises", withDestinationPath: Binary.repositoryRoot.path + "/exercises")
        for configuration in ["debug", "release"] {
            try Binary.script(root + "/.build/\(configuration)/mlplab-exercises", "exec sleep 60")
        }
        XCTAssertTrue(files.createFile(atPath: root + "/slow-build", contents: nil))
        return root
    }

    /// An error while the progress bar is on the screen starts on a line of its own:
    /// the bar is erased first, in the REPL's fit and in `mlplab train`.
    func testATrainingErrorIsNotGluedToTheProgressBar() throws {
        let repl = try openTerminal()
        defer { repl.finish() }
        XCTAssertTrue(repl.wait(for: ">>> "), repl.transcript)
        repl.type("X, y = load(); X = X / 255; seed(0); net = mlp([784, 16, 10])\r")
        XCTAssertTrue(repl.wait(for: ">>> "))
        repl.type("fit(net, X, y, lr: 1000.0)\r")
        XCTAssertTrue(repl.wait(for: "value error: training diverged"), repl.transcript)
        assertStartsALine("value error: training diverged", in: repl.record)

        let train = try openTerminal(arguments: ["train", "--lr", "1000", "--hidden", "16"])
        defer { train.finish() }
        XCTAssertTrue(train.wait(for: "error: training diverged"), train.transcript)
        assertStartsALine("error: training diverged", in: train.record)
    }

    /// `text` shows after the progress bar was drawn, at the start of a line: after a
    /// newline, or after the bar was erased (carriage return, then erase to the end of the line).
    private func assertStartsALine(_ text: String, in record: String, line: UInt = #line) {
        guard let range = record.range(of: text) else { return XCTFail("no \(text) in \(record)", line: line) }
        let before = record[..<range.lowerBound]
        XCTAssertTrue(before.contains("  epoch 1  "), "the progress bar was drawn: \(record)", line: line)
        XCTAssertTrue(before.hasSuffix("\n") || before.hasSuffix("\r\u{1B}[K"),
                      "\(text) is glued to what came before: \(before.suffix(80).debugDescription)", line: line)
    }
}
