import Datasets
import Foundation
import XCTest

/// The IDX reader on the real MNIST and Fashion-MNIST files, on files written
/// by the tests, and on a table of damaged files.
final class IDXReaderTests: XCTestCase {
    // MARK: - Real files (numbers from numpy over the same files)

    func testMNISTTrainingSet() throws {
        let images = try IDX.read(sharedData("mnist/train-images-idx3-ubyte.gz"))
        let labels = try IDX.read(sharedData("mnist/train-labels-idx1-ubyte.gz"))
        XCTAssertEqual(images.dims, [60000, 28, 28])
        XCTAssertEqual(labels.dims, [60000])
        XCTAssertEqual(labelCounts(labels.bytes),
                       [5923, 6742, 5958, 6131, 5842, 5421, 5918, 6265, 5851, 5949])
        // The normalisation constants everyone quotes for MNIST: mean 0.1307, std 0.3081.
        let (mean, std) = meanAndStd(images.bytes)
        XCTAssertEqual(mean / 255, 0.1307, accuracy: 0.00005)
        XCTAssertEqual(std / 255, 0.3081, accuracy: 0.00005)
    }

    func testMNISTTestSet() throws {
        let images = try IDX.read(sharedData("mnist/t10k-images-idx3-ubyte.gz"))
        let labels = try IDX.read(sharedData("mnist/t10k-labels-idx1-ubyte.gz"))
        XCTAssertEqual(images.dims, [10000, 28, 28])
        XCTAssertEqual(labelCounts(labels.bytes), [980, 1135, 1032, 1010, 982, 892, 958, 1028, 974, 1009])
        XCTAssertEqual(Array(labels.bytes.prefix(10)), [7, 2, 1, 0, 4, 1, 4, 9, 5, 9])
    }

    func testFashionMNIST() throws {
        let train = try LabeledImages.read(DatasetFiles(
            images: sharedData("fashion-mnist/train-images-idx3-ubyte.gz"),
            labels: sharedData("fashion-mnist/train-labels-idx1-ubyte.gz")))
        let test = try LabeledImages.read(DatasetFiles(
            images: sharedData("fashion-mnist/t10k-images-idx3-ubyte.gz"),
            labels: sharedData("fashion-mnist/t10k-labels-idx1-ubyte.gz")))
        XCTAssertEqual(train.images.dims, [60000, 28, 28])
        XCTAssertEqual(test.images.dims, [10000, 28, 28])
        XCTAssertEqual(labelCounts(train.labels), Array(repeating: 6000, count: 10))
        XCTAssertEqual(labelCounts(test.labels), Array(repeating: 1000, count: 10))
        XCTAssertEqual(Array(train.labels.prefix(5)), [9, 0, 0, 3, 0])
    }

    /// Full MNIST, both splits, into the tensors training uses (its speed is
    /// reported by `mlplab bench`, not asserted here).
    func testLoadingFullMNISTIntoTensors() throws {
        let locator = DataLocator(dataOption: try sharedData("mnist"))
        let train = try LabeledImages.load(.mnist, split: .train, locator: locator)
        let test = try LabeledImages.load(.mnist, split: .test, locator: locator)
        let tensors = [train.scaledFloat32(), train.labelTensor(), test.scaledFloat32(), test.labelTensor()]
        XCTAssertEqual(tensors.map(\.shape), [[60000, 784], [60000], [10000, 784], [10000]])
        let pixel = 7 * 28 + 12   // row 7, column 12 of the first image
        XCTAssertEqual(tensors[0].floats[pixel], Float(train.images.bytes[pixel]) / 255)
    }

    // MARK: - Files written here

    func testPlainGzipAndConcatenatedGzipReadTheSame() throws {
        let folder = try TemporaryFolder()
        let elements = (0..<(70_000)).map { UInt8(truncatingIfNeeded: $0 &* 7) }  // more than one stored block
        let file = idxFile(dims: [700, 10, 10], elements: elements)
        let expected = try XCTUnwrap(IDXArray(dims: [700, 10, 10], bytes: elements))

        XCTAssertEqual(try IDX.read(folder.write("plain-idx3-ubyte", file)), expected)
        XCTAssertEqual(try IDX.read(folder.write("one-idx3-ubyte.gz", gzipStored(file))), expected)
        // `cat a.gz b.gz` makes one file of two gzip members; it decompresses to a + b.
        let halves = gzipStored(Array(file[..<1000])) + gzipStored(Array(file[1000...]))
        XCTAssertEqual(try IDX.read(folder.write("two-idx3-ubyte.gz", halves)), expected)
        // gzip data under a name without .gz is recognised by its signature.
        XCTAssertEqual(try IDX.read(folder.write("unnamed", gzipStored(file))), expected)
    }

