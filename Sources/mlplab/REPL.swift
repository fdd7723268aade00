import CReadline
import Foundation
import Interpreter
import Support
import Tensor

// The REPL's front end. With a terminal, lines are read with GNU readline
// (history kept across sessions, tab completion, Ctrl-C to clear the line or
// stop a computation, Ctrl-D to leave). Otherwise (a pipe, a file, --exec)
// lines are read plainly with no prompt and no colour, so scripts and tests
// get exactly the output of what they ran.

/// Runs the REPL on standard input until `:quit` or the end of input.
/// - Parameter onEmptyLine: what an empty line does (the lessons run their next
///   cell); nil ignores it.
/// - Returns: the exit status: 0, or 1 when input that was not a terminal had an error.
func runREPL(session: Session, interactive: Bool, onEmptyLine: (() -> Void)? = nil) -> Int32 {
    if interactive {
        let prompt = InteractivePrompt(session: session)
        prompt.onEmptyLine = onEmptyLine
        prompt.run()
        return 0
    }
    session.output = ConsoleOutput.writer(colour: false)
    let lines = AnySequence { AnyIterator { readLine(strippingNewline: true) } }
    guard let onEmptyLine else { return session.runLines(lines) ? 0 : 1 }
    // Each empty line between statements takes its turn, in order, as Enter would.
    let statements = lines.lazy.filter { line in
        guard line.trimmingCharacters(in: .whitespaces).isEmpty else { return true }
        onEmptyLine()
        return false
    }
    return session.runLines(statements) ? 0 : 1
}

/// Runs the lines of a file as if typed at the REPL, without prompts (`mlplab --exec FILE`).
/// - Returns: 0 when every line ran, 1 when a line failed, 2 when the file cannot be read.
func runScript(path: String, session: Session) -> Int32 {
    session.output = ConsoleOutput.writer(colour: false)
    guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
        ConsoleOutput.writeError("mlplab: cannot read \(path)")
        return 2
    }
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    return session.runLines(lines, file: path) ? 0 : 1
}

/// Writing the session's output to the terminal or to pipes.
enum ConsoleOutput {
    /// Results and text to standard output, errors and warnings to standard error (red and
    /// yellow when `colour`). Standard output is flushed before them so the two stay in order.
    /// At a terminal, the terminal has echoed `^C` when a computation is interrupted,
    /// so the report starts on a new line.
    static func writer(colour: Bool, atTerminal: Bool = false) -> (String, OutputStyle) -> Void {
        { text, style in
            switch style {
            case .result, .text:
                print(text)
            case .error:
                fflush(stdout)
                let line = atTerminal && text == Interrupted().description ? "\n" + text : text
                writeError(colour ? "\u{1B}[31m\(line)\u{1B}[0m" : line)
            case .warning:
                fflush(stdout)
                writeError(colour ? "\u{1B}[33m\(text)\u{1B}[0m" : text)
            }
        }
    }

    static func writeError(_ text: String) {
        try? FileHandle.standardError.write(contentsOf: Data((text + "\n").utf8))  // a closed terminal is no crash
    }
}

/// The readline loop. readline's callback interface is used (rather than the
/// blocking `readline()`) so that Ctrl-C at the prompt can be noticed at once:
/// `poll` on standard input returns EINTR when the SIGINT handler has run
/// (poll is never restarted after a signal, whatever the handler's flags).
final class InteractivePrompt {
    static let primaryPrompt = ">>> "
    static let continuationPrompt = "... "

    /// The one active prompt, reached from readline's C callbacks (which cannot capture context).
    nonisolated(unsafe) static var active: InteractivePrompt?

    let session: Session
    let historyPath: String?
    /// What an empty line does instead of nothing (the lessons run their next cell).
    var onEmptyLine: (() -> Void)?
    private var pending = ""
    private var finished = false
    private var completionCandidates: [String] = []

    init(session: Session) {
        self.session = session
        historyPath = ReplFiles.historyPath()
        session.output = ConsoleOutput.writer(colour: ReplFiles.useColour(isTerminal: isatty(STDERR_FILENO) != 0),
                                              atTerminal: true)
    }

