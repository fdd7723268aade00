import Foundation
import Interpreter
import Support
import Tensor

// What the kernel answers to each request; the reply's type is the request's with `_reply`.

extension Kernel {
    var shellHandlers: [String: (Message) -> JSONObject] {
        [
            "kernel_info_request": { [unowned self] _ in kernelInfo },
            "execute_request": { [unowned self] in execute($0) },
            "complete_request": { [unowned self] in complete($0.content) },
            "inspect_request": { [unowned self] in inspect($0.content) },
            "is_complete_request": { [unowned self] in isComplete($0.content) },
            "history_request": { [unowned self] in history($0.content) },
            "comm_info_request": { _ in ["status": "ok", "comms": JSONObject()] },
        ]
    }

    var controlHandlers: [String: (Message) -> JSONObject] {
        [
            "kernel_info_request": { [unowned self] _ in kernelInfo },
            "interrupt_request": { _ in
                Interrupt.request()
                return ["status": "ok"]
            },
            "shutdown_request": { [unowned self] request in
                stop()
                return ["status": "ok", "restart": request.content["restart"] as? Bool ?? false]
            },
        ]
    }

    /// Who the kernel is; `language_info` makes front ends highlight cells as Python.
    var kernelInfo: JSONObject {
        [
            "status": "ok",
            "protocol_version": Kernel.protocolVersion,
            "implementation": "mlplab",
            "implementation_version": version,
            "language_info": [
                "name": "python",
                "version": "3",
                "mimetype": "text/x-python",
                "file_extension": ".py",
                "codemirror_mode": ["name": "ipython", "version": 3],
                "pygments_lexer": "ipython3",
                "nbconvert_exporter": "python",
            ] as JSONObject,
            "banner": "mlplab \(version): build a multi-layer perceptron for MNIST from scratch. :help lists the commands.",
            "help_links": [Any](),
        ]
    }

    // MARK: Running a cell

    /// Runs a cell as the REPL runs piped lines, stopping at its first error; what it shows
    /// goes out on IOPub as it comes (see `CellOutput`). A cell that is only `name?` (IPython's
    /// way to ask for help) answers with the help as a page instead.
    func execute(_ request: Message) -> JSONObject {
        let code = request.content["code"] as? String ?? ""
        let silent = request.content["silent"] as? Bool ?? false
        let storesHistory = !silent && request.content["store_history"] as? Bool ?? true
        if storesHistory { executionCount += 1 }
        let count = executionCount
        if !silent { publish("execute_input", ["code": code, "execution_count": count], parent: request.header) }
        let output = CellOutput(count: count, silent: silent) { [unowned self] type, content in
            publish(type, content, parent: request.header)
        }
        var payload: [Any] = []
        if let topic = Kernel.helpTopic(asked: code) {
            payload = page(topic, output: output)
        } else {
            output.attach(to: session)
            session.runLines(code.components(separatedBy: "\n"), stopAtFirstError: true)
            session.showPendingFigure()
            CellOutput.detach(from: session)
        }
        if storesHistory { history.append((count, code, output.results.isEmpty ? nil : output.results.joined(separator: "\n"))) }
        guard let failure = output.failure else {
            return ["status": "ok", "execution_count": count, "payload": payload, "user_expressions": JSONObject()]
        }
        let error: JSONObject = ["ename": failure.error.kind.rawValue, "evalue": failure.error.message,
                                 "traceback": failure.traceback]
        if !silent { publish("error", error, parent: request.header) }
        return error.merging(["status": "error", "execution_count": count]) { old, _ in old }
    }

    /// The name in a cell that asks for help as IPython does, `zeros?`, `np.zeros??` or `?zeros`; nil for any other cell.
    static func helpTopic(asked code: String) -> String? {
        let trimmed = code.trimmingCharacters(in: .whitespacesAndNewlines)
        let name = trimmed.trimmingCharacters(in: CharacterSet(charactersIn: "?"))
        guard name.count < trimmed.count, let first = name.unicodeScalars.first, !("0"..."9").contains(first),
              first != ".", name.unicodeScalars.allSatisfy(isNamePart) else { return nil }
        return name
    }

    /// A character of a dotted name (`np.zeros`, `W1`).
    private static func isNamePart(_ c: Unicode.Scalar) -> Bool {
        c == "_" || c == "." || c.properties.isAlphabetic || ("0"..."9").contains(c)
    }

    /// The `page` payload that shows `topic`'s help beside the cell; none, and the reason
    /// printed (with the closest name), when there is no help for it.
    private func page(_ topic: String, output: CellOutput) -> [Any] {
        do {
            return [["source": "page", "data": ["text/plain": try helpText(forName: topic)], "start": 0] as JSONObject]
        } catch {
            output.show(InterpreterError.wrapping(error).message, .text)
            return []
        }
    }