    func testEmptyArrayIsValid() throws {
        let folder = try TemporaryFolder()
        let array = try IDX.read(folder.write("empty-labels", idxFile(dims: [0], elements: [])))
        XCTAssertEqual(array.dims, [0])
        XCTAssertEqual(array.bytes, [])
    }

    /// An axis of length 0 leaves the others under the size limit: 2^14 × 2^14 = 2^28
    /// is the most, 2^14 × (2^14 + 1) one row too many.
    func testZeroLengthAxisStillLimitsTheOthers() throws {
        let folder = try TemporaryFolder()
        let atLimit = try IDX.read(folder.write("at-limit", idxFile(dims: [0, 1 << 14, 1 << 14], elements: [])))
        XCTAssertEqual(atLimit.dims, [0, 16384, 16384])
        let past = try folder.write("past-limit", idxFile(dims: [0, 1 << 14, (1 << 14) + 1], elements: []))
        XCTAssertThrowsError(try IDX.read(past)) { error in
            XCTAssertEqual(error as? IDXError, .tooLarge(file: past, dims: [0, 16384, 16385], limit: 1 << 28))
            XCTAssertEqual(String(describing: error), past + ": the header's dimensions (0, 16384, 16385) describe "
                + "no elements, but its other dimensions multiply past 268435456, the most mlplab reads from one "
                + "file: the header is damaged")
        }
    }

    func testIDXArrayInitChecksTheCount() {
        XCTAssertNil(IDXArray(dims: [2, 3], bytes: [1, 2, 3]))
        XCTAssertNotNil(IDXArray(dims: [1, 3], bytes: [1, 2, 3]))
    }

    // MARK: - Damaged files: each gives its own error, naming the file

