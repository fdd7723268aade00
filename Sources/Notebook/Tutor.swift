import Interpreter

/// The lessons inside the REPL. It shows a lesson's prose and its next cell;
/// an empty line (Enter) runs that cell in the learner's session, marks each
/// output as matching the lesson or not, and shows what comes next. Between
/// cells the learner types their own lines; the lesson's variables are theirs.
///
/// Commands (registered in the session's command table by `registerCommands`):
/// `:lessons :open N :next :back :run :run all :where :lang`.
/// Progress is saved after every step and restored by `start()`.
public final class Tutor {
    public let session: Session
    public let library: LessonLibrary
    public private(set) var language: LessonLanguage
    public private(set) var lessons: [Lesson]
    public private(set) var progress: LearnerProgress
    /// The open lesson (an index into `lessons`) and the cell waiting to run in it.
    public private(set) var position: (lesson: Int, cell: Int)?

    private let store: ProgressStore?
    private var presenter: LessonPresenter
    private var warnings: [String] = []
    private var text: TutorText { presenter.text }

    /// - Parameters:
    ///   - store: where progress is kept; nil keeps it for this session only.
    ///   - style: the terminal's width and whether colour is on.
    public init(session: Session, library: LessonLibrary, language: LessonLanguage,
                store: ProgressStore?, style: TextStyle) throws {
        self.session = session
        self.library = library
        self.language = language
        self.store = store
        self.lessons = try library.lessons(language)
        guard !lessons.isEmpty else { throw LessonLibraryError.empty(library.root) }
        self.presenter = LessonPresenter(style: style, language: language)
        let (progress, warning) = store?.load() ?? (LearnerProgress(), nil)
        self.progress = progress
        if let warning { warnings.append(warning) }
    }

    // MARK: What the learner does

    /// Greets the learner: resumes the lesson they were in (running its earlier
    /// cells quietly, so their variables exist again), or says how to begin.
    public func start() {
        warnings.forEach(warn)
        warnings = []
        guard let id = progress.currentLesson, let index = lessons.firstIndex(where: { $0.id == id }) else {
            write(presenter.prose(text.welcome(lessons: lessons.count, first: lessons.first?.title ?? "")))
            return
        }
        let lesson = lessons[index]
        let cell = min(progress.currentCell, lesson.cells.count)
        position = (index, cell)
        write(text.resuming(lesson: lesson.number, title: lesson.title, cell: cell + 1, of: lesson.cells.count))
        if cell > 0 { restoreVariables(lesson, upTo: cell) }
        showWaiting(withProse: true)
    }

    /// An empty line: runs the waiting cell, or opens the next lesson when the
    /// open one is done (or the first lesson when none is open).
    public func enter() {
        guard let position else {
            open(lessonAt: progress.currentLesson.flatMap { id in lessons.firstIndex { $0.id == id } } ?? 0)
            return
        }
        if position.cell < lessons[position.lesson].cells.count {
            if runWaitingCell() { showWaiting(withProse: true) }
        } else {
            openNextLesson()
        }
    }

    /// `:open N`: the lesson from its beginning.
    public func open(_ name: String) throws {
        guard let index = lessons.firstIndex(where: { LessonLibrary.lesson($0, isNamed: name) }) else {
            throw LessonLibraryError.noSuchLesson(name, available: lessons.map { "\($0.number) \($0.id)" })
        }
        open(lessonAt: index)
    }

    /// `:next`: skips the waiting cell without running it; at the end of a lesson, opens the next one.
    public func next() {
        guard let position else { return enter() }
        guard position.cell < lessons[position.lesson].cells.count else { return openNextLesson() }
        self.position = (position.lesson, position.cell + 1)
        save()
        showWaiting(withProse: true)
    }

    /// `:back`: the previous cell waits again (run it with Enter).
    public func back() {
        guard let position else { return write(text.noLessonOpen) }
        guard position.cell > 0 else { return write(text.atFirstCell) }
        self.position = (position.lesson, position.cell - 1)
        save()
        showWaiting(withProse: false)
    }

