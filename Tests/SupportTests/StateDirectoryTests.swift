import Support
import XCTest

/// The one rule for the state folder: XDG_STATE_HOME when absolute, else HOME's .local/state.
final class StateDirectoryTests: XCTestCase {
    func testXDGStateHomeComesFirst() {
        XCTAssertEqual(StateDirectory.path(environment: ["XDG_STATE_HOME": "/s", "HOME": "/h"]), "/s/mlplab")
        XCTAssertEqual(StateDirectory.file("progress.json", environment: ["XDG_STATE_HOME": "/s"]), "/s/mlplab/progress.json")
    }

    func testHomeIsTheFallback() {
        XCTAssertEqual(StateDirectory.path(environment: ["HOME": "/h"]), "/h/.local/state/mlplab")
        XCTAssertEqual(StateDirectory.file("history", environment: ["XDG_STATE_HOME": "", "HOME": "/h"]),
                       "/h/.local/state/mlplab/history")
    }

    /// A relative path would make the state depend on the folder mlplab starts in: it is ignored.
    func testRelativePathsAreIgnored() {
        XCTAssertEqual(StateDirectory.path(environment: ["XDG_STATE_HOME": "state", "HOME": "/h"]), "/h/.local/state/mlplab")
        XCTAssertNil(StateDirectory.path(environment: ["XDG_STATE_HOME": "state", "HOME": "home"]))
        XCTAssertNil(StateDirectory.file("history", environment: [:]))
    }
}
