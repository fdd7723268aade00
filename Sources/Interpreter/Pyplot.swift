import Plots
import Support
import Tensor

/// `import matplotlib.pyplot as plt`: the part of pyplot the course notebooks use, drawn where
/// mlplab draws its pictures (the terminal, or the notebook). Calls add to the current figure
/// (lines from `plt.plot`, images from `plt.imshow`, one per `plt.subplot`, titles and axis
/// labels), and `plt.show()` draws it and starts the next one; `plt.savefig(path)` writes it as a
/// PNG. Calls that only style a matplotlib figure (`figure`, `grid`, `axis`, `legend`,
/// `tight_layout`, `gray` …) are taken and change nothing: the legend is always drawn.
struct PyplotModule: ImportedModule {
    var importName: String { "matplotlib.pyplot" }
    var typeName: String { "module" }
    var description: String { "<module 'matplotlib.pyplot'>" }
    var attributeNames: [String] { (Self.drawing.map(\.name) + Self.styling.map(\.name)).sorted() }

    func attribute(_ name: String) throws -> Value {
        if name == "subplots" {
            throw InterpreterError(.type, "plt.subplots (figure and axes objects) is not in mlplab; call plt.subplot(rows, columns, n) "
                                   + "before each plt.imshow, or draw a stack of images with grid(images, labels)")
        }
        guard let function = (Self.drawing + Self.styling).first(where: { $0.name == name }) else {
            var message = "matplotlib.pyplot in mlplab has no '\(name)'"
            if let suggestion = closestName(to: name, among: attributeNames) { message += "; did you mean '\(suggestion)'?" }
            throw InterpreterError(.type, message + " (it draws lines and images: " + Self.drawing.map(\.name).joined(separator: ", ") + ")")
        }
        return .function(function)
    }

    /// The calls that put something in the figure, draw it, or throw it away.
    private static let drawing: [Builtin] = [
        pyplot("plot", [.variadic("args"), .keywordOnly("label", .none)] + keywords(["color", "linestyle", "linewidth", "marker", "markersize", "alpha"]),
               help: "Adds a line to the figure: plt.plot(y) or plt.plot(x, y) (the x values only number the points), with an optional format string ('bo-') and label, which the legend shows.") { args in
            let values = try args.rest.filter { if case .string = $0 { return false }; return true }.map { try args.tensor($0, "y") }
            guard let y = values.last, values.count <= 2 else { throw args.error("give y, or x and y, and at most a format string") }
            guard y.ndim == 1 else { throw args.error("y must be 1-D, got shape \(NumpyFormat.shape(y.shape))") }
            if values.count == 2, values[0].count != y.count {
                throw args.valueError("x and y must have the same length, got \(values[0].count) and \(y.count)")
            }
            let label = args.isNone("label") ? "line \(args.session.figure.lines.count + 1)" : try args.string("label")
            args.session.figure.lines.append(Series(name: label, values: y.doubles))
            return .none
        },
        pyplot("imshow", [.required("X")] + keywords(["cmap", "interpolation", "vmin", "vmax", "aspect"]),
               help: "Adds an image (H, W) to the figure, drawn from its minimum (black) to its maximum (white).") { args in
            try addImage(args, "X")
        },
        pyplot("matshow", [.required("A")] + keywords(["fignum", "cmap"]), help: "The same as imshow.") { args in
            try addImage(args, "A")
        },
        pyplot("title", [.required("label")] + keywords(["fontsize", "loc", "fontweight", "pad"]),
               help: "The title of the figure, or, after plt.subplot, of its latest image (the caption under it).") { args in
            let title = try args.string("label")
            if args.session.figure.inSubplots, !args.session.figure.images.isEmpty {
                args.session.figure.images[args.session.figure.images.count - 1].title = title
            } else {
                args.session.figure.title = title
            }
            return .none
        },
        pyplot("suptitle", [.required("t")] + keywords(["fontsize", "fontweight"]), help: "The title of the whole figure.") { args in
            args.session.figure.title = try args.string("t")
            return .none
        },
        pyplot("xlabel", [.required("xlabel")] + keywords(["fontsize"]), help: "The name of the x axis, in a saved figure.") { args in
            args.session.figure.xLabel = try args.string("xlabel")
            return .none
        },
        pyplot("ylabel", [.required("ylabel")] + keywords(["fontsize"]), help: "The name of the y axis, in a saved figure.") { args in
            args.session.figure.yLabel = try args.string("ylabel")
            return .none
        },
        pyplot("subplot", [.variadic("args")], help: "Starts the next cell of a grid of images: plt.subplot(rows, columns, n). The images are drawn side by side, as many as fit the terminal's width.") { args in
            args.session.figure.inSubplots = true
            return .none
        },
        pyplot("figure", [.variadic("args")] + keywords(["figsize", "dpi", "num"]),
               help: "Starts a new figure (a figure not yet shown is drawn first).") { args in
            try args.session.showFigure()
            return .none
        },
        pyplot("show", keywords(["block"]), help: "Draws the figure, then starts a new one.") { args in
            try args.session.showFigure()
            return .none
        },
    ] + ["close", "clf"].map { name in
        pyplot(name, [.variadic("args")], help: "Throws the figure away, undrawn.") { args in
            args.session.figure = Figure()
            return .none
        }
    } + [
        pyplot("savefig", [.required("fname")] + keywords(["dpi", "bbox_inches", "format"]),
               help: "Writes the figure as a PNG file (written whole or not at all); plt.show() still draws it.") { args in
            let figure = args.session.figure
            guard figure.lines.isEmpty || figure.images.isEmpty else {
                throw args.valueError("a PNG file holds the figure's lines or its images; this figure has both: save before the second kind")
            }
            guard let raster = try figure.lines.isEmpty ? figure.imagesPicture().map(\.png) : figure.linesPNG() else {
                throw args.valueError("the figure is empty: plt.plot or plt.imshow first")
            }
            try PNGWriter.write(raster, to: try args.string("fname"))
            return .none
        },
    ]

