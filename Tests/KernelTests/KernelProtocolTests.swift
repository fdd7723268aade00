import Foundation
import Kernel
import XCTest

/// The kernel over real ZeroMQ sockets, as a Jupyter front end talks to it.
final class KernelProtocolTests: XCTestCase {
    private var client: KernelClient!

    override func setUpWithError() throws {
        client = try KernelClient()
    }

    override func tearDown() {
        client = nil
    }

    private func types(_ messages: [Message]) -> [String] {
        messages.map(\.type)
    }

    private func output(_ messages: [Message], _ type: String) -> [JSONObject] {
        messages.filter { $0.type == type }.map(\.content)
    }

    func testKernelInfoSaysPythonAndTheProtocolVersion() throws {
        let (reply, iopub) = try client.request("kernel_info_request", [:])
        XCTAssertEqual(reply.type, "kernel_info_reply")
        XCTAssertEqual(reply.content["protocol_version"] as? String, "5.3")
        let language = try XCTUnwrap(reply.content["language_info"] as? JSONObject)
        XCTAssertEqual(language["name"] as? String, "python")
        XCTAssertEqual(language["file_extension"] as? String, ".py")
        XCTAssertEqual(types(iopub), ["status", "status"])
    }

    func testACellPrintsAndShowsItsValueBetweenBusyAndIdle() throws {
        let (reply, iopub) = try client.execute("x = 6*7\nprint('x is', x)\nx")
        XCTAssertEqual(reply.type, "execute_reply")
        XCTAssertEqual(reply.content["status"] as? String, "ok")
        XCTAssertEqual(reply.parentHeader["msg_type"] as? String, "execute_request")
        XCTAssertEqual(types(iopub), ["status", "execute_input", "stream", "execute_result", "status"])
        XCTAssertEqual(iopub.first?.content["execution_state"] as? String, "busy")
        XCTAssertEqual(output(iopub, "stream").first?["text"] as? String, "x is 42\n")
        XCTAssertEqual(output(iopub, "stream").first?["name"] as? String, "stdout")
        let result = try XCTUnwrap(output(iopub, "execute_result").first)
        XCTAssertEqual((result["data"] as? JSONObject)?["text/plain"] as? String, "42")
    }

    func testVariablesPersistAndExecutionCountCountsAsIPythonDoes() throws {
        XCTAssertEqual(try client.execute("a = 1").reply.content["execution_count"] as? Int, 1)
        let silent = try client.execute("a = a + 1", silent: true)
        XCTAssertEqual(types(silent.iopub), ["status", "status"], "a silent cell publishes nothing")
        XCTAssertEqual(silent.reply.content["execution_count"] as? Int, 1)
        XCTAssertEqual(try client.execute("nope").reply.content["execution_count"] as? Int, 2, "a failing cell counts")
        let (reply, iopub) = try client.execute("a")
        XCTAssertEqual(reply.content["execution_count"] as? Int, 3)
        XCTAssertEqual(output(iopub, "execute_input").first?["execution_count"] as? Int, 3)
        XCTAssertEqual((output(iopub, "execute_result").first?["data"] as? JSONObject)?["text/plain"] as? String, "2")
    }

    func testAnErrorPointsAtTheColumnAndStopsTheCell() throws {
        let (reply, iopub) = try client.execute("y = 1\nz = y + nope\nprint('not reached')")
        XCTAssertEqual(reply.content["status"] as? String, "error")
        XCTAssertEqual(reply.content["ename"] as? String, "name error")
        XCTAssertEqual(reply.content["evalue"] as? String, "'nope' is not defined")
        XCTAssertEqual(reply.content["traceback"] as? [String],
                       ["  z = y + nope", "          ^~~~", "name error: 'nope' is not defined"])
        XCTAssertEqual(types(iopub), ["status", "execute_input", "error", "status"])
        XCTAssertEqual((try client.execute("y").iopub.last { $0.type == "execute_result" }?.content["data"] as? JSONObject)?["text/plain"] as? String, "1")
    }

    /// As with matplotlib's inline backend, a cell's figure is shown when the cell ends, without
    /// plt.show(): a 640 × 400 chart, once.
    func testACellsFigureIsShownWhenTheCellEnds() throws {
        let (reply, iopub) = try client.execute("import matplotlib.pyplot as plt\nplt.plot([3.0, 2.0, 1.5], label='loss')\nplt.xlabel('epoch')")
        XCTAssertEqual(reply.content["status"] as? String, "ok")
        let pictures = output(iopub, "display_data")
        XCTAssertEqual(pictures.count, 1)
        let png = try XCTUnwrap(Data(base64Encoded: (pictures.first?["data"] as? JSONObject)?["image/png"] as? String ?? ""))
        XCTAssertEqual(Array(png[16..<24]), [0, 0, 2, 128, 0, 0, 1, 144], "640 × 400")
        XCTAssertTrue(output(try client.execute("1").iopub, "display_data").isEmpty, "the next cell starts a new figure")
    }

