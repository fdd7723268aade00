import Foundation
import XCTest

/// A save that cannot be written whole, because the disk is full or the file is over
/// the size limit: simulated with `ulimit -f`, which makes writes past the limit fail
/// (with SIGXFSZ, which mlplab ignores, then EFBIG). The save says so, naming the
/// file; the old file is kept and no temporary file is left.
final class FullDiskTests: XCTestCase {
    /// 64 blocks: at most 64 KiB, far below the files saved here.
    static let limit = 64

    func testAWorkspaceSaveThatDoesNotFitKeepsTheOldFileAndTheSession() throws {
        let folder = try scratchFolder()
        let destination = folder + "/workspace.mlpws"
        let first = try Binary.run([], input: "note = \"old\"\n:save \(destination)\n")
        XCTAssertEqual(first.status, 0, first.stderr)
        let old = try XCTUnwrap(FileManager.default.contents(atPath: destination))

        let script = "X, y = load()\n:save \(destination)\nprint(X.shape)\n"
        let result = try Binary.run([], input: script, fileSizeLimit: Self.limit)
        XCTAssertEqual(result.status, 1, "the failed line makes the script's status 1, and no signal killed mlplab")
        XCTAssertTrue(result.stderr.hasPrefix("file error: cannot save \(destination): File too large (while writing); "),
                      result.stderr)
        XCTAssertTrue(result.stderr.contains("ulimit -f"), result.stderr)
        XCTAssertEqual(result.stdout, "(4000, 784)\n", "the session goes on with its variables")
        XCTAssertEqual(FileManager.default.contents(atPath: destination), old, "the old file is kept byte for byte")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder), ["workspace.mlpws"])
    }

    func testATrainedModelThatDoesNotFitIsAnErrorAndKeepsTheOldModel() throws {
        let folder = try scratchFolder()
        let destination = folder + "/model.mlp"
        let old = Data("an older model".utf8)
        XCTAssertTrue(FileManager.default.createFile(atPath: destination, contents: old))
        let result = try Binary.run(["train", "--epochs", "1", "--hidden", "32", "--save", destination],
                                    fileSizeLimit: Self.limit)
        XCTAssertEqual(result.status, 1, result.stderr)
        XCTAssertEqual(result.stderr.components(separatedBy: "\n").first,
                       "error: cannot save \(destination): File too large (while writing); the file is larger than "
                       + "this system allows (see `ulimit -f`); raise the limit or save somewhere else; "
                       + "the old file, if any, is unchanged")
        XCTAssertFalse(result.stdout.contains("saved the model"), result.stdout)
        XCTAssertEqual(FileManager.default.contents(atPath: destination), old)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder), ["model.mlp"])
    }

    private func scratchFolder() throws -> String {
        let folder = Binary.temporaryFile("full-disk-\(UUID().uuidString)")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(atPath: folder) }
        return folder
    }
}
