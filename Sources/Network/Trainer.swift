import Foundation
import Support
import Tensor

/// How mini-batches are drawn from the training set.
public enum Sampling: String, CaseIterable, Sendable {
    /// A fresh permutation each epoch, cut into consecutive batches (every sample once per epoch).
    case shuffle
    /// Each batch drawn independently with replacement, like the seeds' `get_mini_batch`
    /// (`np.random.choice(num_data, batch_sz)`).
    case replacement
}

/// What a training run does.
public struct TrainingConfig: Sendable {
    public var epochs: Int
    public var batchSize: Int
    public var sampling: Sampling
    /// Batches per epoch with `.replacement` sampling (default: ⌈N / batchSize⌉, as many
    /// as `.shuffle` takes, so that an epoch is the same number of steps either way).
    public var stepsPerEpoch: Int?
    /// Evaluate loss and accuracy on the whole training set after each epoch (as the seeds do).
    public var evaluateTraining: Bool
    /// Every this many iterations (counted across epochs), the mean of their step losses is
    /// recorded (`History.intervalLoss`) and reported: the `eval_interval` of the `Trainer`
    /// in *Deep Learning from Scratch 2*. Nil: no such reports.
    public var evalInterval: Int?
    /// Gradient clipping: when the global norm of all the gradients of a step exceeds it,
    /// they are scaled down to it before the update (`clipGradients`, the book's `max_grad`).
    /// Nil: no clipping.
    public var maxGradNorm: Double?
    /// Keep float32 training inputs that are mostly zeros as their non-zero entries
    /// (`BatchSource`): the same numbers, in a fraction of the time on MNIST.
    public var skipsZeroInputs: Bool

    public init(epochs: Int = 10, batchSize: Int = 128, sampling: Sampling = .shuffle,
                stepsPerEpoch: Int? = nil, evaluateTraining: Bool = true,
                evalInterval: Int? = nil, maxGradNorm: Double? = nil, skipsZeroInputs: Bool = true) {
        self.epochs = epochs
        self.batchSize = batchSize
        self.sampling = sampling
        self.stepsPerEpoch = stepsPerEpoch
        self.evaluateTraining = evaluateTraining
        self.evalInterval = evalInterval
        self.maxGradNorm = maxGradNorm
        self.skipsZeroInputs = skipsZeroInputs
    }
}

/// Everything a run measured: per-epoch metrics and per-step losses.
public struct History: Sendable {
    public var trainLoss: [Double] = []
    public var trainAccuracy: [Double] = []
    public var testLoss: [Double] = []
    public var testAccuracy: [Double] = []
    /// The mini-batch loss of every step, in order.
    public var stepLoss: [Double] = []
    /// With `TrainingConfig.evalInterval`: the mean step loss of each interval, in order.
    public var intervalLoss: [Double] = []
    /// Wall time of each epoch's training steps (evaluation excluded).
    public var epochSeconds: [Double] = []
    /// True when Ctrl-C ended the run early (the weights are kept as they were).
    public var interrupted = false

    public init() {}
    public var epochsCompleted: Int { epochSeconds.count }

    /// The learning curves, per epoch, for `plot(history)` in the REPL and `mlplab train
    /// --plot FILE`: the losses and accuracies that were measured, each named.
    public var learningCurves: [(name: String, values: [Double])] {
        [("train loss", trainLoss), ("test loss", testLoss), ("train acc", trainAccuracy), ("test acc", testAccuracy)]
            .filter { !$0.1.isEmpty }
    }
}

/// Hears about training as it goes: a progress bar, or plain lines.
public protocol TrainingReporter: AnyObject {
    func stepCompleted(epoch: Int, step: Int, stepsInEpoch: Int, samplesPerSecond: Double, loss: Double)
    /// With `TrainingConfig.evalInterval`: the mean loss of the steps since the last report, after `step`.
    func intervalCompleted(epoch: Int, step: Int, stepsInEpoch: Int, averageLoss: Double)
    func epochCompleted(epoch: Int, of epochs: Int, history: History)
    func message(_ text: String)
    /// Training is over, finished, stopped or failed: whatever is drawn in place is
    /// ended, so that the next output (an error, say) starts on a line of its own.
    func trainingEnded()
}

