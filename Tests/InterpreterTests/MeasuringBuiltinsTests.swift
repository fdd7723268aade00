import Foundation
import Interpreter
import Plots
import Tensor
import XCTest

/// The builtins that measure: `hist` draws numpy's histogram counts, `threads` sets the
/// threads of the matrix products, `time.perf_counter()` reads a clock, and a network's
/// first layer says (and is told) whether it skips the zero pixels.
final class MeasuringBuiltinsTests: XCTestCase {
    /// Several tensors share bins over the smallest and largest element of them all, here
    /// 0.1 to 0.9; numpy's np.histogram(a, 2, range=(0.1, 0.9)) counts [2, 1] and [0, 2].
    func testHistDrawsNumpysCountsOverSharedBins() throws {
        let t = Transcript()
        let drawn = t.ok("hist([array([0.1, 0.2, 0.9]), array([0.5, 0.6])], bins=2)")
        XCTAssertEqual(drawn, try TerminalPicture.histograms([[2, 1], [0, 2]], edges: [0.1, 0.5, 0.9], titles: ["[0]", "[1]"]))
        let titled = t.ok("hist([array([0.1, 0.2, 0.9]), array([0.5, 0.6])], bins=2, titles=[\"first\", \"second\"])")
        XCTAssertTrue(titled.hasPrefix(String(repeating: " ", count: 12) + "first"), titled)
    }

    /// One tensor: numpy's np.histogram([0.1, 0.4, 0.5, 0.9], 2, range=(0, 1)) counts [2, 2].
    func testHistOfOneTensorShowsTheCounts() throws {
        let t = Transcript()
        let drawn = t.ok("hist([0.1, 0.4, 0.5, 0.9], bins=2, range=(0, 1))")
        XCTAssertEqual(drawn, try TerminalPicture.histograms([[2, 2]], edges: [0, 0.5, 1]))
        XCTAssertEqual(drawn.components(separatedBy: "\n").map { $0.hasSuffix(" 2") }, [true, true], drawn)
    }

    func testBadHistArgumentsAreExplained() {
        assertEachFailsNaming([
            ("hist([])", "x must be a tensor or a list of tensors, got an empty list"),
            ("hist([array([1.0]), \"a\"])", "x[1] must be a tensor or a number"),
            ("hist(array([1.0, 2.0]), titles=[\"a\", \"b\"])", "titles must be a list of 1 string"),
            ("hist([array([1.0]), array([2.0])], titles=[\"a\", 2])", "titles must be strings"),
            ("hist(array([1.0, nan]))", "autodetected range of [nan, nan] is not finite"),
            ("hist(array([1.0]), bins=0)", "`bins` must be positive"),
        ])
    }

    func testThreadsSetsTheThreadsOfTheProducts() {
        let t = Transcript()
        let cores = ComputeThreads.count
        defer { try? ComputeThreads.set(cores) }
        XCTAssertEqual(t.ok("threads()"), "\(cores)")
        XCTAssertEqual(t.ok("threads(1)"), "")
        XCTAssertEqual(ComputeThreads.count, 1)
        XCTAssertEqual(t.ok("threads()"), "1")
        let available = ProcessInfo.processInfo.activeProcessorCount
        assertEachFailsNaming([
            ("threads(0)", "ask for 1 to \(available) threads, not 0"),
            ("threads(\(available + 1))", "ask for 1 to \(available) threads, not \(available + 1)"),
            ("threads(1.5)", "n must be a whole number"),
        ])
    }

    /// perf_counter's differences are seconds: the REPL's reading around a 0.2 s sleep agrees
    /// with the sleep, and time.time() with the system clock.
    func testTheTimeModuleReadsClocks() throws {
        let t = Transcript()
        t.ok("import time")
        t.ok("start = time.perf_counter()")
        Thread.sleep(forTimeInterval: 0.2)
        t.ok("elapsed = time.perf_counter() - start")
        let elapsed = try XCTUnwrap(t.session[variable: "elapsed"]?.asNumber)
        XCTAssertGreaterThanOrEqual(elapsed, 0.2)
        XCTAssertLessThan(elapsed, 2.0)
        t.ok("now = time.time()")
        let now = try XCTUnwrap(t.session[variable: "now"]?.asNumber)
        XCTAssertEqual(now, Date().timeIntervalSince1970, accuracy: 1)
        XCTAssertTrue(t.run("time.sleep(1)").contains("time has no attribute 'sleep'"), t.text)
    }

    /// `fit(..., skip_zeros=False)` trains on the dense images: the same run, to float32 rounding.
    func testFitSkipsTheZerosOfTheDataOrNot() throws {
        let t = Transcript()
        t.ok("X, y = load(); x = X[0:300].astype(float32) / 255; y = y[0:300]")
        t.ok("seed(0); a = mlp([784, 16, 10]); ha = fit(a, x, y, epochs=2, batch_size=50)")
        t.ok("seed(0); b = mlp([784, 16, 10]); hb = fit(b, x, y, epochs=2, batch_size=50, skip_zeros=False)")
        XCTAssertEqual(t.ok("len(ha.step_loss), allclose(ha.step_loss, hb.step_loss, rtol=1e-5), allclose(a.W1, b.W1, atol=1e-5)"),
                       "(12, True, True)")
        assertEachFailsNaming([("seed(0); n = mlp([4, 3, 2]); fit(n, ones((4, 4)), [0, 1, 0, 1], skip_zeros=3)", "skip_zeros")])
    }

    /// A layer changed through net.layers[i] is the network's own layer.
    func testALayerOfTheNetworkCanBeChangedInPlace() throws {
        let t = Transcript()
        t.ok("seed(0); net = mlp([784, 16, 10])")
        t.ok("net.layers[2].W = ones((16, 10))")
        XCTAssertEqual(t.ok("net.W2.sum()"), "np.float32(160.0)")
        assertEachFailsNaming([
            ("seed(0); net = mlp([4, 3, 2]); net.layers = []", "attribute 'layers' of MLP cannot be assigned"),
            ("seed(0); net = mlp([4, 3, 2]); net.layers[0].skips_zero_inputs = False", "only W and b"),
            ("seed(0); net = mlp([4, 3, 2]); net.layers[1].W = ones((4, 3))", "only W and b"),
        ])
    }
}
