import Datasets
import Foundation
import XCTest

/// Where the data sets are looked for, in which order, and what the error says
/// when they are nowhere.
final class DataLocatorTests: XCTestCase {
    private var root: TemporaryFolder!

    override func setUpWithError() throws {
        root = try TemporaryFolder()
    }

    override func tearDown() {
        root = nil
    }

    /// Writes a split's two files into `folder` under the given names.
    @discardableResult
    private func makeSplit(in folder: String, images: String = "train-images-idx3-ubyte.gz",
                           labels: String = "train-labels-idx1-ubyte.gz") throws -> DatasetFiles {
        let imageBytes = gzipStored(idxFile(dims: [2, 2, 2], elements: Array(repeating: 255, count: 8)))
        let labelBytes = gzipStored(idxFile(dims: [2], elements: [3, 4]))
        return DatasetFiles(images: try root.write(folder + "/" + images, imageBytes),
                            labels: try root.write(folder + "/" + labels, labelBytes))
    }

    /// Makes `folder` an installation (it holds Package.swift and lessons/en) with the sample in data/sample,
    /// and returns the sample's train files.
    @discardableResult
    private func makeInstallation(_ folder: String) throws -> DatasetFiles {
        try root.folder(folder + "/lessons/en")
        try root.write(folder + "/Package.swift", [])
        return try makeSplit(in: folder + "/data/sample")
    }

    private func locator(data: String? = nil, environment: [String: String] = [:],
                         cwd: String = "cwd", executable: String? = nil) throws -> DataLocator {
        DataLocator(dataOption: data.map { root.path + "/" + $0 }, environment: environment,
                    currentDirectory: try root.folder(cwd), executablePath: executable.map { root.path + "/" + $0 })
    }

    // MARK: - Order

    func testDataOptionComesFirst() throws {
        let chosen = try makeSplit(in: "chosen")
        try makeSplit(in: "env")
        try makeSplit(in: "cwd/data/mnist")
        let found = try locator(data: "chosen", environment: ["MLPLAB_DATA": root.path + "/env"])
            .locate(.mnist, split: .train)
        XCTAssertEqual(found, chosen)
    }

    func testDataOptionIsTheOnlyPlaceSearchedWhenGiven() throws {
        try makeSplit(in: "cwd/data/mnist")
        let search = try locator(data: "typo")
        XCTAssertThrowsError(try search.locate(.mnist, split: .train)) { error in
            guard case .notFound(_, _, let searched, _)? = error as? DatasetError else {
                return XCTFail("expected notFound, got \(error)")
            }
            XCTAssertEqual(searched, ["\(self.root.path)/typo (--data): no such folder",
                                      "\(self.root.path)/typo/mnist (--data): no such folder"])
        }
    }

    func testEnvironmentComesBeforeTheCurrentFolder() throws {
        let fromEnvironment = try makeSplit(in: "env")
        try makeSplit(in: "cwd/data/mnist")
        let found = try locator(environment: ["MLPLAB_DATA": root.path + "/env"]).locate(.mnist, split: .train)
        XCTAssertEqual(found, fromEnvironment)
    }

    func testAFolderOfDataSetsWorksThroughTheSubfolderNamedAfterEach() throws {
        let mnist = try makeSplit(in: "all/mnist")
        let fashion = try makeSplit(in: "all/fashion-mnist")
        let search = try locator(environment: ["MLPLAB_DATA": root.path + "/all"])
        XCTAssertEqual(try search.locate(.mnist, split: .train), mnist)
        XCTAssertEqual(try search.locate(.fashionMnist, split: .train), fashion)
    }

    func testCurrentFolderDataMnistIsTheDefault() throws {
        let local = try makeSplit(in: "cwd/data/mnist")
        XCTAssertEqual(try locator().locate(.mnist, split: .train), local)
    }

