import Datasets
import Foundation
import Network
import Tensor

extension Arguments {
    /// The argument as an object of type T, or an error naming what was expected.
    func object<T>(_ name: String, _ type: T.Type, expected: String) throws -> T {
        guard case .object(let object) = self[name], let typed = object as? T else {
            throw error("\(name) must be \(expected), got \(self[name].kindDescription)")
        }
        return typed
    }

    /// Where a data set's files are looked for: the folder given as `data:`; else, for
    /// MNIST and Fashion-MNIST, the folder `mlplab --data DIR` named; else the usual
    /// places (see `DataLocator`). The bundled sample and digits are never replaced unasked.
    func dataLocator(for name: DatasetName) throws -> DataLocator {
        if !isNone("data") { return DataLocator(dataOption: try string("data")) }
        return DataLocator(dataOption: name.isBundled ? nil : session.dataFolder)
    }

    func network(_ name: String = "net") throws -> MLP {
        try object(name, NetworkObject.self, expected: "a network made with mlp(...)").net
    }

    /// A choice among the raw values of an enum, with the valid ones in the error.
    func choice<E: RawRepresentable & CaseIterable>(_ name: String, _ type: E.Type) throws -> E where E.RawValue == String {
        let text = try string(name)
        guard let value = E(rawValue: text) else {
            throw valueError("\(name) must be one of " + E.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: ", ")
                + ", got \"\(text)\"")
        }
        return value
    }
}

/// Data sets, layers, networks and training, as REPL builtins.
extension CoreBuiltins {
    static var deepLearning: [Builtin] { data + layers + networks + pictures }

    // MARK: Data

    static let data: [Builtin] = [
        Builtin("load", [.optional("name", .string("sample")), .optional("split", .string("train")), .optional("data", .none)],
                category: "data",
                help: "Loads a data set split as (images, labels): images int64 (N, 784) with raw pixel values 0..255, labels int64 (N,). Names: \"sample\" (the bundled 5,000 MNIST digits, the default), \"digits\" (the bundled 8×8 digits of scikit-learn: (1437, 64) train and (360, 64) test, pixels 0..16, so divide by 16), \"mnist\" and \"fashion-mnist\" (full sets: run `mlplab fetch mnist`, start mlplab with --data DIR, or set MLPLAB_DATA), and \"spiral\" (300 points of 3 classes: x float64 (300, 2), t one-hot (300, 3)). data: a folder holding the four IDX files (train-images-idx3-ubyte.gz …) to read instead, e.g. load(\"mnist\", \"test\", data: \"~/mnist\").",
                example: ">>> X, y = load(\"sample\", \"train\")\n>>> X.shape\n(4000, 784)") { args in
            let name = try args.choice("name", DatasetName.self)
            if name == .spiral {
                let (x, t) = Spiral.load()
                return .tuple([.tensor(x), .tensor(t.astype(.float64))])
            }
            let split = try args.choice("split", Split.self)
            let images = try LabeledImages.load(name, split: split, locator: try args.dataLocator(for: name))
            return .tuple([.tensor(images.pixels()), .tensor(images.labelTensor())])
        },
        Builtin("read_bytes", [.required("name"), .required("file"), .optional("count", .int(16)), .optional("data", .none)],
                category: "data",
                help: "The first count bytes of an IDX file, after gunzip, as int64: the header a loader checks before the pixels. file is \"train-images\", \"train-labels\", \"test-images\" or \"test-labels\".",
                example: ">>> read_bytes(\"sample\", \"train-labels\", 8)\narray([  0,   0,   8,   1,   0,   0,  15, 160])") { args in
            let path = try idxPath(args)
            let count = try args.int("count")
            guard (0...4096).contains(count) else { throw args.valueError("count must be between 0 and 4096") }
            let bytes = try IDX.leadingBytes(path, count: count)
            return .tensor(Tensor(shape: [bytes.count], int64s: bytes.map(Int64.init)))
        },
        Builtin("load_idx", [.required("name"), .required("file"), .optional("data", .none)], category: "data",
                help: "Reads a whole IDX file (header checked) into an int64 tensor of the dimensions its header gives: (N, 28, 28) for images, (N,) for labels.",
                example: ">>> load_idx(\"sample\", \"train-images\").shape\n(4000, 28, 28)") { args in
            let array = try IDX.read(try idxPath(args))
            return .tensor(Tensor(shape: array.dims, int64s: array.bytes.map(Int64.init)))
        },
        .elementwise("normalise", category: "data",
                     help: "Scales raw pixels 0..255 into [0, 1]: x / 255. Integers become float64; float32 stays float32.",
                     example: ">>> normalise([0, 51, 255])\narray([0. , 0.2, 1. ])") { try Preprocessing.scaled($0) },
        Builtin("zero_centre", [.required("x"), .required("mean")], category: "data",
                help: "x - mean, with mean one number (the mean of every pixel of the training set, x.mean()): moves the data's centre to 0. Use the training set's mean for the test set too, so both are shifted the same way.",
                example: ">>> zero_centre([1.0, 2.0, 3.0], 2.0)\narray([-1.,  0.,  1.])") { args in
            .tensor(try Preprocessing.zeroCentred(try args.tensor("x"), mean: try args.double("mean")))
        },
        Builtin("standardise", [.required("x"), .required("mean"), .required("std")], category: "data",
                help: "(x - mean) / std: zero mean and unit spread. Take mean and std from the training set.",
                example: ">>> standardise([1.0, 3.0], 2.0, 1.0)\narray([-1.,  1.])") { args in
            .tensor(try Preprocessing.standardised(try args.tensor("x"), mean: try args.double("mean"), std: try args.double("std")))
        },
    ]

