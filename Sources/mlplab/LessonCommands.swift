import ArgumentParser
import Foundation
import Interpreter
import Notebook
import Course
import Support
import Tensor

extension LessonLanguage: ExpressibleByArgument {}

/// `--lang en|ko`, else the language chosen last (`--lang` or `:lang`), else the one `LANG` names.
struct LanguageOptions: ParsableArguments {
    @Option(name: .customLong("lang"), help: "Lesson language: en or ko (default: the one chosen last, else from LANG; ko_KR.* gives ko).")
    var explicitLanguage: LessonLanguage?

    var language: LessonLanguage { explicitLanguage ?? ProgressStore.standard()?.savedLanguage() ?? .from() }
}

/// `mlplab lessons`: the lessons and how far the learner got.
struct LessonsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lessons", abstract: "List the lessons with your progress.")

    @OptionGroup var options: LanguageOptions

    func run() throws {
        let lessons = try loadLessons { try LessonLibrary.locate().lessons(options.language) }
        let (progress, finished) = try savedProgress()
        let style = TextStyle.standardOutput(colour: ReplFiles.useColour(isTerminal: isatty(STDOUT_FILENO) != 0))
        print(LessonList.render(lessons, progress: progress, finishedExercises: finished, current: nil, style: style,
                                text: TutorText(options.language)))
    }

    /// The lessons' progress and the exercises finished, both from the progress file;
    /// a file that cannot be used fails the command with what is wrong and what to do.
    private func savedProgress() throws -> (LearnerProgress, finished: [String]) {
        guard let file = ProgressFile.standard() else { return (LearnerProgress(), []) }
        do {
            let sections = try file.read()
            return (try LearnerProgress(sections: sections), try ExerciseRecord(sections: sections).finished.keys.sorted())
        } catch {
            throw CommandFailure(ProgressFileError(error).description)
        }
    }
}

/// `mlplab run LESSON [--verify]`: a lesson's cells run without the REPL.
struct RunLessonCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run a lesson's cells without the REPL.",
        discussion: """
            Without --verify the lesson is printed as the REPL would show it with every cell run. With --verify \
            only differences are printed, and the exit status is 1 when any output differs from the lesson. \
            Without a LESSON, --verify checks every lesson and --record records every lesson.
            """)

    @ArgumentParser.Argument(help: "The lesson: its number (3), name (forward) or file (lessons/en/03-forward.md).")
    var lesson: String?

    @Flag(help: "Check every output against the lesson; exit 1 on any difference.")
    var verify = false

    @Flag(help: "Write each cell's actual output into the lesson file as its expected output (for lesson authors; review the diff).")
    var record = false

    @OptionGroup var options: LanguageOptions

    func validate() throws {
        if lesson == nil && !verify && !record {
            throw ValidationError("name a lesson, or use --verify to check them all (--record to record them all)")
        }
        if record && verify { throw ValidationError("--record and --verify exclude each other") }
    }

    func run() throws {
        if verify || record {
            // Pictures drawn as on a plain 80-column terminal, whatever this one is, as the lessons record them.
            setenv("NO_COLOR", "1", 1)
            setenv("COLUMNS", "80", 1)
        }
        let library = try loadLessons { try LessonLibrary.locate() }
        let lessons = try loadLessons {
            try lesson.map { [try library.lesson($0, options.language)] } ?? library.lessons(options.language)
        }
        let style = TextStyle.standardOutput(colour: ReplFiles.useColour(isTerminal: isatty(STDOUT_FILENO) != 0))
        let presenter = LessonPresenter(style: style, language: options.language)
        var differences = 0
        for lesson in lessons {
            let session = makeLessonSession(language: options.language)
            let started = Date()
            let report: LessonReport
            if verify || record {
                report = LessonVerifier.run(lesson, in: session)
                for (cell, outcome) in report.differences where verify {
                    print(presenter.mismatchReport(outcome, cell: cell, lesson: lesson))
                }
                for (cell, problem) in report.answerProblems where verify {
                    print("✗ \(lesson.path):\(cell.line), cell \(cell.index + 1) of \(lesson.cells.count): \(problem)")
                }
            } else {
                report = LessonVerifier.transcript(lesson, in: session, presenter: presenter) { print($0) }
            }
            let seconds = String(format: " (%.1f s)", Date().timeIntervalSince(started))
            if record {
                try write(report)
                print("\(lesson.path): recorded the output of \(report.differences.count) of \(report.exampleCount) inputs in \(report.cells.count) cells (the others already matched)" + seconds)
            } else {
                differences += report.differences.count + report.answerProblems.count
                print(report.summary + seconds)
            }
        }
        if verify && differences > 0 { throw ExitCode(1) }
    }

    private func write(_ report: LessonReport) throws {
        let text = try String(contentsOfFile: report.lesson.path, encoding: .utf8)
        try AtomicFile.write(Array(LessonRecorder.record(report, into: text).utf8), to: report.lesson.path)
    }
}

/// A fresh interpreter session for running a lesson headless, speaking the lesson's
/// language: nothing is printed outside the cells, whose output the runner collects.
func makeLessonSession(language: LessonLanguage) -> Session {
    let session = Session(output: { _, _ in })
    session.language = language
    return session
}

/// Runs `body`, turning the lesson errors into a message and exit status 2.
func loadLessons<T>(_ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch let error as LessonLibraryError {
        throw CommandFailure(error.description, code: 2)
    } catch let error as LessonFormatError {
        throw CommandFailure(error.description, code: 2)
    }
}

/// Sets up the lessons in the REPL's session: their commands, the learner's
/// saved progress, and, when `greet` is true, the greeting (or the resumed
/// lesson, its earlier cells run again). The REPL calls the tutor's `enter()`
/// for an empty line. Nil, after a warning, when the lessons cannot be found;
/// the REPL then works without them.
/// - Parameter remember: keep `language` for the next start (it was chosen with `--lang`).
/// - Parameter exercises: the exercises behind the lessons' exercise cells.
func startTutor(in session: Session, language: LessonLanguage, remember: Bool, exercises: ExerciseLink?,
                colour: Bool, greet: Bool) -> Tutor? {
    do {
        let tutor = try Tutor(session: session, library: try LessonLibrary.locate(), language: language,
                              store: ProgressStore.standard(), style: .standardOutput(colour: colour))
        tutor.registerCommands()
        tutor.exerciseLink = exercises
        if remember { tutor.rememberLanguage() }
        if greet { tutor.start() }
        return tutor
    } catch {
        session.output("warning: lessons unavailable: \(error)", .error)
        return nil
    }
}
