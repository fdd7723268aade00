import Datasets
import Foundation
import Network
import ChildProcesses
import Course
import CourseConsole
import ExerciseCalls
import ReferenceSolutions
import Tensor
import XCTest

/// Trains `model` with the exercise functions `f`: `Trainer` running an `ExerciseStep`, as `fit` does under `:use mine`.
func trainWithExerciseFunctions(_ f: Implementations, _ model: MLP, _ x: Tensor, _ y: Tensor,
                                config: TrainingConfig, optimizer: OptimizerKind = .sgd, learningRate: Double = 0.1,
                                rng: NumpyRandom, test: (x: Tensor, y: Tensor)? = nil) throws -> History {
    let step = try ExerciseStep(model, f, config: config, optimizer: optimizer, learningRate: learningRate)
    return try Trainer(step: step, config: config, rng: rng).fit(x, y, test: test)
}

/// `:use mine` trains with the exercise functions through an `ExerciseStep`. With the
/// reference functions it must give the engine's own numbers, so that a learner whose
/// checks pass trains exactly like the engine; and it must learn real digits.
final class TrainerTests: XCTestCase {
    private func problem(seed: UInt32) throws -> (x: Tensor, y: Tensor) {
        var rng = NumpyRandom(seed: seed)
        let x = Tensor.randn([48, 6], using: &rng)
        return (x, try Tensor.randint(low: 0, high: 3, shape: [48], using: &rng))
    }

    /// Same seeds, same initial weights, same batches: the same loss at every step.
    func testWithTheReferenceFunctionsItTrainsExactlyLikeTheEngine() throws {
        for (activation, loss) in [(Activation.relu, LossKind.softmaxCrossEntropy), (.sigmoid, .mse)] {
            let (x, y) = try problem(seed: 5)
            var initRng = NumpyRandom(seed: 1)
            let engineModel = try MLP(sizes: [6, 8, 5, 3], activation: activation, loss: loss, rng: &initRng)
            initRng = NumpyRandom(seed: 1)
            let exerciseModel = try MLP(sizes: [6, 8, 5, 3], activation: activation, loss: loss, rng: &initRng)

            let trainer = Trainer(model: engineModel, optimizer: SGD(learningRate: 0.1),
                                  config: TrainingConfig(epochs: 3, batchSize: 10), rng: NumpyRandom(seed: 7))
            let engine = try trainer.fit(x, y)
            let exercises = try trainWithExerciseFunctions(.reference, exerciseModel, x, y,
                                                           config: TrainingConfig(epochs: 3, batchSize: 10), rng: NumpyRandom(seed: 7))

            let label = "\(activation) \(loss)"
            XCTAssertEqual(exercises.stepLoss.count, 15, label)
            for (a, e) in zip(exercises.stepLoss, engine.stepLoss) { XCTAssertEqual(a, e, accuracy: 1e-12 * max(1, abs(e)), label) }
            for (a, e) in zip(exercises.trainAccuracy, engine.trainAccuracy) { XCTAssertEqual(a, e, label) }
            for (a, e) in zip(exercises.trainLoss, engine.trainLoss) { XCTAssertEqual(a, e, accuracy: 1e-12, label) }
            for (p, q) in zip(exerciseModel.parameters, engineModel.parameters) {
                for (a, e) in zip(p.value.doubles, q.value.doubles) { XCTAssertEqual(a, e, accuracy: 1e-12, "\(label) \(p.name)") }
            }
        }
    }

    func testItLearnsTheBundledMNISTSample() throws {
        let folder = repositoryRoot + "/data/sample"
        let locator = DataLocator(dataOption: folder)
        let train = try LabeledImages.load(.sample, split: .train, locator: locator)
        let test = try LabeledImages.load(.sample, split: .test, locator: locator)
        var rng = NumpyRandom(seed: 0)
        let model = try MLP(sizes: [784, 64, 10], rng: &rng, dtype: .float32)
        let history = try trainWithExerciseFunctions(
            .reference, model, try ReferenceSolutions.normalise(train.pixels()), train.labelTensor(),
            config: TrainingConfig(epochs: 2, batchSize: 64), rng: rng,
            test: (try ReferenceSolutions.normalise(test.pixels()), test.labelTensor()))
        XCTAssertEqual(model.dtype, .float64, "converted to the exercises' float64")
        XCTAssertEqual(history.testAccuracy.count, 2)
        XCTAssertGreaterThan(history.testAccuracy.last!, 0.85)
        XCTAssertLessThan(history.trainLoss[1], history.trainLoss[0])
    }