/// The seeds' epoch line: `[Epoch 3/30] Training Loss = 0.0155 / Training Acc = 90.11% / Test Loss = … / Test Acc = …`.
public func epochLine(epoch: Int, of epochs: Int, history h: History) -> String {
    var parts: [String] = []
    if let loss = h.trainLoss.last, let acc = h.trainAccuracy.last {
        parts.append(String(format: "Training Loss = %.4f / Training Acc = %.2f%%", loss, acc * 100))
    }
    if let loss = h.testLoss.last, let acc = h.testAccuracy.last {
        parts.append(String(format: "Test Loss = %.4f / Test Acc = %.2f%%", loss, acc * 100))
    }
    return "[Epoch \(epoch)/\(epochs)] " + parts.joined(separator: " / ")
}

/// The mean of the step losses over each `interval` iterations, counted across epochs, as
/// the Trainer of *Deep Learning from Scratch 2* prints it: a report after every `interval`
/// steps, on exactly the losses of those steps.
struct RunningLoss {
    let interval: Int
    private var total = 0.0
    private var count = 0

    init(interval: Int) {
        self.interval = interval
    }

    /// Adds one step's loss; returns the mean of the interval when this step ends it.
    mutating func add(_ loss: Double) -> Double? {
        total += loss
        count += 1
        guard count == interval else { return nil }
        defer { (total, count) = (0, 0) }
        return total / Double(interval)
    }
}

/// One training step on a mini-batch, whoever computes it: the engine's network
/// (`NetworkStep`) or the learner's own functions from the exercises. `Trainer` runs either
/// the same way: the batches, the divergence check, Ctrl-C, evaluation and progress are its.
public protocol TrainingStep: AnyObject {
    /// The width of one input row.
    var inputSize: Int { get }
    /// What training changes: saved at the start of each epoch, put back if it diverges.
    var parameters: [Parameter] { get }
    var learningRate: Double { get }
    /// Whether a batch may come as its non-zero entries (`InputBatch.sparse`).
    var takesSparseBatches: Bool { get }
    /// Forward, backward and update on one mini-batch; returns its loss before the update.
    /// `afterForward` is called once, when the forward pass is done: the Trainer hands the
    /// next batch's gathering to a worker there, while this batch goes backward.
    func train(on batch: InputBatch, targets: Tensor, afterForward: () -> Void) throws -> Double
    /// The mean loss and the accuracy on a whole data set, its rows as training takes them.
    func evaluate(_ data: BatchSource, _ y: Tensor) throws -> (loss: Double, accuracy: Double)
    /// One epoch of `.shuffle` sampling: the row positions of each batch.
    func shuffledBatches(count n: Int, batchSize: Int, rng: inout NumpyRandom) throws -> [[Int64]]
}

extension TrainingStep {
    /// A fresh permutation, cut into consecutive batches (the last one holds what is left).
    public func shuffledBatches(count n: Int, batchSize: Int, rng: inout NumpyRandom) throws -> [[Int64]] {
        let order = rng.permutation(n)
        return stride(from: 0, to: n, by: batchSize).map { Array(order[$0..<Swift.min($0 + batchSize, n)]) }
    }
}

/// The engine's step: the network forward, the loss, backward, gradient clipping if
/// asked, and the optimiser's update.
public final class NetworkStep: TrainingStep {
    public let model: MLP
    public let optimizer: Optimizer
    public let maxGradNorm: Double?

    public init(_ model: MLP, optimizer: Optimizer, maxGradNorm: Double? = nil) {
        self.model = model
        self.optimizer = optimizer
        self.maxGradNorm = maxGradNorm
    }

    public var inputSize: Int { model.sizes[0] }
    public var parameters: [Parameter] { model.parameters }
    public var learningRate: Double { optimizer.learningRate }
    public var takesSparseBatches: Bool { model.dtype == .float32 }

    public func train(on batch: InputBatch, targets: Tensor, afterForward: () -> Void) throws -> Double {
        let loss = try model.forward(batch, targets)
        afterForward()
        try model.backwardToParameters()
        if let maxGradNorm { try clipGradients(model.parameters, maxNorm: maxGradNorm) }
        try optimizer.step(model.parameters)
        return loss
    }

    public func evaluate(_ data: BatchSource, _ y: Tensor) throws -> (loss: Double, accuracy: Double) {
        try NetworkStep.evaluate(model, data, y)
    }

    /// Mean loss and accuracy of `model` on a whole data set, its rows taken as their non-zero
    /// entries when that pays (as in training).
    public static func evaluate(_ model: MLP, _ x: Tensor, _ y: Tensor) throws -> (loss: Double, accuracy: Double) {
        try evaluate(model, BatchSource(model.inputs(x), skippingZeros: true), y)
    }

