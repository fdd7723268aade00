import ArgumentParser

/// `mlplab` with no subcommand: the notebook REPL.
struct Repl: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Open the notebook REPL (the default).")

    func run() throws {
        print(Mlplab.helpMessage())
    }
}
