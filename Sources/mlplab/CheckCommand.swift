import ArgumentParser
import Foundation
import Interpreter
import Notebook
import Solutions
import Tensor

/// `mlplab check`: build the learner's exercises and run their checks.
struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Build your exercises (exercises/*.swift) and check them against the reference solutions.",
        discussion: """
            mlplab check softmax            rebuild, then run softmax's checks case by case
            mlplab check --all              every exercise, as a summary table
            mlplab check --list             every exercise with its file, line and status
            mlplab check softmax --show     the contract: signature, shapes, formula
            mlplab check softmax --hint     the next hint (one at a time)
            mlplab check softmax --solution the reference solution (asks first)
            Exits with status 1 when a checked case does not pass.
            """)

    @ArgumentParser.Argument(help: "Exercises to check, by name (e.g. softmax linearBackward).")
    var names: [String] = []

    @Flag(help: "Check every exercise and print a summary table.")
    var all = false

    @Flag(help: "List the exercises with their file, line and status.")
    var list = false

    @Flag(help: "Show the named exercise's contract and status.")
    var show = false

    @Flag(help: "Give the next hint for the named exercise.")
    var hint = false

    @Flag(help: "Show the reference solution of the named exercise, after asking.")
    var solution = false

    func validate() throws {
        let modes = [all, list, show, hint, solution].filter { $0 }.count
        guard modes <= 1 else { throw ValidationError("choose one of --all, --list, --show, --hint, --solution") }
        if all || list {
            guard names.isEmpty else { throw ValidationError("--all and --list take no exercise names") }
        } else if show || hint || solution {
            guard names.count == 1 else { throw ValidationError("name one exercise, e.g. `mlplab check softmax --hint`") }
        } else if names.isEmpty {
            throw ValidationError("name an exercise to check (e.g. `mlplab check softmax`), or use --all or --list")
        }
    }

    func run() throws {
        do {
            let console = ExerciseConsole(root: try PackageRoot.locate(), progress: try ExerciseProgressFile(),
                                          write: { print($0) }, confirm: askYesNo)
            if list { return console.list() }
            if show { return try console.show(names[0]) }
            if hint { return try console.hint(names[0]) }
            if solution { return try console.solution(names[0]) }
            if try !console.check(names, all: all) { throw ExitCode(1) }
        } catch let error as CourseError {
            fail(error.description)
        }
    }
}

/// Asks on the terminal; anything but y or yes is no (and so is end of input).
func askYesNo(_ question: String) -> Bool {
    print(question + " [y/N] ", terminator: "")
    fflush(stdout)
    guard let answer = readLine()?.trimmingCharacters(in: .whitespaces).lowercased() else { return false }
    return answer == "y" || answer == "yes"
}

/// The exercises in the REPL: `:exercise :check :hint :solution :use :reload`, and under
/// `:use mine` the builtins that have an exercise behind them computed by the learner's code.
///
/// The REPL calls `ExerciseREPL.register(in: session)` once at start, and, when started
/// by `:reload` with `--restore-workspace FILE`, `ExerciseREPL.restore(from: FILE, into: session)`.
enum ExerciseREPL {
    /// - Returns: what the lessons' exercise cells need to know of the exercises; nil
    ///   without the package (then nothing can be built or checked).
    @discardableResult
    static func register(in session: Session, confirm: @escaping (String) -> Bool = askYesNo) -> ExerciseLink? {
        let console: ExerciseConsole
        do {
            console = ExerciseConsole(root: try PackageRoot.locate(), progress: try ExerciseProgressFile(),
                                      write: { [unowned session] in session.write($0) }, confirm: confirm)
        } catch {
            // Without the package there is nothing to build or check: every command says why.
            for spec in ExerciseConsole.commands + [reloadSpec] {
                session.commands.register(Command(spec.name, arguments: spec.arguments, summary: spec.summary,
                                                  help: spec.help) { _, _ in throw error })
            }
            return nil
        }
        let engine = session.builtins.names.compactMap { session.builtins[$0] }
        // The learner's functions run in the console's child process, never in this one.
        let mine = console.learner.implementations
        console.choiceChanged = { [unowned session] choice in
            session.builtins.register(choice == .mine ? learnerBuiltins(mine, replacing: engine) : engine)
            session.learnerFit = choice == .mine ? { net, x, y, test, config, optimizer, lr, rng, reporter in
                try ExerciseTrainer(mine).fit(net, x, y, config: config, optimizer: optimizer, learningRate: lr,
                                              rng: &rng, test: test, reporter: reporter)
            } : nil
        }
        for spec in ExerciseConsole.commands {
            session.commands.register(Command(spec.name, arguments: spec.arguments, summary: spec.summary, help: spec.help) { _, argument in
                try spec.run(console, argument)
                return .done
            })
        }
        session.commands.register(Command(reloadSpec.name, summary: reloadSpec.summary, help: reloadSpec.help) { session, _ in
            try console.reload { file in
                guard session.run(":save \(file)") == .success else {
                    throw CourseError.runnerFailed("the variables could not be saved, so mlplab was not restarted")
                }
            }
            return .done
        })
        return ExerciseLink(
            file: { name in (try? Course.find(name))?.group.file },
            isFinished: { name in console.progress.record.finished[name] != nil },
            useLearnersFunction: { [unowned session] name in
                guard let builtin = exerciseBuiltins[name],
                      let mineOne = learnerBuiltins(mine, replacing: engine).first(where: { $0.name == builtin }) else { return nil }
                session.builtins.register(mineOne)
                return builtin
            },
            useLanguage: { language in console.language = language == .ko ? .ko : .en })
    }

    /// The REPL builtins whose work is an exercise, by the exercise's name.
    static let exerciseBuiltins: [String: String] = [
        "sigmoid": "sigmoid", "relu": "relu", "normalise": "normalise", "oneHot": "onehot", "softmax": "softmax",
        "softmaxCrossEntropy": "cross_entropy", "mse": "mse", "accuracy": "accuracy",
    ]

    static let reloadSpec = ExerciseConsole.CommandSpec(
        name: "reload", arguments: "", summary: "rebuild mlplab with your edited exercises and restart",
        help: "Rebuilds mlplab with your latest code in exercises/ (compiler errors are shown and this session goes on unchanged), saves the variables, and restarts with them. Variables that cannot be saved to a file are named; the random generator starts afresh.") { _, _ in }

    /// Loads the variables `:reload` saved, then removes the file.
    static func restore(from file: String, into session: Session) {
        session.run(":load \(file)")
        try? FileManager.default.removeItem(atPath: file)
    }

    /// The REPL builtins whose work is an exercise, computed by the learner's functions `mine`.
    /// Forms an exercise does not cover (softmax over another axis, accuracy of a network)
    /// are left to the engine's builtin.
    static func learnerBuiltins(_ mine: Implementations, replacing engine: [Builtin]) -> [Builtin] {
        func float64(_ args: Arguments, _ name: String) throws -> Tensor { try args.tensor(name).astype(.float64) }
        func labels(_ args: Arguments, _ name: String) throws -> Tensor {
            let y = try args.tensor(name)
            return y.ndim == 2 ? try y.argmax(axis: -1) : y.astype(.int64)
        }
        let bodies: [String: (Arguments, Builtin) throws -> Value] = [
            "sigmoid": { args, _ in .tensor(try mine.sigmoid(float64(args, "x"))) },
            "relu": { args, _ in .tensor(try mine.relu(float64(args, "x"))) },
            "normalise": { args, _ in .tensor(try mine.normalise(args.tensor("x"))) },
            "onehot": { args, _ in .tensor(try mine.oneHot(args.tensor("labels").astype(.int64), args.int("classes"))) },
            "softmax": { args, engine in
                let x = try float64(args, "x"), axis = try args.int("axis")
                guard axis == -1 || axis == x.ndim - 1 else { return try engine.call(with: args) }
                return .tensor(try mine.softmax(x))
            },
            "cross_entropy": { args, _ in .float(try mine.softmaxCrossEntropy(float64(args, "scores"), labels(args, "y"))) },
            "mse": { args, _ in .float(try mine.mse(float64(args, "y"), float64(args, "t"))) },
            "accuracy": { args, engine in
                guard case .tensor(let scores) = args["a"], args.isNone("c") else { return try engine.call(with: args) }
                return .float(try mine.accuracy(scores.astype(.float64), labels(args, "b")))
            },
        ]
        return engine.compactMap { builtin in
            bodies[builtin.name].map { body in
                Builtin(builtin.name, builtin.parameters, category: builtin.category,
                        help: builtin.help + " (Now computed by your function in exercises/: :use reference switches back.)",
                        example: builtin.example) { args in try body(args, builtin) }
            }
        }
    }
}

private extension Builtin {
    /// Calls this builtin with the arguments another builtin of the same signature received.
    func call(with args: Arguments) throws -> Value {
        try call(parameters.map { args[$0.name] }, session: args.session)
    }
}
