import Foundation
import Notebook
import XCTest

/// The lessons are the installation's lessons/ folder, found by the installation's rule.
final class LessonLibraryTests: XCTestCase {
    private let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path

    func testTheLessonsAreFoundAboveTheExecutableAndShownRelativeToTheCurrentFolder() throws {
        let executable = repository + "/.build/release/mlplab"
        XCTAssertEqual(try LessonLibrary.locate(environment: [:], currentDirectory: repository, executable: executable).root,
                       "lessons")
        XCTAssertEqual(try LessonLibrary.locate(environment: [:], currentDirectory: "/", executable: executable).root,
                       repository + "/lessons")
    }

    func testMLPLABHOMEWithoutLessonsSaysSo() throws {
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("mlplab-home-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: home + "/lessons", withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: home) }
        XCTAssertThrowsError(try LessonLibrary.locate(environment: ["MLPLAB_HOME": home], currentDirectory: "/",
                                                      executable: repository + "/.build/release/mlplab")) { error in
            XCTAssertEqual("\(error)", "cannot find the lessons: \(home)/lessons (MLPLAB_HOME) has no en/ folder; "
                           + "set MLPLAB_HOME to the repository's folder")
        }
    }

    func testNoInstallationNamesTheVariable() throws {
        XCTAssertThrowsError(try LessonLibrary.locate(environment: [:], currentDirectory: "/", executable: "/usr/bin/mlplab")) {
            XCTAssertTrue("\($0)".hasPrefix("cannot find the mlplab installation: MLPLAB_HOME is not set"), "\($0)")
            XCTAssertTrue("\($0)".hasSuffix("set MLPLAB_HOME to its folder"), "\($0)")
        }
    }
}
