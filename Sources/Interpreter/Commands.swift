import Foundation
import Support
import Tensor

/// A REPL command: a line starting with `:`. Other modules register their own
/// (`:lessons :open :next :check :hint …`) in the session's `CommandTable`.
public struct Command {
    public enum Result: Equatable { case done, quit }
    public typealias Body = (_ session: Session, _ argument: String) throws -> Result

    /// The name typed after the colon, e.g. "vars".
    public let name: String
    /// What may follow the name, e.g. "FILE [NAME …]"; empty for none.
    public let arguments: String
    /// One line for the `:help` list.
    public let summary: String
    /// One paragraph for `:help name`.
    public let help: String
    /// The rest of the line after the name, trimmed, is the argument.
    public let run: Body

    public init(_ name: String, arguments: String = "", summary: String, help: String, run: @escaping Body) {
        self.name = name
        self.arguments = arguments
        self.summary = summary
        self.help = help
        self.run = run
    }

    /// `:save FILE [NAME …]`.
    public var usage: String { arguments.isEmpty ? ":\(name)" : ":\(name) \(arguments)" }

    public var helpText: String { "\(usage)\n\n\(help)" }
}

/// The one table of commands, in the order they were registered (the order `:help` lists them).
public final class CommandTable {
    private var table: [String: Command] = [:]
    private var order: [String] = []

    public init() {}

    /// Adds a command; one with the same name is replaced.
    public func register(_ command: Command) {
        if table[command.name] == nil { order.append(command.name) }
        table[command.name] = command
    }

    public func register(_ commands: [Command]) {
        commands.forEach(register)
    }

    public subscript(_ name: String) -> Command? {
        table[name]
    }

    /// Every name, in registration order.
    public var names: [String] { order }

    public var all: [Command] { order.compactMap { table[$0] } }
}

/// `:help :vars :del :reset :time :save :load :quit`.
enum CoreCommands {
    static let all: [Command] = [help, vars, delete, reset, time, save, load, quit, exit]

    static let help = Command("help", arguments: "[TOPIC]", summary: "this list, or help on a builtin or command",
        help: "Without a topic, lists the commands and the builtins by group. With one, shows the help of that builtin (:help relu) or command (:help save), with an example.") { session, argument in
        session.write(try session.helpText(for: argument.isEmpty ? .none : .string(argument)))
        return .done
    }

    static let vars = Command("vars", summary: "the variables: name, kind, shape, dtype, size",
        help: "Lists the workspace's variables sorted by name, like IPython's %whos: each one's kind (tensor, int, float, …), and for tensors the shape, dtype and number of elements, for other values the value itself.") { session, _ in
        session.write(Workspace.table(session.variables))
        return .done
    }

    static let delete = Command("del", arguments: "NAME …", summary: "delete variables",
        help: "Removes the named variables from the workspace. A builtin that a variable was hiding becomes visible again.") { session, argument in
        let names = argument.split(whereSeparator: \.isWhitespace).map(String.init)
        guard !names.isEmpty else { throw InterpreterError(.command, "usage: :del NAME …") }
        let missing = names.filter { session[variable: $0] == nil }
        guard missing.isEmpty else {
            var message = "no variable named '\(missing[0])'"
            if let suggestion = closestName(to: missing[0], among: Array(session.variables.keys)) {
                message += "; did you mean '\(suggestion)'?"
            }
            throw InterpreterError(.name, message)
        }
        names.forEach { session.removeVariable($0) }
        return .done
    }

    static let reset = Command("reset", summary: "delete every variable",
        help: "Empties the workspace. The random generator keeps its state; call seed(n) to restart it.") { session, _ in
        let count = session.variables.count
        session.removeAllVariables()
        session.write("deleted \(count) variable\(count == 1 ? "" : "s")")
        return .done
    }

    static let time = Command("time", arguments: "STATEMENT", summary: "run a statement and show how long it took",
        help: "Runs the rest of the line as a statement (its output is shown as usual), then prints the wall-clock time it took. :time h = X @ W1 measures one matrix product.") { session, argument in
        guard !argument.isEmpty else { throw InterpreterError(.command, "usage: :time STATEMENT") }
        let program = try session.parse(argument)
        let clock = ContinuousClock()
        let elapsed = try clock.measure { try session.execute(program) }
        session.write("wall time: \(Workspace.duration(elapsed))")
        return .done
    }

    static let save = Command("save", arguments: "FILE [NAME …]", summary: "save the variables to a file",
        help: "Writes the workspace's tensors and plain values (numbers, strings, and the objects that can be saved) to FILE, or only the NAMEs given. The file is written whole or not at all, and :load checks it before reading.") { session, argument in
        var words = argument.split(whereSeparator: \.isWhitespace).map(String.init)
        guard !words.isEmpty else { throw InterpreterError(.command, "usage: :save FILE [NAME …]") }
        let path = words.removeFirst()
        let selected = try Workspace.select(words, from: session.variables)
        let (bytes, skipped) = try WorkspaceArchive.encode(selected)
        do {
            try AtomicFile.write(bytes, to: path)
        } catch {
            throw InterpreterError(.file, String(describing: error))
        }
        var message = "saved \(selected.count - skipped.count) variable\(selected.count - skipped.count == 1 ? "" : "s") to \(path)"
        if !skipped.isEmpty { message += " (not saved, no file format: \(skipped.sorted().joined(separator: ", ")))" }
        session.write(message)
        return .done
    }

    static let load = Command("load", arguments: "FILE", summary: "load variables saved with :save",
        help: "Reads a file written by :save and sets its variables, replacing those of the same name. A damaged or foreign file is refused and the workspace is left as it was.") { session, argument in
        guard !argument.isEmpty else { throw InterpreterError(.command, "usage: :load FILE") }
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: argument))
        } catch {
            throw InterpreterError(.file, "cannot read \(argument): \((error as NSError).localizedDescription)")
        }
        let names = try session.restoreWorkspace(from: data)
        session.write("loaded \(names.count) variable\(names.count == 1 ? "" : "s")\(names.isEmpty ? "" : ": " + names.joined(separator: ", "))")
        return .done
    }

    static let quit = Command("quit", summary: "leave mlplab (quit(), exit() and Ctrl-D do the same)",
        help: "Ends the session, as Python's quit() and exit() do, and Ctrl-D. At the terminal the variables are kept for next time, and the next session starts with them (all but functions and classes, which have no file format; the input history keeps their lines). :save FILE keeps a copy of your own.") { _, _ in .quit }

    static let exit = Command("exit", summary: "the same as :quit", help: "Ends the session, like :quit.") { _, _ in .quit }
}
