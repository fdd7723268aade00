import ArgumentParser
import Datasets
import Plots
import Tensor

/// `mlplab show`: digits of a data set drawn in the terminal with their labels.
struct Show: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Draw images of a data set in the terminal, with their labels.",
        discussion: "Example: mlplab show --index 0 --count 16")

    @OptionGroup var data: DataOptions

    @Option(help: "The first image to draw (0-based).")
    var index: Int = 0

    @Option(help: "How many images to draw.")
    var count: Int = 16

    @Option(help: "train or test.")
    var split: SplitChoice = .train

    @Option(help: "Also save the grid as a PNG picture to this file.")
    var png: String?

    func run() throws {
        let images = try data.loadImages(split.split)
        guard index >= 0, count > 0, index + count <= images.count else {
            throw CommandFailure("--index \(index) --count \(count) is outside the \(split.rawValue) split, which has images 0..<\(images.count)")
        }
        let rows = TensorIndex.slice(start: index, stop: index + count, step: nil)
        let pixels = try images.pixels().index([rows])
        let captions = Caption.labels(Array(images.labels[index..<(index + count)]).map(Int.init))
        print(try TerminalPicture.grid(images: pixels, captions: captions))
        if let png {
            try PNGWriter.write(try PNGPicture.grid(images: pixels, captions: captions), to: png)
            print("saved the picture to \(png)")
        }
    }
}

enum SplitChoice: String, ExpressibleByArgument {
    case train, test
    var split: Split { self == .train ? .train : .test }
}
