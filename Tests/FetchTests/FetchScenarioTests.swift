import Datasets
import Fetch
import Foundation
import XCTest

/// Fetches MNIST from real HTTP servers on 127.0.0.1 that behave well or badly, and checks
/// that every run ends in verified files or a clear error, never in a half-written file
/// under a final name.
final class FetchScenarioTests: XCTestCase {
    private let images = "train-images-idx3-ubyte.gz"
    private let labels = "train-labels-idx1-ubyte.gz"
    private var canonical: [String: Data] = [:]
    private var scratch: URL!
    private var target: URL!
    private var server: MirrorServer?

    override func setUp() async throws {
        canonical = try sharedFiles(.mnist)
        scratch = try makeTemporaryFolder()
        target = scratch.appendingPathComponent("data/mnist")
    }

    override func tearDown() async throws {
        await server?.stop()
        if let scratch { try? FileManager.default.removeItem(at: scratch) }
    }

    // MARK: - Good mirrors

    func testDownloadsAllFourFilesVerifiedAndLeavesNoPartialFiles() async throws {
        let server = try await startServer(["a": .serve])
        let recorder = EventRecorder()

        let report = try await Fetcher(mirrors: [server.url("a")], progress: recorder).fetch(.mnist, into: target)

        for file in DatasetName.mnist.files {
            XCTAssertEqual(report.files.first { $0.file == file }?.outcome,
                           .downloaded(mirror: server.url("a"), resumedAt: 0, bytesReceived: canonical[file.name]!.count))
            XCTAssertTrue(recorder.events.contains(.verified(file, url: server.url("a").appendingPathComponent(file.name))))
        }
        XCTAssertEqual(report.bytesDownloaded, canonical.values.reduce(0) { $0 + $1.count })
        XCTAssertEqual(try folderListing(), DatasetName.mnist.files.map(\.name).sorted())
        try assertFinalFilesAreCanonical(expectingAll: true)
    }

    func testVerifiedFilesAreNotDownloadedAgainButForceDownloadsThem() async throws {
        try seedCanonicalFiles(except: [])
        let server = try await startServer(["a": .serve])
        let fetcher = Fetcher(mirrors: [server.url("a")], progress: SilentProgress())

        let again = try await fetcher.fetch(.mnist, into: target)
        XCTAssertEqual(again.files.map(\.outcome), Array(repeating: .alreadyPresent, count: 4))
        let requestsWithoutForce = await server.requests
        XCTAssertEqual(requestsWithoutForce, [])

        let forced = try await fetcher.fetch(.mnist, into: target, force: true)
        XCTAssertEqual(forced.files.map(\.outcome),
                       DatasetName.mnist.files.map {
                           .downloaded(mirror: server.url("a"), resumedAt: 0, bytesReceived: $0.byteCount)
                       })
        let requestsWithForce = await server.requests
        XCTAssertEqual(requestsWithForce.map(\.file), DatasetName.mnist.files.map(\.name))
        try assertFinalFilesAreCanonical(expectingAll: true)
    }

    // MARK: - Resuming

    func testResumesAPartialImageFileWithARangeRequestForTheRestOnly() async throws {
        try seedCanonicalFiles(except: [images])
        let half = canonical[images]!.count / 2
        try canonical[images]!.prefix(half).write(to: partURL(images))
        let server = try await startServer(["a": .serve])

        let report = try await Fetcher(mirrors: [server.url("a")], progress: SilentProgress()).fetch(.mnist, into: target)

        let requests = await server.requests
        XCTAssertEqual(requests, [LoggedRequest(mirror: "a", file: images, range: "bytes=\(half)-")])
        XCTAssertEqual(report.files[0].outcome,
                       .downloaded(mirror: server.url("a"), resumedAt: half, bytesReceived: canonical[images]!.count - half))
        XCTAssertFalse(FileManager.default.fileExists(atPath: partURL(images).path))
        try assertFinalFilesAreCanonical(expectingAll: true)
    }

