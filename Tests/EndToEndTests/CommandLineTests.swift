import Foundation
import XCTest

/// The command-line surface, run through the real binary.
final class CommandLineTests: XCTestCase {
    func testVersionAndHelp() throws {
        let version = try Binary.run(["--version"])
        XCTAssertEqual(version.status, 0)
        XCTAssertEqual(version.stdout, "0.1.0\n")
        let help = try Binary.run(["--help"])
        XCTAssertEqual(help.status, 0)
        for command in ["info", "train", "eval", "predict", "bench", "fetch"] {
            XCTAssertTrue(help.stdout.contains("  \(command)"), "help lists \(command)")
        }
    }

    func testInfoOnTheBundledSample() throws {
        let result = try Binary.run(["info"])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.contains("sample train: images (4000, 28, 28) → x (4000, 784) float64, labels (4000,) int64"))
        XCTAssertTrue(result.stdout.contains("sample test: images (1000, 28, 28)"))
        XCTAssertTrue(result.stdout.contains("label counts: 0: 400, 1: 400, 2: 400"))
    }

    func testInfoOnFullMNISTHasTheKnownMeanAndStd() throws {
        let mnist = Binary.sharedData.appendingPathComponent("mnist").path
        guard FileManager.default.fileExists(atPath: mnist) else { throw XCTSkip("full MNIST is not at \(mnist)") }
        let result = try Binary.run(["info", "--dataset", "mnist", "--data", mnist])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.contains("mnist train: images (60000, 28, 28)"))
        XCTAssertTrue(result.stdout.contains("pixel mean/255 = 0.1307, std/255 = 0.3081"))
    }

    /// `fetch` runs asynchronously to the end: on a folder already holding MNIST's four files it
    /// verifies each by SHA-256, downloads nothing, and says how to use them.
    func testFetchVerifiesFilesAlreadyPresent() throws {
        let mnist = Binary.sharedData.appendingPathComponent("mnist")
        guard FileManager.default.fileExists(atPath: mnist.path) else { throw XCTSkip("full MNIST is not at \(mnist.path)") }
        let folder = Binary.temporaryFile("fetch-present")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        for name in ["train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz", "t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz"] {
            try FileManager.default.copyItem(atPath: mnist.appendingPathComponent(name).path, toPath: folder + "/" + name)
        }
        let result = try Binary.run(["fetch", "mnist", "--dir", folder, "--mirror", "http://127.0.0.1:9/"])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.hasPrefix("MNIST is ready in \(folder): 4 files verified by SHA-256 (4 already present)."),
                      result.stdout)
    }

    /// --dataset takes every data set read from files, the bundled 8×8 digits too, and not the generated spiral.
    func testDatasetOptionNamesTheDataSetsReadFromFiles() throws {
        let digits = try Binary.run(["info", "--dataset", "digits"])
        XCTAssertEqual(digits.status, 0, digits.stderr)
        XCTAssertTrue(digits.stdout.contains("digits train: images (1437, 8, 8) → x (1437, 64)"), digits.stdout)
        XCTAssertTrue(digits.stdout.contains("digits test: images (360, 8, 8)"), digits.stdout)
        let spiral = try Binary.run(["info", "--dataset", "spiral"])
        XCTAssertEqual(spiral.status, 64, "a usage error")
        XCTAssertTrue(spiral.stderr.contains("'spiral'"), spiral.stderr)
        XCTAssertTrue(spiral.stderr.contains("'fashion-mnist'") && spiral.stderr.contains("'digits'"), spiral.stderr)
    }

    func testMissingDataSaysWhereItLookedAndHowToGetIt() throws {
        let empty = FileManager.default.temporaryDirectory.appendingPathComponent("mlplab-e2e-empty-\(getpid())")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        let result = try Binary.run(["info", "--dataset", "mnist", "--data", empty.path], directory: empty)
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stderr.hasPrefix("error: "), result.stderr)
        XCTAssertTrue(result.stderr.contains(empty.path), result.stderr)
        XCTAssertTrue(result.stderr.contains("mlplab fetch mnist"), result.stderr)
    }

    func testTrainSaveEvalPredict() throws {
        let model = Binary.temporaryFile("model.mlp")
        let train = try Binary.run(["train", "--epochs", "2", "--hidden", "32", "--batch-size", "32", "--save", model])
        XCTAssertEqual(train.status, 0, train.stderr)
        let trainLines = train.stdout.split(separator: "\n")
        XCTAssertTrue(trainLines.contains { $0.hasPrefix("[Epoch 2/2] Training Loss = ") && $0.contains("/ Test Acc = ") })
        XCTAssertTrue(trainLines.last!.hasPrefix("Test accuracy: "), String(trainLines.last!))
        let accuracy = Double(trainLines.last!.split(separator: " ")[2].dropLast())!
        XCTAssertGreaterThan(accuracy, 80)

        let eval = try Binary.run(["eval", "--model", model])
        XCTAssertEqual(eval.status, 0, eval.stderr)
        XCTAssertTrue(eval.stdout.contains(String(format: "accuracy %.2f%%", accuracy)), eval.stdout)

        let predict = try Binary.run(["predict", "--model", model, "--index", "0"])
        XCTAssertEqual(predict.status, 0, predict.stderr)
        let lines = predict.stdout.split(separator: "\n", omittingEmptySubsequences: false)
        let header = try XCTUnwrap(lines.firstIndex { $0.hasPrefix("image 0 of sample test: label ") }, predict.stdout)
        XCTAssertGreaterThan(header, 5, "the digit is drawn above the prediction")
        XCTAssertEqual(lines[(header + 1)...].filter { $0.contains("%") }.count, 10, "one probability per class")

        let outOfRange = try Binary.run(["predict", "--model", model, "--index", "1000"])
        XCTAssertEqual(outOfRange.status, 1)
        XCTAssertTrue(outOfRange.stderr.contains("--index 1000 is outside the test split, which has images 0..<1000"))
    }

    /// --iterations N: N steps on batches drawn with replacement, as the 2-layer MNIST lab's num_iter.
    func testTrainForAGivenNumberOfIterations() throws {
        let train = try Binary.run(["train", "--iterations", "7", "--batch-size", "16", "--hidden", "8", "--lr", "0.5"])
        XCTAssertEqual(train.status, 0, train.stderr)
        let lines = train.stdout.split(separator: "\n")
        XCTAssertTrue(lines.first!.hasSuffix("seed 0, 7 iterations"), String(lines.first!))
        XCTAssertTrue(lines.contains { $0.hasPrefix("[Epoch 1/1] Training Loss = ") }, train.stdout)
        XCTAssertTrue(lines.last!.contains(" after 7 iterations, "), String(lines.last!))
        XCTAssertTrue(lines.last!.hasSuffix(" s of training"), String(lines.last!))

        let none = try Binary.run(["train", "--iterations", "0"])
        XCTAssertNotEqual(none.status, 0)
        XCTAssertTrue(none.stderr.contains("--iterations must be positive"), none.stderr)
    }

    func testTheSameSeedTrainsTheSameNetwork() throws {
        let arguments = ["train", "--epochs", "1", "--hidden", "16", "--seed", "3"]
        let (a, b) = (try Binary.run(arguments), try Binary.run(arguments))
        XCTAssertEqual(a.status, 0, a.stderr)
        // Everything but the training time, which differs from run to run.
        let withoutTime = { (text: String) in
            text.replacingOccurrences(of: #", [0-9.]+ s of training"#, with: "", options: .regularExpression)
        }
        XCTAssertTrue(a.stdout.contains(" s of training"), a.stdout)
        XCTAssertEqual(withoutTime(a.stdout), withoutTime(b.stdout))
    }

    func testBadModelFilesAndOptionsFailClearly() throws {
        let bogus = Binary.temporaryFile("bogus.mlp")
        _ = FileManager.default.createFile(atPath: bogus, contents: Data("not a model".utf8))
        let eval = try Binary.run(["eval", "--model", bogus])
        XCTAssertEqual(eval.status, 1)
        XCTAssertTrue(eval.stderr.contains("is not an mlplab model file"), eval.stderr)

        let missing = try Binary.run(["eval", "--model", "/nonexistent/model.mlp"])
        XCTAssertEqual(missing.status, 1)
        XCTAssertTrue(missing.stderr.contains("no such file"), missing.stderr)

        let hidden = try Binary.run(["train", "--hidden", "64,x"])
        XCTAssertNotEqual(hidden.status, 0)
        XCTAssertTrue(hidden.stderr.contains("--hidden must be positive integers"), hidden.stderr)

        let unknown = try Binary.run(["fetch", "cifar"])
        XCTAssertEqual(unknown.status, 2)
        XCTAssertTrue(unknown.stderr.contains("unknown dataset 'cifar': choose mnist or fashion-mnist"), unknown.stderr)

        let diverging = try Binary.run(["train", "--lr", "1000", "--hidden", "16"])
        XCTAssertEqual(diverging.status, 1)
        XCTAssertTrue(diverging.stderr.contains("training diverged at step"), diverging.stderr)
        XCTAssertTrue(diverging.stderr.contains("try 100.0"), diverging.stderr)
    }

    /// A folder holding the four canonical IDX files: copies of the bundled sample's
    /// (4,000 training and 1,000 test images, see data/README.md).
    private func digitsFolder() throws -> String {
        let folder = Binary.temporaryFile("digits-\(UUID().uuidString)")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(atPath: folder) }
        let sample = Binary.repositoryRoot.appendingPathComponent("data/sample").path
        for name in ["train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz", "t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz"] {
            try FileManager.default.copyItem(atPath: sample + "/" + name, toPath: folder + "/" + name)
        }
        return folder
    }

    func testTheReplReadsMNISTFromTheDataFolder() throws {
        let folder = try digitsFolder()
        let session = try Binary.run(["--data", folder], input: "X, y = load(\"mnist\", \"test\")\nX.shape, y.shape\n")
        XCTAssertEqual(session.status, 0, session.stderr)
        XCTAssertEqual(session.stdout, "((1000, 784), (1000,))\n")

        let oneCall = try Binary.run([], input: "X, y = load(\"mnist\", \"train\", data: \"\(folder)\")\nX.shape\n")
        XCTAssertEqual(oneCall.status, 0, oneCall.stderr)
        XCTAssertEqual(oneCall.stdout, "(4000, 784)\n")

        let notAFolder = try Binary.run(["--data", folder + "/absent"])
        XCTAssertNotEqual(notAFolder.status, 0)
        XCTAssertTrue(notAFolder.stderr.contains("--data \(folder)/absent is not a folder"), notAFolder.stderr)
    }

    func testTheReplReadsFullMNISTFromTheDataFolder() throws {
        let mnist = Binary.sharedData.appendingPathComponent("mnist").path
        guard FileManager.default.fileExists(atPath: mnist) else { throw XCTSkip("full MNIST is not at \(mnist)") }
        let result = try Binary.run(["--data", mnist], input: "X, y = load(\"mnist\")\nXt, yt = load(\"mnist\", \"test\")\nX.shape, yt.shape\n")
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(result.stdout, "((60000, 784), (10000,))\n")
    }

    /// Images files whose headers give no pixels to look at fail with the file and the reason:
    /// 0 images of 4294967295 × 4294967295 pixels crashed `info` (an overflow), and images of
    /// 0 rows printed a pixel mean of -nan.
    func testInfoRefusesImagesWithoutPixels() throws {
        func bigEndian(_ values: [UInt32]) -> [UInt8] {
            values.flatMap { value in (0..<4).reversed().map { UInt8(truncatingIfNeeded: value >> (8 * $0)) } }
        }
        let cases: [(dims: [UInt32], says: String)] = [
            ([0, 0xffff_ffff, 0xffff_ffff], "the header's dimensions (0, 4294967295, 4294967295) describe no elements"),
            ([2, 0, 28], "the header's dimensions (2, 0, 28) (N, rows, columns) give images of 0 × 28 pixels"),
        ]
        for (dims, says) in cases {
            let folder = Binary.temporaryFile("empty-images-\(UUID().uuidString)")
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            addTeardownBlock { try? FileManager.default.removeItem(atPath: folder) }
            for split in ["train", "t10k"] {
                let images = [0, 0, 8, 3] + bigEndian(dims)
                let labels = [0, 0, 8, 1] + bigEndian([dims[0]]) + [UInt8](repeating: 1, count: Int(dims[0]))
                try Data(images).write(to: URL(fileURLWithPath: "\(folder)/\(split)-images-idx3-ubyte"))
                try Data(labels).write(to: URL(fileURLWithPath: "\(folder)/\(split)-labels-idx1-ubyte"))
            }
            let info = try Binary.run(["info", "--data", folder])
            XCTAssertEqual(info.status, 1, info.stderr)
            XCTAssertTrue(info.stderr.contains("\(folder)/train-images-idx3-ubyte: " + says), info.stderr)
            XCTAssertFalse(info.stdout.contains("nan"), info.stdout)
        }
    }

    /// Without --dataset, the data in a --data folder is named by the folder, not called the sample.
    func testInfoNamesTheDataByItsFolder() throws {
        let folder = try digitsFolder()
        let byFolder = try Binary.run(["info", "--data", folder])
        XCTAssertEqual(byFolder.status, 0, byFolder.stderr)
        XCTAssertTrue(byFolder.stdout.hasPrefix("\(folder) train: images (4000, 28, 28)"), byFolder.stdout)
        XCTAssertTrue(byFolder.stdout.contains("\n\(folder) test: images (1000, 28, 28)"), byFolder.stdout)
        XCTAssertFalse(byFolder.stdout.contains("sample"), byFolder.stdout)

        let named = try Binary.run(["info", "--dataset", "mnist", "--data", folder])
        XCTAssertEqual(named.status, 0, named.stderr)
        XCTAssertTrue(named.stdout.hasPrefix("mnist train: images (4000, 28, 28)"), named.stdout)
    }
}
