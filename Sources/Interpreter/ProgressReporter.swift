import Foundation
import Network

/// Shows training as it runs: the seeds' epoch lines through `write` (to the
/// REPL's output, or stdout for `mlplab train`), and on a terminal a progress
/// bar with throughput and ETA, redrawn in place on standard error. With
/// `eval_interval`, the running-loss lines of the book's `Trainer` take the place
/// of the epoch lines, in the learner's language.
public final class ProgressReporter: TrainingReporter {
    private let write: (String) -> Void
    private let drawsProgress: Bool
    private let language: LessonLanguage
    /// False when the running-loss lines are shown instead.
    private let showsEpochLines: Bool
    private var lastDraw = Date.distantPast
    private var epochStarted = Date()
    /// True while the bar is on the screen, its line not yet ended.
    private var barShown = false

    public init(drawsProgress: Bool = isatty(STDERR_FILENO) != 0 && isatty(STDOUT_FILENO) != 0,
                language: LessonLanguage = .en, showsEpochLines: Bool = true,
                write: @escaping (String) -> Void) {
        self.drawsProgress = drawsProgress
        self.language = language
        self.showsEpochLines = showsEpochLines
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

    public func intervalCompleted(epoch: Int, step: Int, stepsInEpoch: Int, averageLoss: Double) {
        message(intervalLine(epoch: epoch, step: step, of: stepsInEpoch, averageLoss: averageLoss, language: language))
    }

    public func epochCompleted(epoch: Int, of epochs: Int, history: History) {
        guard showsEpochLines else { return }
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

/// The running-loss line of the `Trainer` of *Deep Learning from Scratch 2* (the spiral notes print it
/// in Korean): `| epoch 1 | iter 10 / 10 | loss 1.13`, `| 에폭 1 | 반복 10 / 10 | 손실 1.13`.
public func intervalLine(epoch: Int, step: Int, of steps: Int, averageLoss: Double, language: LessonLanguage) -> String {
    let (epochWord, iterationWord, lossWord) = language == .ko ? ("에폭", "반복", "손실") : ("epoch", "iter", "loss")
    return String(format: "| %@ %d | %@ %d / %d | %@ %.2f", epochWord, epoch, iterationWord, step, steps, lossWord, averageLoss)
}
