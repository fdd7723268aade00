import Foundation

/// The datasets `mlplab fetch` knows how to download.
public enum FetchDataset: String, CaseIterable, Sendable {
    case mnist
    case fashionMnist = "fashion-mnist"

    /// The name a person reads: "MNIST", "Fashion-MNIST".
    public var displayName: String {
        switch self {
        case .mnist: return "MNIST"
        case .fashionMnist: return "Fashion-MNIST"
        }
    }

    /// Where `mlplab fetch` puts the files when no `--dir` is given, relative to the current
    /// directory. The Datasets module looks in the same place, so `load("mnist")` finds them.
    public var defaultDirectory: String { "data/\(rawValue)" }

    /// The public mirrors, tried in this order.
    public var mirrors: [URL] { Self.catalog[self]!.mirrors }

    /// The four canonical files, each with the size and SHA-256 it must have.
    public var files: [DatasetFile] { Self.catalog[self]!.files }
}

/// One file of a dataset and the bytes it must hold.
public struct DatasetFile: Sendable, Equatable {
    /// The canonical file name, the same on every mirror, e.g. `train-images-idx3-ubyte.gz`.
    public let name: String
    /// The exact size in bytes.
    public let byteCount: Int
    /// SHA-256 of the whole file, lowercase hex.
    public let sha256: String

    public init(name: String, byteCount: Int, sha256: String) {
        self.name = name
        self.byteCount = byteCount
        self.sha256 = sha256
    }
}

extension FetchDataset {
    /// The one table of mirrors and checksums. Sizes and SHA-256 digests were computed from the
    /// canonical files (whose MD5 sums agree with the ones the datasets' authors publish);
    /// `scripts/fetch_checksums.py` prints these rows again from a folder of the files.
    static let catalog: [FetchDataset: (mirrors: [URL], files: [DatasetFile])] = [
        .mnist: (
            mirrors: [
                URL(string: "https://ossci-datasets.s3.amazonaws.com/mnist/")!,
                URL(string: "https://storage.googleapis.com/cvdf-datasets/mnist/")!,
                URL(string: "http://yann.lecun.com/exdb/mnist/")!,
            ],
            files: [
                DatasetFile(name: "train-images-idx3-ubyte.gz", byteCount: 9_912_422,
                            sha256: "440fcabf73cc546fa21475e81ea370265605f56be210a4024d2ca8f203523609"),
                DatasetFile(name: "train-labels-idx1-ubyte.gz", byteCount: 28_881,
                            sha256: "3552534a0a558bbed6aed32b30c495cca23d567ec52cac8be1a0730e8010255c"),
                DatasetFile(name: "t10k-images-idx3-ubyte.gz", byteCount: 1_648_877,
                            sha256: "8d422c7b0a1c1c79245a5bcf07fe86e33eeafee792b84584aec276f5a2dbc4e6"),
                DatasetFile(name: "t10k-labels-idx1-ubyte.gz", byteCount: 4_542,
                            sha256: "f7ae60f92e00ec6debd23a6088c31dbd2371eca3ffa0defaefb259924204aec6"),
            ]
        ),
        .fashionMnist: (
            mirrors: [
                URL(string: "http://fashion-mnist.s3-website.eu-central-1.amazonaws.com/")!,
                URL(string: "https://github.com/zalandoresearch/fashion-mnist/raw/master/data/fashion/")!,
            ],
            files: [
                DatasetFile(name: "train-images-idx3-ubyte.gz", byteCount: 26_421_880,
                            sha256: "b0564c3eedabfbf835052cff8503ea422014ce006caf5b757f851416ee8300c7"),
                DatasetFile(name: "train-labels-idx1-ubyte.gz", byteCount: 29_515,
                            sha256: "0ae29f65d86684f32d1b9c85147786c547b9c6aebcaf235f0400a0cce308b056"),
                DatasetFile(name: "t10k-images-idx3-ubyte.gz", byteCount: 4_422_102,
                            sha256: "cc1d090a38ace84dfa1aa66e3ada7c336ef481a96936906477e6dd344da56eaa"),
                DatasetFile(name: "t10k-labels-idx1-ubyte.gz", byteCount: 5_148,
                            sha256: "8d3605d196f4be44669e46906da9733c8131fef761fdbfec72c424d5222f1a05"),
            ]
        ),
    ]
}
