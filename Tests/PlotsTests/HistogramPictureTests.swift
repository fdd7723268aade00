import Plots
import XCTest

/// Histograms in the terminal: the bar lengths below are worked out by hand from the counts
/// (count / largest count · bar width, rounded; eighths of a block in colour styles).
final class HistogramPictureTests: XCTestCase {
    /// One histogram: 30 columns leave 15 for the bars after the labels (11), the gap (2) and
    /// the counts (2); 4 of 4 fills them, 2 of 4 is 7.5 → 8, 1 of 4 is 3.75 → 4.
    func testOneHistogramShowsItsCounts() throws {
        let picture = try TerminalPicture.histograms([[4, 2, 0, 1]], edges: [0, 0.25, 0.5, 0.75, 1], width: 30, style: .plain)
        XCTAssertEqual(picture, """
            [0, 0.25)    ############### 4
            [0.25, 0.5)  ######## 2
            [0.5, 0.75)   0
            [0.75, 1]    #### 1
            """)
    }

    /// Two histograms share the bins and the scale: (30 - 7 - 2·2) / 2 = 9 columns each;
    /// 3 of 4 is 6.75 → 7, 1 of 4 is 2.25 → 2.
    func testSeveralHistogramsStandSideBySideOnOneScale() throws {
        let picture = try TerminalPicture.histograms([[3, 1], [0, 4]], edges: [-1, 0, 1], titles: ["a", "b"],
                                                     width: 30, style: .plain)
        XCTAssertEqual(picture, """
                     a          b
            [-1, 0)  #######
            [0, 1]   ##         #########
            """)
    }

    /// 3 of 8 over 10 columns is 3.75 columns: three blocks and six eighths.
    func testColourStylesDrawEighthsOfABlock() throws {
        let picture = try TerminalPicture.histograms([[8, 3]], edges: [0, 1, 2], width: 20, style: .trueColor)
        XCTAssertEqual(picture, "[0, 1)  ██████████ 8\n[1, 2]  ███▊ 3")
    }

    /// 1 of 1000 would round to no bar at all; a bin that holds something still shows.
    func testABinThatHoldsAnythingShowsASliver() throws {
        let plain = try TerminalPicture.histograms([[1000, 1]], edges: [0, 1, 2], width: 20, style: .plain)
        XCTAssertEqual(plain.components(separatedBy: "\n")[1], "[1, 2]  . 1")
        let colour = try TerminalPicture.histograms([[1000, 1]], edges: [0, 1, 2], width: 20, style: .color256)
        XCTAssertEqual(colour.components(separatedBy: "\n")[1], "[1, 2]  ▏ 1")
    }

    func testBadInputIsReported() {
        XCTAssertThrowsError(try TerminalPicture.histograms([[1]], edges: [0], style: .plain)) {
            XCTAssertEqual($0 as? PlotError, .empty(what: "the list of bin edges"))
        }
        XCTAssertThrowsError(try TerminalPicture.histograms([], edges: [0, 1], style: .plain)) {
            XCTAssertEqual($0 as? PlotError, .empty(what: "the list of histograms"))
        }
        XCTAssertThrowsError(try TerminalPicture.histograms([[1, 2], [3]], edges: [0, 1, 2], style: .plain)) {
            XCTAssertEqual($0 as? PlotError, .countMismatch(what: "counts of a histogram over 2 bins", expected: 2, got: 1))
        }
        XCTAssertThrowsError(try TerminalPicture.histograms([[1, 2]], edges: [0, 1, 2], titles: ["a", "b"], style: .plain)) {
            XCTAssertEqual($0 as? PlotError, .countMismatch(what: "titles for 1 histograms", expected: 1, got: 2))
        }
    }
}
