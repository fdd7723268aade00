import Foundation
import Interpreter
import XCTest

/// The course notebooks' matplotlib code runs as it is written: `plt` calls build a figure and
/// `plt.show()` draws it in the terminal; IPython's `%matplotlib inline` needs nothing.
final class PyplotTests: XCTestCase {
    /// The notebook's 2 × 2 grid of training digits, with their labels as titles. The sample's
    /// labels of rows 1 to 4 are 1, 9, 5 and 0 (the first ten are 5 1 9 5 0 1 4 1 2 2).
    func testASubplotGridOfDigitsWithTheirTitles() {
        let t = Transcript()
        t.ok("%matplotlib inline")
        t.ok("%config InlineBackend.figure_format = 'retina'")
        t.ok("import matplotlib.pyplot as plt")
        t.ok("X, y = load(\"sample\", \"train\")")
        XCTAssertEqual(t.ok("print(y[:10])"), "[5 1 9 5 0 1 4 1 2 2]")
        t.ok("plt.figure(figsize=(7,7))")
        t.ok("""
            for n in range(1, 5):
                plt.subplot(2, 2, n)
                plt.imshow(X[n].reshape(28,28), cmap='gray')
                plt.title(f"Label: {y[n]}")
                plt.axis('off')
            """)
        XCTAssertEqual(t.ok("plt.suptitle('MNIST Dataset'); plt.tight_layout()"), "", "nothing is drawn before show")
        let drawn = t.ok("plt.show()")
        XCTAssertTrue(drawn.hasPrefix("MNIST Dataset\n"), drawn)
        let captions = try! NSRegularExpression(pattern: "Label: (\\d)")
            .matches(in: drawn, range: NSRange(drawn.startIndex..., in: drawn))
            .map { (drawn as NSString).substring(with: $0.range(at: 1)) }
        XCTAssertEqual(captions, ["1", "9", "5", "0"], "in reading order: \(drawn)")
        XCTAssertEqual(t.ok("plt.show()"), "", "show starts a new figure")
    }

    /// The notebook's learning curves: two labelled lines, then a PNG of them.
    func testLinesWithALegendAndAPNG() throws {
        let t = Transcript()
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("mlplab-pyplot-\(UUID().uuidString).png").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        t.ok("from matplotlib import pyplot as plt; n_epochs = 5")
        t.ok("plt.plot(range(1, n_epochs + 1), [0.9, 0.5, 0.3, 0.25, 0.2], 'bo-', label='Training Error')")
        t.ok("plt.plot(range(1, n_epochs + 1), [0.95, 0.55, 0.35, 0.3, 0.25], 'ro-', label='Test Error')")
        t.ok("plt.xlabel('Epoch'); plt.ylabel('MSE'); plt.grid(True); plt.legend()")
        t.ok("plt.savefig('\(path)')")
        let png = try Data(contentsOf: URL(fileURLWithPath: path))
        XCTAssertEqual(Array(png.prefix(8)), [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], "a PNG file")
        let chart = t.ok("plt.show()")
        XCTAssertTrue(chart.contains("Training Error") && chart.contains("Test Error"), chart)
        XCTAssertTrue(chart.contains("1.0 +") && chart.contains("0.2 +"), "the y axis spans the values: \(chart)")
    }

    func testWhatPyplotCannotDoIsSaid() {
        let t = Transcript()
        t.ok("import matplotlib.pyplot as plt")
        XCTAssertEqual(t.run("fig, ax = plt.subplots()").components(separatedBy: "\n").last,
                       "type error: plt.subplots (figure and axes objects) is not in mlplab; call plt.subplot(rows, columns, n) "
                       + "before each plt.imshow, or draw a stack of images with grid(images, labels)")
        XCTAssertTrue(t.run("plt.imsho(ones(2, 2))").hasSuffix("matplotlib.pyplot in mlplab has no 'imsho'; did you mean 'imshow'? "
                      + "(it draws lines and images: plot, imshow, matshow, title, suptitle, xlabel, ylabel, subplot, figure, show, close, clf, savefig)"))
        XCTAssertTrue(t.run("plt.plot([1, 2], [1, 2, 3])").hasSuffix("value error: plot: x and y must have the same length, got 2 and 3"))
        XCTAssertTrue(t.run("plt.imshow(ones(4))").hasSuffix("X must be an image (H, W), got shape (4,)"))
        XCTAssertTrue(t.run("plt.savefig('/tmp/nothing.png')").hasSuffix("savefig: the figure is empty: plt.plot or plt.imshow first"))
        t.ok("plt.subplot(1, 2, 1); plt.imshow(ones(2, 2)); plt.subplot(1, 2, 2); plt.imshow(ones(3, 3))")
        XCTAssertEqual(t.run("plt.show()"), "shape error: the images of one figure must be of one size, got (2, 2) and (3, 3)")
        XCTAssertEqual(t.ok("plt.show()"), "", "the figure that failed is gone")
        t.ok("plt.plot([1.0, 2.0]); plt.close(); plt.imshow(ones(2, 2)); plt.clf()")
        XCTAssertEqual(t.ok("plt.show()"), "", "a closed figure is not drawn")
    }

    func testTimeMagicsAreTimeAndOthersAreNamed() {
        let t = Transcript()
        let timed = t.ok("%time 1 + 1")
        XCTAssertTrue(timed.hasPrefix("2\nwall time: "), timed)
        XCTAssertTrue(t.ok("%timeit x = 3").hasPrefix("wall time: "))
        XCTAssertEqual(t.session[variable: "x"]?.repr, "3")
        XCTAssertEqual(t.run("%who"), "command error: IPython's %who is not in mlplab; its commands start with ':' (:help lists them)")
    }

    /// numpy makes an array of a range's numbers.
    func testAnArrayOfARange() {
        let t = Transcript()
        XCTAssertEqual(t.ok("np.array(range(1, 7, 2))"), "array([1, 3, 5])")
        XCTAssertEqual(t.ok("array(range(0))"), "array([], dtype=int64)")
    }
}
