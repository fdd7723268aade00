// Fetch: `mlplab fetch`. Downloads the data sets' files over HTTPS with retries and
// resumption, checks each against its SHA-256, and writes it atomically, so that an
// interrupted download never leaves a file that looks complete.
//
// It leaves reading the files to Datasets.

import Datasets
import Foundation

/// How `mlplab fetch` downloads the data sets that are not bundled (`isDownloaded`).
extension DatasetName {
    /// Where `mlplab fetch` puts the files when no `--dir` is given, relative to the current
    /// directory. The Datasets module looks in the same place, so `load("mnist")` finds them.
    public var defaultDirectory: String { "data/\(rawValue)" }

    /// The public mirrors, tried in this order; none for a data set that is not downloaded.
    public var mirrors: [URL] { Self.catalog[self]?.mirrors ?? [] }

    /// The four canonical files, each with the size and SHA-256 it must have; none for a data
    /// set that is not downloaded.
    public var files: [DatasetFile] { Self.catalog[self]?.files ?? [] }
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

extension DatasetName {
    /// The one table of mirrors and checksums: the place to change a URL or a digest.
    ///
    /// Sizes and SHA-256 digests are those of the files the mirrors serve, whose MD5 sums are the
    /// ones the datasets' authors publish. `scripts/fetch_checksums.py` computes them from a folder
    /// of the files. Note for Fashion-MNIST: the copies in the Debian package
    /// `dataset-fashion-mnist` were gzipped again without the file name in the gzip header, so
    /// they are 23–24 bytes shorter and hash differently, although they hold the same images;
    /// the script rebuilds the published files from them to check these rows.
    static let catalog: [DatasetName: (mirrors: [URL], files: [DatasetFile])] = [
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
                            sha256: "3aede38d61863908ad78613f6a32ed271626dd12800ba2636569512369268a84"),
                DatasetFile(name: "train-labels-idx1-ubyte.gz", byteCount: 29_515,
                            sha256: "a04f17134ac03560a47e3764e11b92fc97de4d1bfaf8ba1a3aa29af54cc90845"),
                DatasetFile(name: "t10k-images-idx3-ubyte.gz", byteCount: 4_422_102,
                            sha256: "346e55b948d973a97e58d2351dde16a484bd415d4595297633bb08f03db6a073"),
                DatasetFile(name: "t10k-labels-idx1-ubyte.gz", byteCount: 5_148,
                            sha256: "67da17c76eaffca5446c3361aaab5c3cd6d1c2608764d35dfb1850b086bf8dd5"),
            ]
        ),
    ]
}