    /// The same over a data set kept as training keeps it (so a float32 network's mostly-zero
    /// rows are compressed once per run, not once per evaluation), in chunks of 2,000 rows so
    /// memory stays small.
    public static func evaluate(_ model: MLP, _ data: BatchSource, _ y: Tensor) throws -> (loss: Double, accuracy: Double) {
        let n = data.count, chunk = 2_000
        var lossSum = 0.0, correct = 0.0
        for start in stride(from: 0, to: n, by: chunk) {
            let stop = Swift.min(start + chunk, n)
            let outputs = try model.evaluationOutputs(data.batch(at: Array(Int64(start)..<Int64(stop))))
            let ys = try y.index([TensorIndex.slice(start: start, stop: stop, step: nil)])
            let count = Double(stop - start)
            lossSum += try model.loss.forward(outputs, ys) * count
            correct += try accuracy(outputs, ys) * count
        }
        return (lossSum / Double(n), correct / Double(n))
    }
}

/// The training loop, the only one: per epoch, mini-batches from a `BatchSource` in the
/// order the sampling gives, one `TrainingStep` each, then evaluation.
public final class Trainer {
    public let step: TrainingStep
    public let config: TrainingConfig
    /// Kept for the run (a reporter passed inline lives as long as the trainer).
    public var reporter: TrainingReporter?
    /// The run's random generator (batch order), seeded like numpy's.
    public var rng: NumpyRandom

    public init(step: TrainingStep, config: TrainingConfig, rng: NumpyRandom, reporter: TrainingReporter? = nil) {
        self.step = step
        self.config = config
        self.rng = rng
        self.reporter = reporter
    }

    /// The engine's network trained by `optimizer`.
    public convenience init(model: MLP, optimizer: Optimizer, config: TrainingConfig, rng: NumpyRandom,
                            reporter: TrainingReporter? = nil) {
        self.init(step: NetworkStep(model, optimizer: optimizer, maxGradNorm: config.maxGradNorm),
                  config: config, rng: rng, reporter: reporter)
    }

    /// Trains on (x, y), evaluating on the test set after each epoch when given.
    /// Ctrl-C stops after the current batch with the weights kept; a NaN or
    /// infinite loss restores the weights from the start of the epoch and throws
    /// `NetworkError.diverged` naming the step.
    public func fit(_ x: Tensor, _ y: Tensor, test: (x: Tensor, y: Tensor)? = nil,
                    history initial: History = History()) throws -> History {
        try validate(x, y, test: test)
        let skippingZeros = config.skipsZeroInputs && step.takesSparseBatches
        let source = BatchSource(x, skippingZeros: skippingZeros)
        let test = test.map { (x: BatchSource($0.x, skippingZeros: skippingZeros), y: $0.y) }
        Interrupt.clear()
        defer { reporter?.trainingEnded() }
        // On sparse batches the first layer's products are split across the cores by mlplab's
        // workers, and OpenBLAS's products are small: one thread does them best, and its idle
        // threads would spin on the cores the workers need.
        guard source.skipsZeros else { return try trainEpochs(source, y, test: test, history: initial) }
        return try ComputeThreads.withBLASOnOneThread { try trainEpochs(source, y, test: test, history: initial) }
    }

    private func trainEpochs(_ source: BatchSource, _ y: Tensor, test: (x: BatchSource, y: Tensor)?,
                             history initial: History) throws -> History {
        var history = initial
        var runningLoss = config.evalInterval.map(RunningLoss.init)
        let startEpoch = history.epochsCompleted
        for epoch in (startEpoch + 1)...(startEpoch + config.epochs) {
            let snapshot = step.parameters.map(\.value)
            let started = Date()
            let batches = try epochBatches(count: source.count)
            var nextBatch = source.prefetch(batches.first)
            for (i, positions) in batches.enumerated() {
                let targets = try y.rows(at: positions)
                let batch = try nextBatch?.value ?? source.batch(at: positions)
                nextBatch = nil
                let loss = try step.train(on: batch, targets: targets) {
                    nextBatch = source.prefetch(i + 1 < batches.count ? batches[i + 1] : nil)
                }
                let firstLoss = history.stepLoss.first ?? loss
                guard !Trainer.hasDiverged(loss, firstLoss: firstLoss) else {
                    for (p, saved) in zip(step.parameters, snapshot) { p.value = saved }
                    throw NetworkError.diverged(step: history.stepLoss.count + 1, epoch: epoch, loss: loss,
                                                firstLoss: firstLoss, learningRate: step.learningRate)
                }
                history.stepLoss.append(loss)
                if let average = runningLoss?.add(loss) {
                    history.intervalLoss.append(average)
                    reporter?.intervalCompleted(epoch: epoch, step: i + 1, stepsInEpoch: batches.count, averageLoss: average)
                }
                let elapsed = Date().timeIntervalSince(started)
                reporter?.stepCompleted(epoch: epoch, step: i + 1, stepsInEpoch: batches.count,
                                        samplesPerSecond: Double((i + 1) * positions.count) / Swift.max(elapsed, 1e-9), loss: loss)
                if Trainer.stopsForInterrupt(&history, epoch: epoch, reporter: reporter) { return history }
            }
            history.epochSeconds.append(Date().timeIntervalSince(started))
            try evaluate(into: &history, source, y, test: test)
            reporter?.epochCompleted(epoch: epoch, of: startEpoch + config.epochs, history: history)
        }
        return history
    }