    func testDamagedFilesGiveTypedErrorsNamingTheFile() throws {
        let folder = try TemporaryFolder()
        let good = idxFile(dims: [3, 2, 2], elements: Array(1...12))
        var corruptedPayload = gzipStored(good)
        corruptedPayload[corruptedPayload.count - 9] ^= 0xff  // the last pixel: the CRC-32 no longer matches
        var badBlockType = gzipStored(good)
        badBlockType[10] = 0x07  // BFINAL = 1, BTYPE = 11, which RFC 1951 reserves

        let cases: [(name: String, bytes: [UInt8], expected: (String) -> IDXError)] = [
            ("empty-idx3-ubyte", [], { .empty(file: $0) }),
            ("short-header-idx3-ubyte", Array(good[..<10]),
             { .truncatedHeader(file: $0, needed: 16, available: 10) }),
            ("three-bytes", [0, 0, 8], { .truncatedHeader(file: $0, needed: 4, available: 3) }),
            ("archive.zip", [0x50, 0x4b, 3, 4, 20, 0, 0, 0], { .notIDX(file: $0, magic: [0x50, 0x4b, 3, 4]) }),
            ("notes.txt", Array("hello\n".utf8), { .notIDX(file: $0, magic: Array("hell".utf8)) }),
            ("floats-idx3", idxFile(dims: [3], elements: Array(repeating: 0, count: 12), type: 0x0D),
             { .unsupportedElementType(file: $0, code: 0x0D) }),
            ("rank-zero", [0, 0, 8, 0], { .badRank(file: $0, rank: 0) }),
            ("rank-nine", [0, 0, 8, 9] + Array(repeating: 0, count: 36), { .badRank(file: $0, rank: 9) }),
            ("truncated-body-idx3-ubyte", Array(good.dropLast(2)),
             { .headerExceedsFile(file: $0, dims: [3, 2, 2], needed: 12, available: 10, compressed: false) }),
            ("truncated-body-idx3-ubyte.gz", gzipStored(Array(good.dropLast(2))),
             { .truncated(file: $0, dims: [3, 2, 2], expected: 12, actual: 10) }),
            ("trailing-idx3-ubyte", good + [0, 0, 0],
             { .trailingBytes(file: $0, dims: [3, 2, 2], expected: 12, extra: 3) }),
            ("trailing-idx3-ubyte.gz", gzipStored(good + [9, 9]),
             { .trailingBytes(file: $0, dims: [3, 2, 2], expected: 12, extra: 2) }),
            ("overflow-idx3-ubyte", idxFile(dims: [0xffff_ffff, 0xffff_ffff, 0xffff_ffff], elements: [1]),
             { .tooLarge(file: $0, dims: [0xffff_ffff, 0xffff_ffff, 0xffff_ffff], limit: IDX.maxElements) }),
            // No elements, but 2^32 - 1 squared pixels per image: the pixel count of each image overflowed.
            ("zero-of-huge-idx3-ubyte", idxFile(dims: [0, 0xffff_ffff, 0xffff_ffff], elements: []),
             { .tooLarge(file: $0, dims: [0, 0xffff_ffff, 0xffff_ffff], limit: IDX.maxElements) }),
            ("huge-of-zero-idx3-ubyte", idxFile(dims: [0xffff_ffff, 0, 0x10_0000], elements: []),
             { .tooLarge(file: $0, dims: [0xffff_ffff, 0, 0x10_0000], limit: IDX.maxElements) }),
            ("huge-idx3-ubyte", idxFile(dims: [100_000, 28, 28], elements: [1, 2, 3, 4]),
             { .headerExceedsFile(file: $0, dims: [100_000, 28, 28], needed: 78_400_000, available: 4,
                                  compressed: false) }),
            ("plain-idx3-ubyte.gz", good, { .notGzip(file: $0, firstBytes: [0, 0, 8, 3]) }),
            ("bad-checksum-idx3-ubyte.gz", corruptedPayload,
             { .corruptGzip(file: $0, reason: "incorrect data check") }),
            ("bad-block-idx3-ubyte.gz", badBlockType, { .corruptGzip(file: $0, reason: "invalid block type") }),
            ("cut-idx3-ubyte.gz", Array(gzipStored(good).dropLast(12)),
             { .corruptGzip(file: $0, reason: "the compressed data stops before the end of the gzip stream "
                               + "after 39 bytes: the .gz file is truncated") }),
            ("junk-after-idx3-ubyte.gz", gzipStored(good) + Array("junk".utf8),
             { .corruptGzip(file: $0, reason: "4 bytes that are not gzip data follow the end of the "
                               + "compressed stream") }),
        ]
        for (name, bytes, expected) in cases {
            let path = try folder.write(name, bytes)
            XCTAssertThrowsError(try IDX.read(path), name) { error in
                XCTAssertEqual(error as? IDXError, expected(path), name)
                XCTAssertTrue(String(describing: error).hasPrefix(path + ": "), "\(name): \(error)")
            }
        }
    }

    /// A huge header in a tiny gzip file is refused before any allocation, from
    /// deflate's 1032:1 limit on how far compressed data can expand.
    func testHugeHeaderInTinyGzipIsRefusedBeforeAllocating() throws {
        let folder = try TemporaryFolder()
        let path = try folder.write("huge-idx3-ubyte.gz", gzipStored(idxFile(dims: [200_000, 28, 28], elements: [1])))
        XCTAssertThrowsError(try IDX.read(path)) { error in
            guard case .headerExceedsFile(let file, let dims, let needed, let available, let compressed)? =
                    error as? IDXError else {
                return XCTFail("expected headerExceedsFile, got \(error)")
            }
            XCTAssertEqual(file, path)
            XCTAssertEqual(dims, [200_000, 28, 28])
            XCTAssertEqual(needed, 156_800_000)
            XCTAssertTrue(compressed)
            XCTAssertLessThan(available, 60 * 1032)
            XCTAssertTrue(String(describing: error).contains("can expand to at most"))
        }
    }

