import Foundation
import XCTest

/// Ctrl-C during `mlplab train` stops after the current batch and keeps the weights.
final class InterruptTests: XCTestCase {
    func testCtrlCStopsTrainingAndKeepsTheModel() throws {
        guard FileManager.default.isExecutableFile(atPath: Binary.url.path) else {
            throw XCTSkip("the mlplab executable is not built at \(Binary.url.path)")
        }
        let model = Binary.temporaryFile("interrupted.mlp")
        try? FileManager.default.removeItem(atPath: model)
        let process = Process()
        process.executableURL = Binary.url
        process.arguments = ["train", "--epochs", "100000", "--hidden", "16", "--save", model]
        process.currentDirectoryURL = Binary.repositoryRoot
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        // Wait until the first epoch line shows that training is under way.
        var seen = Data()
        while !String(decoding: seen, as: UTF8.self).contains("[Epoch 1/") {
            let chunk = output.fileHandleForReading.availableData
            XCTAssertFalse(chunk.isEmpty, "mlplab ended before training started")
            if chunk.isEmpty { return }
            seen.append(chunk)
        }
        kill(process.processIdentifier, SIGINT)
        seen.append(output.fileHandleForReading.readDataToEndOfFile())
        process.waitUntilExit()
        let text = String(decoding: seen, as: UTF8.self)
        XCTAssertEqual(process.terminationStatus, 0, text)
        XCTAssertTrue(text.contains("training stopped, the weights so far are kept"), text)
        XCTAssertTrue(text.contains("saved the model to \(model)"), text)
        XCTAssertTrue(text.split(separator: "\n").last!.hasSuffix("(interrupted)"), text)
        XCTAssertTrue(FileManager.default.fileExists(atPath: model))
    }
}
