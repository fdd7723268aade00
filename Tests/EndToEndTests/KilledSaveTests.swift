import Foundation
import Network
import Notebook
import XCTest

/// `kill -9` at random moments while mlplab saves a workspace (`:save`), a model
/// (`mlplab train --save`) and the lesson progress. After every kill the file at the
/// destination is the old one byte for byte, or a complete new one that loads; and
/// the temporary files the killed writers left behind are gone after the next save.
///
/// Half the kills fall at a moment drawn uniformly over a whole run, half a moment
/// after the run's temporary file appeared, that is while the file is being written.
final class KilledSaveTests: XCTestCase {
    static let trialsPerKind = 24

    func testKilledWorkspaceSavesLeaveTheOldFileOrTheNewOne() throws {
        let folder = try scratchFolder()
        let destination = folder + "/workspace.mlpws"
        let old = try saveWorkspace("note = \"the old workspace\"", to: destination)
        let variables = "X, y = load()\nXt, yt = load(\"sample\", \"test\")\nseed(0); W = randn(784, 64)"
        let new = try saveWorkspace(variables, to: folder + "/reference.mlpws")
        let run = SavingRun(arguments: [], input: variables + "\n:save \(destination)\n", destination: destination)
        let duration = try run.timeUninterrupted(restoring: old)
        try killRepeatedly(run, over: duration, restoring: old) { $0 == new }
        try assertNextSaveLeavesNoTemporaryFiles(run, restoring: old)
    }

    /// The full training set in the workspace: 377 MB to write, killed while it is written.
    func testKilledSaveOfFullMNISTKeepsTheOldFile() throws {
        let mnist = Binary.sharedData.appendingPathComponent("mnist").path
        guard FileManager.default.fileExists(atPath: mnist) else {
            throw XCTSkip("full MNIST is not at \(mnist): this test needs the four IDX files there (../shared/data/mnist)")
        }
        let folder = try scratchFolder()
        let destination = folder + "/mnist.mlpws"
        let old = try saveWorkspace("note = \"the old workspace\"", to: destination)
        let run = SavingRun(arguments: [], input: "X, y = load(\"mnist\", \"train\", data: \"\(mnist)\")\n:save \(destination)\n",
                            destination: destination)
        for delay in [0.0, 0.05] {
            let outcome = try run.killed(at: .whileWriting(after: delay), restoring: old)
            XCTAssertTrue(outcome.killedWhileWriting, "the kill came after the save had ended: \(outcome)")
            XCTAssertEqual(FileManager.default.contents(atPath: destination), old, "the old file is intact: \(outcome)")
        }
        XCTAssertFalse(try run.temporaryFiles().isEmpty, "the killed writers left their temporary files")
        // A small save to the same file is enough to clear them.
        let small = SavingRun(arguments: [], input: "n = 1\n:save \(destination)\n", destination: destination)
        try assertNextSaveLeavesNoTemporaryFiles(small, restoring: old)
    }

    func testKilledModelSavesLeaveTheOldModelOrTheNewOne() throws {
        let folder = try scratchFolder()
        let destination = folder + "/model.mlp"
        let oldModel = try Binary.run(["train", "--epochs", "1", "--hidden", "8", "--save", destination])
        XCTAssertEqual(oldModel.status, 0, oldModel.stderr)
        let old = try XCTUnwrap(FileManager.default.contents(atPath: destination))
        let run = SavingRun(arguments: ["train", "--epochs", "1", "--hidden", "256", "--save", destination],
                            input: "", destination: destination)
        let duration = try run.timeUninterrupted(restoring: old)
        try killRepeatedly(run, over: duration, restoring: old) { bytes in
            let path = folder + "/loaded.mlp"
            guard FileManager.default.createFile(atPath: path, contents: bytes) else { return false }
            return (try? ModelFile.load(from: path))?.sizes == [784, 256, 10]
        }
        try assertNextSaveLeavesNoTemporaryFiles(run, restoring: old)
    }

    func testKilledProgressSavesLeaveTheOldProgressOrTheNewOne() throws {
        let state = try scratchFolder()
        let destination = state + "/mlplab/progress.json"
        let environment = ["XDG_STATE_HOME": state]
        let opened = try Binary.run([], input: ":open 2\n", environment: environment)
        XCTAssertEqual(opened.status, 0, opened.stderr)
        let old = try XCTUnwrap(FileManager.default.contents(atPath: destination))
        // Every :next and :back saves the progress: 121 saves, a few milliseconds each.
        let moves = ":open 1\n" + String(repeating: ":next\n:back\n", count: 60)
        let run = SavingRun(arguments: [], input: moves, destination: destination, environment: environment)
        let duration = try run.timeUninterrupted(restoring: old)
        try killRepeatedly(run, over: duration, restoring: old) { bytes in
            let copy = state + "/loaded.json"
            guard FileManager.default.createFile(atPath: copy, contents: bytes) else { return false }
            return (try? ProgressStore(path: copy).load().get())?.currentLesson == "loading"
        }
        try assertNextSaveLeavesNoTemporaryFiles(run, restoring: old)
    }

    // MARK: Helpers