    /// The path of one of a data set's four IDX files.
    private static func idxPath(_ args: Arguments) throws -> String {
        let name = try args.choice("name", DatasetName.self)
        let file = try args.string("file")
        let parts = file.split(separator: "-")
        guard parts.count == 2, let split = Split(rawValue: String(parts[0])), ["images", "labels"].contains(parts[1]) else {
            throw args.valueError("file must be \"train-images\", \"train-labels\", \"test-images\" or \"test-labels\", got \"\(file)\"")
        }
        let files = try args.dataLocator(for: name).locate(name, split: split)
        return parts[1] == "images" ? files.images : files.labels
    }

    // MARK: Layers and losses

    static let layers: [Builtin] = [
        Builtin("Linear", [.required("inputs"), .required("outputs"), .optional("init", .string("he")), .optional("dtype", .string("float64"))],
                category: "layers",
                help: "The affine layer out = x @ W + b, W (inputs, outputs), b (outputs,). init: \"he\" (randn·√(2/inputs), b = 0), \"xavier\" (randn/√inputs), \"small\" (0.01·randn), or \"randn\" (W and then b drawn from randn, as the DL practice notebook's FCLayer does). Draws from the session's random generator, so seed(n) first makes it reproducible.",
                example: ">>> seed(0); fc = Linear(2, 3, init: \"randn\")\n>>> fc.W.shape\n(2, 3)") { args in
            let initialization = try args.choice("init", Initialization.self)
            let layer = try Linear(try args.int("inputs"), try args.int("outputs"), initialization: initialization,
                                   rng: &args.session.random, dtype: try args.dtype("dtype") ?? .float64)
            return .object(LayerObject(layer: layer))
        },
        layerMaker("ReLU", help: "max(0, x); backward passes dout where x > 0 (its mask) and 0 elsewhere.") { ReLU() },
        layerMaker("Sigmoid", help: "1 / (1 + e^-x), stable at both tails; backward is dout · out · (1 - out).") { Sigmoid() },
        layerMaker("Tanh", help: "tanh(x); backward is dout · (1 - out²).") { Tanh() },
        layerMaker("Softmax", help: "Row-wise softmax with the row maximum subtracted first, so e^x never overflows.") { Softmax() },
        layerMaker("LogSoftmax", help: "Row-wise log(softmax(x)), computed stably; with NLLLoss it is PyTorch's CrossEntropyLoss.") { LogSoftmax() },
        lossMaker("SoftmaxCrossEntropy", help: "Softmax followed by cross-entropy, fused: the mean of -log p[label]; backward is (p - onehot(y)) / N.") { SoftmaxCrossEntropyLoss() },
        lossMaker("MSELoss", help: "Mean squared error: the mean of (y - t)² over all N·C elements; backward is its exact gradient 2(y - t) / (N·C).") { MSELoss() },
        lossMaker("SigmoidCrossEntropy", help: "Binary cross-entropy of sigmoid outputs, element by element, with ε = 1e-7 inside the logs: -Σ[t log(y + ε) + (1 - t) log(1 - y + ε)] / N (the DL practice notebook's CrossEntropyLoss; not PyTorch's, which is SoftmaxCrossEntropy).") { SigmoidCrossEntropyLoss() },
        lossMaker("NLLLoss", help: "Negative log-likelihood of log-probabilities: the mean of -logp[label].") { NLLLoss() },
        Builtin("cross_entropy", [.required("scores"), .required("y")], category: "nn",
                help: "Softmax cross-entropy of raw scores (N, C) against labels (N,) or one-hot targets: the mean over the batch of -log softmax(scores)[label].",
                example: ">>> cross_entropy([[2.0, 1.0, 0.1]], [0])\n0.41703001627783354") { args in
            .float(try SoftmaxCrossEntropyLoss().forward(try args.tensor("scores"), try args.tensor("y")))
        },
        Builtin("mse", [.required("y"), .required("t")], category: "nn",
                help: "Mean squared error: the mean of (y - t)² over every element, the value MSELoss and mlp(…, loss: \"mse\") report.",
                example: ">>> mse([0.5, 1.0], [0.0, 1.0])\n0.125") { args in
            let (y, t) = (try args.tensor("y"), try args.tensor("t"))
            guard y.shape == t.shape else {
                throw args.error("y \(formatShape(y.shape)) and t \(formatShape(t.shape)) must have the same shape")
            }
            return .float(try meanSquaredError(y, t))
        },
    ]

