import Foundation
import Support
import XCTest

final class AtomicFileTests: XCTestCase {
    func testWritesAndReplacesLeavingNoTemporaryFile() throws {
        let directory = try temporaryDirectory()
        let path = directory.appendingPathComponent("model.bin").path
        try AtomicFile.write(Array("first version, longer".utf8), to: path)
        XCTAssertEqual(FileManager.default.contents(atPath: path), Data("first version, longer".utf8))
        try AtomicFile.write(Array("second".utf8), to: path)
        XCTAssertEqual(FileManager.default.contents(atPath: path), Data("second".utf8), "old content fully replaced")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: directory.path), ["model.bin"])
    }

    func testEmptyFile() throws {
        let path = try temporaryDirectory().appendingPathComponent("empty").path
        try AtomicFile.write([], to: path)
        XCTAssertEqual(FileManager.default.contents(atPath: path), Data())
    }

    func testMissingFolderNamesThePathAndTheReason() throws {
        let path = try temporaryDirectory().appendingPathComponent("no/such/folder/file.png").path
        XCTAssertThrowsError(try AtomicFile.write([1, 2, 3], to: path)) { error in
            let failure = error as? AtomicFileError
            XCTAssertEqual(failure?.path, path)
            XCTAssertEqual(failure?.step, .create)
            XCTAssertEqual(failure?.errorNumber, ENOENT)
            XCTAssertTrue("\(error)".contains(path))
            XCTAssertTrue("\(error)".contains("No such file or directory"))
        }
    }

    func testFailedRenameKeepsTheOldEntryAndCleansUp() throws {
        let directory = try temporaryDirectory()
        // A non-empty directory where the file should go: the rename must fail.
        let path = directory.appendingPathComponent("taken").path
        try FileManager.default.createDirectory(atPath: path + "/inside", withIntermediateDirectories: true)
        XCTAssertThrowsError(try AtomicFile.write([1], to: path)) { error in
            XCTAssertEqual((error as? AtomicFileError)?.step, .rename)
        }
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: directory.path), ["taken"])
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: path), ["inside"])
    }
}

extension AtomicFileTests {
    /// A writer killed mid-save leaves `PATH.tmp-PID-…`; the next save of PATH removes
    /// the files of processes that have ended, and leaves those of running ones alone.
    func testTemporaryFilesOfEndedWritersAreRemovedByTheNextSave() throws {
        let directory = try temporaryDirectory()
        let path = directory.appendingPathComponent("workspace.mlpws").path
        let ended = Process()
        ended.executableURL = URL(fileURLWithPath: "/bin/true")
        try ended.run()
        ended.waitUntilExit()
        let abandoned = "workspace.mlpws.tmp-\(ended.processIdentifier)-x1"
        let running = "workspace.mlpws.tmp-1-x2"          // PID 1 runs as long as the system does
        let otherFile = "other.mlpws.tmp-\(ended.processIdentifier)-x3"
        for name in [abandoned, running, otherFile] {
            XCTAssertTrue(FileManager.default.createFile(atPath: directory.appendingPathComponent(name).path, contents: Data([1])))
        }
        try AtomicFile.write(Array("new".utf8), to: path)
        XCTAssertEqual(Set(try FileManager.default.contentsOfDirectory(atPath: directory.path)),
                       ["workspace.mlpws", running, otherFile])
        XCTAssertEqual(FileManager.default.contents(atPath: path), Data("new".utf8))
    }

    func testAFullDiskSaysSoAndNamesTheFile() {
        let full = AtomicFileError(path: "/data/ws.mlpws", step: .write, errorNumber: ENOSPC)
        XCTAssertEqual(full.description, "cannot save /data/ws.mlpws: No space left on device (while writing); "
                       + "free some space on that disk, or save somewhere else; the old file, if any, is unchanged")
        let tooLarge = AtomicFileError(path: "ws.mlpws", step: .write, errorNumber: EFBIG)
        XCTAssertTrue(tooLarge.description.hasPrefix("cannot save ws.mlpws: File too large (while writing); "),
                      tooLarge.description)
        XCTAssertTrue(tooLarge.description.contains("ulimit -f"), tooLarge.description)
    }
}

extension XCTestCase {
    /// A new empty folder for this test, removed when it ends.
    func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("mlplab-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: url) }
        return url
    }
}
