import Datasets
import Foundation
import XCTest
import Network
import Support
import Tensor

final class TrainingTests: XCTestCase {
    func sample(_ split: Split) throws -> (x: Tensor, y: Tensor) {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
        let images = try LabeledImages.load(.sample, split: split, locator: DataLocator(currentDirectory: root))
        return (images.scaledFloat32(), images.labelTensor())
    }

    func train(seed: UInt32, epochs: Int, skippingZeroPixels: Bool = true) throws -> (MLP, History) {
        let train = try sample(.train), test = try sample(.test)
        var rng = NumpyRandom(seed: seed)
        let net = try MLP(sizes: [784, 64, 10], rng: &rng, dtype: .float32)
        let trainer = Trainer(model: net, optimizer: SGD(learningRate: 0.1),
                              config: TrainingConfig(epochs: epochs, batchSize: 32, skipsZeroInputs: skippingZeroPixels), rng: rng)
        return (net, try trainer.fit(train.x, train.y, test: test))
    }

    func testTrainingOnTheSampleBeats85Percent() throws {
        let (_, history) = try train(seed: 0, epochs: 5)
        XCTAssertGreaterThan(history.testAccuracy.last!, 0.85)
        XCTAssertLessThan(history.trainLoss.last!, history.trainLoss.first!)
        XCTAssertEqual(history.stepLoss.count, 5 * 125)
    }

    func testTheSameSeedGivesTheSameNumbers() throws {
        let (a, ha) = try train(seed: 7, epochs: 1)
        let (b, hb) = try train(seed: 7, epochs: 1)
        XCTAssertEqual(ha.stepLoss, hb.stepLoss)
        XCTAssertEqual(a.linearLayers[0].W.floats, b.linearLayers[0].W.floats)
        let (_, hc) = try train(seed: 8, epochs: 1)
        XCTAssertNotEqual(ha.stepLoss, hc.stepLoss)
    }

    /// Skipping the zero pixels changes only the order of float32 additions:
    /// the run must follow the dense one step for step.
    func testTrainingOverNonZeroPixelsFollowsTheDenseRun() throws {
        let (sparse, hs) = try train(seed: 3, epochs: 2)
        let (dense, hd) = try train(seed: 3, epochs: 2, skippingZeroPixels: false)
        XCTAssertEqual(hs.stepLoss.count, hd.stepLoss.count)
        for (step, (a, b)) in zip(hs.stepLoss, hd.stepLoss).enumerated() where abs(a - b) > 1e-3 * max(1, abs(b)) {
            XCTFail("step \(step + 1): loss \(a) skipping zeros, \(b) dense")
            break
        }
        XCTAssertEqual(hs.testAccuracy.last!, hd.testAccuracy.last!, accuracy: 0.005)
        let (ws, wd) = (sparse.linearLayers[0].W.floats, dense.linearLayers[0].W.floats)
        XCTAssertLessThan(zip(ws, wd).map { abs($0 - $1) }.max()!, 1e-3)

        // The sparse run never builds a dense batch.
        let data = try sample(.train)
        for skipping in [true, false] {
            var rng = NumpyRandom(seed: 3)
            let net = try MLP(sizes: [784, 8, 10], rng: &rng, dtype: .float32)
            _ = try Trainer(model: net, optimizer: SGD(learningRate: 0.1),
                            config: TrainingConfig(epochs: 1, batchSize: 500, evaluateTraining: false, skipsZeroInputs: skipping), rng: rng)
                .fit(data.x, data.y)
            XCTAssertEqual(net.linearLayers[0].x == nil, skipping, "skipping zero pixels: \(skipping)")
        }
    }

    /// Evaluation takes a float32 network's mostly-zero rows as their non-zero entries, as
    /// training does: the loss and accuracy of the same network in float64 over every pixel.
    func testEvaluationOverNonZeroPixelsMatchesTheDenseFloat64One() throws {
        let (net, _) = try train(seed: 5, epochs: 1)
        let test = try sample(.test)
        let (loss, accuracy) = try NetworkStep.evaluate(net, test.x, test.y)
        let (loss64, accuracy64) = try NetworkStep.evaluate(net.converted(to: .float64), test.x.astype(.float64), test.y)
        XCTAssertEqual(loss, loss64, accuracy: 1e-5 * loss64)
        XCTAssertEqual(accuracy, accuracy64, accuracy: 1.5 / Double(test.x.shape[0]), "at most one prediction flips on a near tie")
        XCTAssertGreaterThan(accuracy, 0.5, "a trained network, not chance")
    }