    private static func layerMaker(_ name: String, help: String, _ make: @escaping () -> Layer) -> Builtin {
        Builtin(name, [], category: "layers", help: help + " Methods forward(x) and backward(dout); attribute out.",
                example: ">>> layer = \(name)()\n>>> layer.forward([[-1.0, 2.0]]).shape\n(1, 2)") { _ in
            .object(LayerObject(layer: make()))
        }
    }

    private static func lossMaker(_ name: String, help: String, _ make: @escaping () -> Loss) -> Builtin {
        Builtin(name, [], category: "layers", help: help + " Methods forward(outputs, targets) → the mean loss, backward() → dLoss/doutputs.",
                example: ">>> loss = \(name)()") { _ in .object(LossObject(loss: make())) }
    }

    // MARK: Networks and training

    static let networks: [Builtin] = [
        Builtin("mlp", [.required("sizes"), .optional("activation", .string("relu")), .optional("loss", .string("softmax-ce")),
                        .optional("init", .string("he")), .optional("dtype", .string("float32"))],
                category: "networks",
                help: "A multi-layer perceptron from a size list: mlp([784, 256, 10]) is Linear(784→256), ReLU, Linear(256→10). activation: \"relu\", \"sigmoid\", \"tanh\". loss: \"softmax-ce\"; \"mse\" or \"sigmoid-ce\", which add a sigmoid output layer after the last Linear (as the DL practice notebook does); \"nll\", which adds a LogSoftmax output layer. dtype \"float32\" trains fast; \"float64\" gives numpy-identical numbers.",
                example: ">>> seed(0); net = mlp([784, 256, 10])\n>>> net.layers[0].W.shape\n(784, 256)") { args in
            guard let sizes = try args["sizes"].sequenceElements() else { throw args.error("sizes must be a list like [784, 256, 10]") }
            let net = try MLP(sizes: try sizes.map { try args.int($0, "sizes") },
                              activation: try args.choice("activation", Activation.self),
                              loss: try args.choice("loss", LossKind.self),
                              initialization: try args.choice("init", Initialization.self),
                              rng: &args.session.random, dtype: try args.dtype("dtype") ?? .float32)
            return .object(NetworkObject(net: net))
        },
        Builtin("forward", [.required("net"), .required("x"), .required("y")], category: "networks",
                help: "Runs the batch x forward and returns its mean loss against the targets y (labels (N,) or one-hot (N, C)), keeping what backward needs: the same as net.forward(x, y). The scores alone are predict(net, x).",
                example: ">>> seed(0); net = mlp([4, 3, 2])\n>>> loss = forward(net, ones(5, 4), [0, 1, 1, 0, 1])\n>>> backward(net).shape\n(5, 4)") { args in
            .float(try args.network().forward(try args.tensor("x"), try args.tensor("y")))
        },
        Builtin("backward", [.required("net")], category: "networks",
                help: "Backpropagates the loss of the last forward(net, x, y) (or net.forward(x, y)) through every layer: the same as net.backward(). The gradients land in net.dW1, net.db1, … (all of them: net.grads).",
                example: ">>> seed(0); net = mlp([4, 3, 2])\n>>> loss = net.forward(ones(5, 4), [0, 1, 1, 0, 1])\n>>> backward(net).shape\n(5, 4)") { args in
            .tensor(try args.network().backward())
        },
        Builtin("step", [.required("net"), .required("lr")], category: "networks",
                help: "One SGD update of every parameter from its stored gradient, W -= lr * dW: the same as net.step(lr).",
                example: ">>> seed(0); net = mlp([4, 3, 2]); X = ones(5, 4); y = [0, 1, 1, 0, 1]\n>>> loss = net.forward(X, y); dx = backward(net); step(net, 0.1)") { args in
            try SGD(learningRate: try args.double("lr")).step(try args.network().parameters)
            return .none
        },
        Builtin("SGD", [.optional("lr", .float(0.01))], category: "networks",
                help: "The optimizer object of Deep Learning from Scratch 2: opt.update(params, grads) does params[i] -= lr * grads[i] for every i, in place, so the arrays in the list params (a layer's own W and b, collected from your classes) change where every name for them sees it. opt.lr can be changed between steps.",
                example: ">>> W = ones(2); dW = array([1.0, -1.0])\n>>> opt = SGD(lr=0.5)\n>>> opt.update([W], [dW])\n>>> W\narray([0.5, 1.5])") { args in
            .object(SGDObject(learningRate: try args.double("lr")))
        },
        Builtin("predict", [.required("net"), .required("x")], category: "networks",
                help: "The network's outputs (scores) for a batch x, one row per input: the same as net.predict(x). The predicted classes are their argmax, predict(net, x).argmax(axis=1).",
                example: ">>> seed(0); net = mlp([4, 3, 2])\n>>> predict(net, ones(3, 4)).shape\n(3, 2)\n>>> predict(net, ones(3, 4)).argmax(axis=1).shape\n(3,)") { args in
            .tensor(try args.network().predict(try args.tensor("x")))
        },
        Builtin("accuracy", [.required("a"), .required("b"), .optional("c", .none)], category: "networks",
                help: "The fraction of correct predictions: accuracy(scores, y) compares the argmax of each row of scores with labels (or one-hot rows) y; accuracy(net, X, y) runs the network first.",
                example: ">>> accuracy([[0.1, 0.9], [0.8, 0.2]], [1, 1])\n0.5") { args in
            if case .object(let object) = args["a"], let network = object as? NetworkObject {
                guard !args.isNone("c") else { throw args.error("accuracy(net, X, y) needs the labels y") }
                return .float(try Network.accuracy(network.net.predict(try args.tensor("b")), try args.tensor("c")))
            }
            return .float(try Network.accuracy(try args.tensor("a"), try args.tensor("b")))
        },
        Builtin("fit", [.required("net"), .required("x"), .required("y"), .optional("epochs", .int(5)), .optional("lr", .float(0.1)),
                        .optional("batch_size", .int(128)), .optional("optimizer", .string("sgd")),
                        .optional("sampling", .string("shuffle")), .optional("test", .none),
                        .optional("eval_interval", .none), .optional("max_grad", .none), .optional("skip_zeros", .bool(true))],
                category: "networks",
                help: "Trains net on (x, y) with mini-batch gradient descent: each epoch draws a fresh permutation (sampling \"shuffle\") or batches with replacement (\"replacement\", np.random.choice); ⌈N / batch_size⌉ steps an epoch either way. After each epoch it prints the training loss and accuracy (and the test set's, given test: (Xt, yt)). optimizer: \"sgd\", \"momentum\", \"adam\". eval_interval: every that many iterations (counted across epochs), print their mean loss instead of the epoch lines (\"| epoch 1 | iter 10 / 10 | loss 1.13\", the Trainer of Deep Learning from Scratch 2; kept in history.interval_loss). max_grad: clip the gradients of each step to that global norm (the book's clip_grads). skip_zeros: a float32 network keeps training images that are mostly zeros (MNIST's pixels) as their non-zero pixels, and multiplies only those: the same numbers, faster; skip_zeros=False trains on the dense images. Returns a history (history.train_loss, .test_acc, .step_loss …). Ctrl-C stops after the current batch and keeps the weights.",
                example: ">>> X, y = load(); Xt, yt = load(\"sample\", \"test\")\n>>> seed(0); net = mlp([784, 32, 10])\n>>> history = fit(net, X[0:500] / 255, y[0:500], epochs: 1, test: (Xt / 255, yt))\n[Epoch 1/1] Training Loss = 1.9860 / Training Acc = 38.60% / Test Loss = 2.0555 / Test Acc = 30.00%") { args in
            try fit(args)
        },
        Builtin("gradcheck", [.required("model"), .required("x"), .optional("y", .none)], category: "networks",
                help: "Compares every analytic gradient from backward with centred finite differences (f(θ+ε) - f(θ-ε)) / 2ε in float64, and prints the largest relative error per parameter: below 1e-4 means backward is right. gradcheck(net, X, y) checks a whole network on a batch; gradcheck(layer, x) checks one layer. Returns the largest error.",
                example: ">>> seed(0); net = mlp([4, 3, 2], dtype: \"float64\")\n>>> worst = gradcheck(net, randn(5, 4), [0, 1, 1, 0, 1])\nW1     max relative error 1.76e-09  ok\nb1     max relative error 1.85e-10  ok\nW2     max relative error 4.03e-10  ok\nb2     max relative error 1.87e-11  ok") { args in
            try gradcheck(args)
        },
    ]

