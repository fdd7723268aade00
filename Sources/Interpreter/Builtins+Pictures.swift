import Network
import Plots
import Tensor

/// Pictures in the terminal and in files, as REPL builtins.
extension CoreBuiltins {
    static let pictures: [Builtin] = [
        Builtin("show", [.required("image")], category: "pictures",
                help: "Draws one image in the terminal: a (28, 28) tensor, a 784-pixel row, or any (H, W) tensor (values are scaled from their minimum to their maximum). Half-blocks in grey on a colour terminal, a character ramp otherwise.",
                example: ">>> X, y = load()\n>>> show(X[0])\n(the digit is drawn here)") { args in
            let image = try args.tensor("image")
            try args.session.showPicture(try TerminalPicture.digit(image)) { try PNGPicture.digit(image) }
            return .none
        },
        Builtin("grid", [.required("images"), .optional("labels", .none), .optional("preds", .none)], category: "pictures",
                help: "Draws several images side by side (N, 784) or (N, 28, 28), with their labels under them; given predictions too, each caption reads \"Pred: 7, Label: 7\" and the wrong ones are marked ✗. At most 100 images.",
                example: ">>> X, y = load()\n>>> grid(X[0:4], y[0:4])\n(four digits with their labels are drawn here)") { args in
            let images = try args.tensor("images"), captions = try captions(args)
            try args.session.showPicture(try TerminalPicture.grid(images: images, captions: captions)) {
                try PNGPicture.grid(images: images, captions: captions)
            }
            return .none
        },
        Builtin("plot", [.required("data"), .optional("title", .none), .optional("labels", .none)], category: "pictures",
                help: "A line chart in the terminal: of a training history (losses and accuracies per epoch), of one 1-D tensor (e.g. history.step_loss), or of a list of them. labels: the names the legend gives the tensors, one string each, e.g. plot([h1.test_acc, h2.test_acc], labels=[\"MSE\", \"CE\"]).",
                example: ">>> plot([3.0, 2.0, 1.5, 1.2, 1.1])\n(the chart is drawn here)") { args in
            let title = args.isNone("title") ? nil : try args.string("title"), series = try series(args)
            try args.session.showPicture(try TerminalPicture.lineChart(series: series, title: title)) {
                try PNGPicture.lineChart(series: series, title: title)
            }
            return .none
        },
        Builtin("confusion", [.required("net"), .required("x"), .required("y")], category: "pictures",
                help: "The confusion matrix of net's predictions on (x, y): row = true class, column = predicted class, with each class's accuracy. The off-diagonal cells are the mistakes worth looking at.",
                example: ">>> X, y = load(\"sample\", \"test\"); seed(0); net = mlp([784, 16, 10])\n>>> confusion(net, X / 255, y)\n(the 10×10 table is drawn here)") { args in
            let net = try args.network()
            let predicted = try net.predict(try args.tensor("x")).argmax(axis: -1).int64s.map(Int.init)
            let truth = try labels(try args.tensor("y"))
            args.session.write(try TerminalPicture.confusion(trueLabels: truth, predicted: predicted, classes: net.sizes.last!))
            return .none
        },
        Builtin("weights", [.required("model"), .optional("count", .int(16))], category: "pictures",
                help: "The first layer's weights as pictures: column j of W1 (784 weights) drawn as a 28×28 tile, the pattern hidden unit j responds to (the 2-layer MNIST lab's VisualizeWeights). Takes a network or a (784, H) tensor.",
                example: ">>> weights(randn(784, 4), 4)\n(four 28×28 tiles are drawn here)") { args in
            let weights = try firstWeights(args), count = try args.int("count")
            try args.session.showPicture(try TerminalPicture.weights(weights, count: count)) {
                try PNGPicture.weights(weights, count: count)
            }
            return .none
        },
        Builtin("boundary", [.required("net"), .required("x"), .required("t")], category: "pictures",
                help: "The decision regions of a network on 2-D points (the spiral): every cell of the plane coloured by the class net predicts there, with the points x (N, 2) and their classes t (labels or one-hot) on top.",
                example: ">>> x, t = load(\"spiral\"); seed(0); net = mlp([2, 10, 3])\n>>> boundary(net, x, t)\n(the regions and points are drawn here)") { args in
            let net = try args.network()
            let points = try args.tensor("x"), classes = try labels(try args.tensor("t"))
            let predict = { (cells: Tensor) in try net.predict(cells).argmax(axis: -1).int64s.map(Int.init) }
            try args.session.showPicture(try TerminalPicture.boundary(points: points, labels: classes, predict: predict)) {
                try PNGPicture.boundary(points: points, labels: classes, predict: predict)
            }
            return .none
        },
        Builtin("save_png", [.required("path"), .required("data"), .optional("labels", .none), .optional("preds", .none)],
                category: "pictures",
                help: "Saves a picture as a PNG file (written atomically): one image (28×28 or 784 values), a grid of images (N, 784) with optional labels and predictions, or the learning curves of a history.",
                example: ">>> save_png(\"/tmp/digit.png\", randn(28, 28))") { args in
            let path = try args.string("path")
            if case .object(let object as HistoryObject) = args["data"] {
                try ChartFile.write(series: learningCurves(object.history), to: path, title: "learning curves", xLabel: "epoch")
                return .none
            }
            let images = try args.tensor("data")
            let oneImage = images.ndim == 1 || (images.ndim == 2 && args.isNone("labels") && images.shape[1] != 784)
            let raster = oneImage ? try PNGPicture.digit(images)
                                  : try PNGPicture.grid(images: images, captions: try captions(args, imagesName: "data"))
            try PNGWriter.write(raster, to: path)
            return .none
        },
        Builtin("save_svg", [.required("path"), .required("data")], category: "pictures",
                help: "Saves a line chart as an SVG file (written atomically): the learning curves of a history, or a 1-D tensor or list of them.",
                example: ">>> save_svg(\"/tmp/loss.svg\", [3.0, 2.0, 1.5])") { args in
            try SVGChart.write(series: try series(args), to: try args.string("path"))
            return .none
        },
    ]

