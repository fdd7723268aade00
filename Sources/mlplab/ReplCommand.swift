import ArgumentParser
import Foundation
import Interpreter
import Notebook

/// `mlplab` with no subcommand: the notebook REPL, with the lessons.
struct Repl: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Open the notebook REPL (the default).")

    @OptionGroup var lessons: LanguageOptions

    func run() throws {
        let session = Session()
        let colour = ReplFiles.useColour(isTerminal: isatty(STDOUT_FILENO) != 0)
        let tutor = startTutor(in: session, language: lessons.language, colour: colour)
        let enter = tutor.map { tutor in { tutor.enter() } }
        throw ExitCode(runREPL(session: session, interactive: isatty(STDIN_FILENO) != 0, onEmptyLine: enter))
    }
}