    func testMissingFileAndFolderAreUnreadable() throws {
        let folder = try TemporaryFolder()
        let missing = folder.path + "/nowhere-idx3-ubyte.gz"
        XCTAssertThrowsError(try IDX.read(missing)) { error in
            XCTAssertEqual(error as? IDXError, .unreadable(file: missing, reason: "No such file or directory"))
        }
        let subfolder = try folder.folder("a-folder.gz")
        XCTAssertThrowsError(try IDX.read(subfolder)) { error in
            XCTAssertEqual(error as? IDXError, .unreadable(file: subfolder, reason: "it is a folder, not a file"))
        }
    }

    /// Errors of pairing images with labels: each names the file at fault.
    func testMismatchedPairsGiveDatasetErrors() throws {
        let folder = try TemporaryFolder()
        let images = try folder.write("train-images-idx3-ubyte",
                                      idxFile(dims: [3, 2, 2], elements: Array(repeating: 7, count: 12)))
        let twoLabels = try folder.write("two-labels-idx1-ubyte", idxFile(dims: [2], elements: [1, 2]))
        let badLabel = try folder.write("bad-labels-idx1-ubyte", idxFile(dims: [3], elements: [1, 10, 2]))
        let goodLabels = try folder.write("train-labels-idx1-ubyte", idxFile(dims: [3], elements: [1, 9, 2]))
        let noLabels = try folder.write("no-labels-idx1-ubyte", idxFile(dims: [0], elements: []))
        let noImages = try folder.write("no-images-idx3-ubyte", idxFile(dims: [0, 28, 28], elements: []))
        let noRows = try folder.write("no-rows-idx3-ubyte", idxFile(dims: [3, 0, 28], elements: []))
        let noColumns = try folder.write("no-columns-idx3-ubyte", idxFile(dims: [3, 28, 0], elements: []))

        let cases: [(DatasetFiles, DatasetError)] = [
            (DatasetFiles(images: images, labels: twoLabels),
             .countMismatch(imagesFile: images, images: 3, labelsFile: twoLabels, labels: 2)),
            (DatasetFiles(images: images, labels: badLabel),
             .labelOutOfRange(file: badLabel, index: 1, label: 10, classes: 10)),
            (DatasetFiles(images: goodLabels, labels: goodLabels), .notImages(file: goodLabels, dims: [3])),
            (DatasetFiles(images: images, labels: images), .notLabels(file: images, dims: [3, 2, 2])),
            (DatasetFiles(images: noImages, labels: noLabels), .emptyImages(file: noImages, dims: [0, 28, 28])),
            (DatasetFiles(images: noRows, labels: goodLabels), .emptyImages(file: noRows, dims: [3, 0, 28])),
            (DatasetFiles(images: noColumns, labels: goodLabels), .emptyImages(file: noColumns, dims: [3, 28, 0])),
        ]
        for (files, expected) in cases {
            XCTAssertThrowsError(try LabeledImages.read(files)) { error in
                XCTAssertEqual(error as? DatasetError, expected)
                XCTAssertTrue(String(describing: error).contains(expected.fileAtFault), "\(error)")
            }
        }
        XCTAssertEqual(try LabeledImages.read(DatasetFiles(images: images, labels: goodLabels)).labels, [1, 9, 2])
    }

    // MARK: - Counting

    private func labelCounts(_ labels: [UInt8]) -> [Int] {
        labels.reduce(into: Array(repeating: 0, count: 10)) { $0[Int($1)] += 1 }
    }

    /// Mean and (population) standard deviation of the bytes, from their histogram.
    private func meanAndStd(_ bytes: [UInt8]) -> (Double, Double) {
        var histogram = [Int](repeating: 0, count: 256)
        for byte in bytes { histogram[Int(byte)] += 1 }
        let count = Double(bytes.count)
        let mean = histogram.indices.reduce(0.0) { $0 + Double($1 * histogram[$1]) } / count
        let variance = histogram.indices.reduce(0.0) { sum, value in
            sum + Double(histogram[value]) * (Double(value) - mean) * (Double(value) - mean)
        } / count
        return (mean, variance.squareRoot())
    }
}

private extension DatasetError {
    /// The file a pairing error blames.
    var fileAtFault: String {
        switch self {
        case .countMismatch(_, _, let labelsFile, _): return labelsFile
        case .labelOutOfRange(let file, _, _, _), .notImages(let file, _), .notLabels(let file, _),
             .emptyImages(let file, _): return file
        default: return ""
        }
    }
}
