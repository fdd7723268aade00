import Datasets
import XCTest
import Network
import Tensor

/// The options the Trainer of *Deep Learning from Scratch 2* has and `fit` takes from it: the
/// running-average loss every `evalInterval` iterations, and gradient clipping to `maxGradNorm`.
/// Reference values from numpy (scripts/make_trainer_reference.py, float64).
final class TrainerOptionsTests: XCTestCase {
    func assertClose(_ actual: [Double], _ expected: [Double], relative: Double, _ message: String,
                     file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(actual.count, expected.count, message, file: file, line: line)
        for (i, (a, e)) in zip(actual, expected).enumerated() where abs(a - e) > relative * abs(e) {
            XCTFail("\(message): element \(i) is \(a), numpy \(e)", file: file, line: line)
            return
        }
    }

    // MARK: - Gradient clipping

    private func parameters(_ gradients: [(shape: [Int], values: [Double])], dtype: DType) -> [Parameter] {
        gradients.map { gradient in
            let p = Parameter(name: "p", value: Tensor(shape: gradient.shape, storage: .float64(gradient.values)).astype(dtype))
            p.gradient = p.value
            return p
        }
    }

    func testClippingScalesEveryGradientToTheMaximumNorm() throws {
        for dtype in [DType.float64, .float32] {
            let ps = parameters([([2, 2], [0.3, -0.4, 1.2, 0.0]), ([2], [0.5, -0.6])], dtype: dtype)
            let norm = try clipGradients(ps, maxNorm: 1.0)
            let tolerance = dtype == .float64 ? 1e-14 : 1e-6
            XCTAssertEqual(norm, 1.51657508881031, accuracy: tolerance * 2, "\(dtype)")
            assertClose(ps[0].gradient.doubles, [0.19781401158403952, -0.263752015445386, 0.7912560463361581, 0.0],
                        relative: tolerance, "W \(dtype)")
            assertClose(ps[1].gradient.doubles, [0.32969001930673253, -0.39562802316807905], relative: tolerance, "b \(dtype)")
            XCTAssertEqual(ps[0].gradient.dtype, dtype)
        }
    }

    func testGradientsWithinTheNormAreLeftAlone() throws {
        let ps = parameters([([2], [0.3, -0.4])], dtype: .float64)
        XCTAssertEqual(try clipGradients(ps, maxNorm: 1.0), 0.5, accuracy: 1e-15)
        XCTAssertEqual(ps[0].gradient.doubles, [0.3, -0.4])
    }

    // MARK: - Training with both options

    /// Two epochs on the spiral: a 2-10-3 sigmoid network drawn after seed 0 (0.01 · randn), SGD with
    /// lr 1.0, batches of 30 (10 iterations an epoch), the mean loss of every 4 iterations.
    private func spiralRun(maxGradNorm: Double?) throws -> History {
        let (x, t) = Spiral.load()
        var rng = NumpyRandom(seed: 0)
        let net = try MLP(sizes: [2, 10, 3], activation: .sigmoid, initialization: .small, rng: &rng, dtype: .float64)
        let config = TrainingConfig(epochs: 2, batchSize: 30, evaluateTraining: false, evalInterval: 4,
                                    maxGradNorm: maxGradNorm)
        let reporter = RecordingReporter()
        let history = try Trainer(model: net, optimizer: SGD(learningRate: 1.0), config: config, rng: rng,
                                  reporter: reporter).fit(x, t)
        XCTAssertEqual(reporter.intervals.map { $0.epoch }, [1, 1, 2, 2, 2])
        XCTAssertEqual(reporter.intervals.map { $0.step }, [4, 8, 2, 6, 10])
        XCTAssertEqual(reporter.intervals.map { $0.steps }, [10, 10, 10, 10, 10])
        XCTAssertEqual(reporter.intervals.map { $0.loss }, history.intervalLoss)
        return history
    }

    /// The third mean covers iterations 9 and 10 of epoch 1 and 1 and 2 of epoch 2.
    func testTheRunningMeanOfTheLossMatchesTheBooksTrainer() throws {
        let history = try spiralRun(maxGradNorm: nil)
        assertClose(history.intervalLoss, [1.232523352079136, 1.1199020723235547, 1.099806703523478, 1.114628573315762,
                                           1.178256315874151], relative: 1e-9, "interval losses")
        XCTAssertEqual(history.stepLoss.count, 20)
    }

    func testClippedTrainingMatchesTheBooksTrainer() throws {
        let history = try spiralRun(maxGradNorm: 0.05)
        assertClose(history.intervalLoss, [1.106445280344652, 1.1016079401932233, 1.1031789292164607, 1.097558374330973,
                                           1.1046101915761564], relative: 1e-9, "interval losses with max_grad 0.05")
    }

    func testNonPositiveIntervalsAndNormsAreRefused() throws {
        let (x, t) = Spiral.load()
        var rng = NumpyRandom(seed: 0)
        let net = try MLP(sizes: [2, 3], rng: &rng)
        for (config, phrase) in [(TrainingConfig(epochs: 1, evalInterval: 0), "eval_interval"),
                                 (TrainingConfig(epochs: 1, maxGradNorm: -1), "max_grad"),
                                 (TrainingConfig(epochs: 1, maxGradNorm: .nan), "max_grad")] {
            XCTAssertThrowsError(try Trainer(model: net, optimizer: SGD(learningRate: 0.1), config: config, rng: rng).fit(x, t)) {
                XCTAssertTrue("\($0)".contains(phrase), "\($0)")
            }
        }
    }
}

/// Keeps what the Trainer reports between the steps.
private final class RecordingReporter: TrainingReporter {
    var intervals: [(epoch: Int, step: Int, steps: Int, loss: Double)] = []

    func stepCompleted(epoch: Int, step: Int, stepsInEpoch: Int, samplesPerSecond: Double, loss: Double) {}
    func intervalCompleted(epoch: Int, step: Int, stepsInEpoch: Int, averageLoss: Double) {
        intervals.append((epoch, step, stepsInEpoch, averageLoss))
    }
    func epochCompleted(epoch: Int, of epochs: Int, history: History) {}
    func message(_ text: String) {}
    func trainingEnded() {}
}
