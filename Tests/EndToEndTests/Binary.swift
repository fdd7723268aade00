import Foundation
import XCTest

/// Runs the built `mlplab` executable, as a learner would from the shell.
enum Binary {
    /// The products folder the test bundle was built into holds the executable too.
    static var url: URL {
        URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("mlplab")
    }

    static var repositoryRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    /// ../shared/data beside the repository, where the full data sets live on the development machines.
    static var sharedData: URL { repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared/data") }

    struct Result {
        /// The exit status, or the signal's number when `killedBySignal`.
        let status: Int32
        let killedBySignal: Bool
        let stdout: String
        let stderr: String
    }

    /// Runs mlplab with `arguments` (and `input` on standard input) in `directory`
    /// (the repository root by default), with colour off and a private state folder.
    /// With `fileSizeLimit`, it runs under `ulimit -f` (blocks of 512 or 1024 bytes, by shell), so that
    /// writing a larger file fails as on a full disk.
    static func run(_ arguments: [String], input: String = "", directory: URL? = nil,
                    environment extra: [String: String] = [:], fileSizeLimit: Int? = nil) throws -> Result {
        guard FileManager.default.isExecutableFile(atPath: url.path) else {
            throw XCTSkip("the mlplab executable is not built at \(url.path); run `swift build` first")
        }
        let process = Process()
        if let fileSizeLimit {
            process.executableURL = URL(fileURLWithPath: "/bin/sh")
            process.arguments = ["-c", "ulimit -f \(fileSizeLimit) && exec \"$0\" \"$@\"", url.path] + arguments
        } else {
            process.executableURL = url
            process.arguments = arguments
        }
        process.currentDirectoryURL = directory ?? repositoryRoot
        var environment = ProcessInfo.processInfo.environment
        environment["NO_COLOR"] = "1"
        environment["XDG_STATE_HOME"] = FileManager.default.temporaryDirectory
            .appendingPathComponent("mlplab-e2e-state-\(getpid())").path
        environment.removeValue(forKey: "MLPLAB_DATA")
        environment.removeValue(forKey: "MLPLAB_HOME")
        for (key, value) in extra { environment[key] = value }
        process.environment = environment
        // Standard error goes to a file, so a chatty process never blocks on a full pipe.
        let errPath = temporaryFile("stderr-\(UUID().uuidString)")
        _ = FileManager.default.createFile(atPath: errPath, contents: nil)
        defer { try? FileManager.default.removeItem(atPath: errPath) }
        let (inPipe, outPipe) = (Pipe(), Pipe())
        process.standardInput = inPipe
        process.standardOutput = outPipe
        process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: errPath))
        try process.run()
        inPipe.fileHandleForWriting.write(Data(input.utf8))
        try inPipe.fileHandleForWriting.close()
        let outData = outPipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let errData = FileManager.default.contents(atPath: errPath) ?? Data()
        return Result(status: process.terminationStatus, killedBySignal: process.terminationReason == .uncaughtSignal, stdout: String(decoding: outData, as: UTF8.self),
                      stderr: String(decoding: errData, as: UTF8.self))
    }

    static func temporaryFile(_ name: String) -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("mlplab-e2e-\(getpid())-\(name)").path
    }

    /// A folder laid out as a Swift toolchain whose tools are shell scripts, for a test that
    /// must not compile: `frontend` is the body of its swift-frontend (given the compiler's
    /// arguments, it writes each object named after a `-o`); its swift-autolink-extract
    /// lists no library; its ld.lld writes the first object as the library. Returns its swiftc.
    static func standInToolchain(in folder: String, frontend: String) throws -> String {
        var machine = utsname()
        uname(&machine)
        let architecture = withUnsafeBytes(of: &machine.machine) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
        let runtime = folder + "/lib/swift/linux/" + architecture
        try FileManager.default.createDirectory(atPath: runtime, withIntermediateDirectories: true)
        XCTAssertTrue(FileManager.default.createFile(atPath: runtime + "/swiftrt.o", contents: Data()))
        try script(folder + "/bin/swiftc", "exit 1")
        try script(folder + "/bin/swift-frontend", frontend)
        try script(folder + "/bin/swift-autolink-extract", "while [ \"$1\" != -o ]; do shift; done\n: > \"$2\"")
        try script(folder + "/bin/ld.lld", "output=\"$3\"; shift 4\ncat \"$1\" > \"$output\"")   // -shared -o LIBRARY swiftrt.o OBJECT…
        return folder + "/bin/swiftc"
    }

    /// An executable shell script at `path` running `body`.
    static func script(_ path: String, _ body: String) throws {
        try FileManager.default.createDirectory(atPath: URL(fileURLWithPath: path).deletingLastPathComponent().path,
                                                withIntermediateDirectories: true)
        try ("#!/bin/sh\n" + body + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: path)
    }
}
