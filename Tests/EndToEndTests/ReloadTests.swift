import Foundation
import XCTest

/// `:reload` on the real binary, at a terminal: after an edit of an exercise, the learner's
/// function in use is the new one, the variables stay, and no file is left behind.
///
/// The test must not rebuild the package it runs from, so mlplab is pointed (MLPLAB_ROOT)
/// at a stand-in package whose "swift build" (SWIFT) writes a runner from the exercise file
/// as it stands: a runner that crashes on every call, its crash report quoting the line
/// that says which version of `relu` it was built from.
final class ReloadTests: XCTestCase {
    func testReloadPicksUpTheEditKeepsTheVariablesAndLeavesNoFile() throws {
        let files = FileManager.default
        let package = Binary.temporaryFile("reload-package-\(UUID().uuidString)")
        let temporary = package + "/tmp"
        defer { try? files.removeItem(atPath: package) }
        for folder in ["exercises", ".build/release", "tmp"] {
            try files.createDirectory(atPath: package + "/" + folder, withIntermediateDirectories: true)
        }
        XCTAssertTrue(files.createFile(atPath: package + "/Package.swift", contents: Data()))
        let exercise = package + "/exercises/03-forward.swift"
        try "// relu, version 1\n".write(toFile: exercise, atomically: true, encoding: .utf8)
        let build = package + "/build.sh"
        try """
            #!/bin/sh
            cd '\(package)' || exit 1
            version=$(grep -o 'relu, version [0-9]*' exercises/03-forward.swift)
            printf '#!/bin/sh\\necho "Fatal error: built from %s" >&2\\nkill -ILL $$\\n' "$version" > .build/release/mlplab-exercises
            chmod +x .build/release/mlplab-exercises
            """.write(toFile: build, atomically: true, encoding: .utf8)
        try files.setAttributes([.posixPermissions: 0o755], ofItemAtPath: build)
        XCTAssertEqual(try runBuild(build), 0)

        let terminal = try ReplTerminalTests.Terminal(environment: [
            "MLPLAB_ROOT": package, "SWIFT": build, "TMPDIR": temporary + "/"])
        defer { terminal.finish() }
        XCTAssertTrue(terminal.wait(for: ">>> "), terminal.transcript)
        terminal.type("kept = arange(3) * 7\r")
        XCTAssertTrue(terminal.wait(for: ">>> "))
        terminal.type(":use mine relu\r")
        XCTAssertTrue(terminal.wait(for: "fit and the lesson cells use your relu"), terminal.transcript)
        terminal.type("relu(kept)\r")
        XCTAssertTrue(terminal.wait(for: "built from relu, version 1"), terminal.transcript)

        try "// relu, version 2\n".write(toFile: exercise, atomically: true, encoding: .utf8)
        try files.setAttributes([.modificationDate: Date().addingTimeInterval(2)], ofItemAtPath: exercise)
        terminal.type(":reload\r")
        XCTAssertTrue(terminal.wait(for: "rebuilt: fit and the lesson cells now call your latest relu"), terminal.transcript)
        terminal.type("relu(kept)\r")
        XCTAssertTrue(terminal.wait(for: "built from relu, version 2"), "the edit is in use: \(terminal.transcript)")
        terminal.type("kept.sum() + 1000\r")
        XCTAssertTrue(terminal.wait(for: "1021"), "the variables stay: \(terminal.transcript)")
        XCTAssertEqual(try files.contentsOfDirectory(atPath: temporary), [], "no file is left behind")
        XCTAssertTrue(terminal.process.isRunning)
    }

    private func runBuild(_ script: String) throws -> Int32 {
        let process = try Process.run(URL(fileURLWithPath: script), arguments: [])
        process.waitUntilExit()
        return process.terminationStatus
    }
}
