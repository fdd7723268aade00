import Foundation
import Interpreter
import Tensor
import XCTest

/// The data, layer, network and training builtins, driven through a session
/// as a learner types them. The sample data is found from the repository root.
final class DeepLearningBuiltinsTests: XCTestCase {
    override func setUp() {
        _ = FileManager.default.changeCurrentDirectoryPath(
            URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path)
    }

    /// The seeds' whole pipeline by hand: load, scale, one-hot, initialise with
    /// seed(0), forward, softmax cross-entropy, backward, 100 SGD steps. The
    /// reference values are numpy's (scripts/make_pipeline_reference.py).
    func testTheSeedsPipelineByHandMatchesNumpy() throws {
        let t = Transcript()
        for line in [
            "X, y = load(\"sample\", \"train\")",
            "X = X[0:500] / 255; y = y[0:500]; T = onehot(y, 10)",
            "seed(0); W1 = randn(784, 32) * 0.01; b1 = zeros(32); W2 = randn(32, 10) * 0.01; b2 = zeros(10)",
            "L = zeros(100)",
            "for i in range(100): h = X @ W1 + b1; r = maximum(h, 0); s = r @ W2 + b2; e = exp(s - s.max(axis: 1, keepdims: true)); p = e / e.sum(axis: 1, keepdims: true); L[i] = -sum(T * log(p)) / 500; g = (p - T) / 500; dW2 = r.T @ g; db2 = g.sum(axis: 0); dr = g @ W2.T; dr[h <= 0] = 0; dW1 = X.T @ dr; db1 = dr.sum(axis: 0); W1 -= 0.5 * dW1; b1 -= 0.5 * db1; W2 -= 0.5 * dW2; b2 -= 0.5 * db2",
        ] {
            XCTAssertEqual(t.run(line), "", line)
        }
        let losses = try XCTUnwrap(t.doubles("L"))
        let numpy: [(Int, Double)] = [(0, 2.3027072983371593), (1, 2.2993417729649672), (10, 2.157123076701286),
                                      (50, 0.36699221786099223), (99, 0.0985856773236288)]
        for (step, expected) in numpy {
            XCTAssertEqual(losses[step], expected, accuracy: 1e-5 * expected, "loss at step \(step)")
        }
        XCTAssertLessThan(losses[99], losses[0] / 20)
        let w2 = try XCTUnwrap(t.doubles("W2"))
        for (i, expected) in [-0.09113713726499689, 0.008808783516075183, 0.022873727873094506].enumerated() {
            XCTAssertEqual(w2[i], expected, accuracy: 1e-5 * abs(expected))
        }
    }

    func testLoadAndTheIDXHeader() {
        let t = Transcript()
        XCTAssertEqual(t.run("read_bytes(\"sample\", \"train-labels\", 8)"), "array([  0,   0,   8,   1,   0,   0,  15, 160])")
        XCTAssertEqual(t.run("read_bytes(\"sample\", \"train-images\")"), "array([  0,   0,   8,   3,   0,   0,  15, 160,   0,   0,   0,  28,   0,\n         0,   0,  28])")
        XCTAssertEqual(t.run("load_idx(\"sample\", \"test-images\").shape"), "(1000, 28, 28)")
        t.run("X, y = load()")
        XCTAssertEqual(t.run("X.shape, X.dtype, y.shape, X.max()"), "((4000, 784), dtype('int64'), (4000,), np.int64(255))")
        XCTAssertEqual(t.run("x, t = load(\"spiral\"); x.shape, t.shape"), "((300, 2), (300, 3))")
        XCTAssertTrue(t.run("load(\"cifar\")").contains("name must be one of \"sample\", \"mnist\", \"fashion-mnist\", \"spiral\", \"digits\""))
        XCTAssertTrue(t.run("read_bytes(\"sample\", \"train-pixels\")").contains("file must be \"train-images\""))
    }

    /// scikit-learn's 8×8 digits, flattened to 64 pixels as load_digits().data is; the values are
    /// scikit-learn's train_test_split(load_digits().data, load_digits().target, test_size=0.2, random_state=0).
    func testLoadDigitsGivesScikitLearnsPixelsFlattened() {
        let t = Transcript()
        t.run("X, y = load(\"digits\"); Xt, yt = load(\"digits\", \"test\")")
        XCTAssertEqual(t.run("X.shape, X.dtype, Xt.shape, yt.shape, X.max()"), "((1437, 64), dtype('int64'), (360, 64), (360,), np.int64(16))")
        XCTAssertEqual(t.run("y[0:5], yt[0:5]"), "(array([6, 5, 3, 4, 4]), array([2, 8, 2, 6, 6]))")
        XCTAssertEqual(t.run("X.sum(), Xt.sum()"), "(np.int64(449667), np.int64(112051))")
    }