    func run() {
        InteractivePrompt.active = self
        defer { InteractivePrompt.active = nil }
        loadHistory()
        Interrupt.install()
        Interrupt.installHangUp()
        rl_catch_signals = 0
        rl_readline_name = UnsafePointer(strdup("mlplab"))
        rl_completer_word_break_characters = UnsafePointer(strdup(Session.wordBreakCharacters))
        rl_attempted_completion_function = { text, start, _ in
            InteractivePrompt.active?.complete(text, start: Int(start))
        }
        rl_callback_handler_install(InteractivePrompt.primaryPrompt) { line in
            InteractivePrompt.active?.handle(line)
        }
        while !finished {
            if Interrupt.hasHungUp { quit(); break }  // the terminal was closed: end as Ctrl-D does
            var input = pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0)
            if poll(&input, 1, -1) < 0 {
                if errno == EINTR && Interrupt.isRequested && !Interrupt.hasHungUp { cancelLine() }
                continue
            }
            rl_callback_read_char()
        }
        saveHistory()
    }

    /// Called by readline with each complete line, or nil for Ctrl-D on an empty line.
    private func handle(_ line: UnsafeMutablePointer<CChar>?) {
        guard let line else {
            quit()
            return
        }
        let text = String(cString: line)
        free(line)
        if !text.trimmingCharacters(in: .whitespaces).isEmpty { rememberInHistory(text) }
        pending = pending.isEmpty ? text : pending + "\n" + text
        if session.needsMoreInput(pending) {
            rl_set_prompt(InteractivePrompt.continuationPrompt)
            return
        }
        let source = pending
        pending = ""
        rl_set_prompt(InteractivePrompt.primaryPrompt)
        if source.trimmingCharacters(in: .whitespaces).isEmpty, let onEmptyLine {
            onEmptyLine()
        } else if session.run(source) == .quit {
            quit()
        }
        fflush(stdout)
    }

    private func quit() {
        finished = true
        rl_callback_handler_remove()
    }

    /// Ctrl-C at the prompt: drop what was typed (and any unfinished statement) and start a fresh line.
    private func cancelLine() {
        Interrupt.clear()
        pending = ""
        rl_callback_sigcleanup()
        rl_replace_line("", 0)
        print("^C")
        rl_set_prompt(InteractivePrompt.primaryPrompt)
        rl_on_new_line()
        rl_redisplay()
    }

    // MARK: Completion

    private func complete(_ text: UnsafePointer<CChar>?, start: Int) -> UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? {
        guard let text, let buffer = rl_line_buffer else { return nil }
        // readline counts bytes; the session counts characters.
        let before = String(decoding: UnsafeBufferPointer(start: buffer, count: start).map { UInt8(bitPattern: $0) }, as: UTF8.self)
        let word = String(cString: text)
        if before.hasPrefix(":load ") || before.hasPrefix(":save ") {
            return nil  // readline's own file-name completion
        }
        rl_attempted_completion_over = 1
        completionCandidates = session.completions(for: word, in: before + word, at: before.count)
        if completionCandidates.isEmpty { return nil }
        if completionCandidates.count == 1 && completionCandidates[0].hasSuffix(".") == false {
            rl_completion_suppress_append = 1
        }
        return rl_completion_matches(text) { _, state in
            InteractivePrompt.active?.candidate(Int(state))
        }
    }

    /// readline asks for candidates one by one, state 0, 1, 2 …; each is a malloc'ed copy it frees.
    private func candidate(_ state: Int) -> UnsafeMutablePointer<CChar>? {
        state < completionCandidates.count ? strdup(completionCandidates[state]) : nil
    }

    // MARK: History

    private func loadHistory() {
        stifle_history(2000)
        guard let historyPath else { return }
        read_history(historyPath)
    }

    private func rememberInHistory(_ line: String) {
        if let last = history_get(history_base + history_length - 1), String(cString: last.pointee.line) == line { return }
        add_history(line)
    }

    private func saveHistory() {
        guard let historyPath else { return }
        let directory = (historyPath as NSString).deletingLastPathComponent
        try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        write_history(historyPath)
    }
}
