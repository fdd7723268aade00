import Network
import XCTest

/// Training's progress bar: one line redrawn in place, not a line per batch.
final class ProgressReporterTests: XCTestCase {
    func testTheBarIsRedrawnAtMostTenTimesASecondAndTakenAwayForTheNextOutput() {
        var drawn: [String?] = []
        var written: [String] = []
        let reporter = ProgressReporter(drawLine: { drawn.append($0) }, write: { written.append($0) })
        let started = Date()
        for step in 1...2000 {
            reporter.stepCompleted(epoch: 1, step: step, stepsInEpoch: 2000, samplesPerSecond: 100, loss: 0.5)
        }
        let seconds = Date().timeIntervalSince(started)
        XCTAssertTrue(drawn.first??.hasPrefix("  epoch 1  ························  1/2000  ") == true, "\(drawn.first as Any)")
        XCTAssertTrue(drawn.last??.hasPrefix("  epoch 1  ████████████████████████  2000/2000  ") == true, "\(drawn.last as Any)")
        XCTAssertLessThanOrEqual(Double(drawn.count), 10 * seconds + 2)
        reporter.message("[Epoch 1/1]")
        XCTAssertEqual(drawn.count(where: { $0 == nil }), 1, "the bar is taken away before the epoch's line")
        XCTAssertEqual(drawn.last, .some(nil))
        XCTAssertEqual(written, ["[Epoch 1/1]"])
        reporter.trainingEnded()
        XCTAssertEqual(drawn.count(where: { $0 == nil }), 1, "nothing to take away once it is gone")
    }

    func testWithoutALineOnlyTheEpochLinesAreWritten() {
        var written: [String] = []
        let reporter = ProgressReporter(drawLine: nil, write: { written.append($0) })
        reporter.stepCompleted(epoch: 1, step: 1, stepsInEpoch: 1, samplesPerSecond: 100, loss: 0.5)
        reporter.message("[Epoch 1/1]")
        reporter.trainingEnded()
        XCTAssertEqual(written, ["[Epoch 1/1]"])
    }
}