    func testPlacesForFashionMNISTEndWithTheDebianPackage() throws {
        let places = try locator(environment: ["MLPLAB_DATA": "/x"]).places(for: .fashionMnist)
        XCTAssertEqual(places.map(\.folder), ["/x", "/x/fashion-mnist", root.path + "/cwd/data/fashion-mnist",
                                              "/usr/share/datasets/fashion-mnist"])
        XCTAssertEqual(places.last?.origin, "the Debian package dataset-fashion-mnist")
    }

    func testTestSplitUsesT10kNames() throws {
        let test = try makeSplit(in: "cwd/data/mnist", images: "t10k-images-idx3-ubyte.gz",
                                 labels: "t10k-labels-idx1-ubyte.gz")
        XCTAssertEqual(try locator().locate(.mnist, split: .test), test)
        XCTAssertThrowsError(try locator().locate(.mnist, split: .train))
    }

    func testUncompressedAndDottedNamesAreAccepted() throws {
        let files = try makeSplit(in: "cwd/data/mnist", images: "train-images.idx3-ubyte",
                                  labels: "train-labels-idx1-ubyte")
        XCTAssertEqual(try locator().locate(.mnist, split: .train), files)
        // The reader recognises the gzip data whatever the name.
        XCTAssertEqual(try LabeledImages.read(files).labels, [3, 4])
    }

    // MARK: - The sample

    func testSampleIsFoundAboveTheExecutable() throws {
        let sample = try makeInstallation("repo")
        let search = try locator(executable: "repo/.build/release/mlplab")
        XCTAssertEqual(try search.locate(.sample, split: .train), sample)
        XCTAssertEqual(search.places(for: .sample).map(\.folder), [root.path + "/repo/data/sample"])
        XCTAssertEqual(search.places(for: .sample).map(\.origin), ["found above the executable"])
    }

    func testSampleIsFoundAboveTheCurrentFolder() throws {
        let sample = try makeInstallation("repo")
        let found = try locator(cwd: "repo/lessons/en", executable: "elsewhere/mlplab").locate(.sample, split: .train)
        XCTAssertEqual(found, sample)
    }

    func testSampleFromMLPLABHOMEComesFirst() throws {
        let home = try makeSplit(in: "home/data/sample")
        try makeInstallation("repo")
        let found = try locator(environment: ["MLPLAB_HOME": root.path + "/home"], cwd: "repo",
                                executable: "repo/.build/debug/mlplab").locate(.sample, split: .train)
        XCTAssertEqual(found, home)
    }

    func testDigitsAreFoundInTheirOwnFolderBesideTheSample() throws {
        try makeInstallation("repo")
        let digits = try makeSplit(in: "repo/data/digits")
        let found = try locator(cwd: "repo/lessons/ko", executable: "elsewhere/mlplab").locate(.digits, split: .train)
        XCTAssertEqual(found, digits)
    }

    func testMissingDigitsSayWhereTheyShip() throws {
        try makeInstallation("repo")
        XCTAssertThrowsError(try locator(executable: "repo/.build/release/mlplab").locate(.digits, split: .test)) { error in
            let message = "\(error)"
            XCTAssertTrue(message.contains("data/digits/"), message)
            XCTAssertTrue(message.contains("MLPLAB_HOME"), message)
        }
    }

    func testTheInstallationIsSearchedForDownloadedData() throws {
        try makeInstallation("repo")
        let downloaded = try makeSplit(in: "repo/data/mnist")
        let found = try locator(executable: "repo/.build/release/mlplab").locate(.mnist, split: .train)
        XCTAssertEqual(found, downloaded)
    }

    /// The test binary itself sits in the repository's .build folder, so the
    /// default locator finds the bundled sample.
    func testTheDefaultLocatorFindsTheBundledSample() throws {
        let files = try DataLocator(environment: [:], currentDirectory: "/").locate(.sample, split: .test)
        XCTAssertEqual(files.images, repositoryRoot.appendingPathComponent("data/sample/t10k-images-idx3-ubyte.gz")
            .standardizedFileURL.path)
    }