    private static func fit(_ args: Arguments) throws -> Value {
        let net = try args.network()
        let x = try args.tensor("x").astype(net.dtype), y = try args.tensor("y")
        var test: (x: Tensor, y: Tensor)?
        if !args.isNone("test") {
            guard let pair = try args["test"].sequenceElements(), pair.count == 2 else {
                throw args.error("test must be a pair (Xt, yt)")
            }
            test = (try args.tensor(pair[0], "test images").astype(net.dtype), try args.tensor(pair[1], "test labels"))
        }
        // Raw pixels are non-negative and go up to 255 (or 16 for the 8×8 digits); other data is left alone.
        if let largest = try? x.max().doubles.first, largest > 1.5, let smallest = try? x.min().doubles.first, smallest >= 0 {
            args.session.write("note: the inputs go up to \(PythonFormat.float(largest)); scaled pixels (X / 255) train far better")
        }
        let config = TrainingConfig(epochs: try args.int("epochs"), batchSize: try args.int("batch_size"),
                                    sampling: try args.choice("sampling", Sampling.self),
                                    evalInterval: try args.optionalInt("eval_interval"),
                                    maxGradNorm: args.isNone("max_grad") ? nil : try args.double("max_grad"),
                                    skipsZeroInputs: try args.bool("skip_zeros"))
        let reporter = ProgressReporter(drawLine: args.session.progressLine ?? ProgressReporter.terminalLine,
                                        language: args.session.language, showsEpochLines: config.evalInterval == nil) {
            args.session.write($0)
        }
        let optimizerKind = try args.choice("optimizer", OptimizerKind.self), learningRate = try args.double("lr")
        let step = try args.session.learnerStep?(net, config, optimizerKind, learningRate, reporter)
            ?? NetworkStep(net, optimizer: optimizerKind.make(learningRate: learningRate), maxGradNorm: config.maxGradNorm)
        let trainer = Trainer(step: step, config: config, rng: args.session.random, reporter: reporter)
        defer { args.session.random = trainer.rng }
        return .object(HistoryObject(history: try trainer.fit(x, y, test: test)))
    }

    private static func gradcheck(_ args: Arguments) throws -> Value {
        let entries: [GradientCheckEntry]
        switch args["model"] {
        case .object(let object as NetworkObject):
            guard !args.isNone("y") else { throw args.error("gradcheck(net, X, y) needs the targets y") }
            entries = try GradientCheck.check(object.net, try args.tensor("x"), try args.tensor("y"))
        case .object(let object as LayerObject):
            entries = try GradientCheck.check(object.layer, try args.tensor("x"), rng: &args.session.random)
        default:
            throw args.error("model must be a network (mlp) or a layer, got \(args["model"].kindDescription)")
        }
        for entry in entries {
            let verdict = entry.passed ? "ok" : "FAIL"
            args.session.write(entry.name.padding(toLength: 6, withPad: " ", startingAt: 0)
                + String(format: " max relative error %.2e  %@", entry.maxRelativeError, verdict))
        }
        return .float(entries.map(\.maxRelativeError).max() ?? 0)
    }
}
