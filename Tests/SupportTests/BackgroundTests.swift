import Support
import XCTest

final class BackgroundTests: XCTestCase {
    func testTheValueIsTheWorksResultOnceItIsDone() throws {
        let started = Background { () -> Int in
            Thread.sleep(forTimeInterval: 0.05)
            return (1...100).reduce(0, +)
        }
        XCTAssertEqual(try started.value, 5050)
        XCTAssertEqual(try started.value, 5050, "asked again, the same value")
    }

    func testAnErrorOfTheWorkIsThrownByValue() {
        struct Failed: Error, Equatable {}
        let started = Background { () throws -> Int in throw Failed() }
        XCTAssertThrowsError(try started.value) { XCTAssertEqual($0 as? Failed, Failed()) }
    }
}
