import ArgumentParser
import Datasets
import Foundation
import Tensor

/// `mlplab info`: loads a data set and prints what it holds, proving the path
/// from IDX bytes to tensors.
struct Info: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Load a data set and print its shapes, label counts, pixel mean and std.")

    @OptionGroup var data: DataOptions

    func run() throws {
        for split in Split.allCases {
            let started = Date()
            let images = try data.loadImages(split)
            let x = images.scaledFloat64()
            let seconds = Date().timeIntervalSince(started)
            let counts = (0..<images.classes).map { label in images.labels.filter { Int($0) == label }.count }
            print("\(data.label) \(split.rawValue): images \(formatShape([images.count, images.rows, images.columns])) "
                  + "→ x \(formatShape(x.shape)) \(x.dtype.rawValue), labels \(formatShape([images.count])) int64"
                  + String(format: "  (read in %.3f s)", seconds))
            print("  label counts: " + counts.enumerated().map { "\($0.offset): \($0.element)" }.joined(separator: ", "))
            let mean = try x.mean().doubles[0], std = try x.std().doubles[0]
            print(String(format: "  pixel mean/255 = %.4f, std/255 = %.4f", mean, std))
        }
    }
}
