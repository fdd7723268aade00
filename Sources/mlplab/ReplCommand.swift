import ArgumentParser
import CourseConsole
import Foundation
import Interpreter
import Notebook
import Support
import Tensor

/// `mlplab` with no subcommand: the notebook REPL, with the lessons.
struct Repl: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Open the notebook REPL (the default).")

    @OptionGroup var lessons: LanguageOptions

    @Option(name: .customLong("exec"), help: "Run the lines of FILE as if typed at the prompt, then exit: errors are reported as FILE:LINE:, and the exit status is 1 when a line failed.")
    var script: String?

    @Option(help: "Folder holding the four MNIST (or Fashion-MNIST) IDX files, where load(\"mnist\") reads them.")
    var data: String?

    func validate() throws {
        var isFolder: ObjCBool = false
        if let data, !(FileManager.default.fileExists(atPath: (data as NSString).expandingTildeInPath, isDirectory: &isFolder)
                       && isFolder.boolValue) {
            throw ValidationError("--data \(data) is not a folder: name the folder that holds the four IDX files")
        }
    }

    func run() throws {
        let session = Session()
        session.dataFolder = data
        let exercises = ExerciseREPL.register(in: session)
        if let script { throw ExitCode(runScript(path: script, session: session)) }
        let interactive = isatty(STDIN_FILENO) != 0
        if interactive { Interrupt.install() }  // Ctrl-C may stop the cells a resumed lesson runs again
        let colour = ReplFiles.useColour(isTerminal: isatty(STDOUT_FILENO) != 0)
        // Piped input is a script: the lesson commands work, but nothing is shown unasked.
        let tutor = startTutor(in: session, language: lessons.language, remember: lessons.explicitLanguage != nil, exercises: exercises,
                                colour: colour, greet: interactive)
        let enter = interactive ? tutor.map { tutor in { tutor.enter() } } : nil
        // At the terminal the variables outlive the session; a script starts from nothing.
        let kept = interactive ? Session.keptWorkspacePath() : nil
        if let kept, let note = session.restoreKeptWorkspace(from: kept) { session.write(note) }
        let status = runREPL(session: session, interactive: interactive, onEmptyLine: enter)
        if let kept, let note = session.keepWorkspace(at: kept) { session.write(note) }
        throw ExitCode(status)
    }
}
