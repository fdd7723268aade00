import Foundation
import Support

extension Session {
    /// True when `text` is an unfinished statement, so the front end should read
    /// another line and append it: it ends inside brackets or a string, right
    /// after a line ending in `:`, or inside an indented block (which a blank line ends).
    public func needsMoreInput(_ text: String) -> Bool {
        if text.trimmingCharacters(in: .whitespaces).hasPrefix(":") { return false }
        do {
            _ = try parse(text)
        } catch let error as InterpreterError {
            return error.isIncomplete
        } catch {
            return false
        }
        let lastLine = text.split(separator: "\n", omittingEmptySubsequences: false).last ?? ""
        return Session.opensBlock(text) && !lastLine.allSatisfy(\.isWhitespace)
    }

    /// True when the first line of `text` ends with `:` and the lines under it form its block.
    static func opensBlock(_ text: String) -> Bool {
        guard let tokens = try? Lexer.tokens(of: text),
              let newline = tokens.firstIndex(where: { $0.kind == .newline }), newline > 0 else { return false }
        return tokens[newline - 1].kind == .symbol(":") && tokens[newline + 1].kind == .indent
    }

    /// Runs input line by line, as the REPL does when its input is a pipe or a
    /// file: no prompt, each line's output in order, a line that ends inside
    /// brackets joined with the following ones. A block (the lines indented
    /// under a line ending in `:`) ends at the next line that is not indented
    /// (and does not go on with `elif` or `else`); blank lines inside it are
    /// skipped, as in a Python file. A statement that fails is reported and the
    /// next one runs. Stops at `:quit`.
    ///
    /// - Parameters:
    ///   - file: the script's name, when the lines come from a file: errors then
    ///     start with `FILE:LINE:`.
    ///   - stopAtFirstError: stop after the first statement that fails, as a notebook cell does.
    /// - Returns: true when every line ran without error.
    @discardableResult
    public func runLines<Lines: Sequence>(_ lines: Lines, file: String? = nil, stopAtFirstError: Bool = false) -> Bool
    where Lines.Element == String {
        var succeeded = true
        var pending = ""
        var lineNumber = 0, firstLineNumber = 1
        defer { finishLine() }
        func runPending() -> Bool {
            defer { pending = "" }
            switch runLeavingLineOpen(pending, from: file.map { ScriptLocation(file: $0, line: firstLineNumber) }) {
            case .success: return true
            case .failure: succeeded = false; return !stopAtFirstError
            case .quit: return false
            }
        }
        for line in lines {
            lineNumber += 1
            if !pending.isEmpty, Session.endsBlock(line), !Session.endsInsideBrackets(pending) {
                if !runPending() { return succeeded }
            }
            if pending.isEmpty && line.allSatisfy(\.isWhitespace) { continue }
            if pending.isEmpty { firstLineNumber = lineNumber }
            pending = pending.isEmpty ? line : pending + "\n" + line
            if needsMoreInput(pending) || Session.opensBlock(pending) || Session.mayContinue(pending) { continue }
            if !runPending() { return succeeded }
        }
        // Input that ended inside brackets or a block: run it anyway, to run the
        // block or report the syntax error.
        if !pending.isEmpty { _ = runPending() }
        return succeeded
    }

    /// True when `text` has more opening brackets than closing ones, so that the next line
    /// goes on with it wherever it starts (`key_file = {` … `}` at the left margin).
    private static func endsInsideBrackets(_ text: String) -> Bool {
        guard let tokens = try? Lexer.tokens(of: text) else { return false }
        let depth = tokens.reduce(0) { depth, token in
            switch token.kind {
            case .symbol("("), .symbol("["), .symbol("{"): return depth + 1
            case .symbol(")"), .symbol("]"), .symbol("}"): return depth - 1
            default: return depth
            }
        }
        return depth > 0
    }

    /// True when `text` is an `if` on one line, which the next line may continue with `elif` or `else`.
    private static func mayContinue(_ text: String) -> Bool {
        text.hasPrefix("if ") && !text.contains("\n")
    }

    /// True for a line at the left margin that does not continue the statement
    /// before it (as `elif` and `else` do): it begins a new one.
    private static func endsBlock(_ line: String) -> Bool {
        guard let first = line.first, !first.isWhitespace, first != "#" else { return false }
        let word = line.prefix { $0.isLetter }
        return word != "elif" && word != "else"
    }
}

/// Where the REPL keeps files between sessions.
public enum ReplFiles {
    /// `history` in the state folder (`StateDirectory`); nil when there is none.
    public static func historyPath(environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        StateDirectory.file("history", environment: environment)
    }

    /// Whether output may be coloured: only on a terminal, and never when
    /// `NO_COLOR` is set to a non-empty value (https://no-color.org).
    public static func useColour(isTerminal: Bool, environment: [String: String] = ProcessInfo.processInfo.environment) -> Bool {
        isTerminal && (environment["NO_COLOR"] ?? "").isEmpty
    }
}
