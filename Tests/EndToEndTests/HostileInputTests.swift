import Foundation
import XCTest

/// Inputs that once ended the process — a Swift runtime trap, a segfault, an allocation of
/// terabytes, a stack overflow — typed into one session of the real binary: each gives its
/// own error, the session goes on, and a variable defined first is intact at the end.
final class HostileInputTests: XCTestCase {
    /// Each input and a piece of the error it must give (numpy's wording where numpy has one).
    private let hostileInputs: [(String, String)] = [
        ("choice(2**62, 3, replace=False)", "the population is larger than the allocation limit"),
        ("concatenate([zeros((0, 2**62)), zeros((0, 2**62))], axis=1)", "array is too big"),
        ("zeros((0, 2**62, 2**62)).max(axis=0)", "array is too big"),
        ("zeros((0, 2**62, 2**62)).transpose(1, 0, 2)", "array is too big"),
        ("x = zeros((0, 4611686018427387904, 4611686018427387904)); y = x.T", "array is too big"),
        ("zeros((0, 2**40)).sum(axis=0)", "refusing to allocate (1099511627776,)"),
        ("z = zeros((0, 2**40)).T; z.sum(-1)", "refusing to allocate (1099511627776,)"),
        ("z = zeros((0, 2**40)).T; z[::-1]", "refusing to make a list"),
        ("a1, a2 = zeros((0, 2**40)).T", "cannot unpack 1099511627776 values into 2 names"),
        ("list(zeros((0, 2**40)).T)", "refusing to make a list of 1099511627776 items"),
        ("x = arange(12).reshape(3, 4); x.reshape(2**62, 2**62)", "cannot reshape array of size 12"),
        ("x = arange(3); x.astype(None)", "dtype must be a dtype name"),
        ("Linear(-1, 2)", "a Linear layer needs a positive number of inputs and outputs"),
        ("Linear(2**62, 2)", "refusing to allocate (4611686018427387904, 2)"),
        ("mlp([2**62, 2])", "refusing to allocate (4611686018427387904, 2)"),
        ("mlp([3, 2**62])", "refusing to allocate (3, 4611686018427387904)"),
        ("mlp([2**20, 2**20])", "refusing to allocate (1048576, 1048576)"),
        ("zeros((" + Array(repeating: "1", count: 32_000).joined(separator: ", ") + "))",
         "maximum supported dimension for an ndarray is 64, found 32000"),
        (String(repeating: "(", count: 100_000) + "1" + String(repeating: ")", count: 100_000), "nested too deeply"),
        (String(repeating: "-", count: 100_000) + "1", "nested too deeply"),
        ("st = \"abc\"; for k in range(200): st = st + st", "refusing to make a string of"),
        ("t = (1,); for k in range(40): t = t + t", "refusing to make a tuple of"),
    ]

    func testHostileInputsGiveErrorsAndTheSessionGoesOn() throws {
        // `z[::-1]` of a (2**40, 0) tensor is empty (numpy echoes `array([], shape=(1099511627776, 0), dtype=float64)`);
        // echoing it is fine, so its line is followed by a loop over the rows, which must be refused
        // (numpy would make 2**40 rows).
        let lines = hostileInputs.map { input, _ in
            input.hasSuffix("z[::-1]") ? input + "; for row in z: print(row)" : input
        }
        let file = Binary.temporaryFile("hostile.ws")
        defer { try? FileManager.default.removeItem(atPath: file) }
        // A tensor of 33 axes is saved and loaded back (both sides keep numpy's 64-axis limit).
        let script = ["keep = 42"] + lines + [":del st t", "big = zeros((1,)*33)", ":save \(file) big", ":del big",
                                             ":load \(file)", "big.shape", "keep"]
        let result = try Binary.run([], input: script.joined(separator: "\n") + "\n")

        XCTAssertFalse(result.killedBySignal, "killed by signal \(result.status): \(result.stderr.suffix(2000))")
        XCTAssertEqual(result.status, 1, "errors were reported, so the exit status is 1")
        XCTAssertFalse(result.stderr.contains("Fatal error"), String(result.stderr.suffix(2000)))
        // An error is its message line, after the source line and caret when it points into the line.
        let errors = result.stderr.split(separator: "\n").filter { !$0.hasPrefix("  ") }.map(String.init)
        XCTAssertEqual(errors.count, hostileInputs.count, errors.joined(separator: "\n"))
        for ((input, expected), error) in zip(hostileInputs, errors) {
            XCTAssertTrue(error.contains(expected), "\(input.prefix(60)): \(error)")
        }
        let ones = Array(repeating: "1", count: 33).joined(separator: ", ")
        XCTAssertEqual(result.stdout, "array([], shape=(1099511627776, 0), dtype=float64)\nsaved 1 variable to \(file)\nloaded 1 variable: big\n(\(ones))\n42\n")
    }
}