    /// Kills `run` `trialsPerKind` times, each time starting from `old` at the destination,
    /// and checks that the destination then holds `old` or bytes `isCompleteNew` accepts.
    private func killRepeatedly(_ run: SavingRun, over duration: Double, restoring old: Data,
                                isCompleteNew: (Data) -> Bool) throws {
        var outcomes: [SavingRun.Outcome] = []
        for trial in 0..<Self.trialsPerKind {
            let moment: SavingRun.Moment = trial.isMultiple(of: 2)
                ? .after(Double.random(in: 0...duration))
                : .whileWriting(after: Double.random(in: 0...0.005))
            let outcome = try run.killed(at: moment, restoring: old)
            outcomes.append(outcome)
            guard let bytes = FileManager.default.contents(atPath: run.destination) else {
                XCTFail("the destination vanished: \(outcome)")
                continue
            }
            XCTAssertTrue(bytes == old || isCompleteNew(bytes),
                          "the destination is neither the old file nor a complete new one (\(bytes.count) bytes): \(outcome)")
        }
        let killed = outcomes.filter(\.wasKilled).count
        let midWrite = outcomes.filter(\.killedWhileWriting).count
        print("\(run.destination): \(killed) of \(outcomes.count) runs killed, \(midWrite) while writing")
        XCTAssertGreaterThan(killed, outcomes.count / 2, "most runs are killed before they end")
    }

    /// After the kills, one uninterrupted save: it succeeds and leaves no temporary file beside the destination.
    private func assertNextSaveLeavesNoTemporaryFiles(_ run: SavingRun, restoring old: Data) throws {
        _ = try run.timeUninterrupted(restoring: old)
        XCTAssertNotEqual(FileManager.default.contents(atPath: run.destination), old, "the save replaced the old file")
        XCTAssertEqual(try run.temporaryFiles(), [], "temporary files left beside \(run.destination)")
    }

    /// Runs the REPL on `script` (which saves to `path`) and returns the file's bytes.
    private func saveWorkspace(_ script: String, to path: String) throws -> Data {
        let result = try Binary.run([], input: script + "\n:save \(path)\n")
        XCTAssertEqual(result.status, 0, result.stderr)
        return try XCTUnwrap(FileManager.default.contents(atPath: path), "\(path) was not saved")
    }

    private func scratchFolder() throws -> String {
        let folder = Binary.temporaryFile("killed-saves-\(UUID().uuidString)")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(atPath: folder) }
        return folder
    }
}

/// One run of mlplab that saves to `destination`, to be killed at a chosen moment.
struct SavingRun {
    let arguments: [String]
    let input: String
    let destination: String
    var environment: [String: String] = [:]

    init(arguments: [String], input: String, destination: String, environment: [String: String] = [:]) {
        self.arguments = arguments
        self.input = input
        self.destination = destination
        self.environment = environment
    }

    enum Moment {
        /// This many seconds after the start.
        case after(Double)
        /// This many seconds after this run's temporary file for the destination appeared.
        case whileWriting(after: Double)
    }

    struct Outcome: CustomStringConvertible {
        let moment: Moment
        /// False when the run ended by itself before the moment came.
        let wasKilled: Bool
        /// The run's temporary file was there when the kill came (and is left behind).
        let killedWhileWriting: Bool

        var description: String {
            "kill \(moment): " + (wasKilled ? "killed" : "ended first") + (killedWhileWriting ? " while writing" : "")
        }
    }

    /// Puts `old` at the destination, runs to the end, and returns the seconds it took.
    func timeUninterrupted(restoring old: Data) throws -> Double {
        let started = Date()
        let outcome = try killed(at: .after(.infinity), restoring: old)
        XCTAssertFalse(outcome.wasKilled)
        return Date().timeIntervalSince(started)
    }

    /// Puts `old` at the destination, starts mlplab, and kills it with SIGKILL at `moment`.
    func killed(at moment: Moment, restoring old: Data) throws -> Outcome {
        try old.write(to: URL(fileURLWithPath: destination))
        let process = Process()
        process.executableURL = Binary.url
        process.arguments = arguments
        process.currentDirectoryURL = Binary.repositoryRoot
        var environment = ProcessInfo.processInfo.environment
        environment["NO_COLOR"] = "1"
        environment["XDG_STATE_HOME"] = Binary.temporaryFile("killed-saves-state")
        environment.removeValue(forKey: "MLPLAB_DATA")
        process.environment = environment.merging(self.environment) { $1 }
        let standardInput = Pipe()
        process.standardInput = standardInput
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        standardInput.fileHandleForWriting.write(Data(input.utf8))
        try standardInput.fileHandleForWriting.close()

        let started = Date()
        var writingSince: Date?
        var killedWhileWriting = false
        while process.isRunning {
            let now = Date()
            let due: Bool
            switch moment {
            case .after(let seconds):
                due = now.timeIntervalSince(started) >= seconds
            case .whileWriting(let seconds):
                if writingSince == nil, try isWriting(process.processIdentifier) { writingSince = now }
                due = writingSince.map { now.timeIntervalSince($0) >= seconds } ?? false
            }
            if due {
                killedWhileWriting = try isWriting(process.processIdentifier)
                kill(process.processIdentifier, SIGKILL)
                break
            }
            usleep(100)
        }
        process.waitUntilExit()
        let wasKilled = process.terminationReason == .uncaughtSignal && process.terminationStatus == SIGKILL
        if !wasKilled {
            XCTAssertEqual(process.terminationStatus, 0, "an uninterrupted run of mlplab \(arguments) succeeds")
        }
        return Outcome(moment: moment, wasKilled: wasKilled, killedWhileWriting: wasKilled && killedWhileWriting)
    }

    /// The temporary files beside the destination (`NAME.tmp-PID-…`), of any run.
    func temporaryFiles() throws -> [String] {
        let url = URL(fileURLWithPath: destination)
        let prefix = url.lastPathComponent + ".tmp-"
        return try FileManager.default.contentsOfDirectory(atPath: url.deletingLastPathComponent().path)
            .filter { $0.hasPrefix(prefix) }
    }

    /// True while process `pid` has a temporary file for the destination.
    private func isWriting(_ pid: Int32) throws -> Bool {
        let prefix = URL(fileURLWithPath: destination).lastPathComponent + ".tmp-\(pid)-"
        return try temporaryFiles().contains { $0.hasPrefix(prefix) }
    }
}
