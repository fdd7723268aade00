import Plots
import Tensor

/// How values spread: numpy's `histogram` counts them into equal bins, and `hist`
/// draws those counts in the terminal, several tensors side by side.
extension CoreBuiltins {
    static let histograms: [Builtin] = [
        Builtin("histogram", [.required("a"), .optional("bins", .int(10)), .optional("range", .none)], category: "reductions",
                help: "(counts, edges): how many elements of a (any shape) fall in each of bins equal bins from its smallest to its largest element, or over range = (low, high); elements outside the range are not counted. Each bin holds its left edge, the last one its right edge too. As np.histogram with a number of bins.",
                example: ">>> counts, edges = histogram([0.1, 0.4, 0.5, 0.9], bins=2, range=(0, 1))\n>>> counts\narray([2, 2])\n>>> edges\narray([0. , 0.5, 1. ])") { args in
            let (counts, edges) = try args.tensor("a").histogram(bins: try args.bins(), range: try args.histogramRange())
            return .tuple([.tensor(counts), .tensor(edges)])
        },
        Builtin("hist", [.required("x"), .optional("bins", .int(10)), .optional("range", .none), .optional("titles", .none)],
                category: "pictures",
                help: "Draws the histogram of x in the terminal, one line per bin with a bar and the count. Given a list of tensors, draws their histograms side by side over the same bins (range, or from the smallest to the largest element of them all) and on one scale, headed by titles (default: their positions in the list): the activations of each layer, say. histogram gives the counts as numbers.",
                example: ">>> seed(0)\n>>> hist([randn(1000), rand(1000)], bins=8, titles=[\"randn\", \"rand\"])\n(the two histograms are drawn here)") { args in
            let tensors = try args.histogramData()
            let bins = try args.bins()
            let range = try args.histogramRange() ?? sharedRange(of: tensors)
            let histograms = try tensors.map { try $0.histogram(bins: bins, range: range) }
            let titles = try args.histogramTitles(count: tensors.count)
            args.session.write(try TerminalPicture.histograms(histograms.map { $0.counts.int64s.map(Int.init) },
                                                              edges: histograms[0].edges.doubles, titles: titles))
            return .none
        },
    ]

    /// The smallest and largest element of several tensors, so that their histograms share
    /// bins; nil for one tensor, whose histogram finds its own range as numpy's does.
    private static func sharedRange(of tensors: [Tensor]) -> (lower: Double, upper: Double)? {
        guard tensors.count > 1 else { return nil }
        let values = tensors.flatMap(\.doubles).filter(\.isFinite)
        guard let lower = values.min(), let upper = values.max() else { return nil }
        return (lower, upper)
    }
}

private extension Arguments {
    /// `bins`: a whole number of equal bins (numpy's other forms are not supported).
    func bins() throws -> Int {
        guard let bins = self["bins"].asInt else {
            throw error("bins must be a whole number of equal bins, got \(self["bins"].kindDescription)")
        }
        return bins
    }

    /// `range`: none, or a pair (low, high).
    func histogramRange() throws -> (lower: Double, upper: Double)? {
        if isNone("range") { return nil }
        guard let pair = try self["range"].sequenceElements(), pair.count == 2,
              let lower = pair[0].asDouble, let upper = pair[1].asDouble else {
            throw error("range must be a pair of numbers (low, high), got \(self["range"].kindDescription)")
        }
        return (lower, upper)
    }

    /// `x` of `hist`: one tensor (or numbers), or a list (or tuple) of tensors.
    func histogramData() throws -> [Tensor] {
        switch self["x"] {
        case .list(let items) where items.isEmpty, .tuple(let items) where items.isEmpty:
            throw error("x must be a tensor or a list of tensors, got an empty list")
        case .list(let items) where items.contains(where: \.isTensor), .tuple(let items) where items.contains(where: \.isTensor):
            return try items.enumerated().map { try tensor($0.element, "x[\($0.offset)]") }
        default:
            return [try tensor("x")]
        }
    }

    /// One title per histogram: the strings given, else for several histograms their positions [0], [1], ….
    func histogramTitles(count: Int) throws -> [String] {
        if isNone("titles") { return count == 1 ? [] : (0..<count).map { "[\($0)]" } }
        guard let items = try self["titles"].sequenceElements(), items.count == count else {
            throw error("titles must be a list of \(count) string\(count == 1 ? "" : "s"), one per histogram")
        }
        return try items.map { item in
            guard case .string(let title) = item else { throw error("titles must be strings, got \(item.kindDescription)") }
            return title
        }
    }
}