    func testServerThatIgnoresRangeMakesTheDownloadStartAgainFromZero() async throws {
        try seedCanonicalFiles(except: [labels])
        let half = canonical[labels]!.count / 2
        try canonical[labels]!.prefix(half).write(to: partURL(labels))
        let server = try await startServer(["a": .ignoreRange])
        let recorder = EventRecorder()

        let report = try await Fetcher(mirrors: [server.url("a")], progress: recorder).fetch(.mnist, into: target)

        let requests = await server.requests
        XCTAssertEqual(requests, [LoggedRequest(mirror: "a", file: labels, range: "bytes=\(half)-")])
        XCTAssertEqual(report.files[1].outcome,
                       .downloaded(mirror: server.url("a"), resumedAt: 0, bytesReceived: canonical[labels]!.count))
        XCTAssertTrue(recorder.steps.contains { if case .restartingFromZero = $0 { return true } else { return false } })
        try assertFinalFilesAreCanonical(expectingAll: true)
    }

    func testRangeNotSatisfiableMakesTheDownloadStartAgainFromZero() async throws {
        try seedCanonicalFiles(except: [labels])
        let half = canonical[labels]!.count / 2
        try canonical[labels]!.prefix(half).write(to: partURL(labels))
        let server = try await startServer(["a": .refuseRange])

        let report = try await Fetcher(mirrors: [server.url("a")], progress: SilentProgress()).fetch(.mnist, into: target)

        let requests = await server.requests
        XCTAssertEqual(requests.map(\.range), ["bytes=\(half)-", nil])
        XCTAssertEqual(report.files[1].outcome,
                       .downloaded(mirror: server.url("a"), resumedAt: 0, bytesReceived: canonical[labels]!.count))
        try assertFinalFilesAreCanonical(expectingAll: true)
    }

    func testDamagedPartialFileIsDiscardedAndTheWholeFileDownloadedAgain() async throws {
        try seedCanonicalFiles(except: [labels])
        var damaged = canonical[labels]!.prefix(1_000)
        damaged[damaged.startIndex + 500] ^= 0xFF
        try damaged.write(to: partURL(labels))
        let server = try await startServer(["a": .serve, "b": .serve])
        let recorder = EventRecorder()

        let report = try await Fetcher(mirrors: [server.url("a"), server.url("b")], progress: recorder)
            .fetch(.mnist, into: target)

        let requests = await server.requests
        XCTAssertEqual(requests, [LoggedRequest(mirror: "a", file: labels, range: "bytes=1000-"),
                                  LoggedRequest(mirror: "a", file: labels, range: nil)],
                       "a resumed file that fails its checksum is blamed on the old bytes first, not on the mirror")
        XCTAssertEqual(report.files[1].outcome,
                       .downloaded(mirror: server.url("a"), resumedAt: 0, bytesReceived: canonical[labels]!.count))
        XCTAssertTrue(recorder.steps.contains(
            .restartingFromZero(DatasetName.mnist.files[1], reason: "the resumed file did not match its SHA-256")))
        try assertFinalFilesAreCanonical(expectingAll: true)
    }

    func testMirrorThatServesWrongBytesIsLeftForTheNextOne() async throws {
        try seedCanonicalFiles(except: [labels])
        try canonical[labels]!.prefix(1_000).write(to: partURL(labels))
        let server = try await startServer(["wrong": .wrongBytes, "good": .serve])
        let recorder = EventRecorder()

        let report = try await Fetcher(mirrors: [server.url("wrong"), server.url("good")], progress: recorder)
            .fetch(.mnist, into: target)

        let requests = await server.requests
        XCTAssertEqual(requests, [LoggedRequest(mirror: "wrong", file: labels, range: "bytes=1000-"),
                                  LoggedRequest(mirror: "good", file: labels, range: nil)])
        XCTAssertEqual(report.files[1].outcome,
                       .downloaded(mirror: server.url("good"), resumedAt: 0, bytesReceived: canonical[labels]!.count))
        XCTAssertTrue(recorder.steps.contains {
            if case .mirrorFailed(_, server.url("wrong"), .checksumMismatch) = $0 { return true } else { return false }
        })
        try assertFinalFilesAreCanonical(expectingAll: true)
    }

    // MARK: - Bad mirrors