    /// fit(..., eval_interval=4) prints the book's running-loss lines instead of the epoch lines, in the
    /// session's language, every 4 iterations across the epochs; max_grad clips. The means are numpy's
    /// (scripts/make_trainer_reference.py).
    func testFitPrintsTheRunningLossEveryIntervalInTheLearnersLanguage() throws {
        let t = Transcript()
        t.ok("x, t = load(\"spiral\")")
        let train = "seed(0); net = mlp([2, 10, 3], activation=\"sigmoid\", init=\"small\", dtype=\"float64\"); "
            + "h = fit(net, x, t, epochs=2, batch_size=30, lr=1.0, "
        XCTAssertEqual(t.ok(train + "eval_interval=4)"), """
            | epoch 1 | iter 4 / 10 | loss 1.23
            | epoch 1 | iter 8 / 10 | loss 1.12
            | epoch 2 | iter 2 / 10 | loss 1.10
            | epoch 2 | iter 6 / 10 | loss 1.11
            | epoch 2 | iter 10 / 10 | loss 1.18
            """)
        let means = try XCTUnwrap(t.session.evaluate("h.interval_loss").tensor().doubles)
        XCTAssertEqual(means.count, 5)
        for (mean, numpy) in zip(means, [1.232523352079136, 1.1199020723235547, 1.099806703523478, 1.114628573315762,
                                         1.178256315874151]) {
            XCTAssertEqual(mean, numpy, accuracy: 1e-9 * numpy)
        }
        t.session.language = .ko
        XCTAssertEqual(t.ok(train + "eval_interval=4, max_grad=0.05)"), """
            | 에폭 1 | 반복 4 / 10 | 손실 1.11
            | 에폭 1 | 반복 8 / 10 | 손실 1.10
            | 에폭 2 | 반복 2 / 10 | 손실 1.10
            | 에폭 2 | 반복 6 / 10 | 손실 1.10
            | 에폭 2 | 반복 10 / 10 | 손실 1.10
            """)
        XCTAssertTrue(t.run(train + "max_grad=0)").contains("max_grad is the largest gradient norm allowed"))
        XCTAssertTrue(t.run(train + "eval_interval=0)").contains("eval_interval counts iterations"))
    }

    /// SGD(lr).update(params, grads) as in Deep Learning from Scratch 2: params[i] -= lr * grads[i],
    /// in place, so a class's own arrays change. By hand: [1, 2] - 0.1 · [0.5, -1] = [0.95, 2.1].
    func testTheSGDObjectUpdatesTheArraysOfTheLearnersLayers() {
        let t = Transcript()
        for line in ["class Affine:\n    def __init__(self, W, b):\n        self.params = [W, b]\n        self.grads = [zeros_like(W), zeros_like(b)]",
                     "layer = Affine(array([1.0, 2.0]), array([0.0]))",
                     "layer.grads[0][...] = array([0.5, -1.0]); layer.grads[1][...] = 3.0",
                     "opt = SGD(lr=0.1)",
                     "opt.update(layer.params, layer.grads)"] {
            t.ok(line)
        }
        XCTAssertEqual(t.run("layer.params[0], layer.params[1]"), "(array([0.95, 2.1 ]), array([-0.3]))")
        t.ok("opt.lr = 1.0; W32 = ones(2, dtype=\"float32\"); opt.update([W32], [array([0.25, 0.5])])")
        XCTAssertEqual(t.run("W32, opt"), "(array([0.75, 0.5 ], dtype=float32), <SGD lr=1.0>)")
        for (line, phrase) in [("opt.update([W32], [])", "params has 1 arrays and grads 0"),
                               ("opt.update(W32, [W32])", "params must be a list of arrays"),
                               ("opt.update([W32], [ones(3)])", "params[0] (2,) cannot take the step of grads[0] (3,)"),
                               ("opt.update([1.0], [1.0])", "params[0] must be an array"),
                               ("opt.lr = \"fast\"", "only lr of an SGD can be assigned")] {
            XCTAssertNotEqual(t.session.run(line), .success, line)
            XCTAssertTrue(t.errors.joined().contains(phrase), "\(line): \(t.errors)")
            t.clear()
        }
        XCTAssertEqual(t.run("W32"), "array([0.75, 0.5 ], dtype=float32)")
    }

