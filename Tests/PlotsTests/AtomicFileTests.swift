import Foundation
import Tensor
import XCTest

final class AtomicFileTests: XCTestCase {
    func testWritesAndReplacesLeavingNoTemporaryFile() throws {
        let directory = try temporaryDirectory(self)
        let path = directory.appendingPathComponent("model.bin").path
        try AtomicFile.write(Array("first version, longer".utf8), to: path)
        XCTAssertEqual(FileManager.default.contents(atPath: path), Data("first version, longer".utf8))
        try AtomicFile.write(Array("second".utf8), to: path)
        XCTAssertEqual(FileManager.default.contents(atPath: path), Data("second".utf8), "old content fully replaced")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: directory.path), ["model.bin"])
    }

    func testEmptyFile() throws {
        let path = try temporaryDirectory(self).appendingPathComponent("empty").path
        try AtomicFile.write([], to: path)
        XCTAssertEqual(FileManager.default.contents(atPath: path), Data())
    }

    func testMissingFolderNamesThePathAndTheReason() throws {
        let path = try temporaryDirectory(self).appendingPathComponent("no/such/folder/file.png").path
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
        let directory = try temporaryDirectory(self)
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