    /// After each epoch the training and test sets are evaluated in the form training takes
    /// its batches in: kept as their non-zero entries (made once for the run, not once an
    /// epoch) when the zeros are skipped, dense when they are not.
    func testEvaluationTakesTheDataAsTrainingDoes() throws {
        let (train, test) = (try sample(.train), try sample(.test))
        let ones = try Tensor.ones([784, 1]).astype(.float32)
        for skipping in [true, false] {
            let step = RecordingStep(callsAfterForward: true, ones: ones)
            _ = try Trainer(step: step, config: TrainingConfig(epochs: 2, batchSize: 1000, skipsZeroInputs: skipping),
                            rng: NumpyRandom(seed: 9)).fit(train.x, train.y, test: (test.x, test.y))
            XCTAssertEqual(step.evaluated.map(\.rows), [train.x.shape[0], test.x.shape[0], train.x.shape[0], test.x.shape[0]])
            XCTAssertEqual(step.evaluated.map(\.sparse), Array(repeating: skipping, count: 4), "skipping zeros: \(skipping)")
        }
    }

    /// The Trainer gathers the next sparse batch on a worker once the step's forward pass is
    /// done; a step that never says so gets every batch all the same, gathered when needed.
    func testEveryStepGetsItsOwnBatchWhetherOrNotTheNextWasGatheredAhead() throws {
        let data = try sample(.train)
        let ones = try Tensor.ones([784, 1]).astype(.float32)
        var seen: [[[Float]]] = []
        for callsAfterForward in [true, false] {
            let step = RecordingStep(callsAfterForward: callsAfterForward, ones: ones)
            _ = try Trainer(step: step, config: TrainingConfig(epochs: 2, batchSize: 300, evaluateTraining: false),
                            rng: NumpyRandom(seed: 9)).fit(data.x, data.y)
            XCTAssertEqual(step.rowSums.count, 2 * ((data.x.shape[0] + 299) / 300), "every batch of two epochs")
            seen.append(step.rowSums)
        }
        XCTAssertEqual(seen[0], seen[1])
        // The first batch is the first 300 rows of seed 9's permutation, as numpy's would be.
        var rng = NumpyRandom(seed: 9)
        let first = Array(rng.permutation(data.x.shape[0])[..<300])
        let dense = try data.x.index([.tensor(Tensor(shape: [300], int64s: first))]).sum(axis: 1).floats
        for (a, b) in zip(seen[0][0], dense) { XCTAssertEqual(a, b, accuracy: 1e-3) }
    }

    func testDivergenceStopsWithTheStepAndKeepsFiniteWeights() throws {
        let train = try sample(.train)
        var rng = NumpyRandom(seed: 0)
        let net = try MLP(sizes: [784, 32, 10], rng: &rng, dtype: .float32)
        let trainer = Trainer(model: net, optimizer: SGD(learningRate: 1000),
                              config: TrainingConfig(epochs: 3, batchSize: 64), rng: rng)
        XCTAssertThrowsError(try trainer.fit(train.x, train.y)) { error in
            let message = "\(error)"
            XCTAssertTrue(message.hasPrefix("training diverged at step "), message)
            XCTAssertTrue(message.contains("try 100.0"), message)
        }
        XCTAssertTrue(net.parameters.allSatisfy { $0.value.floats.allSatisfy(\.isFinite) })
    }

    func testSamplingWithReplacementRunsTheRequestedSteps() throws {
        let train = try sample(.train)
        var rng = NumpyRandom(seed: 0)
        let net = try MLP(sizes: [784, 16, 10], rng: &rng, dtype: .float32)
        let trainer = Trainer(model: net, optimizer: Momentum(learningRate: 0.05),
                              config: TrainingConfig(epochs: 2, batchSize: 50, sampling: .replacement, stepsPerEpoch: 30,
                                                     evaluateTraining: false), rng: rng)
        let history = try trainer.fit(train.x, train.y)
        XCTAssertEqual(history.stepLoss.count, 60)
        XCTAssertEqual(history.trainLoss, [])
    }