    // MARK: - Errors

    func testNotFoundNamesEveryPlaceAndHowToGetMNIST() throws {
        try root.folder("env")
        try makeSplit(in: "cwd/data/mnist", labels: "wrong-name.gz")
        let search = try locator(environment: ["MLPLAB_DATA": root.path + "/env"])
        XCTAssertThrowsError(try search.locate(.mnist, split: .train)) { error in
            let message = String(describing: error)
            let images = "train-images-idx3-ubyte.gz (nor train-images-idx3-ubyte, train-images.idx3-ubyte, "
                + "train-images.idx3-ubyte.gz)"
            let labels = "train-labels-idx1-ubyte.gz (nor train-labels-idx1-ubyte, train-labels.idx1-ubyte, "
                + "train-labels.idx1-ubyte.gz)"
            XCTAssertEqual(message, """
                cannot find the MNIST train files (train-images-idx3-ubyte.gz and train-labels-idx1-ubyte.gz). \
                Looked in:
                  \(self.root.path)/env (MLPLAB_DATA): no \(images) and no \(labels)
                  \(self.root.path)/env/mnist (MLPLAB_DATA): no such folder
                  \(self.root.path)/cwd/data/mnist (the current folder): no \(labels)
                To get MNIST: run `mlplab fetch mnist`, or pass --data DIR (or set MLPLAB_DATA=DIR) \
                for a folder holding the four IDX files.
                """)
        }
    }

    func testNotFoundForFashionMNISTSuggestsTheDebianPackage() throws {
        let search = try locator()
        XCTAssertThrowsError(try search.locate(.fashionMnist, split: .test)) { error in
            let message = String(describing: error)
            XCTAssertTrue(message.contains("dataset-fashion-mnist"), message)
            XCTAssertTrue(message.contains("mlplab fetch fashion-mnist"), message)
            XCTAssertTrue(message.contains("--data DIR"), message)
            XCTAssertTrue(message.contains("\(self.root.path)/cwd/data/fashion-mnist (the current folder)"), message)
        }
    }

    /// MLPLAB_HOME is the only place looked at when set, even with an installation above the executable.
    func testNotFoundForTheSampleSaysWhereItShouldBe() throws {
        try makeInstallation("repo")
        let search = try locator(environment: ["MLPLAB_HOME": root.path + "/home"], executable: "repo/.build/release/mlplab")
        XCTAssertThrowsError(try search.locate(.sample, split: .train)) { error in
            guard case .notFound(_, _, let searched, let help)? = error as? DatasetError else {
                return XCTFail("expected notFound, got \(error)")
            }
            XCTAssertEqual(searched, ["\(self.root.path)/home/data/sample (MLPLAB_HOME): no such folder"])
            XCTAssertTrue(help.contains("MLPLAB_HOME"), help)
        }
    }

    func testNoInstallationForTheSampleSaysWhereItWasLookedFor() throws {
        try makeSplit(in: "bin/data/sample")
        let search = try locator(executable: "bin/mlplab")
        XCTAssertThrowsError(try search.locate(.sample, split: .train)) { error in
            guard case .notFound(_, _, let searched, _)? = error as? DatasetError else {
                return XCTFail("expected notFound, got \(error)")
            }
            XCTAssertEqual(searched, ["MLPLAB_HOME is not set, and no folder holds Package.swift and lessons/en in "
                                      + "\(self.root.path)/bin or \(self.root.path)/cwd or above"])
        }
    }

    func testSpiralIsNotAFileDataSet() throws {
        XCTAssertEqual(try locator().places(for: .spiral), [])
        XCTAssertThrowsError(try locator().locate(.spiral, split: .train)) { error in
            XCTAssertEqual(error as? DatasetError, .notAnImageDataset(.spiral))
        }
    }
}
