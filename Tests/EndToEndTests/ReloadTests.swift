import Foundation
import XCTest

/// `:reload` on the real binary, at a terminal: after an edit of an exercise, the learner's
/// function in use is the new one, the variables stay, and no file is left behind.
///
/// The test must not compile into the package it runs from, so mlplab is pointed
/// (MLPLAB_HOME) at a stand-in package and a stand-in toolchain (SWIFTC): its "compiler"
/// writes into the object the line of the exercise file that says which version of `relu`
/// it is, its "linker" copies that into the library, and the package's runner crashes on
/// every call with a report quoting the library it loaded.
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
        // Each object gets the exercise file's first line.
        let swiftc = try Binary.standInToolchain(in: package + "/toolchain", frontend: """
            for argument in "$@"; do case "$argument" in */exercises/*.swift) source="$argument";; esac; done
            while [ $# -gt 0 ]; do
                if [ "$1" = -o ]; then head -1 "$source" > "$2"; shift; fi
                shift
            done
            """)
        try Binary.script(package + "/.build/release/mlplab-exercises", """
            while [ "$1" != --library ]; do shift; done
            echo "Fatal error: built from $(cat "$2")" >&2
            kill -ILL $$
            """)

        let terminal = try ReplTerminalTests.Terminal(environment: [
            "MLPLAB_HOME": package, "SWIFTC": swiftc, "TMPDIR": temporary + "/"])
        defer { terminal.finish() }
        XCTAssertTrue(terminal.wait(for: ">>> "), terminal.transcript)
        terminal.type("kept = arange(3) * 7\r")
        XCTAssertTrue(terminal.wait(for: ">>> "))
        terminal.type(":use mine relu\r")
        XCTAssertTrue(terminal.wait(for: "fit and the lesson cells use your relu"), terminal.transcript)
        terminal.type("relu(kept)\r")
        XCTAssertTrue(terminal.wait(for: "built from // relu, version 1"), terminal.transcript)

        try "// relu, version 2\n".write(toFile: exercise, atomically: true, encoding: .utf8)
        try files.setAttributes([.modificationDate: Date().addingTimeInterval(2)], ofItemAtPath: exercise)
        terminal.type(":reload\r")
        XCTAssertTrue(terminal.wait(for: "compiled: fit and the lesson cells now call your latest relu"), terminal.transcript)
        terminal.type("relu(kept)\r")
        XCTAssertTrue(terminal.wait(for: "built from // relu, version 2"), "the edit is in use: \(terminal.transcript)")
        terminal.type("kept.sum() + 1000\r")
        XCTAssertTrue(terminal.wait(for: "1021"), "the variables stay: \(terminal.transcript)")
        XCTAssertEqual(try files.contentsOfDirectory(atPath: temporary), [], "no file is left behind")
        XCTAssertTrue(terminal.process.isRunning)
    }
}
