import ArgumentParser
import Foundation
import Interpreter
import Notebook
import Tensor

/// `mlplab` with no subcommand: the notebook REPL, with the lessons.
struct Repl: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Open the notebook REPL (the default).")

    @OptionGroup var lessons: LanguageOptions

    func run() throws {
        let session = Session()
        let interactive = isatty(STDIN_FILENO) != 0
        if interactive { Interrupt.install() }  // Ctrl-C may stop the cells a resumed lesson runs again
        let colour = ReplFiles.useColour(isTerminal: isatty(STDOUT_FILENO) != 0)
        let tutor = startTutor(in: session, language: lessons.language, colour: colour)
        let enter = tutor.map { tutor in { tutor.enter() } }
        throw ExitCode(runREPL(session: session, interactive: interactive, onEmptyLine: enter))
    }
}
