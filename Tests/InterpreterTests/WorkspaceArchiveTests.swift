import Foundation
import Interpreter
import Support
import Tensor
import XCTest

/// `:save` and `:load`: a round trip keeps every value exactly; a damaged,
/// truncated or foreign file is refused and the workspace is left alone.
final class WorkspaceArchiveTests: XCTestCase {
    private var directory: URL!

    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("mlplab-ws-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try FileManager.default.removeItem(at: directory)
    }

    private func path(_ name: String) -> String { directory.appendingPathComponent(name).path }

    private let setup = "a = array([[1.5, -2.0], [1e-300, nan]]); b = array([1, -2], dtype: \"float32\"); c = arange(-3, 3); "
        + "d = c > 0; e = zeros(0, 4); n = -42; lr = 0.001; flag = true; name = \"net ✓\"; s = ones(()); f = relu"

    func testRoundTripKeepsEveryValue() {
        let t = Transcript()
        t.ok(setup)
        let before = t.session.variables
        XCTAssertEqual(t.ok(":save \(path("ws.bin"))"), "saved 10 variables to \(path("ws.bin")) (not saved, no file format: f)")
        t.ok(":reset")
        XCTAssertEqual(t.ok(":load \(path("ws.bin"))"), "loaded 10 variables: a, b, c, d, e, flag, lr, n, name, s")
        for (name, value) in before where name != "f" {
            let loaded = t.session[variable: name]
            switch (value, loaded) {
            case (.tensor(let x), .tensor(let y)?):
                XCTAssertEqual(x.dtype, y.dtype, name)
                XCTAssertEqual(x.shape, y.shape, name)
                XCTAssertEqual(x.doubles.map(\.bitPattern), y.doubles.map(\.bitPattern), name)
            default:
                XCTAssertEqual(loaded?.repr, value.repr, name)
            }
        }
        XCTAssertNil(t.session[variable: "f"])
    }

    /// A History keeps every record: the epoch losses (here the hand-set values 0.5 and 0.25),
    /// each step's loss, the epoch times and whether Ctrl-C ended the run.
    func testAHistorySavesWithEveryRecord() {
        let t = Transcript()
        t.ok("seed(0); h = fit(mlp([4, 3, 2]), randn(8, 4), randint(0, 2, 8), epochs: 2, batch_size: 4)")
        let records = ["train_loss", "train_acc", "test_loss", "test_acc", "step_loss", "interval_loss", "epoch_seconds",
                       "epochs", "interrupted"]
        let before = records.map { t.ok("h.\($0)") }
        XCTAssertEqual(before[4].components(separatedBy: ",").count, 4, "four steps: \(before[4])")
        XCTAssertEqual(t.ok(":save \(path("h.bin"))"), "saved 1 variable to \(path("h.bin"))")
        t.ok(":reset")
        t.ok(":load \(path("h.bin"))")
        XCTAssertEqual(records.map { t.ok("h.\($0)") }, before)
        XCTAssertEqual(t.ok("h"), "<History: 2 epochs, 4 steps>")
    }

