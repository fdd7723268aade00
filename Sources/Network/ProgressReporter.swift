import Foundation
import Support

/// Shows training as it runs: the seeds' epoch lines through `write` (to the REPL's output, or
/// stdout for `mlplab train`), and a progress bar with throughput and ETA redrawn in place by
/// `drawLine` (on a terminal's standard error, or as one updating line of a notebook cell).
/// With `eval_interval`, the running-loss lines of the book's `Trainer` take the place of the
/// epoch lines, in the learner's language.
public final class ProgressReporter: TrainingReporter {
    private let write: (String) -> Void
    /// Draws the bar's new text over the old one; nil takes the bar away.
    private let drawLine: ((String?) -> Void)?
    private let language: LessonLanguage
    /// False when the running-loss lines are shown instead.
    private let showsEpochLines: Bool
    private var lastDraw = Date.distantPast
    private var epochStarted = Date()
    /// True while the bar is shown.
    private var barShown = false

    /// - Parameter drawLine: where the bar goes; nil draws none.
    public init(drawLine: ((String?) -> Void)? = ProgressReporter.terminalLine,
                language: LessonLanguage = .en, showsEpochLines: Bool = true,
                write: @escaping (String) -> Void) {
        self.drawLine = drawLine
        self.language = language
        self.showsEpochLines = showsEpochLines
        self.write = write
    }

    /// The bar on standard error, when both standard output and standard error are a terminal
    /// (a pipe or a file gets the epoch lines only).
    public static var terminalLine: ((String?) -> Void)? {
        guard isatty(STDERR_FILENO) != 0 && isatty(STDOUT_FILENO) != 0 else { return nil }
        return { line in
            // Back to the line's start and over it; without a line, clear it for the next output.
            try? FileHandle.standardError.write(contentsOf: Data((line.map { "\r" + $0 } ?? "\r\u{1B}[K").utf8))
        }
    }

    public func stepCompleted(epoch: Int, step: Int, stepsInEpoch: Int, samplesPerSecond: Double, loss: Double) {
        if step == 1 { epochStarted = Date() }
        guard let drawLine, step == stepsInEpoch || Date().timeIntervalSince(lastDraw) > 0.1 else { return }
        lastDraw = Date()
        let width = 24
        let filled = width * step / Swift.max(stepsInEpoch, 1)
        let bar = String(repeating: "█", count: filled) + String(repeating: "·", count: width - filled)
        let perStep = Date().timeIntervalSince(epochStarted) / Double(step)
        let eta = perStep * Double(stepsInEpoch - step)
        drawLine(String(format: "  epoch %d  %@  %d/%d  %.0f samples/s  ETA %.1fs  loss %.4f",
                        epoch, bar, step, stepsInEpoch, samplesPerSecond, eta, loss))
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

    /// Takes the bar away, so that the next output starts where it was.
    private func eraseBar() {
        guard barShown else { return }
        drawLine?(nil)
        barShown = false
    }
}

/// The running-loss line of the `Trainer` of *Deep Learning from Scratch 2* (the spiral notes print it
/// in Korean): `| epoch 1 | iter 10 / 10 | loss 1.13`, `| 에폭 1 | 반복 10 / 10 | 손실 1.13`.
public func intervalLine(epoch: Int, step: Int, of steps: Int, averageLoss: Double, language: LessonLanguage) -> String {
    let (epochWord, iterationWord, lossWord) = language == .ko ? ("에폭", "반복", "손실") : ("epoch", "iter", "loss")
    return String(format: "| %@ %d | %@ %d / %d | %@ %.2f", epochWord, epoch, iterationWord, step, steps, lossWord, averageLoss)
}
