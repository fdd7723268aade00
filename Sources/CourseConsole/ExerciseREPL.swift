import ChildProcesses
import Course
import ExerciseCalls
import Foundation
import Interpreter
import Network
import Notebook
import Tensor

/// Asks on the terminal; anything but y or yes is no (and so is end of input).
public func askYesNo(_ question: String) -> Bool {
    print(question + " [y/N] ", terminator: "")
    fflush(stdout)
    guard let answer = readLine()?.trimmingCharacters(in: .whitespaces).lowercased() else { return false }
    return answer == "y" || answer == "yes"
}

/// The exercises in the REPL: `:exercise :check :hint :solution :use :reload`, and under
/// `:use mine` the builtins that have an exercise behind them computed by the learner's code.
///
/// The REPL calls `ExerciseREPL.register(in: session)` once at start.
public enum ExerciseREPL {
    /// - Returns: what the lessons' exercise cells need to know of the exercises; nil
    ///   without the package (then nothing can be built or checked).
    @discardableResult
    public static func register(in session: Session, confirm: @escaping (String) -> Bool = askYesNo) -> ExerciseLink? {
        let console: ExerciseConsole
        do {
            console = ExerciseConsole(root: try PackageRoot.locate(), progress: try ExerciseProgressFile(),
                                      write: { [unowned session] in session.write($0) }, confirm: confirm)
        } catch {
            // Without the package there is nothing to build or check: every command says why.
            for spec in ExerciseConsole.commands {
                registerCommand(spec, in: session) { _ in throw error }
            }
            return nil
        }
        let engine = session.builtins.names.compactMap { session.builtins[$0] }
        // The learner's functions run in the console's child process, never in this one.
        let mine = console.learner.implementations
        console.learnerFunctionsChanged = { [unowned session] names in
            let implementations = Implementations.choosing(names.contains, from: mine)
            session.builtins.register(engine)
            session.builtins.register(learnerBuiltins(implementations, replacing: engine, for: names))
            session.learnerStep = names.isDisjoint(with: Course.usedInTraining) ? nil : { net, config, optimizer, lr, reporter in
                try ExerciseStep(net, implementations, config: config, optimizer: optimizer, learningRate: lr, reporter: reporter)
            }
        }
        for spec in ExerciseConsole.commands {
            registerCommand(spec, in: session) { argument in try spec.run(console, argument) }
        }
        return ExerciseLink(
            file: { name in (try? Course.find(name))?.group.file },
            finished: { console.progress.record.finished.keys.sorted() },
            useLearnersFunction: { name in
                guard let builtin = (try? Course.find(name))?.builtin, (try? console.useMine(name)) != nil else { return nil }
                return builtin
            },
            useLanguage: { language in console.language = language == .ko ? .ko : .en })
    }

    /// Registers an exercise command. One that takes the name of a session command keeps it
    /// for the bare command: `:reset` still empties the workspace, `:reset softmax` puts an
    /// exercise's stub back.
    private static func registerCommand(_ spec: ExerciseConsole.CommandSpec, in session: Session,
                                        run: @escaping (String) throws -> Void) {
        guard let shadowed = session.commands[spec.name] else {
            return session.commands.register(Command(spec.name, arguments: spec.arguments, summary: spec.summary,
                                                     help: spec.help) { _, argument in
                try run(argument)
                return .done
            })
        }
        session.commands.register(Command(spec.name, arguments: "[\(spec.arguments)]",
                                          summary: "\(shadowed.summary); with \(spec.arguments), \(spec.summary)",
                                          help: "\(shadowed.usage): \(shadowed.help)\n\n:\(spec.name) \(spec.arguments): \(spec.help)") { session, argument in
            if argument.isEmpty { return try shadowed.run(session, argument) }
            try run(argument)
            return .done
        })
    }

    /// The REPL builtins whose work is one of the exercises in `names`, computed by the
    /// learner's functions `mine`. Forms an exercise does not cover (softmax over another
    /// axis, accuracy of a network) are left to the engine's builtin.
    static func learnerBuiltins(_ mine: Implementations, replacing engine: [Builtin], for names: Set<String>) -> [Builtin] {
        func float64(_ args: Arguments, _ name: String) throws -> Tensor { try args.tensor(name).astype(.float64) }
        func labels(_ args: Arguments, _ name: String) throws -> Tensor {
            let y = try args.tensor(name)
            return y.ndim == 2 ? try y.argmax(axis: -1) : y.astype(.int64)
        }
        // By builtin (course.json names the exercise behind each): the call of the learner's function.
        let bodies: [String: (Arguments, Builtin) throws -> Value] = [
            "sigmoid": { args, _ in .tensor(try mine.call("sigmoid", float64(args, "x"))) },
            "relu": { args, _ in .tensor(try mine.call("relu", float64(args, "x"))) },
            "normalise": { args, _ in .tensor(try mine.call("normalise", args.tensor("x"))) },
            "onehot": { args, _ in .tensor(try mine.call("oneHot", args.tensor("labels").astype(.int64), args.int("classes"))) },
            "softmax": { args, engine in
                let x = try float64(args, "x"), axis = try args.int("axis")
                guard axis == -1 || axis == x.ndim - 1 else { return try engine.call(with: args) }
                return .tensor(try mine.call("softmax", x))
            },
            "cross_entropy": { args, _ in
                .float(try mine.call("softmaxCrossEntropy", float64(args, "scores"), labels(args, "y")))
            },
            "mse": { args, _ in .float(try mine.call("mse", float64(args, "y"), float64(args, "t"))) },
            "accuracy": { args, engine in
                guard case .tensor(let scores) = args["a"], args.isNone("c") else { return try engine.call(with: args) }
                return .float(try mine.call("accuracy", scores.astype(.float64), labels(args, "b")))
            },
        ].filter { builtin, _ in Course.exercise(standingInFor: builtin).map { names.contains($0.name) } ?? false }
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
