import ArgumentParser
import Datasets
import Foundation
import Tensor

/// `--dataset NAME`: the data sets read from image files (all but the generated spiral).
extension DatasetName: ExpressibleByArgument {
    public init?(argument: String) {
        guard let dataset = DatasetName(rawValue: argument), !dataset.isGenerated else { return nil }
        self = dataset
    }

    public static var allValueStrings: [String] { allCases.filter { !$0.isGenerated }.map(\.rawValue) }
}

/// One split of a data set, as the training engine wants it: pixels scaled to
/// [0, 1] (float32 or float64) and int64 labels. The raw bytes are not kept.
struct LoadedSplit {
    let classes: Int
    var x: Tensor
    let y: Tensor
}

extension DataOptions {
    var locator: DataLocator { DataLocator(dataOption: data) }

    /// Reads a split, or throws the data module's message (which says where it looked).
    func loadImages(_ split: Split) throws -> LabeledImages {
        do {
            return try LabeledImages.load(choice, split: split, locator: locator)
        } catch {
            throw CommandFailure("\(error)")
        }
    }

    func load(_ split: Split, dtype: DType) throws -> LoadedSplit {
        let images = try loadImages(split)
        let x = dtype == .float32 ? images.scaledFloat32() : images.scaledFloat64()
        return LoadedSplit(classes: images.classes, x: x, y: images.labelTensor())
    }
}
