import ArgumentParser
import ChildProcesses
import Course
import CourseConsole
import Foundation
import Notebook

/// `mlplab check`: build the learner's exercises and run their checks.
struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Compile your exercises (exercises/*.swift) and check them against the reference solutions.",
        discussion: """
            mlplab check softmax            compile, then run softmax's checks case by case
            mlplab check --all              every exercise, as a summary table
            mlplab check --list             every exercise with its file, line and status
            mlplab check softmax --show     the contract: signature, shapes, formula
            mlplab check softmax --hint     the next hint (one at a time)
            mlplab check softmax --solution the reference solution (asks first)
            mlplab check softmax --lang ko  in Korean: the contract, the hints, the reports
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

    @OptionGroup var language: LanguageOptions

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
            console.language = language.language == .ko ? .ko : .en
            if list { return console.list() }
            if show { return try console.show(names[0]) }
            if hint { return try console.hint(names[0]) }
            if solution { return try console.solution(names[0]) }
            if try !console.check(names, all: all) { throw ExitCode(1) }
        } catch let error as CourseError {
            throw CommandFailure(error.description)
        }
    }
}

