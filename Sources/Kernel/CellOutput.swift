import Foundation
import Interpreter

/// What one cell shows, sent on IOPub as the session produces it: printed text as a `stream`
/// (warnings on stderr), each value as an `execute_result`, pictures as `display_data`,
/// training's progress as one display redrawn in place (`update_display_data`), and
/// `clear_output`. A silent cell shows nothing.
final class CellOutput {
    private let count: Int
    private let silent: Bool
    private let publish: (_ type: String, _ content: JSONObject) -> Void
    /// The text of the values the cell showed, for `history_request`.
    private(set) var results: [String] = []
    /// The error the cell stopped at, with the lines of its report.
    private(set) var failure: (error: InterpreterError, traceback: [String])?
    /// The display showing training's progress line, once the cell has one.
    private var progressDisplay: String?

    init(count: Int, silent: Bool, publish: @escaping (_ type: String, _ content: JSONObject) -> Void) {
        self.count = count
        self.silent = silent
        self.publish = publish
    }

    /// Sends everything `session` shows here, until `detach(from:)`.
    func attach(to session: Session) {
        session.output = { [self] text, style in show(text, style) }
        session.onError = { [self] error in failure = (error, []) }
        session.pictureOutput = { [self] png, text in
            guard !silent else { return }
            publish("display_data", ["data": ["image/png": Data(png).base64EncodedString(), "text/plain": text],
                                     "metadata": JSONObject()])
        }
        session.progressLine = { [self] line in drawProgress(line) }
        session.clearOutput = { [self] wait in
            guard !silent else { return }
            publish("clear_output", ["wait": wait])
        }
    }

    /// Gives the session its own output back.
    static func detach(from session: Session) {
        session.output = Session.standardOutput
        session.onError = nil
        session.pictureOutput = nil
        session.progressLine = nil
        session.clearOutput = nil
    }

    func show(_ text: String, _ style: OutputStyle) {
        switch style {
        case .result where !silent:
            results.append(text)
            publish("execute_result", ["execution_count": count, "data": ["text/plain": text], "metadata": JSONObject()])
        case .text where !silent:
            publish("stream", ["name": "stdout", "text": text + "\n"])
        case .warning where !silent:
            publish("stream", ["name": "stderr", "text": text + "\n"])
        case .error:
            failure?.traceback = text.components(separatedBy: "\n")
        default:
            break
        }
    }

    /// The progress line: a display of its own the first time, then that display redrawn,
    /// emptied when training ends (as the terminal erases its bar). One line for every `fit`
    /// of the cell, however many batches it runs.
    private func drawProgress(_ line: String?) {
        guard !silent, line != nil || progressDisplay != nil else { return }
        let isNew = progressDisplay == nil
        let display = progressDisplay ?? UUID().uuidString.lowercased()
        progressDisplay = display
        publish(isNew ? "display_data" : "update_display_data",
                ["data": ["text/plain": line ?? ""], "metadata": JSONObject(), "transient": ["display_id": display]])
    }
}