    /// `:run`: the waiting cell (as Enter does); `:run all`: every cell left in the lesson.
    public func run(all: Bool) {
        guard let position else { return write(text.noLessonOpen) }
        let lesson = lessons[position.lesson]
        guard position.cell < lesson.cells.count else { return write(text.lessonDone(lesson.number)) }
        if !all {
            if runWaitingCell() { showWaiting(withProse: true) }
            return
        }
        while let current = self.position, current.cell < lesson.cells.count {
            if current.cell > position.cell { write(presenter.preview(lesson.cells[current.cell], of: lesson.cells.count)) }
            if !runWaitingCell() { break }
        }
        showWaiting(withProse: false)
    }

    /// `:where`: the open lesson and cell, and the cell again.
    public func whereAmI() {
        guard let position else { return write(text.noLessonOpen) }
        let lesson = lessons[position.lesson]
        write(presenter.banner(lesson))
        showWaiting(withProse: false)
    }

    /// Where finished exercises are recorded outside the lesson progress
    /// (the exercise checker's own record); `:lessons` takes them in.
    public var finishedExercisesSource: (() -> [String])?

    /// `:lessons`: every lesson with how far the learner got.
    public func listLessons() {
        for name in finishedExercisesSource?() ?? [] where !progress.finishedExercises.contains(name) {
            finishExercise(name)
        }
        write(LessonList.render(lessons, progress: progress, current: position.map { lessons[$0.lesson].id },
                                style: presenter.style, text: text))
    }

    /// `:lang ko`: the same lessons in another language, at the same place.
    public func switchLanguage(to newLanguage: LessonLanguage) throws {
        let reloaded = try library.lessons(newLanguage)
        let openID = position.map { lessons[$0.lesson].id }
        language = newLanguage
        lessons = reloaded
        presenter = LessonPresenter(style: presenter.style, language: newLanguage)
        if let openID, let index = lessons.firstIndex(where: { $0.id == openID }), let cell = position?.cell {
            position = (index, min(cell, lessons[index].cells.count))
            showWaiting(withProse: true)
        } else {
            position = nil
        }
    }

    /// Records a finished exercise (for `:check`) and saves.
    public func finishExercise(_ name: String) {
        progress.finishExercise(name)
        save()
    }

    // MARK: Steps

    private func open(lessonAt index: Int) {
        position = (index, 0)
        save()
        write(presenter.banner(lessons[index]))
        write(presenter.style.apply([.dim], to: text.keys))
        showWaiting(withProse: true)
    }

    private func openNextLesson() {
        guard let position else { return open(lessonAt: 0) }
        guard position.lesson + 1 < lessons.count else { return write(text.allDone) }
        open(lessonAt: position.lesson + 1)
    }

    /// Runs the waiting cell with its output shown as it comes, marks it, records it and moves on.
    /// - Returns: false when Ctrl-C stopped it (it stays the waiting cell).
    private func runWaitingCell() -> Bool {
        guard let position else { return false }
        let lesson = lessons[position.lesson]
        let cell = lesson.cells[position.cell]
        let runner = CellRunner(session: session)
        let echo = session.output
        var outcomes: [ExampleOutcome] = []
        for example in cell.examples {
            if presenter.showsInputs(cell) { write(presenter.input(example)) }
            let outcome = runner.run(example, echo: echo)
            if outcome.interrupted {
                write(text.interrupted)
                return false
            }
            outcomes.append(outcome)
            if let mark = presenter.mark(outcome) { write(mark) }
        }
        if outcomes.allSatisfy({ presenter.mark($0) == nil }) { write(presenter.quietCellMark()) }
        progress.recordCell(cell.index, of: lesson.id, cellCount: lesson.cells.count,
                            matched: !outcomes.contains { $0.isDifferent })
        self.position = (position.lesson, position.cell + 1)
        save()
        return true
    }

    /// Shows the waiting cell (after the prose that leads to it), or the end of the lesson.
    private func showWaiting(withProse: Bool) {
        guard let position else { return }
        let lesson = lessons[position.lesson]
        if withProse {
            let prose = lesson.prose(before: position.cell)
            write(prose.isEmpty ? "" : "\n" + presenter.prose(prose) + "\n")
        }
        if position.cell < lesson.cells.count {
            write(presenter.preview(lesson.cells[position.cell], of: lesson.cells.count))
        } else {
            let next = position.lesson + 1 < lessons.count ? lessons[position.lesson + 1] : nil
            write(text.endOfLesson(lesson.number, nextNumber: next?.number, nextTitle: next?.title))
        }
    }