    /// Integer class labels from labels (N,) or one-hot rows (N, C).
    private static func labels(_ t: Tensor) throws -> [Int] {
        (t.ndim == 2 ? try t.argmax(axis: -1) : t).int64s.map(Int.init)
    }

    private static func captions(_ args: Arguments, imagesName: String = "images") throws -> [Caption] {
        if args.isNone("labels") { return [] }
        let truth = try labels(try args.tensor("labels"))
        if args.isNone("preds") { return Caption.labels(truth) }
        return try Caption.predictions(try labels(try args.tensor("preds")), labels: truth)
    }

    /// The chart series for a history, a tensor, or a list of tensors.
    private static func series(_ args: Arguments) throws -> [Series] {
        let tensors: [Tensor]
        switch args["data"] {
        case .object(let object as HistoryObject):
            guard args.isNone("labels") else { throw args.error("labels name the tensors of a list; a history names its own curves") }
            return learningCurves(object.history)
        case .list(let items) where isListOfTensors(args["data"]):
            tensors = try items.map { try args.tensor($0, "data") }
        default:
            tensors = [try args.tensor("data")]
        }
        let names = try seriesNames(args, count: tensors.count)
        return zip(names, tensors).map { Series(name: $0, values: $1.doubles) }
    }

    /// The legend's names: `labels`, one string per tensor, or "values" for one tensor and
    /// "series 1", "series 2", … for a list.
    private static func seriesNames(_ args: Arguments, count: Int) throws -> [String] {
        guard !args.isNone("labels") else {
            return isListOfTensors(args["data"]) ? (1...count).map { "series \($0)" } : ["values"]
        }
        guard case .list(let items) = args["labels"] else {
            throw args.error("labels must be a list of strings, one for each tensor, got \(args["labels"].kindDescription)")
        }
        guard items.count == count else {
            throw args.error("labels has \(items.count) name\(items.count == 1 ? "" : "s") for \(count) tensor\(count == 1 ? "" : "s")")
        }
        return try items.map { item in
            guard case .string(let name) = item else { throw args.error("labels must be strings, got \(item.kindDescription)") }
            return name
        }
    }

    /// True for a list of 1-D tensors, which `plot` draws as one line each; any other list (of
    /// numbers, such as the losses a loop appended) is one line.
    private static func isListOfTensors(_ value: Value) -> Bool {
        guard case .list(let items) = value else { return false }
        return items.allSatisfy { if case .tensor(let t) = $0 { return t.ndim == 1 }; return false }
    }

    private static func firstWeights(_ args: Arguments) throws -> Tensor {
        if case .object(let object as NetworkObject) = args["model"], let first = object.net.linearLayers.first {
            return first.W
        }
        return try args.tensor("model")
    }
}

extension Session {
    /// Shows a picture: its terminal drawing as text, or, for a front end that displays images
    /// (`pictureOutput` is set), the picture as PNG with the drawing as its text version.
    func showPicture(_ drawing: String, png: () throws -> Raster) throws {
        guard let pictureOutput else { return write(drawing) }
        let bytes = try PNGWriter.encode(try png())
        finishLine()
        pictureOutput(bytes, drawing)
    }
}

/// A history's learning curves as chart series.
private func learningCurves(_ history: History) -> [Series] {
    history.learningCurves.map { Series(name: $0.name, values: $0.values) }
}
