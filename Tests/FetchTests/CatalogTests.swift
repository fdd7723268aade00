import Datasets
import Fetch
import Foundation
import XCTest

/// The table of mirrors and checksums. That the MNIST rows match the published files is proved
/// by `FetchScenarioTests`, which fetch and verify them; here the Fashion-MNIST rows are checked
/// against the published files, rebuilt from the Debian package's copies in ../shared.
final class CatalogTests: XCTestCase {
    func testMirrorsAreTheKnownPublicOnesInOrder() {
        XCTAssertEqual(DatasetName.mnist.mirrors.map(\.absoluteString), [
            "https://ossci-datasets.s3.amazonaws.com/mnist/",
            "https://storage.googleapis.com/cvdf-datasets/mnist/",
            "http://yann.lecun.com/exdb/mnist/",
        ])
        XCTAssertEqual(DatasetName.fashionMnist.mirrors.map(\.absoluteString), [
            "http://fashion-mnist.s3-website.eu-central-1.amazonaws.com/",
            "https://github.com/zalandoresearch/fashion-mnist/raw/master/data/fashion/",
        ])
    }

    func testEachDatasetHasTheFourCanonicalFilesAndAFolderUnderData() {
        for dataset in DatasetName.allCases.filter(\.isDownloaded) {
            XCTAssertEqual(dataset.files.map(\.name), ["train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz",
                                                       "t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz"])
            XCTAssertTrue(dataset.files.allSatisfy { $0.sha256.count == 64 && $0.byteCount > 0 })
        }
        XCTAssertEqual(DatasetName.mnist.defaultDirectory, "data/mnist")
        XCTAssertEqual(DatasetName.fashionMnist.defaultDirectory, "data/fashion-mnist")
        XCTAssertEqual(DatasetName(rawValue: "fashion-mnist"), .fashionMnist)
    }

    func testTheDownloadedDatasetsAreMNISTAndFashionMNISTAndNoOtherHasMirrors() {
        XCTAssertEqual(DatasetName.allCases.filter(\.isDownloaded), [.mnist, .fashionMnist])
        for dataset in [DatasetName.sample, .digits, .spiral] {
            XCTAssertEqual(dataset.mirrors, [])
            XCTAssertEqual(dataset.files, [])
        }
    }

    func testFashionMNISTRowsMatchThePublishedFiles() async throws {
        let published = try publishedFashionFiles()
        let server = try await MirrorServer.start(files: published, behaviors: ["zalando": .serve])
        let folder = try makeTemporaryFolder()
        addTeardownBlock {
            await server.stop()
            try? FileManager.default.removeItem(at: folder)
        }

        let report = try await Fetcher(mirrors: [server.url("zalando")], progress: SilentProgress())
            .fetch(.fashionMnist, into: folder)

        XCTAssertEqual(report.files.map(\.file.byteCount), [26_421_880, 29_515, 4_422_102, 5_148],
                       "the sizes the authors publish")
        for file in DatasetName.fashionMnist.files {
            XCTAssertEqual(try Data(contentsOf: folder.appendingPathComponent(file.name)), published[file.name])
        }
    }

    func testDebianCopiesOfFashionMNISTAreNotThePublishedFiles() async throws {
        let debian = try sharedFiles(.fashionMnist)
        let server = try await MirrorServer.start(files: debian, behaviors: ["debian": .serve])
        let folder = try makeTemporaryFolder()
        addTeardownBlock {
            await server.stop()
            try? FileManager.default.removeItem(at: folder)
        }

        do {
            _ = try await Fetcher(mirrors: [server.url("debian")], progress: SilentProgress())
                .fetch(.fashionMnist, into: folder)
            XCTFail("the Debian copies should not pass as the published files")
        } catch FetchError.allMirrorsFailed(.fashionMnist, "train-images-idx3-ubyte.gz", let attempts) {
            XCTAssertEqual(attempts.map(\.error), [.wrongSize(file: "train-images-idx3-ubyte.gz",
                                                              url: server.url("debian").appendingPathComponent("train-images-idx3-ubyte.gz"),
                                                              expected: 26_421_880, actual: 26_421_856)])
        }
    }

    /// The published Fashion-MNIST files, rebuilt from the Debian copies in ../shared by putting
    /// the file name and the original time back into each gzip header (scripts/fetch_checksums.py
    /// does the same and checks the published MD5 sums).
    private func publishedFashionFiles() throws -> [String: Data] {
        let modificationTimes: [String: UInt32] = [
            "train-images-idx3-ubyte.gz": 1_504_176_606, "train-labels-idx1-ubyte.gz": 1_504_176_606,
            "t10k-images-idx3-ubyte.gz": 1_504_176_627, "t10k-labels-idx1-ubyte.gz": 1_504_176_627,
        ]
        return try sharedFiles(.fashionMnist).reduce(into: [:]) { published, entry in
            let (name, debian) = entry
            XCTAssertEqual(debian[3], 0, "\(name): expected a gzip header without a file name")
            var header = Data(debian.prefix(3))
            header.append(0x08)  // FLG: FNAME follows the fixed header
            withUnsafeBytes(of: modificationTimes[name]!.littleEndian) { header.append(contentsOf: $0) }
            header.append(contentsOf: debian[8..<10])  // XFL, OS
            header.append(contentsOf: Array(name.dropLast(3).utf8) + [0])
            published[name] = header + debian.dropFirst(10)
        }
    }
}