    /// Runs cells `0..<count` without showing their output, to rebuild the lesson's
    /// variables; Ctrl-C stops it (the cells not run are then missing).
    private func restoreVariables(_ lesson: Lesson, upTo count: Int) {
        write(presenter.style.apply([.dim], to: text.restoring(cells: count)))
        let runner = CellRunner(session: session)
        var failures = 0
        for cell in lesson.cells.prefix(count) {
            let outcome = runner.run(cell)
            if outcome.examples.contains(where: \.interrupted) {
                return write(text.restoringStopped(at: cell.index + 1))
            }
            if !outcome.matches { failures += 1 }
        }
        write(presenter.style.apply([.dim], to: text.restored(failures: failures)))
    }

    private func save() {
        if let position {
            progress.currentLesson = lessons[position.lesson].id
            progress.currentCell = position.cell
        }
        guard let store else { return }
        do {
            try store.save(progress)
        } catch {
            warn(text.cannotSave(String(describing: error)))
        }
    }

    private func write(_ message: String) {
        session.write(message)
    }

    private func warn(_ message: String) {
        session.write(presenter.style.apply([.yellow], to: "warning: " + message))
    }
}

extension Tutor {
    /// Adds `:lessons :open :next :back :run :where :lang` to the session's commands.
    /// The commands hold the tutor weakly; the caller keeps it alive.
    public func registerCommands() {
        session.commands.register(commands())
    }

    func commands() -> [Command] {
        [
            Command("lessons", summary: "the lessons, with how far you got",
                    help: "Lists every lesson with the cells you have run and a ✓ for the finished ones; ▶ marks the open lesson. :open N opens one.") { [weak self] _, _ in
                try self.required().listLessons()
                return .done
            },
            Command("open", arguments: "N", summary: "open lesson N (a number or a name)",
                    help: "Opens a lesson from its beginning: :open 3, :open forward. Press Enter to run each cell in turn.") { [weak self] _, argument in
                guard !argument.isEmpty else { throw InterpreterError(.command, "usage: :open N (:lessons lists them)") }
                do {
                    try self.required().open(argument)
                } catch let error as LessonLibraryError {
                    throw InterpreterError(.command, error.description)
                }
                return .done
            },
            Command("next", summary: "skip the waiting cell (at a lesson's end: the next lesson)",
                    help: "Moves on without running the waiting cell. At the end of a lesson it opens the next lesson, as Enter does.") { [weak self] _, _ in
                try self.required().next()
                return .done
            },
            Command("back", summary: "go back one cell",
                    help: "Makes the previous cell the waiting one again; Enter runs it once more.") { [weak self] _, _ in
                try self.required().back()
                return .done
            },
            Command("run", arguments: "[all]", summary: "run the waiting cell (Enter does the same); :run all runs the rest",
                    help: "Runs the waiting cell and shows whether its output matches the lesson. :run all runs every cell left in the lesson, one after another.") { [weak self] _, argument in
                guard argument.isEmpty || argument == "all" else { throw InterpreterError(.command, "usage: :run or :run all") }
                try self.required().run(all: argument == "all")
                return .done
            },
            Command("where", summary: "which lesson and cell you are at",
                    help: "Shows the open lesson, its file, and the cell waiting to run.") { [weak self] _, _ in
                try self.required().whereAmI()
                return .done
            },
            Command("lang", arguments: "en|ko", summary: "show the lessons in English or Korean",
                    help: "Switches the lessons' language, keeping your place: the cells are the same in both.") { [weak self] _, argument in
                guard let language = LessonLanguage(rawValue: argument) else {
                    throw InterpreterError(.command, "usage: :lang en or :lang ko")
                }
                do {
                    try self.required().switchLanguage(to: language)
                } catch let error as LessonFormatError {
                    throw InterpreterError(.file, error.description)
                }
                return .done
            },
        ]
    }
}

private extension Optional where Wrapped == Tutor {
    func required() throws -> Tutor {
        guard let self else { throw InterpreterError(.command, "the lessons are not loaded in this session") }
        return self
    }
}