    /// One epoch's batches, as row positions: a permutation cut into ⌈N/B⌉ batches, or
    /// ⌈N/B⌉ (or `stepsPerEpoch`) batches each drawn with replacement.
    private func epochBatches(count n: Int) throws -> [[Int64]] {
        let batch = Swift.min(config.batchSize, n)
        switch config.sampling {
        case .shuffle:
            return try step.shuffledBatches(count: n, batchSize: batch, rng: &rng)
        case .replacement:
            let steps = config.stepsPerEpoch ?? (n + batch - 1) / batch
            return try (0..<steps).map { _ in try rng.choice(n, size: batch, replace: true) }
        }
    }

    /// True when Ctrl-C was pressed: the request is taken (cleared), the
    /// history marked interrupted and the reporter told that the weights are kept.
    static func stopsForInterrupt(_ history: inout History, epoch: Int, reporter: TrainingReporter?) -> Bool {
        guard Interrupt.isRequested else { return false }
        Interrupt.clear()
        history.interrupted = true
        reporter?.message("interrupted in epoch \(epoch): training stopped, the weights so far are kept")
        return true
    }

    /// A loss that is NaN or infinite, or a hundred times the run's first
    /// loss, means the steps are overshooting: the learning rate is too large.
    static func hasDiverged(_ loss: Double, firstLoss: Double) -> Bool {
        !loss.isFinite || loss > 100 * Swift.max(firstLoss, 1e-3)
    }

    private func validate(_ x: Tensor, _ y: Tensor, test: (x: Tensor, y: Tensor)?) throws {
        guard config.epochs > 0, config.batchSize > 0 else {
            throw NetworkError.invalidConfiguration("epochs and batch size must be positive (got \(config.epochs) and \(config.batchSize))")
        }
        if let interval = config.evalInterval, interval <= 0 {
            throw NetworkError.invalidConfiguration("eval_interval counts iterations: it must be positive, like 10 (got \(interval))")
        }
        if let maxNorm = config.maxGradNorm, !(maxNorm > 0) {
            throw NetworkError.invalidConfiguration("max_grad is the largest gradient norm allowed: it must be positive, like 5.0 (got \(maxNorm))")
        }
        for (name, data, labels) in [("training", x, y)] + (test.map { [("test", $0.x, $0.y)] } ?? []) {
            guard data.ndim == 2, data.shape[1] == step.inputSize else {
                throw TensorError.shapeMismatch(operation: "fit",
                    detail: "the \(name) inputs must be (N, \(step.inputSize)), got \(formatShape(data.shape))")
            }
            guard labels.shape.first == data.shape[0] else {
                throw TensorError.shapeMismatch(operation: "fit",
                    detail: "\(data.shape[0]) \(name) inputs but labels of shape \(formatShape(labels.shape))")
            }
        }
        guard x.shape[0] > 0 else { throw NetworkError.invalidConfiguration("the training set is empty") }
    }

    private func evaluate(into history: inout History, _ x: BatchSource, _ y: Tensor, test: (x: BatchSource, y: Tensor)?) throws {
        if config.evaluateTraining {
            let (loss, acc) = try step.evaluate(x, y)
            history.trainLoss.append(loss)
            history.trainAccuracy.append(acc)
        }
        if let test {
            let (loss, acc) = try step.evaluate(test.x, test.y)
            history.testLoss.append(loss)
            history.testAccuracy.append(acc)
        }
    }
}