    /// An epoch is ⌈N / B⌉ steps whichever way the batches are drawn: 4,000 images in
    /// batches of 128 are 31.25 batches, so 32 steps (the last batch of a permutation has 32).
    func testBothSamplersTakeTheSameStepsPerEpoch() throws {
        let train = try sample(.train)
        for sampling in Sampling.allCases {
            var rng = NumpyRandom(seed: 0)
            let net = try MLP(sizes: [784, 4, 10], rng: &rng, dtype: .float32)
            let trainer = Trainer(model: net, optimizer: SGD(learningRate: 0.1),
                                  config: TrainingConfig(epochs: 2, batchSize: 128, sampling: sampling, evaluateTraining: false),
                                  rng: rng)
            XCTAssertEqual(try trainer.fit(train.x, train.y).stepLoss.count, 2 * 32, "\(sampling)")
        }
    }

    func testEpochLineHasTheSeedsFormat() {
        var h = History()
        h.trainLoss = [0.01554]; h.trainAccuracy = [0.90114]; h.testLoss = [0.0154]; h.testAccuracy = [0.9036]
        XCTAssertEqual(epochLine(epoch: 3, of: 30, history: h),
                       "[Epoch 3/30] Training Loss = 0.0155 / Training Acc = 90.11% / Test Loss = 0.0154 / Test Acc = 90.36%")
    }
}

