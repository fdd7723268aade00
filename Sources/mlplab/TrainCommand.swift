import ArgumentParser
import Datasets
import Foundation
import Network
import Plots
import Support
import Tensor

extension Activation: ExpressibleByArgument {}
extension LossKind: ExpressibleByArgument {}
extension OptimizerKind: ExpressibleByArgument {}
extension Initialization: ExpressibleByArgument {}
extension Sampling: ExpressibleByArgument {}

enum Precision: String, ExpressibleByArgument, CaseIterable {
    case float32, float64
    var dtype: DType { self == .float32 ? .float32 : .float64 }
}

/// `mlplab train`: the whole pipeline — load, scale, build, train with
/// per-epoch metrics, report the test accuracy, optionally save.
struct Train: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Train an MLP on MNIST (or the sample, or Fashion-MNIST) and report its test accuracy.",
        discussion: "Example, after `mlplab fetch mnist`: mlplab train --dataset mnist --hidden 256 --epochs 10 --save model.mlp (--data DIR reads the four IDX files from another folder)")

    @OptionGroup var data: DataOptions

    @Option(help: "Hidden layer sizes, comma-separated (e.g. 256, or 64,16).")
    var hidden: String = "256"

    @Option(help: "Hidden activation: relu, sigmoid, tanh.")
    var activation: Activation = .relu

    @Option(help: "Loss: softmax-ce, mse, sigmoid-ce, nll.")
    var loss: LossKind = .softmaxCrossEntropy

    @Option(help: "Optimiser: sgd, momentum, adam.")
    var optimizer: OptimizerKind = .sgd

    @Option(name: [.customLong("lr"), .customLong("learning-rate")], help: "Learning rate.")
    var learningRate: Double = 0.1

    @Option(help: "L2 weight decay.")
    var weightDecay: Double = 0

    @Option(help: "Mini-batch size.")
    var batchSize: Int = 256

    @Option(help: "Number of epochs.")
    var epochs: Int = 10

    @Option(help: "Mini-batches: shuffle (a permutation per epoch) or replacement (each batch drawn at random, np.random.choice); ⌈N / batch size⌉ steps an epoch either way.")
    var sampling: Sampling = .shuffle

    @Option(help: "Train this many mini-batch steps, each on a batch drawn with replacement (the 2-layer MNIST lab's num_iter), instead of --epochs and --sampling; the network is evaluated once, after the last step.")
    var iterations: Int?

    @Option(help: "Random seed for the weights and the batch order.")
    var seed: UInt32 = 0

    @Option(help: "Weight initialisation: he, xavier, small (0.01·randn), randn.")
    var initialization: Initialization = .he

    @Option(help: "Precision: float32 (fast) or float64.")
    var precision: Precision = .float32

    @Flag(help: "Subtract the training set's mean pixel value, one number, from train and test (zero-centring).")
    var zeroCentre = false

    @Option(help: "Save the trained model to this file.")
    var save: String?

    @Option(help: "Save the learning curves to this file (.svg or .png).")
    var plot: String?

    func validate() throws {
        guard hiddenSizes != nil else { throw ValidationError("--hidden must be positive integers separated by commas, like 256 or 64,16") }
        guard learningRate > 0, learningRate.isFinite else { throw ValidationError("--lr must be a positive number") }
        guard batchSize > 0, epochs > 0 else { throw ValidationError("--batch-size and --epochs must be positive") }
        if let iterations, iterations <= 0 { throw ValidationError("--iterations must be positive, like 10000") }
        if let plot, !ChartFile.extensions.contains(where: { plot.lowercased().hasSuffix("." + $0) }) {
            throw ValidationError("--plot needs a file name ending in .svg or .png, got \(plot)")
        }
    }

    var hiddenSizes: [Int]? {
        let sizes = hidden.split(separator: ",").map { Int($0.trimmingCharacters(in: .whitespaces)) }
        return sizes.allSatisfy({ ($0 ?? 0) > 0 }) ? sizes.compactMap { $0 } : nil
    }

    func run() throws {
        let dtype = precision.dtype
        var train = try data.load(.train, dtype: dtype), test = try data.load(.test, dtype: dtype)
        if zeroCentre {
            let mean = try train.x.mean().doubles[0]
            train.x = try Preprocessing.zeroCentred(train.x, mean: mean)
            test.x = try Preprocessing.zeroCentred(test.x, mean: mean)
        }
        var rng = NumpyRandom(seed: seed)
        let sizes = [train.x.shape[1]] + hiddenSizes! + [train.classes]
        let model = try MLP(sizes: sizes, activation: activation, loss: loss, initialization: initialization,
                            rng: &rng, dtype: dtype)
        print("\(data.label): \(train.x.shape[0]) training and \(test.x.shape[0]) test images; "
              + "MLP \(sizes.map(String.init).joined(separator: "-")) \(activation.rawValue), \(loss.rawValue), "
              + "\(optimizer.rawValue) lr \(learningRate), batch \(batchSize), \(dtype.rawValue), seed \(seed)"
              + (iterations.map { ", \($0) iterations" } ?? ""))
        let reporter = ProgressReporter { print($0); fflush(stdout) }
        let trainer = Trainer(model: model, optimizer: optimizer.make(learningRate: learningRate, weightDecay: weightDecay),
                              config: trainingConfig, rng: rng, reporter: reporter)
        Interrupt.install()
        let history: History
        do {
            history = try trainer.fit(train.x, train.y, test: (test.x, test.y))
        } catch let error as NetworkError {
            throw CommandFailure("\(error)")
        }
        let (_, testAccuracy) = try NetworkStep.evaluate(model, test.x, test.y)
        if let save {
            do {
                try ModelFile.save(model, to: save)
            } catch {
                throw CommandFailure("\(error)")
            }
            print("saved the model to \(save)")
        }
        if let plot, history.epochsCompleted > 0 {
            try ChartFile.write(series: history.learningCurves.map { Series(name: $0.name, values: $0.values) }, to: plot, title: "mlplab train: \(data.label)",
                                xLabel: "epoch")
            print("saved the learning curves to \(plot)")
        }
        let correct = Int((testAccuracy * Double(test.x.shape[0])).rounded())
        let (count, unit) = iterations == nil ? (history.epochsCompleted, "epoch") : (history.stepLoss.count, "iteration")
        let trainingSeconds = history.epochSeconds.reduce(0, +)
        print(String(format: "Test accuracy: %.2f%% (%d/%d) after %d %@%@, %.1f s of training", testAccuracy * 100, correct,
                     test.x.shape[0], count, unit, count == 1 ? "" : "s", trainingSeconds)
              + (history.interrupted ? " (interrupted)" : ""))
    }

    /// --epochs of --sampling batches, or with --iterations one pass of that many batches drawn with replacement.
    private var trainingConfig: TrainingConfig {
        guard let iterations else { return TrainingConfig(epochs: epochs, batchSize: batchSize, sampling: sampling) }
        return TrainingConfig(epochs: 1, batchSize: batchSize, sampling: .replacement, stepsPerEpoch: iterations)
    }
}