    /// Leaving the REPL keeps the variables in a file; the next session starts with them, and
    /// with the modules imported (a builtin imported under its own name needs nothing). A
    /// workspace of nothing keepable removes the file; a damaged file is reported and moved aside.
    func testTheKeptWorkspaceOutlivesTheSession() throws {
        let kept = path("state/mlplab/workspace.mlplabws")
        XCTAssertEqual(Session.keptWorkspacePath(environment: ["XDG_STATE_HOME": path("state")]), kept)
        let first = Transcript()
        first.ok(setup)
        first.ok("import matplotlib.pyplot as plt; from numpy import exp, linalg")
        XCTAssertEqual(first.session.keepWorkspace(at: kept),
                       "kept 12 variables for next time; not kept, having no file format: f (↑ at the prompt finds their lines)")
        let second = Transcript()
        XCTAssertEqual(second.session.restoreKeptWorkspace(from: kept),
                       "your 12 variables from last time: a, b, c, d, e, flag, linalg, lr, … (:reset empties the workspace)")
        XCTAssertEqual(second.ok("n, name, b"), "(-42, 'net ✓', array([ 1., -2.], dtype=float32))")
        XCTAssertEqual(second.ok("plt, linalg.norm(ones(4))"), "(<module 'matplotlib.pyplot'>, np.float64(2.0))")

        second.ok(":reset")
        XCTAssertNil(second.session.keepWorkspace(at: kept))
        XCTAssertFalse(FileManager.default.fileExists(atPath: kept), "an empty workspace keeps nothing")
        XCTAssertNil(Transcript().session.restoreKeptWorkspace(from: kept))

        second.ok("k = 1")
        XCTAssertEqual(second.session.keepWorkspace(at: kept), "kept 1 variable for next time")
        var bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: kept)))
        bytes[bytes.count / 2] ^= 0xFF
        try Data(bytes).write(to: URL(fileURLWithPath: kept))
        XCTAssertEqual(Transcript().session.restoreKeptWorkspace(from: kept),
                       "the variables kept from last time could not be read: the file is damaged (its checksum does not match); "
                       + "the file is kept as \(kept).unreadable")
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: kept + ".unreadable")), Data(bytes),
                       "moved aside, so that leaving does not write over it")
        XCTAssertFalse(FileManager.default.fileExists(atPath: kept))
    }

    func testSavingChosenNames() {
        let t = Transcript()
        t.ok(setup)
        XCTAssertEqual(t.ok(":save \(path("two.bin")) n lr"), "saved 2 variables to \(path("two.bin"))")
        t.ok(":reset")
        t.ok(":load \(path("two.bin"))")
        XCTAssertEqual(t.session.variables.keys.sorted(), ["lr", "n"])
        XCTAssertEqual(t.run(":save \(path("x.bin")) nope"), "name error: no variable named 'nope'")
    }

    func testDamagedFilesAreRefusedAndTheWorkspaceKept() throws {
        let t = Transcript()
        t.ok("w = array([1.0, 2.0, 3.0]); k = 7")
        t.ok(":save \(path("good.bin"))")
        let good = try Data(contentsOf: URL(fileURLWithPath: path("good.bin")))
        t.ok("w = array([9.0]); k = 8")

        var flipped = good
        flipped[good.count / 2] ^= 0x40
        try flipped.write(to: URL(fileURLWithPath: path("flipped.bin")))
        try good.prefix(good.count - 7).write(to: URL(fileURLWithPath: path("short.bin")))
        try Data("hello, world, this is not a workspace".utf8).write(to: URL(fileURLWithPath: path("text.bin")))
        // Magic, version 2, no entries, and the CRC-32 of those bytes (from python3's zlib.crc32).
        let newer = Array("MLPLABWS".utf8) + [2, 0, 0, 0, 0, 0, 0, 0] + [236, 114, 109, 51]
        try Data(newer).write(to: URL(fileURLWithPath: path("newer.bin")))

        XCTAssertEqual(t.run(":load \(path("flipped.bin"))"), "file error: the file is damaged (its checksum does not match)")
        XCTAssertEqual(t.run(":load \(path("short.bin"))"), "file error: the file is damaged (its checksum does not match)")
        XCTAssertEqual(t.run(":load \(path("text.bin"))"), "file error: this is not a workspace file saved by :save")
        XCTAssertEqual(t.run(":load \(path("newer.bin"))"), "file error: the file has format version 2; this mlplab reads version 1")
        XCTAssertEqual(t.doubles("w"), [9])
        XCTAssertEqual(t.session[variable: "k"]?.repr, "8")
    }

    func testListsTuplesDictsAndNoneRoundTrip() {
        let t = Transcript()
        t.ok("losses = [2.5, 1.25, None]; pair = (1, [\"a\", (2,)]); d = {\"lr\": 0.1, 3: [ones(2)]}; bad = [1, relu]")
        let before = t.session.variables
        XCTAssertEqual(t.ok(":save \(path("lists.bin"))"), "saved 3 variables to \(path("lists.bin")) (not saved, no file format: bad)")
        t.ok(":reset")
        XCTAssertEqual(t.ok(":load \(path("lists.bin"))"), "loaded 3 variables: d, losses, pair")
        for name in ["losses", "pair", "d"] {
            XCTAssertEqual(t.session[variable: name]?.repr, before[name]?.repr, name)
        }
        XCTAssertEqual(t.ok("d[3][0].dtype"), "dtype('float64')")
    }

    func testAListNestedDeeperThanASessionAllowsIsRefused() throws {
        // magic, version 1, one entry named "x": 101 lists, each holding the next, then none.
        var body = Array("MLPLABWS".utf8) + [1, 0, 0, 0] + [1, 0, 0, 0] + [1, 0, 0, 0] + Array("x".utf8)
        for _ in 0..<101 { body += [7, 1, 0, 0, 0] }
        body += [10]
        let crc = Checksum.crc32(body)   // the checksum is right: the nesting is what is refused
        let bytes = body + [UInt8(crc & 0xff), UInt8(crc >> 8 & 0xff), UInt8(crc >> 16 & 0xff), UInt8(crc >> 24)]
        try Data(bytes).write(to: URL(fileURLWithPath: path("deep.bin")))
        let t = Transcript()
        XCTAssertEqual(t.run(":load \(path("deep.bin"))"), "file error: the file nests lists deeper than 100")
    }

    func testTheFormatIsTheDocumentedOne() throws {
        let t = Transcript()
        t.ok("v = array([1, 2])")
        t.ok(":save \(path("v.bin"))")
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path("v.bin"))))
        let expectedBody: [UInt8] = Array("MLPLABWS".utf8) + [1, 0, 0, 0] + [1, 0, 0, 0]   // magic, version 1, 1 entry
            + [1, 0, 0, 0] + Array("v".utf8)                                              // name
            + [1, 1] + [1, 0, 0, 0] + [2, 0, 0, 0, 0, 0, 0, 0]                            // tensor, int64, ndim 1, dim 2
            + [1, 0, 0, 0, 0, 0, 0, 0] + [2, 0, 0, 0, 0, 0, 0, 0]                         // elements
        XCTAssertEqual(Array(bytes.dropLast(4)), expectedBody)
        // CRC-32 of the body, as zlib computes it (python3 -c "import zlib; print(zlib.crc32(body))").
        let checksum = bytes.suffix(4).reversed().reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
        XCTAssertEqual(checksum, 2_788_251_411)
    }

    func testArchivableObjectsRoundTrip() throws {
        struct Counter: ArchivableObject {
            var count: Int
            static let archiveKind = "Counter"
            var typeName: String { "Counter" }
            var description: String { "Counter(\(count))" }
            var attributeNames: [String] { ["count"] }
            func attribute(_ name: String) throws -> Value { .int(count) }
            func archived() throws -> Data { Data(String(count).utf8) }
            static func unarchived(from data: Data) throws -> Counter {
                guard let n = Int(String(decoding: data, as: UTF8.self)) else { throw InterpreterError(.file, "bad counter") }
                return Counter(count: n)
            }
        }
        let t = Transcript()
        t.session[variable: "c"] = .object(Counter(count: 12))
        t.ok(":save \(path("obj.bin"))")
        t.ok(":reset")
        XCTAssertEqual(t.run(":load \(path("obj.bin"))"), "file error: the file holds a Counter, which this session cannot load")
        t.session.registerArchivable(Counter.self)
        t.ok(":load \(path("obj.bin"))")
        XCTAssertEqual(t.ok("c"), "Counter(12)")
    }
}
