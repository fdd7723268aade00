import Datasets
import Fetch
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import XCTest

/// Progress output, retry pauses and error messages; expected strings are worked out by hand.
final class ProgressAndErrorTests: XCTestCase {
    private let labels = DatasetName.mnist.files[1]  // train-labels-idx1-ubyte.gz, 28,881 bytes
    private let mirror = URL(string: "https://mirror.example/mnist/")!

    // MARK: - Progress

    func testProgressBarLineShowsBytesRateAndETA() {
        // Half of 9,912,422 bytes at 1 MB/s: 12 of 24 cells, 4.956 s left, shown rounded up.
        XCTAssertEqual(progressBarLine(name: "train-images-idx3-ubyte.gz", bytes: 4_956_211, total: 9_912_422,
                                       bytesPerSecond: 1_000_000),
                       "train-images-idx3-ubyte.gz [############------------]  50%  5.0 MB/9.9 MB  1.0 MB/s  ETA 0:05")
        XCTAssertEqual(progressBarLine(name: "t10k-labels-idx1-ubyte.gz", bytes: 0, total: 4_542, bytesPerSecond: nil),
                       "t10k-labels-idx1-ubyte.gz [------------------------]   0%  0 B/4.5 kB  ETA --:--")
        // 100 s left at 10 kB/s: 1:40.
        XCTAssertEqual(progressBarLine(name: "f", bytes: 1_000_000, total: 2_000_000, bytesPerSecond: 10_000, width: 4),
                       "f [##--]  50%  1.0 MB/2.0 MB  10.0 kB/s  ETA 1:40")
    }

    func testBytesAreWrittenInDecimalUnits() {
        XCTAssertEqual(formatBytes(999), "999 B")
        XCTAssertEqual(formatBytes(28_881), "28.9 kB")
        XCTAssertEqual(formatBytes(26_421_880), "26.4 MB")
    }

    func testLineProgressPrintsOneLinePerStepAndNothingPerChunk() {
        let text = TextRecorder()
        let progress = LineProgress(write: { text.write($0) })
        let url = mirror.appendingPathComponent(labels.name)
        for event: FetchEvent in [
            .alreadyPresent(DatasetName.mnist.files[0]),
            .started(labels, url: url, offset: 14_000),
            .received(labels, bytes: 20_000),
            .received(labels, bytes: 28_881),
            .verified(labels, url: url),
        ] {
            progress.report(event)
        }
        XCTAssertEqual(text.text, """
            train-images-idx3-ubyte.gz: already present, SHA-256 ok
            train-labels-idx1-ubyte.gz: downloading 28.9 kB from https://mirror.example/mnist/train-labels-idx1-ubyte.gz, resuming at 14.0 kB
            train-labels-idx1-ubyte.gz: 28.9 kB, SHA-256 ok

            """)
    }

    func testTerminalProgressRedrawsTheBarInPlaceAndPrintsStepsOnTheirOwnLines() {
        let text = TextRecorder()
        let clock = ManualClock()
        let progress = TerminalProgress(write: { text.write($0) }, redrawInterval: .milliseconds(100), now: { clock.now() })
        let url = mirror.appendingPathComponent(labels.name)
        progress.report(.started(labels, url: url, offset: 0))
        progress.report(.received(labels, bytes: 1_000))   // too early to know the rate
        clock.advance(by: .milliseconds(50))
        progress.report(.received(labels, bytes: 5_000))   // within 0.1 s of the last redraw: skipped
        clock.advance(by: .milliseconds(950))
        progress.report(.received(labels, bytes: 10_000))  // 10 kB in 1 s; 18,881 bytes left: 1.9 s
        progress.report(.received(labels, bytes: 28_881))  // the last chunk is always drawn
        progress.report(.verified(labels, url: url))

        let clear = "\r\u{1B}[K"
        XCTAssertEqual(text.text, [
            "train-labels-idx1-ubyte.gz: downloading 28.9 kB from \(url.absoluteString)\n",
            clear + "train-labels-idx1-ubyte.gz [------------------------]   3%  1.0 kB/28.9 kB  ETA --:--",
            clear + "train-labels-idx1-ubyte.gz [########----------------]  34%  10.0 kB/28.9 kB  10.0 kB/s  ETA 0:02",
            clear + "train-labels-idx1-ubyte.gz [########################] 100%  28.9 kB/28.9 kB  28.9 kB/s  ETA 0:00",
            clear + "train-labels-idx1-ubyte.gz: 28.9 kB, SHA-256 ok\n",
        ].joined())
    }

    // MARK: - Retry pauses