    /// Matplotlib's styling: taken, and nothing changes.
    private static let styling: [Builtin] = ["legend", "grid", "axis", "tight_layout", "gray", "xticks", "yticks", "xlim",
                                             "ylim", "colorbar"].map { name in
        pyplot(name, [.variadic("args")] + keywords(["loc", "fontsize", "alpha", "linestyle", "which", "pad", "fraction"]),
               help: "Styles a matplotlib figure; mlplab's pictures have one style, so this changes nothing.") { _ in .none }
    }

    private static func pyplot(_ name: String, _ parameters: [Parameter], help: String,
                               _ body: @escaping (Arguments) throws -> Value) -> Builtin {
        Builtin(name, parameters, category: "pyplot", help: help, example: "", body: body)
    }

    /// Keyword arguments matplotlib takes for looks, which change nothing here.
    private static func keywords(_ names: [String]) -> [Parameter] {
        names.map { .keywordOnly($0, .none) }
    }

    private static func addImage(_ args: Arguments, _ name: String) throws -> Value {
        let image = try args.tensor(name)
        guard image.ndim == 2 else { throw args.error("\(name) must be an image (H, W), got shape \(NumpyFormat.shape(image.shape))") }
        args.session.figure.images.append(Figure.Image(pixels: image))
        return .none
    }
}

/// What `plt.show()` will draw: the lines and images added since the last one.
struct Figure {
    struct Image {
        let pixels: Tensor
        var title: String?
    }

    var lines: [Series] = []
    var images: [Image] = []
    var title: String?
    var xLabel: String?
    var yLabel: String?
    /// True after `plt.subplot`: a title is then its image's caption.
    var inSubplots = false

    var isEmpty: Bool { lines.isEmpty && images.isEmpty }

    /// The images, one alone or side by side with their titles as captions, for the terminal
    /// and as PNG; nil without images. Images side by side must be of one size.
    func imagesPicture() throws -> (text: String, png: Raster)? {
        guard let first = images.first else { return nil }
        if images.count == 1 { return (try TerminalPicture.digit(first.pixels), try PNGPicture.digit(first.pixels)) }
        guard images.allSatisfy({ $0.pixels.shape == first.pixels.shape }) else {
            throw InterpreterError(.shape, "the images of one figure must be of one size, got "
                                   + Set(images.map { NumpyFormat.shape($0.pixels.shape) }).sorted().joined(separator: " and "))
        }
        let stack = try Tensor.concatenate(images.map { try $0.pixels.reshaped([1] + $0.pixels.shape) })
        let captions = images.allSatisfy { $0.title == nil } ? [] : images.map { Caption($0.title ?? "") }
        return (try TerminalPicture.grid(images: stack, captions: captions),
                try PNGPicture.grid(images: stack, captions: captions))
    }

    /// The lines as a PNG chart with the axis labels; nil without lines.
    func linesPNG() throws -> Raster? {
        lines.isEmpty ? nil : try PNGPicture.lineChart(series: lines, title: title, xLabel: xLabel, yLabel: yLabel)
    }
}

extension Session {
    /// Draws a figure that `plt` calls made and no `plt.show()` drew: a notebook cell's figure
    /// appears when the cell ends, as with matplotlib's inline backend.
    public func showPendingFigure() {
        guard !figure.isEmpty else { return }
        do {
            try showFigure()
        } catch {
            report(error, source: "plt.show()")
        }
    }

    /// Draws the figure `plt` calls have made, if any (its title over images; the lines as a
    /// chart), and starts a new one.
    func showFigure() throws {
        let figure = self.figure
        self.figure = Figure()
        if let picture = try figure.imagesPicture() {
            if let title = figure.title { write(title) }
            try showPicture(picture.text) { picture.png }
        }
        if let png = try figure.linesPNG() {
            try showPicture(try TerminalPicture.lineChart(series: figure.lines, title: figure.title)) { png }
        }
    }
}
