import Foundation
import XCTest
import Network
import Tensor

/// Reference values written by scripts/make_network_fixtures.py (numpy).
enum Reference {
    static let values: [String: Tensor] = {
        let url = Bundle.module.url(forResource: "network", withExtension: "json", subdirectory: "Fixtures")!
        let json = try! JSONSerialization.jsonObject(with: Data(contentsOf: url)) as! [String: [String: Any]]
        return json.mapValues { entry in
            Tensor(shape: entry["shape"] as! [Int], doubles: (entry["values"] as! [String]).map { Double($0)! })
        }
    }()

    static subscript(_ name: String) -> Tensor { values[name]! }
}

func assertClose(_ actual: Tensor, _ expected: Tensor, tolerance: Double = 1e-12, _ message: String = "",
                 file: StaticString = #filePath, line: UInt = #line) {
    XCTAssertEqual(actual.shape, expected.shape, "shape: \(message)", file: file, line: line)
    for (i, (a, e)) in zip(actual.doubles, expected.doubles).enumerated() where abs(a - e) > tolerance * max(1, abs(e)) {
        XCTFail("\(message): element \(i) is \(a), numpy \(e)", file: file, line: line)
        return
    }
}

final class LayerTests: XCTestCase {
    func testLinearForwardAndBackwardMatchNumpy() throws {
        let layer = Linear(W: Reference["linear.W"], b: Reference["linear.b"])
        assertClose(try layer.forward(Reference["linear.x"]), Reference["linear.out"], "out")
        assertClose(try layer.backward(Reference["linear.dout"]), Reference["linear.dx"], "dx")
        assertClose(layer.dW, Reference["linear.dW"], "dW")
        assertClose(layer.db, Reference["linear.db"], "db")
    }

    func testActivationsMatchNumpy() throws {
        let cases: [(String, Layer)] = [("relu", ReLU()), ("sigmoid", Sigmoid()), ("tanh", Tanh()),
                                        ("softmax", Softmax()), ("logsoftmax", LogSoftmax())]
        for (name, layer) in cases {
            assertClose(try layer.forward(Reference["act.x"]), Reference["\(name).out"], "\(name) forward")
            assertClose(try layer.backward(Reference["act.dout"]), Reference["\(name).dx"], "\(name) backward")
        }
    }

    func testSigmoidAndSoftmaxAreStableAtBothTails() throws {
        let x = Tensor([0, 1000, -1000])
        XCTAssertEqual(try Sigmoid().forward(x).doubles, [0.5, 1, 0])
        let p = try softmax(Tensor(shape: [1, 3], doubles: [1000, 1000, -1000])).doubles
        XCTAssertEqual(p, [0.5, 0.5, 0])
    }

    func testLossesMatchNumpy() throws {
        let labels = Reference["loss.labels"].astype(.int64)
        let scores = Reference["loss.scores"], probabilities = Reference["sigmoid.out"]
        let cases: [(String, Loss, Tensor)] = [("softmaxce", SoftmaxCrossEntropyLoss(), scores),
                                               ("mse", MSELoss(), probabilities),
                                               ("sigmoidce", SigmoidCrossEntropyLoss(), probabilities),
                                               ("nll", NLLLoss(), Reference["logsoftmax.out"])]
        for (name, loss, input) in cases {
            XCTAssertEqual(try loss.forward(input, labels), Reference["\(name).loss"].doubles[0], accuracy: 1e-12, name)
            assertClose(try loss.backward(), Reference["\(name).grad"], "\(name) gradient")
            // One-hot targets give the same loss as integer labels.
            let oneHot = try Tensor.oneHot(labels, classes: 3)
            XCTAssertEqual(try loss.forward(input, oneHot), Reference["\(name).loss"].doubles[0], accuracy: 1e-12, name)
        }
    }

    func testBackwardBeforeForwardIsAnError() {
        XCTAssertThrowsError(try ReLU().backward(Tensor([1]))) { error in
            XCTAssertTrue("\(error)".contains("ReLU.backward called before forward"))
        }
    }
}
