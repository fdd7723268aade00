import Foundation
import Interpreter
import XCTest

/// The REPL driven through a pipe, as scripts and course tools drive it:
/// every builtin's help example, every operator and every command.
final class ReplPipeTests: XCTestCase {
    /// Each builtin's example typed into the real binary prints what its help page shows.
    func testEveryBuiltinsExampleThroughThePipe() throws {
        let session = Session()
        for name in session.builtins.names {
            let example = session.builtins[name]!.example.components(separatedBy: "\n")
            let input = example.filter { $0.hasPrefix(">>> ") }.map { String($0.dropFirst(4)) }
            let expected = example.filter { !$0.hasPrefix(">>> ") }
            let result = try Binary.run([], input: input.joined(separator: "\n") + "\n")
            XCTAssertEqual(result.status, 0, "\(name): \(result.stderr)")
            let output = result.stdout.split(separator: "\n", omittingEmptySubsequences: false).dropLast().joined(separator: "\n")
            if expected.count == 1, expected[0].hasPrefix("("), expected[0].hasSuffix(" here)") {
                XCTAssertFalse(output.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty, "\(name) draws nothing")
            } else {
                XCTAssertEqual(output, expected.joined(separator: "\n"), "example of \(name)")
            }
        }
    }

    func testOperatorsThroughThePipe() throws {
        let script = """
            a = array([[1.0, 2.0], [3.0, 4.0]]); b = array([10.0, 20.0])
            a + b
            a - b
            a * b
            a / b
            a ** 2
            -a
            a @ a
            a < 2.5
            a[a >= 3]
            a[0, :]
            a[:, 1]
            7 // 2, 7 % 2, 2 ** 10
            g = a.copy(); g[a <= 2] = 0; g
            w = [1.0, 1.0]; w -= 0.5 * b; w
            """
        let result = try Binary.run([], input: script + "\n")
        XCTAssertEqual(result.status, 0, result.stderr)
        // numpy 2.4: the repr of each expression of the script.
        XCTAssertEqual(result.stdout, """
            array([[11., 22.],
                   [13., 24.]])
            array([[ -9., -18.],
                   [ -7., -16.]])
            array([[10., 40.],
                   [30., 80.]])
            array([[0.1, 0.1],
                   [0.3, 0.2]])
            array([[ 1.,  4.],
                   [ 9., 16.]])
            array([[-1., -2.],
                   [-3., -4.]])
            array([[ 7., 10.],
                   [15., 22.]])
            array([[ True,  True],
                   [False, False]])
            array([3., 4.])
            array([1., 2.])
            array([2., 4.])
            (3, 1, 1024)
            array([[0., 0.],
                   [3., 4.]])
            array([-4., -9.])

            """)
    }

    func testCommandsThroughThePipe() throws {
        let file = Binary.temporaryFile("workspace.mlpws")
        let script = """
            x = arange(6).reshape(2, 3); n = 5
            :vars
            :time y = x * 2
            :save \(file)
            :del x
            x
            :load \(file)
            x.shape
            :reset
            :vars
            :help relu
            :quit
            print("not reached")
            """
        let result = try Binary.run([], input: script + "\n")
        XCTAssertEqual(result.status, 1, "the line after :del x fails, so the script's status is 1")
        XCTAssertTrue(result.stdout.contains("x"), result.stdout)
        XCTAssertTrue(result.stdout.contains("(2, 3)"), result.stdout)
        XCTAssertTrue(result.stdout.contains("saved 3 variables to \(file)"), result.stdout)
        XCTAssertTrue(result.stderr.contains("name error: 'x' is not defined"), result.stderr)
        XCTAssertTrue(result.stdout.contains("deleted 3 variables\nno variables yet"), "the bare :reset empties the workspace, "
                      + "the exercises' :reset NAME leaving it to the session: \(result.stdout)")
        XCTAssertTrue(result.stdout.contains("relu(x)"), result.stdout)
        XCTAssertFalse(result.stdout.contains("not reached"))
    }

    /// `--lang` and `:lang` are kept with the progress: a start without `--lang` uses the
    /// language chosen last, whatever LANG says, and so does `mlplab lessons`.
    func testTheLanguageIsRememberedAcrossStarts() throws {
        let state = ["XDG_STATE_HOME": Binary.temporaryFile("language-\(UUID().uuidString)"), "LANG": "C"]
        var result = try Binary.run(["--lang", "ko"], input: ":lessons\n", environment: state)
        XCTAssertTrue(result.stdout.contains("MNIST 불러오기"), result.stdout + result.stderr)
        result = try Binary.run([], input: ":lessons\n:help skip\n", environment: state)
        XCTAssertTrue(result.stdout.contains("MNIST 불러오기"), "remembered: \(result.stdout)")
        XCTAssertTrue(result.stdout.contains("직접 해 보기 셀에서 레슨의 답을 조용히 실행하고"), result.stdout)
        result = try Binary.run(["lessons"], environment: state)
        XCTAssertTrue(result.stdout.contains("MNIST 불러오기"), result.stdout)

        result = try Binary.run([], input: ":lang en\n", environment: state)
        XCTAssertEqual(result.status, 0, result.stderr)
        result = try Binary.run([], input: ":lessons\n", environment: state)
        XCTAssertTrue(result.stdout.contains("Loading MNIST"), result.stdout)
        XCTAssertFalse(result.stdout.contains("MNIST 불러오기"), result.stdout)
    }

    func testAScriptFileWithExec() throws {
        let path = Binary.temporaryFile("script.mlp")
        try "seed(0)\nrandn(3)\n".write(toFile: path, atomically: true, encoding: .utf8)
        let result = try Binary.run(["--exec", path])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(result.stdout, "array([1.76405235, 0.40015721, 0.97873798])\n")
        let missing = try Binary.run(["--exec", "/nonexistent/script.mlp"])
        XCTAssertEqual(missing.status, 2)
        XCTAssertTrue(missing.stderr.contains("cannot read /nonexistent/script.mlp"), missing.stderr)
    }

    /// Errors in a script name its file and line, as a compiler's do; the lines after a
    /// failed one still run, and the exit status is 1.
    func testScriptErrorsNameTheFileAndTheLine() throws {
        let path = Binary.temporaryFile("lines.mlp")
        try "a = 1\n\nprint(b)\nx = [1,\n     2,\n     zz]\nprint(a)\n".write(toFile: path, atomically: true, encoding: .utf8)
        let result = try Binary.run(["--exec", path])
        XCTAssertEqual(result.status, 1)
        XCTAssertEqual(result.stdout, "1\n")
        XCTAssertEqual(result.stderr, """
            \(path):3: name error: 'b' is not defined
              print(b)
                    ^
            \(path):6: name error: 'zz' is not defined
                   zz]
                   ^~

            """)
    }
}