    func testWrongBytesOnEveryMirrorEndInAChecksumErrorAndNoFile() async throws {
        try seedCanonicalFiles(except: [labels])
        let server = try await startServer(["a": .wrongBytes, "b": .wrongBytes])

        let error = try await fetchError(Fetcher(mirrors: [server.url("a"), server.url("b")], progress: SilentProgress()))

        guard case .allMirrorsFailed(.mnist, labels, let attempts) = error else { return XCTFail("\(error)") }
        XCTAssertEqual(attempts.map(\.mirror), [server.url("a"), server.url("b")])
        for attempt in attempts {
            guard case .checksumMismatch(labels, _, let expected, let actual) = attempt.error else {
                return XCTFail("\(attempt.error)")
            }
            XCTAssertEqual(expected, "3552534a0a558bbed6aed32b30c495cca23d567ec52cac8be1a0730e8010255c")
            XCTAssertNotEqual(actual, expected)
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: partURL(labels).path))
        try assertFinalFilesAreCanonical(expectingAll: false)
        XCTAssertFalse(FileManager.default.fileExists(atPath: target.appendingPathComponent(labels).path))
    }

    func testMirrorsAreTriedInOrderAndTheOneThatWorkedIsAskedFirstForTheNextFile() async throws {
        try seedCanonicalFiles(except: [labels, "t10k-labels-idx1-ubyte.gz"])
        let server = try await startServer(["missing": .notFound, "broken": .serverError(times: 100), "good": .serve])
        let sleeps = SleepRecorder()
        let recorder = EventRecorder()
        let mirrors = [server.url("missing"), server.url("broken"), server.url("good")]

        _ = try await Fetcher(mirrors: mirrors, retry: sleeps.policy(attempts: 3), progress: recorder)
            .fetch(.mnist, into: target)

        let requests = await server.requests
        XCTAssertEqual(requests.map { "\($0.mirror) \($0.file)" }, [
            "missing \(labels)", "broken \(labels)", "broken \(labels)", "broken \(labels)", "good \(labels)",
            "good t10k-labels-idx1-ubyte.gz",
        ])
        XCTAssertEqual(sleeps.delays, [.milliseconds(10), .milliseconds(20)])
        let failures = recorder.steps.compactMap { event -> FetchError? in
            if case .mirrorFailed(_, _, let error) = event { return error } else { return nil }
        }
        XCTAssertEqual(failures, [.notFound(url: server.url("missing").appendingPathComponent(labels)),
                                  .httpStatus(url: server.url("broken").appendingPathComponent(labels), status: 500)])
        try assertFinalFilesAreCanonical(expectingAll: true)
    }

    func testServerErrorIsRetriedWithGrowingPausesUntilTheMirrorAnswers() async throws {
        try seedCanonicalFiles(except: [labels])
        let server = try await startServer(["a": .serverError(times: 2)])
        let sleeps = SleepRecorder()
        let recorder = EventRecorder()

        _ = try await Fetcher(mirrors: [server.url("a")], retry: sleeps.policy(attempts: 3), progress: recorder)
            .fetch(.mnist, into: target)

        let requestCount = await server.requests.count
        XCTAssertEqual(requestCount, 3)
        XCTAssertEqual(sleeps.delays, [.milliseconds(10), .milliseconds(20)])
        let retries = recorder.steps.compactMap { event -> Int? in
            if case .retrying(_, _, let attempt, _, .httpStatus(_, 500)) = event { return attempt } else { return nil }
        }
        XCTAssertEqual(retries, [2, 3])
        try assertFinalFilesAreCanonical(expectingAll: true)
    }

    func testBodyCutShortIsResumedFromWhereItStopped() async throws {
        try seedCanonicalFiles(except: [labels])
        let server = try await startServer(["a": .cutShort(bytes: 10_000, times: 1)])

        let report = try await Fetcher(mirrors: [server.url("a")], retry: SleepRecorder().policy(), progress: SilentProgress())
            .fetch(.mnist, into: target)

        let requests = await server.requests
        XCTAssertEqual(requests.map(\.range), [nil, "bytes=10000-"])
        XCTAssertEqual(report.files[1].outcome,
                       .downloaded(mirror: server.url("a"), resumedAt: 10_000, bytesReceived: canonical[labels]!.count - 10_000))
        try assertFinalFilesAreCanonical(expectingAll: true)
    }

    func testBodyCutShortEveryTimeEndsInConnectionLostAndKeepsOnlyThePartialFile() async throws {
        try seedCanonicalFiles(except: [labels])
        let server = try await startServer(["a": .cutShort(bytes: 10_000, times: 100)])

        let error = try await fetchError(Fetcher(mirrors: [server.url("a")], retry: SleepRecorder().policy(attempts: 3),
                                                 progress: SilentProgress()))

        guard case .allMirrorsFailed(_, labels, let attempts) = error, attempts.count == 1,
              case .connectionLost = attempts[0].error else { return XCTFail("\(error)") }
        let requestCount = await server.requests.count
        XCTAssertEqual(requestCount, 3)
        XCTAssertFalse(FileManager.default.fileExists(atPath: target.appendingPathComponent(labels).path))
        XCTAssertEqual(try Data(contentsOf: partURL(labels)), canonical[labels]!.prefix(10_000))
        try assertFinalFilesAreCanonical(expectingAll: false)
    }

    func testStalledBodyTimesOutAndTheRetryResumes() async throws {
        try seedCanonicalFiles(except: [labels])
        let server = try await startServer(["a": .stall(bytes: 10_000, times: 1)])
        let recorder = EventRecorder()

        let report = try await Fetcher(mirrors: [server.url("a")], retry: SleepRecorder().policy(stallTimeout: 0.3),
                                       progress: recorder).fetch(.mnist, into: target)

        let requests = await server.requests
        XCTAssertEqual(requests.map(\.range), [nil, "bytes=10000-"])
        XCTAssertTrue(recorder.steps.contains {
            if case .retrying(_, _, 2, _, .stalled(_, 0.3)) = $0 { return true } else { return false }
        })
        XCTAssertEqual(report.files[1].outcome,
                       .downloaded(mirror: server.url("a"), resumedAt: 10_000, bytesReceived: canonical[labels]!.count - 10_000))
        try assertFinalFilesAreCanonical(expectingAll: true)
    }

    func testMirrorThatAlwaysStallsEndsInAStalledError() async throws {
        try seedCanonicalFiles(except: [labels])
        let server = try await startServer(["a": .stall(bytes: 10_000, times: 100)])
        let started = ContinuousClock.now

        let error = try await fetchError(Fetcher(mirrors: [server.url("a")],
                                                 retry: SleepRecorder().policy(attempts: 2, stallTimeout: 0.3),
                                                 progress: SilentProgress()))

        guard case .allMirrorsFailed(_, labels, let attempts) = error,
              attempts.map(\.error) == [.stalled(url: server.url("a").appendingPathComponent(labels), seconds: 0.3)]
        else { return XCTFail("\(error)") }
        let elapsed = ContinuousClock.now - started
        XCTAssertGreaterThanOrEqual(elapsed, .milliseconds(600), "two attempts, each silent for 0.3 s")
        XCTAssertLessThan(elapsed, .seconds(10))
        XCTAssertTrue(error.description.contains("no data from 127.0.0.1:\(server.port) for 0.3 s"), error.description)
        try assertFinalFilesAreCanonical(expectingAll: false)
    }

    // MARK: - Failures before any byte arrives

    func testConnectionRefusedSaysWhatWorksOffline() async throws {
        let closed = try await startServer([:])
        let url = closed.url("mnist")
        await closed.stop()

        let error = try await fetchError(Fetcher(mirrors: [url], retry: SleepRecorder().policy(), progress: SilentProgress()))

        guard case .allMirrorsFailed(.mnist, images, let attempts) = error, attempts.count == 1,
              case .cannotConnect = attempts[0].error else { return XCTFail("\(error)") }
        let message = error.description
        for advice in ["load(\"sample\")", "--data DIR", "MLPLAB_DATA", "--mirror URL"] {
            XCTAssertTrue(message.contains(advice), "missing \(advice) in:\n\(message)")
        }
        XCTAssertFalse(message.contains("dataset-fashion-mnist"))
        XCTAssertEqual(try folderListing(), [], "no byte arrived, so not even an empty .part is left")
    }

    func testUnwritableTargetFolderIsPermissionDenied() async throws {
        let folder = try unwritableFolder().appendingPathComponent("mnist")
        let server = try await startServer(["a": .serve])

        do {
            _ = try await Fetcher(mirrors: [server.url("a")], progress: SilentProgress()).fetch(.mnist, into: folder)
            XCTFail("the fetch should have failed")
        } catch let error as FetchError {
            guard case .permissionDenied = error else { return XCTFail("\(error)") }
            XCTAssertTrue(error.description.contains("--dir"), error.description)
        }
        let requests = await server.requests
        XCTAssertEqual(requests, [])
    }

    func testFullDiskStopsAtOnceWithDiskFull() async throws {
        guard FileManager.default.fileExists(atPath: "/dev/full") else { throw XCTSkip("/dev/full is absent") }
        try seedCanonicalFiles(except: [labels])
        // Every write to /dev/full fails with ENOSPC, as on a full disk.
        try FileManager.default.createSymbolicLink(atPath: partURL(labels).path, withDestinationPath: "/dev/full")
        let server = try await startServer(["a": .serve, "b": .serve])

        let error = try await fetchError(Fetcher(mirrors: [server.url("a"), server.url("b")], progress: SilentProgress()))

        XCTAssertEqual(error, .diskFull(path: partURL(labels).path))
        let requests = await server.requests
        XCTAssertEqual(requests.map(\.mirror), ["a"], "a full disk must not be blamed on the mirror")
        XCTAssertFalse(FileManager.default.fileExists(atPath: target.appendingPathComponent(labels).path))
    }

    // MARK: - Helpers

    private func startServer(_ behaviors: [String: MirrorBehavior]) async throws -> MirrorServer {
        let server = try await MirrorServer.start(files: canonical, behaviors: behaviors)
        self.server = server
        return server
    }

    private func partURL(_ name: String) -> URL {
        target.appendingPathComponent(name + ".part")
    }

    /// Puts the canonical bytes of every file but `names` into the target folder.
    private func seedCanonicalFiles(except names: Set<String>) throws {
        try FileManager.default.createDirectory(at: target, withIntermediateDirectories: true)
        for (name, data) in canonical where !names.contains(name) {
            try data.write(to: target.appendingPathComponent(name))
        }
    }

    private func folderListing() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: target.path).sorted()
    }

    /// Every file under a final name holds exactly the canonical bytes; with `expectingAll`, all four are there.
    private func assertFinalFilesAreCanonical(expectingAll: Bool, file: StaticString = #filePath, line: UInt = #line) throws {
        for (name, data) in canonical {
            let url = target.appendingPathComponent(name)
            guard FileManager.default.fileExists(atPath: url.path) else {
                if expectingAll { XCTFail("\(name) is missing", file: file, line: line) }
                continue
            }
            XCTAssertEqual(try Data(contentsOf: url), data, "\(name) differs from the canonical file", file: file, line: line)
        }
    }

    /// Runs a fetch that must fail, and returns its error.
    private func fetchError(_ fetcher: Fetcher) async throws -> FetchError {
        do {
            _ = try await fetcher.fetch(.mnist, into: target)
        } catch let error as FetchError {
            return error
        }
        XCTFail("the fetch should have failed")
        throw CancellationError()
    }

    /// A folder this process cannot create anything in. Root may write anywhere on a normal file
    /// system, so as root it is a folder in sysfs, where no one can create folders.
    private func unwritableFolder() throws -> URL {
        if geteuid() != 0 {
            let folder = scratch.appendingPathComponent("read-only")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true,
                                                    attributes: [.posixPermissions: 0o555])
            return folder
        }
        let folder = URL(fileURLWithPath: "/sys/mlplab-fetch-test")
        guard (try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: false)) == nil else {
            try? FileManager.default.removeItem(at: folder)
            throw XCTSkip("running as root and /sys accepts new folders: no folder here is unwritable")
        }
        return folder
    }
}
