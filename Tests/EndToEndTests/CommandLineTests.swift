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
        let lines = train.stdout.split(separator: "\n")
        XCTAssertTrue(lines.contains { $0.hasPrefix("[Epoch 2/2] Training Loss = ") && $0.contains("/ Test Acc = ") })
        XCTAssertTrue(lines.last!.hasPrefix("Test accuracy: "), String(lines.last!))
        let accuracy = Double(lines.last!.split(separator: " ")[2].dropLast())!
        XCTAssertGreaterThan(accuracy, 80)

        let eval = try Binary.run(["eval", "--model", model])
        XCTAssertEqual(eval.status, 0, eval.stderr)
        XCTAssertTrue(eval.stdout.contains(String(format: "accuracy %.2f%%", accuracy)), eval.stdout)

        let predict = try Binary.run(["predict", "--model", model, "--index", "0"])
        XCTAssertEqual(predict.status, 0, predict.stderr)
        XCTAssertTrue(predict.stdout.hasPrefix("image 0 of sample test: label "), predict.stdout)
        XCTAssertEqual(predict.stdout.split(separator: "\n").count, 11)

        let outOfRange = try Binary.run(["predict", "--model", model, "--index", "1000"])
        XCTAssertEqual(outOfRange.status, 1)
        XCTAssertTrue(outOfRange.stderr.contains("--index 1000 is outside the test split, which has images 0..<1000"))
    }

    func testTheSameSeedTrainsTheSameNetwork() throws {
        let arguments = ["train", "--epochs", "1", "--hidden", "16", "--seed", "3"]
        let (a, b) = (try Binary.run(arguments), try Binary.run(arguments))
        XCTAssertEqual(a.status, 0, a.stderr)
        XCTAssertEqual(a.stdout, b.stdout)
    }

    func testBadModelFilesAndOptionsFailClearly() throws {
        let bogus = Binary.temporaryFile("bogus.mlp")
        FileManager.default.createFile(atPath: bogus, contents: Data("not a model".utf8))
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
}
