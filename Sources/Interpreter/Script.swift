import Foundation

extension Session {
    /// True when `text` is an unfinished statement: it ends inside brackets, so
    /// the front end should read another line and append it.
    public func needsMoreInput(_ text: String) -> Bool {
        if text.trimmingCharacters(in: .whitespaces).hasPrefix(":") { return false }
        do {
            _ = try parse(text)
            return false
        } catch let error as InterpreterError {
            return error.isIncomplete
        } catch {
            return false
        }
    }

    /// Runs input line by line, as the REPL does when its input is a pipe or a
    /// file: no prompt, each line's output in order, a line that ends inside
    /// brackets joined with the following ones. A line that fails is reported and
    /// the next one runs. Stops at `:quit`.
    ///
    /// - Parameter file: the script's name, when the lines come from a file: errors
    ///   then start with `FILE:LINE:`.
    /// - Returns: true when every line ran without error.
    @discardableResult
    public func runLines<Lines: Sequence>(_ lines: Lines, file: String? = nil) -> Bool where Lines.Element == String {
        var succeeded = true
        var pending = ""
        var lineNumber = 0, firstLineNumber = 1
        func runPending() -> RunOutcome {
            run(pending, from: file.map { ScriptLocation(file: $0, line: firstLineNumber) })
        }
        for line in lines {
            lineNumber += 1
            if pending.isEmpty { firstLineNumber = lineNumber }
            pending = pending.isEmpty ? line : pending + "\n" + line
            if needsMoreInput(pending) { continue }
            defer { pending = "" }
            switch runPending() {
            case .success: continue
            case .failure: succeeded = false
            case .quit: return succeeded
            }
        }
        // Input that ended inside brackets: run it anyway, to report the syntax error.
        if !pending.isEmpty, runPending() == .failure { succeeded = false }
        return succeeded
    }
}

/// Where the REPL keeps files between sessions.
public enum ReplFiles {
    /// `$XDG_STATE_HOME/mlplab/history`, else `~/.local/state/mlplab/history`;
    /// nil when neither variable is set.
    public static func historyPath(environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        if let state = environment["XDG_STATE_HOME"], state.hasPrefix("/") {
            return state + "/mlplab/history"
        }
        guard let home = environment["HOME"], !home.isEmpty else { return nil }
        return home + "/.local/state/mlplab/history"
    }

    /// Whether output may be coloured: only on a terminal, and never when
    /// `NO_COLOR` is set to a non-empty value (https://no-color.org).
    public static func useColour(isTerminal: Bool, environment: [String: String] = ProcessInfo.processInfo.environment) -> Bool {
        isTerminal && (environment["NO_COLOR"] ?? "").isEmpty
    }
}
