import Foundation
import XCTest

/// The repository root, found from this file's path.
let repositoryRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// A fresh empty directory for one test, removed when the test ends.
func temporaryDirectory(_ test: XCTestCase) throws -> URL {
    let url = FileManager.default.temporaryDirectory
        .appendingPathComponent("mlplab-plots-\(UUID().uuidString)", isDirectory: true)
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    test.addTeardownBlock { try? FileManager.default.removeItem(at: url) }
    return url
}

/// The full path of `name` if an executable of that name is on PATH.
func executableOnPath(_ name: String) -> String? {
    let paths = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
    return paths.map { "\($0)/\(name)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
}

/// A helper program that exited with an error.
struct ProcessFailure: Error, CustomStringConvertible {
    let command: String
    let status: Int32
    let standardError: String
    var description: String { "\(command) exited with status \(status): \(standardError)" }
}

/// Runs `executable` with `arguments` and returns its standard output;
/// throws `ProcessFailure`, with the program's standard error, if it fails.
func runProgram(_ executable: String, _ arguments: [String]) throws -> Data {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    let output = Pipe(), errors = Pipe()
    process.standardOutput = output
    process.standardError = errors
    try process.run()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    let errorText = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    guard process.terminationStatus == 0 else {
        throw ProcessFailure(command: ([executable] + arguments).joined(separator: " "),
                             status: process.terminationStatus, standardError: errorText)
    }
    return data
}

/// A PNG file as read back by scripts/png_decode.py (standard-library Python:
/// zlib and struct), which checks the signature, chunk order, every CRC and IHDR.
struct DecodedPNG: Decodable {
    let width: Int
    let height: Int
    let colourType: Int
    let chunks: [String]
    let pixels: [Int]

    enum CodingKeys: String, CodingKey {
        case width, height, chunks, pixels
        case colourType = "colour_type"
    }

    /// Decodes `path`, skipping the test when python3 is not installed.
    static func read(_ path: String) throws -> DecodedPNG {
        guard let python = executableOnPath("python3") else {
            throw XCTSkip("python3 is not installed, so the PNG files cannot be checked by an independent decoder")
        }
        let script = repositoryRoot.appendingPathComponent("scripts/png_decode.py").path
        return try JSONDecoder().decode(DecodedPNG.self, from: runProgram(python, [script, path]))
    }

    /// The channel values of pixel (x, y): one for grey, three for RGB.
    func pixel(x: Int, y: Int) -> [Int] {
        let channels = colourType == 0 ? 1 : 3
        let start = (y * width + x) * channels
        return Array(pixels[start ..< start + channels])
    }
}
