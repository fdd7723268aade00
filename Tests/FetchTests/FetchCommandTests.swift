import Fetch
import Foundation
import XCTest

/// `mlplab fetch …` as the command line runs it: exit status and what it prints.
final class FetchCommandTests: XCTestCase {
    private let output = TextRecorder()
    private let errors = TextRecorder()

    private func command(_ dataset: String, directory: String? = nil, mirrors: [String] = []) -> FetchCommand {
        FetchCommand(dataset: dataset, directory: directory, mirrors: mirrors, retry: SleepRecorder().policy(),
                     progress: SilentProgress(),
                     printOutput: { [output] in output.write($0 + "\n") },
                     printError: { [errors] in errors.write($0 + "\n") })
    }

    func testUnknownDatasetIsAUsageError() async {
        let status = await command("cifar").run()
        XCTAssertEqual(status, 2)
        XCTAssertEqual(errors.text, "error: unknown dataset 'cifar': choose mnist or fashion-mnist\n")
    }

    func testABundledDatasetIsNotFetched() async {
        let status = await command("sample").run()
        XCTAssertEqual(status, 2)
        XCTAssertEqual(errors.text, "error: unknown dataset 'sample': choose mnist or fashion-mnist\n")
    }

    func testMirrorMustBeAnHTTPURL() async {
        let status = await command("mnist", mirrors: ["ftp://example.org/mnist/"]).run()
        XCTAssertEqual(status, 2)
        XCTAssertEqual(errors.text, "error: --mirror 'ftp://example.org/mnist/' is not an http:// or https:// URL of a folder\n")
    }

    func testSuccessfulFetchSaysWhereTheFilesAreAndHowToUseThem() async throws {
        let files = try sharedFiles(.mnist)
        let folder = try makeTemporaryFolder()
        for (name, data) in files where name != "train-labels-idx1-ubyte.gz" {
            try data.write(to: folder.appendingPathComponent(name))
        }
        let server = try await MirrorServer.start(files: files, behaviors: ["a": .serve])
        addTeardownBlock {
            await server.stop()
            try? FileManager.default.removeItem(at: folder)
        }

        let status = await command("mnist", directory: folder.path, mirrors: [server.url("a").absoluteString]).run()

        XCTAssertEqual(status, 0, errors.text)
        XCTAssertEqual(output.text, """
            MNIST is ready in \(folder.path): 4 files verified by SHA-256 (1 downloaded, 28.9 kB; 3 already present).
            To use it: mlplab --data \(folder.path), or MLPLAB_DATA=\(folder.path).

            """)
    }

    func testFailedFetchExitsWithOneAndExplains() async throws {
        let closed = try await MirrorServer.start(files: [:], behaviors: [:])
        let url = closed.url("mnist")
        await closed.stop()
        let folder = try makeTemporaryFolder()
        addTeardownBlock { try? FileManager.default.removeItem(at: folder) }

        let status = await command("mnist", directory: folder.path, mirrors: [url.absoluteString]).run()

        XCTAssertEqual(status, 1)
        XCTAssertTrue(errors.text.hasPrefix("error: could not download train-images-idx3-ubyte.gz for MNIST from any mirror:\n"
                                            + "  - \(url.absoluteString): could not connect to 127.0.0.1:\(url.port!)"),
                      errors.text)
        XCTAssertEqual(output.text, "")
    }
}
