import Foundation
import Network

/// Shows training as it runs: the seeds' epoch lines through `write` (to the
/// REPL's output, or stdout for `mlplab train`), and on a terminal a progress
/// bar with throughput and ETA, redrawn in place on standard error.
public final class ProgressReporter: TrainingReporter {
    private let write: (String) -> Void
    private let drawsProgress: Bool
    private var lastDraw = Date.distantPast
    private var epochStarted = Date()
    /// True while the bar is on the screen, its line not yet ended.
    private var barShown = false

    public init(drawsProgress: Bool = isatty(STDERR_FILENO) != 0 && isatty(STDOUT_FILENO) != 0,
                write: @escaping (String) -> Void) {
        self.drawsProgress = drawsProgress
        self.write = write
    }

    public func stepCompleted(epoch: Int, step: Int, stepsInEpoch: Int, samplesPerSecond: Double, loss: Double) {
        if step == 1 { epochStarted = Date() }
        guard drawsProgress, step == stepsInEpoch || Date().timeIntervalSince(lastDraw) > 0.1 else { return }
        lastDraw = Date()
        let width = 24
        let filled = width * step / Swift.max(stepsInEpoch, 1)
        let bar = String(repeating: "█", count: filled) + String(repeating: "·", count: width - filled)
        let perStep = Date().timeIntervalSince(epochStarted) / Double(step)
        let eta = perStep * Double(stepsInEpoch - step)
        let line = String(format: "\r  epoch %d  %@  %d/%d  %.0f samples/s  ETA %.1fs  loss %.4f",
                          epoch, bar, step, stepsInEpoch, samplesPerSecond, eta, loss)
        FileHandle.standardError.write(Data(line.utf8))
        barShown = true
    }

    public func epochCompleted(epoch: Int, of epochs: Int, history: History) {
        message(epochLine(epoch: epoch, of: epochs, history: history))
    }

    public func message(_ text: String) {
        eraseBar()
        write(text)
    }

    public func trainingEnded() {
        eraseBar()
    }

    /// Clears the bar's line and puts the cursor at its start, where the next output begins.
    private func eraseBar() {
        guard barShown else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
        barShown = false
    }
}