    func testAPictureIsSentAsPNGWithItsDrawingAsText() throws {
        let (reply, iopub) = try client.execute("seed(0)\nshow(randn(28, 28))")
        XCTAssertEqual(reply.content["status"] as? String, "ok")
        let data = try XCTUnwrap(output(iopub, "display_data").first?["data"] as? JSONObject)
        let png = try XCTUnwrap(Data(base64Encoded: data["image/png"] as? String ?? ""))
        // The PNG signature, then the IHDR chunk: width and height as 4-byte big-endian numbers
        // (28 pixels drawn 8 × 8 each).
        XCTAssertEqual(Array(png.prefix(8)), [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        XCTAssertEqual(String(decoding: png[12..<16], as: UTF8.self), "IHDR")
        XCTAssertEqual(Array(png[16..<24]), [0, 0, 0, 224, 0, 0, 0, 224])
        let drawing = try XCTUnwrap(data["text/plain"] as? String)
        XCTAssertTrue(drawing.contains { !$0.isWhitespace }, drawing)
        XCTAssertFalse(drawing.contains("\u{1B}"), "a terminal escape in a notebook: \(drawing)")
        XCTAssertTrue(output(iopub, "stream").isEmpty, "the drawing is not printed as well")
    }

    /// numpy's RuntimeWarning goes to the cell's stderr; the value is still the cell's result.
    func testAWarningIsStreamedOnStandardError() throws {
        let (reply, iopub) = try client.execute("exp(array([1000.0]))")
        XCTAssertEqual(reply.content["status"] as? String, "ok")
        XCTAssertEqual(types(iopub), ["status", "execute_input", "stream", "execute_result", "status"])
        XCTAssertEqual(output(iopub, "stream").first?["name"] as? String, "stderr")
        XCTAssertEqual(output(iopub, "stream").first?["text"] as? String, "RuntimeWarning: overflow encountered in exp\n")
        XCTAssertEqual((output(iopub, "execute_result").first?["data"] as? JSONObject)?["text/plain"] as? String, "array([inf])")
    }

    func testClearOutputIsSentInItsPlace() throws {
        let (_, iopub) = try client.execute("from IPython.display import clear_output\nprint('old')\nclear_output(wait=True)\nprint('new')")
        XCTAssertEqual(types(iopub), ["status", "execute_input", "stream", "clear_output", "stream", "status"])
        XCTAssertEqual(output(iopub, "clear_output").first?["wait"] as? Bool, true)
        XCTAssertEqual(output(iopub, "stream").last?["text"] as? String, "new\n")
    }

    /// IPython's `name?` answers with the help as a page payload; a name without help says so.
    func testAQuestionMarkAsksForHelpAsAPage() throws {
        let (reply, iopub) = try client.execute("np.zeros?")
        XCTAssertEqual(reply.content["status"] as? String, "ok")
        let page = try XCTUnwrap((reply.content["payload"] as? [JSONObject])?.first)
        XCTAssertEqual(page["source"] as? String, "page")
        XCTAssertTrue(((page["data"] as? JSONObject)?["text/plain"] as? String ?? "").hasPrefix("zeros("))
        XCTAssertEqual(types(iopub), ["status", "execute_input", "status"])
        let missing = try client.execute("qqq?")
        XCTAssertEqual((missing.reply.content["payload"] as? [Any])?.count, 0)
        XCTAssertEqual(output(missing.iopub, "stream").first?["text"] as? String, "no help for 'qqq' (:help lists every topic)\n")
        XCTAssertEqual(try client.request("is_complete_request", ["code": "zeros?"]).reply.content["status"] as? String, "complete")
    }

    /// Training draws its progress as one display, redrawn in place at most ten times a second
    /// (not one line per batch); the stop button stops it between batches and keeps the weights.
    /// The stop may come in any epoch: a fast machine trains the first one before the stop arrives.
    func testTrainingShowsOneUpdatingLineAndStopsWithItsWeightsKept() throws {
        _ = try client.execute("seed(0)\nX = randn(400000, 20)\ny = randint(0, 3, size=400000)\nnet = mlp([20, 64, 3])\nw = copy(net.W1)")
        let (id, frames) = client.signed("execute_request", ["code": "h = fit(net, X, y, epochs=1000, batch_size=8)", "silent": false])
        let started = Date()
        client.shell.send(frames)
        Thread.sleep(forTimeInterval: 1)
        // Only the control channel's reply is read, so that IOPub keeps every message of the cell.
        client.control.send(client.signed("interrupt_request", [:]).frames)
        XCTAssertEqual(try client.receive(on: client.control).type, "interrupt_reply")
        let reply = try client.receive(on: client.shell)
        let seconds = Date().timeIntervalSince(started)
        XCTAssertEqual(reply.content["status"] as? String, "ok", "fit returns the history so far: \(reply.content)")
        let iopub = try client.published(for: id)
        XCTAssertTrue(output(iopub, "stream").contains { ($0["text"] as? String)?.hasPrefix("interrupted in epoch ") == true },
                      "\(output(iopub, "stream"))")
        let progress = iopub.filter { $0.type == "display_data" || $0.type == "update_display_data" }
        XCTAssertEqual(progress.first?.type, "display_data")
        XCTAssertEqual(progress.filter { $0.type == "display_data" }.count, 1)
        let displays = Set(progress.compactMap { ($0.content["transient"] as? JSONObject)?["display_id"] as? String })
        XCTAssertEqual(displays.count, 1, "every update redraws the one display")
        XCTAssertGreaterThan(progress.count, 2)
        // Between epochs the bar is drawn full and then taken away for the epoch's line, two
        // redraws an epoch beyond the ten a second (a fast machine trains several epochs in the second).
        let epochs = output(iopub, "stream").filter { ($0["text"] as? String)?.contains("[Epoch ") == true }.count
        XCTAssertLessThanOrEqual(Double(progress.count), 10 * seconds + Double(2 * (epochs + 1)) + 3,
                                 "at most ten redraws a second, and two an epoch (\(epochs) epochs)")
        let lines = progress.compactMap { ($0.content["data"] as? JSONObject)?["text/plain"] as? String }
        XCTAssertTrue(lines.first?.hasPrefix("  epoch 1  ") == true, lines.first ?? "")
        XCTAssertEqual(lines.last, "", "the line is taken away when training stops")
        XCTAssertEqual(try client.execute("array_equal(net.W1, w)").iopub.first { $0.type == "execute_result" }
                        .flatMap { ($0.content["data"] as? JSONObject)?["text/plain"] as? String }, "False", "the weights trained so far are kept")
    }

    func testReplCommandsRunInACell() throws {
        _ = try client.execute("w = 3")
        let text = output(try client.execute(":vars").iopub, "stream").compactMap { $0["text"] as? String }.joined()
        XCTAssertTrue(text.contains("w ") && text.contains("int"), text)
    }

    func testCompletionInspectionAndIsComplete() throws {
        _ = try client.execute("learning_rate = 0.1")
        let completion = try client.request("complete_request", ["code": "y = learn", "cursor_pos": 9]).reply.content
        XCTAssertEqual(completion["matches"] as? [String], ["learning_rate"])
        XCTAssertEqual(completion["cursor_start"] as? Int, 4)
        XCTAssertEqual(completion["cursor_end"] as? Int, 9)
        let inspection = try client.request("inspect_request", ["code": "np.zeros(3)", "cursor_pos": 4, "detail_level": 0]).reply.content
        XCTAssertEqual(inspection["found"] as? Bool, true)
        XCTAssertTrue(((inspection["data"] as? JSONObject)?["text/plain"] as? String ?? "").hasPrefix("zeros("))
        let unknown = try client.request("inspect_request", ["code": "qqq", "cursor_pos": 1, "detail_level": 0]).reply.content
        XCTAssertEqual(unknown["found"] as? Bool, false)
        let expected: [(String, String, String?)] = [
            ("for i in range(3):", "incomplete", "    "), ("x = (1,", "incomplete", ""), ("def f(x):\n    x*", "incomplete", "    "),
            ("def f(x):\n    return x\n", "complete", nil), ("1 +* 2", "invalid", nil),
            ("1 + 2", "complete", nil), (":vars", "complete", nil),
        ]
        for (code, status, indent) in expected {
            let reply = try client.request("is_complete_request", ["code": code]).reply.content
            XCTAssertEqual(reply["status"] as? String, status, code)
            XCTAssertEqual(reply["indent"] as? String, indent, code)
        }
    }

    func testHistoryGivesTheCellsRun() throws {
        for code in ["a = 1", "b = 2", "a + b"] { _ = try client.execute(code) }
        let tail = try client.request("history_request", ["hist_access_type": "tail", "n": 2, "output": false, "raw": true])
        XCTAssertEqual((tail.reply.content["history"] as? [[Any]])?.map { $0[2] as? String }, ["b = 2", "a + b"])
        let search = try client.request("history_request", ["hist_access_type": "search", "pattern": "a*", "output": false, "raw": true])
        XCTAssertEqual((search.reply.content["history"] as? [[Any]])?.map { $0[1] as? Int }, [1, 3])
        let range = try client.request("history_request", ["hist_access_type": "range", "start": 3, "stop": 4, "output": true, "raw": true])
        XCTAssertEqual(((range.reply.content["history"] as? [[Any]])?.first?[2] as? [Any])?.compactMap { $0 as? String },
                       ["a + b", "3"])
        _ = try client.execute("a = 1")
        let unique = try client.request("history_request", ["hist_access_type": "search", "pattern": "a*", "unique": true,
                                                            "output": false, "raw": true])
        XCTAssertEqual((unique.reply.content["history"] as? [[Any]])?.map { $0[1] as? Int }, [3, 4])
    }

    func testTheStopButtonInterruptsARunningCellAndTheKernelGoesOn() throws {
        _ = try client.execute("kept = 5")
        let (id, frames) = client.signed("execute_request", ["code": "while True: pass", "silent": false])
        client.shell.send(frames)
        Thread.sleep(forTimeInterval: 0.3)
        let interrupt = try client.request("interrupt_request", [:], on: client.control)
        XCTAssertEqual(interrupt.reply.type, "interrupt_reply")
        let reply = try client.receive(on: client.shell)
        XCTAssertEqual(reply.parentHeader["msg_id"] as? String, id)
        XCTAssertEqual(reply.content["status"] as? String, "error")
        XCTAssertEqual(reply.content["ename"] as? String, "interrupted")
        XCTAssertEqual((try client.execute("kept").iopub.first { $0.type == "execute_result" }?.content["data"] as? JSONObject)?["text/plain"] as? String, "5")
    }

    func testTheHeartbeatEchoes() throws {
        client.heartbeat.send([Data("ping".utf8)])
        XCTAssertTrue(client.heartbeat.waitForInput(milliseconds: 5000))
        XCTAssertEqual(client.heartbeat.receive(), [Data("ping".utf8)])
    }

    func testShutdownRepliesAndEndsTheKernel() throws {
        let (reply, ended) = try client.shutDown()
        XCTAssertEqual(reply.type, "shutdown_reply")
        XCTAssertEqual(reply.content["restart"] as? Bool, false)
        XCTAssertTrue(ended)
    }

    /// 1,000 malformed messages, then a cell: each is dropped and logged, or answered, and
    /// the code in a message with a wrong signature never runs.
    func testMalformedMessagesAreDroppedAndTheKernelGoesOn() throws {
        let signedExecute = client.signed("execute_request", ["code": "hacked = 1"], key: "not the key").frames
        let valid = client.signed("execute_request", ["code": "1"]).frames
        let malformed: [[Data]] = [
            signedExecute,                                              // wrong signature
            Array(valid.prefix(4)),                                     // frames missing
            Array(valid.dropFirst()),                                   // no delimiter
            [Data()],                                                   // one empty frame
            client.signed("no_such_request", [:]).frames,               // unknown msg_type
            signedFrames([Data("{".utf8), Data("{}".utf8), Data("{}".utf8), Data("{}".utf8)]),  // bad JSON
            valid.prefix(2) + [Data("[]".utf8)] + valid.suffix(3),      // a header that is not an object, so a wrong signature
        ]
        for index in 0..<1000 { client.shell.send(malformed[index % malformed.count]) }
        // A 100 MB frame where the content goes.
        client.shell.send(Array(valid.prefix(5)) + [Data(count: 100 << 20)])
        let (reply, iopub) = try client.execute("hacked")
        XCTAssertEqual(reply.content["ename"] as? String, "name error", "a message with a wrong signature ran")
        XCTAssertEqual(types(iopub).filter { $0 == "status" }.count, 2)
        XCTAssertEqual((try client.execute("1+1").iopub.first { $0.type == "execute_result" }?.content["data"] as? JSONObject)?["text/plain"] as? String, "2")
        let dropped = client.log.all.filter { $0.hasPrefix("dropped") }
        XCTAssertEqual(dropped.count, 1001)
        // 1,000 = 6 × 143 + 142: the first six kinds 143 times, the last 142 times; and the big frame.
        XCTAssertEqual(dropped.filter { $0.contains("wrong signature") }.count, 143 + 142 + 1)
        XCTAssertEqual(dropped.filter { $0.contains("not a JSON object") }.count, 143)
        XCTAssertEqual(dropped.filter { $0.contains("unknown type \"no_such_request\"") }.count, 143)
    }

    /// Frames signed with the kernel's key whatever they hold.
    private func signedFrames(_ frames: [Data]) -> [Data] {
        [Message.delimiter, Data(Signer(key: client.key).signature(of: frames).utf8)] + frames
    }

    func testACellOfAMillionCharactersRuns() throws {
        let (reply, iopub) = try client.execute("s = '" + String(repeating: "a", count: 1_000_000) + "'\nlen(s)")
        XCTAssertEqual(reply.content["status"] as? String, "ok")
        XCTAssertEqual((iopub.first { $0.type == "execute_result" }?.content["data"] as? JSONObject)?["text/plain"] as? String, "1000000")
    }
}
