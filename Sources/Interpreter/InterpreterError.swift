import Foundation
import Support
import Tensor

/// A range of character offsets `start..<end` in the source text of one program.
public struct SourceSpan: Equatable, Sendable {
    public var start: Int
    public var end: Int

    public init(_ start: Int, _ end: Int) {
        self.start = start
        self.end = end
    }

    /// The smallest span covering both.
    func union(_ other: SourceSpan) -> SourceSpan {
        SourceSpan(Swift.min(start, other.start), Swift.max(end, other.end))
    }
}

/// Everything that can go wrong while parsing or running a line. The session
/// reports it and carries on: no error ends the session (but `.exit`, which is
/// `quit()`) or changes the workspace.
public struct InterpreterError: Error, Equatable, CustomStringConvertible {
    /// What went wrong, printed in front of the message (`shape error: …`).
    public enum Kind: String, CaseIterable, Sendable {
        case syntax = "syntax error"
        case name = "name error"
        case type = "type error"
        case value = "value error"
        case index = "index error"
        case shape = "shape error"
        case arithmetic = "arithmetic error"
        case size = "size error"
        case file = "file error"
        case command = "command error"
        case assertion = "AssertionError"
        case recursion = "recursion error"
        case importing = "import error"
        case interrupted = "interrupted"
        /// `quit()` or `exit()`: not a failure but the end of the session, which the front end
        /// carries out (Python raises SystemExit the same way, out of any function).
        case exit = "SystemExit"
    }

    public var kind: Kind
    public var message: String
    /// Where in the source the error lies, when it can be pinned down.
    public var span: SourceSpan?
    /// True for a syntax error caused by the input ending inside brackets or a
    /// string: the front end may read a continuation line and try again.
    public var isIncomplete: Bool
    /// The functions the error happened in, innermost first (an error inside a
    /// function is reported at the call that reached it).
    public var calls: [String] = []

    public init(_ kind: Kind, _ message: String, at span: SourceSpan? = nil, isIncomplete: Bool = false) {
        self.kind = kind
        self.message = message
        self.span = span
        self.isIncomplete = isIncomplete
    }

    public var description: String {
        if kind == .interrupted { return "interrupted" }
        let place = calls.isEmpty ? "" : " (in " + calls.map { "\($0)()" }.joined(separator: ", called by ") + ")"
        return "\(kind.rawValue): \(message)\(place)"
    }

    /// The same error, located at `span` unless it already has a location.
    func located(at span: SourceSpan) -> InterpreterError {
        var copy = self
        if copy.span == nil { copy.span = span }
        return copy
    }

    /// Any error thrown by the layers below, in the interpreter's terms.
    public static func wrapping(_ error: Error) -> InterpreterError {
        switch error {
        case let error as InterpreterError:
            return error
        case let error as TensorError:
            switch error {
            case .shapeMismatch: return InterpreterError(.shape, error.description)
            case .invalidArgument: return InterpreterError(.value, error.description)
            case .indexOutOfRange: return InterpreterError(.index, error.description)
            case .tooLarge: return InterpreterError(.size, error.description)
            }
        case is Interrupted:
            return InterpreterError(.interrupted, "interrupted")
        default:
            return InterpreterError(.value, String(describing: error))
        }
    }
}

/// Renders an error the way the REPL prints it. When the error has a location
/// that is only part of the source, the line is shown with a caret under it:
///
///       h = relu(X @ W1 +)
///                        ^
///     syntax error: expected an expression after '+'
public func render(_ error: InterpreterError, source: String) -> String {
    guard let span = error.span, shouldPoint(at: span, in: source, kind: error.kind) else {
        return error.description
    }
    return SourcePointer(span, in: source).excerpt + "\n" + error.description
}

/// Where a statement run from a script file begins: the file's name and the line's number (from 1).
public struct ScriptLocation: Equatable, Sendable {
    public let file: String
    public let line: Int

    public init(file: String, line: Int) {
        self.file = file
        self.line = line
    }
}

/// Renders an error in a statement from a script file as a compiler does, the
/// file and line first, then the line with a caret when the error points:
///
///     train.mlp:3: name error: 'W3' is not defined
///       h = relu(X @ W3)
///                    ^~
public func render(_ error: InterpreterError, source: String, from location: ScriptLocation) -> String {
    let pointer = error.span.map { SourcePointer($0, in: source) }
    let header = "\(location.file):\(location.line + (pointer?.linesBefore ?? 0)): \(error.description)"
    guard let pointer, let span = error.span, shouldPoint(at: span, in: source, kind: error.kind) else { return header }
    return header + "\n" + pointer.excerpt
}

/// The source line a span starts on, with a caret under the span.
private struct SourcePointer {
    /// How many lines of the source come before that line.
    let linesBefore: Int
    /// "  LINE\n  ^~~": the line, and under it the caret and tildes.
    let excerpt: String

    init(_ span: SourceSpan, in source: String) {
        let characters = Array(source)
        let start = Swift.min(span.start, characters.count)
        let lineStart = characters[..<start].lastIndex(of: "\n").map { $0 + 1 } ?? 0
        let lineEnd = characters[start...].firstIndex(of: "\n") ?? characters.count
        let line = String(characters[lineStart..<lineEnd])
        let column = start - lineStart
        let width = Swift.max(1, Swift.min(span.end, lineEnd) - start)
        let marker = String(repeating: " ", count: column) + "^" + String(repeating: "~", count: width - 1)
        linesBefore = characters[..<lineStart].filter { $0 == "\n" }.count
        excerpt = "  \(line)\n  \(marker)"
    }
}

/// Syntax and name errors always point; others only when the span is a proper
/// part of the statement (pointing at the whole line tells nothing).
private func shouldPoint(at span: SourceSpan, in source: String, kind: InterpreterError.Kind) -> Bool {
    if kind == .syntax || kind == .name { return true }
    let trimmed = source.trimmingCharacters(in: .whitespacesAndNewlines)
    return span.end - span.start < trimmed.count
}