final class ModelFileTests: XCTestCase {
    func temporaryPath(_ name: String) -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("mlplab-\(getpid())-\(name)").path
    }

    func testSaveAndLoadRoundTripsEveryParameter() throws {
        for dtype in [DType.float32, .float64] {
            var rng = NumpyRandom(seed: 5)
            let net = try MLP(sizes: [6, 5, 4, 3], activation: .tanh, loss: .mse, rng: &rng, dtype: dtype)
            let path = temporaryPath("roundtrip-\(dtype).mlp")
            try ModelFile.save(net, to: path)
            let loaded = try ModelFile.load(from: path)
            XCTAssertEqual(loaded.sizes, [6, 5, 4, 3])
            XCTAssertEqual(loaded.activation, .tanh)
            XCTAssertEqual(loaded.lossKind, .mse)
            XCTAssertEqual(loaded.dtype, dtype)
            for (a, b) in zip(net.parameters, loaded.parameters) {
                XCTAssertEqual(a.value.shape, b.value.shape)
                XCTAssertEqual(a.value.doubles, b.value.doubles)
            }
            let folder = (path as NSString).deletingLastPathComponent, name = (path as NSString).lastPathComponent
            XCTAssertFalse(try FileManager.default.contentsOfDirectory(atPath: folder).contains { $0.hasPrefix(name + ".tmp-") },
                           "no temporary file is left beside \(name)")
        }
    }

    func loadError(_ bytes: [UInt8]) -> String {
        let path = temporaryPath("bad.mlp")
        XCTAssertTrue(FileManager.default.createFile(atPath: path, contents: Data(bytes)))
        do { _ = try ModelFile.load(from: path); return "loaded" } catch { return "\(error)" }
    }

    func testCorruptAndForeignFilesGiveClearErrors() throws {
        var rng = NumpyRandom(seed: 5)
        let good = ModelFile.encode(try MLP(sizes: [4, 3, 2], rng: &rng))
        var flipped = good
        flipped[40] ^= 0xFF
        XCTAssertTrue(loadError(flipped).contains("checksum does not match"))
        XCTAssertTrue(loadError(Array(good.dropLast(9))).contains("checksum does not match"))
        XCTAssertTrue(loadError(Array("PNG and other things".utf8)).contains("not an mlplab model file"))
        XCTAssertTrue(loadError([]).contains("not an mlplab model file"))
        XCTAssertThrowsError(try ModelFile.load(from: "/nonexistent/model.mlp")) { error in
            XCTAssertEqual("\(error)", "cannot load the model /nonexistent/model.mlp: no such file")
        }
    }

    /// A model file with an intact checksum around `header` and `payloadBytes` zero bytes,
    /// laid out by hand from the format's description (magic, version 1, header length, CRC-32).
    func modelFile(header: String, payloadBytes: Int) -> [UInt8] {
        func littleEndian(_ value: UInt32) -> [UInt8] { (0..<4).map { UInt8(truncatingIfNeeded: value >> (8 * $0)) } }
        let body = Array("MLPLABNN".utf8) + littleEndian(1) + littleEndian(UInt32(header.utf8.count))
            + Array(header.utf8) + [UInt8](repeating: 0, count: payloadBytes)
        return body + littleEndian(Checksum.crc32(body))
    }

    /// Damaged headers behind a good checksum: each is refused with what is wrong,
    /// never a crash (lines `=` and `==`, a missing sizes= line and sizes past
    /// Int's range crashed `mlplab eval`).
    func testDamagedHeadersGiveClearErrors() throws {
        let rest = "activation=relu\nloss=softmax-ce\ndtype=float32"
        // (4 × 3 + 3) + (3 × 2 + 2) = 23 float32 parameters.
        let cases: [(header: String, error: String)] = [
            ("=\nsizes=4,3,2\n" + rest, "its header line \"=\" is not key=value"),
            ("sizes=4,3,2\n==\n" + rest, "its header line \"==\" is not key=value"),
            ("sizes=4,3,2\n=relu\n" + rest, "its header line \"=relu\" is not key=value"),
            ("sizes=4,3,2\nrelu\n" + rest, "its header line \"relu\" is not key=value"),
            (rest, "its header has no sizes= line"),
            ("sizes=\n" + rest, "its header's sizes= are not two or more layer sizes from 1 to 1048576"),
            ("sizes=4\n" + rest, "its header's sizes=4 are not two or more layer sizes from 1 to 1048576"),
            ("sizes=4,,2\n" + rest, "its header's sizes=4,,2 are not two or more layer sizes from 1 to 1048576"),
            ("sizes=4,0,2\n" + rest, "its header's sizes=4,0,2 are not two or more layer sizes from 1 to 1048576"),
            ("sizes=4294967296,4294967296,2\n" + rest,
             "its header's sizes=4294967296,4294967296,2 are not two or more layer sizes from 1 to 1048576"),
            ("sizes=9223372036854775807,3\n" + rest,
             "its header's sizes=9223372036854775807,3 are not two or more layer sizes from 1 to 1048576"),
            ("sizes=1048576,1048576,1048576\n" + rest,
             "its size does not match the layer sizes [1048576, 1048576, 1048576]"),
            ("sizes=4,3,2\nactivation=relu\nloss=softmax-ce",
             "its header is incomplete: \"sizes=4,3,2\\nactivation=relu\\nloss=softmax-ce\""),
        ]
        for (header, error) in cases {
            let path = temporaryPath("bad.mlp")
            XCTAssertEqual(loadError(modelFile(header: header, payloadBytes: 23 * 4)),
                           "cannot load the model \(path): \(error)", header)
        }
        // The same layout with a sound header loads: the cases above fail for their header alone.
        let net = try ModelFile.decode(modelFile(header: "sizes=4,3,2\n" + rest, payloadBytes: 23 * 4))
        XCTAssertEqual(net.sizes, [4, 3, 2])
        XCTAssertEqual(net.parameters.map(\.value.shape), [[4, 3], [3], [3, 2], [2]])
    }
}

/// A step that trains nothing and records the row sums of each batch it is given.
private final class RecordingStep: TrainingStep {
    let callsAfterForward: Bool
    let ones: Tensor
    var rowSums: [[Float]] = []
    init(callsAfterForward: Bool, ones: Tensor) {
        self.callsAfterForward = callsAfterForward
        self.ones = ones
    }
    var inputSize: Int { 784 }
    var parameters: [Parameter] { [] }
    var learningRate: Double { 0.1 }
    var takesSparseBatches: Bool { true }
    func train(on batch: InputBatch, targets: Tensor, afterForward: () -> Void) throws -> Double {
        switch batch {
        case .sparse(let x): rowSums.append(try x.times(ones).floats)
        case .dense(let x): rowSums.append(try x.sum(axis: 1).astype(.float32).floats)
        }
        if callsAfterForward { afterForward() }
        return 1
    }
    /// For each evaluation: the number of rows, and whether they came as their non-zero entries.
    var evaluated: [(rows: Int, sparse: Bool)] = []
    func evaluate(_ data: BatchSource, _ y: Tensor) throws -> (loss: Double, accuracy: Double) {
        evaluated.append((data.count, data.skipsZeros))
        return (1, 0)
    }
}