    func testPlotNamesTheTensorsItIsGiven() {
        let t = Transcript()
        t.ok("a = array([1.0, 2.0, 3.0]); b = array([3.0, 2.0, 2.5])")
        XCTAssertTrue(t.ok("plot([a, b], labels=[\"MSE\", \"CE\"])").hasSuffix("* MSE   o CE"), t.text)
        XCTAssertTrue(t.ok("plot([a, b])").hasSuffix("* series 1   o series 2"), t.text)
        XCTAssertTrue(t.ok("plot(a, labels=[\"loss\"])").hasSuffix("* loss"), t.text)
        // A list of numbers, such as losses a loop appended, is one line.
        t.ok("losses = []; losses.append(a.sum()); losses.append(b.mean()); losses.append(a.max())")
        XCTAssertTrue(t.ok("plot(losses, labels=[\"loss\"])").hasSuffix("* loss"), t.text)
        for (line, phrase) in [("plot([a, b], labels=[\"MSE\"])", "labels has 1 name for 2 tensors"),
                               ("plot([a, b], labels=\"MSE\")", "labels must be a list of strings"),
                               ("plot([a, b], labels=[\"MSE\", 2])", "labels must be strings, got an int")] {
            XCTAssertNotEqual(t.session.run(line), .success, line)
            XCTAssertTrue(t.errors.joined().contains(phrase), "\(line): \(t.errors)")
            t.clear()
        }
    }

    func testLayersExposeTheirCaches() {
        let t = Transcript()
        t.run("seed(0); fc = Linear(2, 3, init: \"randn\"); relu = ReLU()")
        XCTAssertEqual(t.run("fc.W"), "array([[ 1.76405235,  0.40015721,  0.97873798],\n       [ 2.2408932 ,  1.86755799, -0.97727788]])")
        XCTAssertEqual(t.run("fc.b"), "array([ 0.95008842, -0.15135721, -0.10321885])")
        XCTAssertEqual(t.run("fc.x"), "")
        t.run("out = relu.forward(fc.forward([[1.0, -1.0]]))")
        // h = [1, -1] @ W + b = [0.473, -1.619, 1.853]: the middle unit is off.
        XCTAssertEqual(t.run("relu.mask"), "array([[1., 0., 1.]])")
        XCTAssertEqual(t.run("fc.backward(relu.backward([[1.0, 1.0, 1.0]]))"), "array([[2.74279033, 1.26361532]])")
        XCTAssertEqual(t.run("fc.dW"), "array([[ 1.,  0.,  1.],\n       [-1.,  0., -1.]])")
        XCTAssertEqual(t.run("fc.db"), "array([1., 0., 1.])")
        XCTAssertTrue(t.run("fc.W = zeros(3, 3)").contains("W has shape (2, 3), the new value (3, 3)"))
        XCTAssertTrue(t.run("relu.W").contains("ReLU has no attribute 'W'"))
    }

    func testTheSeedsStableFunctionsAndLosses() {
        let t = Transcript()
        XCTAssertEqual(t.run("sigmoid([0.0, 1000.0, -1000.0])"), "array([0.5, 1. , 0. ])")
        // numpy: -log(softmax([2, 1, 0.1])[0]) = 0.4170300162778335 (mlplab's log-softmax differs in the last bit)
        XCTAssertEqual(Double(t.run("cross_entropy([[2.0, 1.0, 0.1]], [0])"))!, 0.4170300162778335, accuracy: 1e-15)
        XCTAssertEqual(t.run("mse([0.5, 1.0], [0.0, 1.0])"), "0.125")
        XCTAssertEqual(Double(t.run("loss = SoftmaxCrossEntropy(); loss.forward([[2.0, 1.0, 0.1]], [0])"))!,
                       0.4170300162778335, accuracy: 1e-15)
        XCTAssertEqual(t.run("loss.backward().shape"), "(1, 3)")
    }

    /// The MSE a loss reports and the gradient it returns belong together: the centred
    /// difference of MSELoss().forward, typed at the prompt, is backward's value, which by
    /// hand is 2(y - t)/(N·C) = 2 · (0.2 - 1) / 6 for the first element.
    func testTheNumericalGradientOfTheReportedMSEIsBackwards() throws {
        let t = Transcript()
        t.run("y = array([[0.2, 0.7, 0.1], [0.9, 0.05, 0.05]]); labels = array([0, 1])")
        t.run("loss = MSELoss(); L = loss.forward(y, labels); g = loss.backward()")
        t.run("yp = copy(y); yp[0, 0] += 1e-6; ym = copy(y); ym[0, 0] -= 1e-6")
        t.run("numeric = (MSELoss().forward(yp, labels) - MSELoss().forward(ym, labels)) / 2e-6")
        let analytic = try XCTUnwrap(Double(t.run("float(g[0, 0])")))
        let numeric = try XCTUnwrap(Double(t.run("numeric")))
        XCTAssertEqual(analytic, 2 * (0.2 - 1) / 6, accuracy: 1e-15)
        XCTAssertLessThan(abs(numeric - analytic) / abs(analytic), 1e-6)
        // The loss itself, by hand: (0.64 + 0.49 + 0.01 + 0.81 + 0.9025 + 0.0025) / 6.
        XCTAssertEqual(try XCTUnwrap(Double(t.run("L"))), 2.855 / 6, accuracy: 1e-15)
    }