    func testAnUnfinishedExerciseStopsTrainingWithItsName() throws {
        var half = Implementations.reference
        half["reluBackward"] = Implementations.untouchedStubs["reluBackward"]
        let (x, y) = try problem(seed: 2)
        var rng = NumpyRandom(seed: 3)
        let model = try MLP(sizes: [6, 4, 3], rng: &rng)
        XCTAssertThrowsError(try trainWithExerciseFunctions(half, model, x, y, config: TrainingConfig(epochs: 1, batchSize: 8), rng: rng)) { error in
            XCTAssertEqual("\(error)", "reluBackward: not implemented yet (write its body between START CODE HERE and END CODE HERE)")
        }
    }

    func testModelsTheExercisesDoNotCoverAreRefused() throws {
        var rng = NumpyRandom(seed: 3)
        let tanh = try MLP(sizes: [6, 4, 3], activation: .tanh, rng: &rng)
        let (x, y) = try problem(seed: 2)
        XCTAssertThrowsError(try trainWithExerciseFunctions(.reference, tanh, x, y, config: TrainingConfig(epochs: 1, batchSize: 8), rng: rng)) { error in
            XCTAssertTrue("\(error)".contains("the exercises have no tanh"), "\(error)")
        }
    }

    /// The exercises cover plain SGD without clipping; everything else of `fit` is the
    /// trainer's own and works with them: sampling with replacement, running losses.
    func testFitOptionsTheExercisesDoNotCoverAreRefusedAndTheRestWork() throws {
        var rng = NumpyRandom(seed: 3)
        let model = try MLP(sizes: [6, 4, 3], rng: &rng)
        let (x, y) = try problem(seed: 2)
        XCTAssertThrowsError(try trainWithExerciseFunctions(.reference, model, x, y, config: TrainingConfig(epochs: 1),
                                                            optimizer: .adam, rng: rng)) { error in
            XCTAssertTrue("\(error)".contains("use optimizer \"sgd\", or :use reference"), "\(error)")
        }
        XCTAssertThrowsError(try trainWithExerciseFunctions(.reference, model, x, y, config: TrainingConfig(epochs: 1, maxGradNorm: 1),
                                                            rng: rng)) { error in
            XCTAssertTrue("\(error)".contains("your functions train without max_grad"), "\(error)")
        }
        // 48 rows in batches of 16: 3 steps an epoch, so 6 steps and a running mean every 2.
        let shuffled = try trainWithExerciseFunctions(.reference, model, x, y,
                                                      config: TrainingConfig(epochs: 2, batchSize: 16, evalInterval: 2), rng: rng)
        XCTAssertEqual(shuffled.stepLoss.count, 6)
        XCTAssertEqual(shuffled.intervalLoss.count, 3)
        XCTAssertEqual(shuffled.intervalLoss[0], (shuffled.stepLoss[0] + shuffled.stepLoss[1]) / 2, accuracy: 1e-15)
        let drawn = try trainWithExerciseFunctions(.reference, model, x, y,
                                                   config: TrainingConfig(epochs: 1, batchSize: 16, sampling: .replacement), rng: rng)
        XCTAssertEqual(drawn.stepLoss.count, 3)
    }

    func testALossThatIsNoLongerFinitePutsTheEpochsWeightsBack() throws {
        var rng = NumpyRandom(seed: 3)
        let model = try MLP(sizes: [6, 4, 3], rng: &rng)
        let start = model.parameters.map(\.value.doubles)
        let (x, y) = try problem(seed: 2)
        XCTAssertThrowsError(try trainWithExerciseFunctions(.reference, model, x, y, config: TrainingConfig(epochs: 1, batchSize: 8),
                                                            learningRate: 1e300, rng: rng)) { error in
            XCTAssertTrue("\(error)".hasPrefix("training diverged at step 2 (epoch 1)"), "\(error)")
        }
        XCTAssertEqual(model.parameters.map(\.value.doubles), start)
    }
}
