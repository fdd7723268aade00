import Foundation
import XCTest

/// `make build`'s advice when the build fails, with a stand-in `swift` that prints what a
/// compiler error in one exercise file looks like (nothing is built).
final class MakefileTests: XCTestCase {
    func testAFailedBuildNamesTheBrokenExerciseFileAndHowToResetIt() throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/make") else { throw XCTSkip("needs make") }
        let folder = Binary.temporaryFile("make-\(UUID().uuidString)")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let swift = folder + "/swift"
        try """
            #!/bin/sh
            echo "/src/exercises/03-forward.swift:24:5: error: cannot find 'y' in scope"
            echo "/src/exercises/03-forward.swift:30:9: error: cannot find 'z' in scope"
            echo "/src/exercises/06-training.swift:12:5: warning: variable 'n' was never used"
            exit 1

            """.write(toFile: swift, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: swift)

        let make = Process()
        make.executableURL = URL(fileURLWithPath: "/usr/bin/make")
        make.arguments = ["-s", "-C", Binary.repositoryRoot.path, "build", "SWIFT=\(swift)", "BUILD_LOG=\(folder)/build.log"]
        let output = Pipe()
        (make.standardOutput, make.standardError) = (output, output)
        try make.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        make.waitUntilExit()

        XCTAssertNotEqual(make.terminationStatus, 0)
        XCTAssertTrue(text.contains("""
            The errors in exercises/03-forward.swift come from your exercise code: fix the line named above, or put one exercise's
            stub back with :reset NAME in mlplab, or every exercise of the file with: git checkout exercises/03-forward.swift
            """), text)
        XCTAssertFalse(text.contains("git checkout exercises/\n"), "never every exercise at once: \(text)")
        XCTAssertFalse(text.contains("06-training.swift come"), "a warning does not name its file: \(text)")
    }
}
