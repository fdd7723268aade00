import Foundation
import FuzzSupport
import Interpreter
import Support
import Tensor

/// One REPL line, a statement or a `:command`, through the lexer, parser and
/// evaluator of a fresh session. Every input must run or be reported as an
/// error. Tensors are limited to `elementLimit` elements so that no input can
/// take the machine's memory, and each line gets `cpuSecondsPerLine` of CPU
/// before it is stopped as Ctrl-C stops it. Nothing reads or writes files.
@main
enum FuzzRepl {
    static let elementLimit = 1 << 16
    static let cpuSecondsPerLine = 1

    /// The builtins and commands that read or write files, replaced by ones that refuse.
    static let fileBuiltins = ["load", "load_idx", "read_bytes", "save_png", "save_svg"]
    static let fileCommands = ["save", "load"]

    static func main() {
        signal(SIGVTALRM) { _ in Interrupt.request() }
        Fuzzer.run { input in
            Tensor.$maxElements.withValue(elementLimit) { runLine(input) }
        }
    }

    static func runLine(_ input: [UInt8]) {
        let session = Session(output: { _, _ in })
        session.random = NumpyRandom(seed: 0)
        refuseFiles(in: session)
        withCPULimit(seconds: cpuSecondsPerLine) {
            session.run(String(decoding: input, as: UTF8.self))
        }
    }

    static func refuseFiles(in session: Session) {
        let refusal = InterpreterError(.file, "files are out of reach while fuzzing")
        for name in fileBuiltins {
            let original = session.builtins[name]!
            session.builtins.register(Builtin(name, original.parameters, category: original.category,
                                              help: original.help, example: original.example) { _ in throw refusal })
        }
        for name in fileCommands {
            let original = session.commands[name]!
            session.commands.register(Command(name, arguments: original.arguments, summary: original.summary,
                                              help: original.help) { _, _ in throw refusal })
        }
    }

    /// Runs `body` with a CPU-time alarm that requests an interrupt when it rings.
    static func withCPULimit(seconds: Int, _ body: () -> Void) {
        var limit = itimerval(it_interval: timeval(), it_value: timeval(tv_sec: seconds, tv_usec: 0))
        setitimer(__itimer_which_t(ITIMER_VIRTUAL.rawValue), &limit, nil)
        body()
        var off = itimerval()
        setitimer(__itimer_which_t(ITIMER_VIRTUAL.rawValue), &off, nil)
    }
}