    /// `help` for a name as the REPL gives it; `np.zeros` falls back to `zeros`.
    private func helpText(forName name: String) throws -> String {
        do {
            return try session.helpText(for: .string(name))
        } catch {
            guard let last = name.split(separator: ".").last,
                  let help = try? session.helpText(for: .string(String(last))) else { throw error }
            return help
        }
    }

    // MARK: Completion, help and the shape of input

    /// Completes the word before the cursor as Tab does in the REPL.
    func complete(_ content: JSONObject) -> JSONObject {
        let (code, cursor) = codeAndCursor(content)
        let lineStart = code[..<cursor].lastIndex(of: "\n").map { $0 + 1 } ?? 0
        let wordStart = code[lineStart..<cursor].lastIndex { Session.wordBreakCharacters.unicodeScalars.contains($0) }
            .map { $0 + 1 } ?? lineStart
        let matches = session.completions(for: text(code[wordStart..<cursor]), in: text(code[lineStart..<cursor]),
                                          at: text(code[lineStart..<wordStart]).count)
        return ["status": "ok", "matches": matches, "cursor_start": wordStart, "cursor_end": cursor, "metadata": JSONObject()]
    }

    /// `help` for the name under the cursor (`np.zeros` falls back to `zeros`).
    func inspect(_ content: JSONObject) -> JSONObject {
        let (code, cursor) = codeAndCursor(content)
        let start = code[..<cursor].lastIndex { !Kernel.isNamePart($0) }.map { $0 + 1 } ?? 0
        let end = code[cursor...].firstIndex { !Kernel.isNamePart($0) } ?? code.count
        guard let help = try? helpText(forName: text(code[start..<end])) else {
            return ["status": "ok", "found": false, "data": JSONObject(), "metadata": JSONObject()]
        }
        return ["status": "ok", "found": true, "data": ["text/plain": help], "metadata": JSONObject()]
    }

    /// Whether the front end should run the code or read another line, as the REPL's `...` prompt
    /// decides; a block goes on, whatever its last line holds, until an empty line (as in IPython).
    func isComplete(_ content: JSONObject) -> JSONObject {
        let code = content["code"] as? String ?? ""
        let lastLine = code.components(separatedBy: "\n").last ?? ""
        let insideBlock = code.contains("\n") && lastLine.first?.isWhitespace == true
            && !lastLine.allSatisfy(\.isWhitespace)
        if insideBlock || session.needsMoreInput(code) {
            let indent = String(lastLine.prefix { $0 == " " || $0 == "\t" })
            let opensBlock = lastLine.trimmingCharacters(in: .whitespaces).hasSuffix(":")
            return ["status": "incomplete", "indent": indent + (opensBlock ? "    " : "")]
        }
        let isCommand = code.trimmingCharacters(in: .whitespaces).hasPrefix(":")
        let asksHelp = Kernel.helpTopic(asked: code) != nil
        if !isCommand && !asksHelp, (try? session.parse(code)) == nil { return ["status": "invalid"] }
        return ["status": "complete"]
    }

    /// The cells run in this kernel: the last n (`tail`), a range of execution counts
    /// (`range`), or the last n matching a glob pattern (`search`, with `unique` each code once).
    /// Each is `[session, execution count, code]`, or with `output` `[…, [code, result text]]`.
    func history(_ content: JSONObject) -> JSONObject {
        let n = content["n"] as? Int ?? history.count
        var selected: [HistoryEntry]
        switch content["hist_access_type"] as? String {
        case "range":
            let start = content["start"] as? Int ?? 0, stop = content["stop"] as? Int ?? Int.max
            selected = history.filter { $0.count >= start && $0.count < stop }
        case "search":
            let pattern = content["pattern"] as? String ?? "*"
            selected = history.filter { fnmatch(pattern, $0.code, 0) == 0 }
            if content["unique"] as? Bool ?? false { selected = latestOfEachCode(selected) }
            selected = Array(selected.suffix(n))
        default:
            selected = Array(history.suffix(n))
        }
        let withOutput = content["output"] as? Bool ?? false
        return ["status": "ok", "history": selected.map { entry in
            [1, entry.count, withOutput ? [entry.code, entry.output ?? NSNull()] as [Any] : entry.code] as [Any]
        }]
    }

    /// The entries with their code's last run only, in order.
    private func latestOfEachCode(_ entries: [HistoryEntry]) -> [HistoryEntry] {
        var seen = Set<String>()
        return entries.reversed().filter { seen.insert($0.code).inserted }.reversed()
    }

    /// The request's code as Unicode scalars (the protocol counts the cursor in code points),
    /// and the cursor, within it.
    private func codeAndCursor(_ content: JSONObject) -> (code: [Unicode.Scalar], cursor: Int) {
        let code = Array((content["code"] as? String ?? "").unicodeScalars)
        let cursor = content["cursor_pos"] as? Int ?? code.count
        return (code, min(max(cursor, 0), code.count))
    }

    private func text(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars)
        return String(view)
    }
}