/// `mlplab eval`: a saved model's loss and accuracy on a test set.
struct Eval: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Evaluate a saved model on a data set's test split.")

    @Option(help: "The model file (from `mlplab train --save`).")
    var model: String

    @OptionGroup var data: DataOptions

    func run() throws {
        let net = try loadModel(model)
        let test = try data.load(.test, dtype: net.dtype)
        let (loss, accuracy) = try NetworkStep.evaluate(net, test.x, test.y)
        print(String(format: "%@ on %@ test (%d images): loss %.4f, accuracy %.2f%%",
                     model, data.label, test.x.shape[0], loss, accuracy * 100))
    }
}

/// `mlplab predict`: one test image's class probabilities under a saved model.
struct Predict: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Classify one image of the test split with a saved model.")

    @Option(help: "The model file (from `mlplab train --save`).")
    var model: String

    @Option(help: "Which test image (0-based).")
    var index: Int

    @OptionGroup var data: DataOptions

    func run() throws {
        let net = try loadModel(model)
        let test = try data.load(.test, dtype: net.dtype)
        guard (0..<test.x.shape[0]).contains(index) else {
            throw CommandFailure("--index \(index) is outside the test split, which has images 0..<\(test.x.shape[0])")
        }
        let row = try test.x.index([.slice(start: index, stop: index + 1, step: nil)])
        let probabilities = try softmax(net.predict(row)).doubles
        let predicted = probabilities.indices.max { probabilities[$0] < probabilities[$1] }!
        let label = Int(test.y.int64s[index])
        print(try TerminalPicture.digit(row.flattened()))
        print("image \(index) of \(data.label) test: label \(label), predicted \(predicted)"
              + (predicted == label ? "" : "  ✗"))
        for (digit, p) in probabilities.enumerated() {
            let bar = String(repeating: "█", count: Int((p * 40).rounded()))
            print(String(format: "  %d  %6.2f%%  %@", digit, p * 100, bar))
        }
    }
}

func loadModel(_ path: String) throws -> MLP {
    do { return try ModelFile.load(from: path) } catch { throw CommandFailure("\(error)") }
}