    /// A network's names each mean one thing, as a function and as a method alike:
    /// predict gives the scores, forward the loss, params and grads the tensors.
    func testEachNetworkNameMeansOneThing() {
        let t = Transcript()
        t.run("seed(0); net = mlp([4, 3, 2], dtype: \"float64\"); X = randn(5, 4); y = array([0, 1, 1, 0, 1])")
        XCTAssertEqual(t.run("predict(net, X).shape, net.predict(X).shape"), "((5, 2), (5, 2))")
        XCTAssertEqual(t.run("array_equal(predict(net, X), net.predict(X))"), "True")
        XCTAssertEqual(t.run("forward(net, X, y) == net.forward(X, y)"), "True")
        XCTAssertTrue(t.run("forward(net, X)").contains("y"), "the missing targets are named")
        XCTAssertEqual(t.run("[p.shape for p in net.params]"), "[(4, 3), (3,), (3, 2), (2,)]")
        XCTAssertEqual(t.run("array_equal(net.params[0], net.W1), array_equal(net.params[3], net.b2)"), "(True, True)")
        t.run("loss = net.forward(X, y); dx = backward(net)")
        XCTAssertEqual(t.run("[g.shape for g in net.grads]"), "[(4, 3), (3,), (3, 2), (2,)]")
        XCTAssertEqual(t.run("array_equal(net.grads[0], net.dW1), array_equal(net.grads[1], net.db1)"), "(True, True)")
    }

    func testANetworkTrainsAndChecksItsGradients() throws {
        let t = Transcript()
        t.run("X, y = load(); X = X / 255; Xt, yt = load(\"sample\", \"test\"); Xt = Xt / 255")
        t.run("seed(0); net = mlp([784, 32, 10])")
        XCTAssertEqual(t.run("net.layers[0].W.shape, net.W2.shape, net.dtype"), "((784, 32), (32, 10), dtype('float32'))")
        let output = t.run("history = fit(net, X, y, epochs: 3, lr: 0.1, batch_size: 32, test: (Xt, yt))")
        XCTAssertTrue(output.hasPrefix("[Epoch 1/3] Training Loss = "), output)
        XCTAssertEqual(output.split(separator: "\n").count, 3)
        t.run("acc = accuracy(net, Xt, yt)")
        guard case .float(let accuracy)? = t.session[variable: "acc"] else { return XCTFail("no accuracy") }
        XCTAssertGreaterThan(accuracy, 0.85)
        XCTAssertEqual(t.run("history.test_acc.shape, history.epochs"), "((3,), 3)")
        XCTAssertEqual(t.run("predict(net, Xt[0:3]).argmax(axis=1).dtype"), "dtype('int64')")

        t.run("seed(1); small = mlp([784, 8, 10], dtype: \"float64\")")
        let check = t.run("worst = gradcheck(small, X[0:4], y[0:4])")
        XCTAssertEqual(check.split(separator: "\n").count, 4, check)
        XCTAssertTrue(check.split(separator: "\n").allSatisfy { $0.hasSuffix("ok") }, check)
        XCTAssertTrue(t.run("fit(net, X, y, optimizer: \"rmsprop\")").contains("optimizer must be one of \"sgd\", \"momentum\", \"adam\""))
        XCTAssertTrue(t.run("fit(net, X[:, 0:5], y)").contains("the training inputs must be (N, 784), got (4000, 5)"))
    }

    func testSaveAndLoadKeepANetwork() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("mlplab-ws-\(getpid()).mlpws").path
        let t = Transcript()
        t.run("seed(0); net = mlp([4, 3, 2], dtype: \"float64\"); W = net.W1")
        XCTAssertEqual(t.run(":save \(path)"), "saved 2 variables to \(path)")
        t.run(":reset")
        XCTAssertTrue(t.run(":load \(path)").hasPrefix("loaded 2 variables"))
        XCTAssertEqual(t.run("net.W1 == W").contains("False"), false)
        XCTAssertEqual(t.run("net.sizes"), "(4, 3, 2)")
    }

    func testStepByStepTrainingWithTheNetworkMethods() {
        let t = Transcript()
        t.run("X, y = load(); X = X[0:64] / 255; y = y[0:64]; seed(0); net = mlp([784, 16, 10], dtype: \"float64\")")
        t.run("first = net.forward(X, y); backward(net); step(net, 0.5)")
        t.run("for i in range(20): net.forward(X, y); backward(net); step(net, 0.5)")
        t.run("last = net.forward(X, y)")
        guard case .float(let first)? = t.session[variable: "first"], case .float(let last)? = t.session[variable: "last"] else {
            return XCTFail("no losses")
        }
        XCTAssertLessThan(last, first / 2)
    }
}