    func testRetryPausesDoubleUpToTheCap() {
        let policy = RetryPolicy(initialDelay: .seconds(1), backoffFactor: 2, maxDelay: .seconds(30))
        XCTAssertEqual((1...7).map { policy.delay(afterAttempt: $0) },
                       [.seconds(1), .seconds(2), .seconds(4), .seconds(8), .seconds(16), .seconds(30), .seconds(30)])
        XCTAssertEqual(RetryPolicy.default.attemptsPerMirror, 3)
        XCTAssertEqual(RetryPolicy(attemptsPerMirror: 0).attemptsPerMirror, 1, "at least one attempt")
    }

    // MARK: - Errors

    func testTransferErrorsBecomeSpecificFetchErrors() {
        let url = URL(string: "https://ossci-datasets.s3.amazonaws.com/mnist/train-labels-idx1-ubyte.gz")!
        func classify(_ code: URLError.Code, started: Bool = false) -> FetchError? {
            FetchError(transferError: URLError(code), url: url, answerStarted: started, timeout: 60)
        }
        XCTAssertEqual(classify(.cannotFindHost), .hostNotFound(host: "ossci-datasets.s3.amazonaws.com"))
        XCTAssertEqual(classify(.dnsLookupFailed), .hostNotFound(host: "ossci-datasets.s3.amazonaws.com"))
        guard case .cannotConnect(url, _)? = classify(.cannotConnectToHost) else { return XCTFail() }
        guard case .cannotConnect(url, _)? = classify(.notConnectedToInternet) else { return XCTFail() }
        XCTAssertEqual(classify(.timedOut), .stalled(url: url, seconds: 60))
        guard case .connectionLost? = classify(.networkConnectionLost) else { return XCTFail() }
        // libcurl's "transfer closed with N bytes remaining" has no specific code.
        guard case .connectionLost? = classify(.unknown, started: true) else { return XCTFail() }
        guard case .transport? = classify(.unknown, started: false) else { return XCTFail() }
        XCTAssertNil(classify(.cancelled))
    }

    func testMessagesSayWhatWentWrongAndWhatToDo() {
        let url = URL(string: "http://yann.lecun.com/exdb/mnist/t10k-labels-idx1-ubyte.gz")!
        XCTAssertEqual(FetchError.hostNotFound(host: "yann.lecun.com").description,
                       "could not look up yann.lecun.com (DNS): check the network connection, or the spelling of --mirror")
        XCTAssertEqual(FetchError.notFound(url: url).description,
                       "http://yann.lecun.com/exdb/mnist/t10k-labels-idx1-ubyte.gz answered 404 Not Found: "
                       + "this mirror no longer has the file")
        XCTAssertEqual(FetchError.httpStatus(url: url, status: 503).description,
                       "http://yann.lecun.com/exdb/mnist/t10k-labels-idx1-ubyte.gz answered HTTP 503, a server error")
        XCTAssertEqual(FetchError.stalled(url: url, seconds: 30).description,
                       "no data from yann.lecun.com for 30 s: the network or the server stalled; "
                       + "run the command again to resume")
        XCTAssertTrue(FetchError.diskFull(path: "/data/x.part").description.hasPrefix("the disk is full while writing /data/x.part"))
        XCTAssertTrue(FetchError.permissionDenied(path: "/data").description.contains("--dir"))
    }

    func testEveryMirrorFailingListsTheMirrorsAndWhatWorksOffline() {
        let failures = DatasetName.fashionMnist.mirrors.map {
            MirrorFailure(mirror: $0, error: .hostNotFound(host: $0.host!))
        }
        let message = FetchError.allMirrorsFailed(dataset: .fashionMnist, file: "train-images-idx3-ubyte.gz",
                                                  attempts: failures).description
        XCTAssertEqual(message, """
            could not download train-images-idx3-ubyte.gz for Fashion-MNIST from any mirror:
              - http://fashion-mnist.s3-website.eu-central-1.amazonaws.com/: could not look up fashion-mnist.s3-website.eu-central-1.amazonaws.com (DNS): check the network connection, or the spelling of --mirror
              - https://github.com/zalandoresearch/fashion-mnist/raw/master/data/fashion/: could not look up github.com (DNS): check the network connection, or the spelling of --mirror
            Files already verified are kept, and a partial download resumes when you run the command again.
            What works without the download:
              - the bundled sample of 5,000 MNIST digits: load("sample") in the REPL (the default)
              - a folder that already holds the four files: mlplab --data DIR, or MLPLAB_DATA=DIR
              - the Debian package: sudo apt-get install dataset-fashion-mnist (files in /usr/share/datasets/fashion-mnist)
              - another mirror you trust: mlplab fetch fashion-mnist --mirror URL
            """)
    }
}
