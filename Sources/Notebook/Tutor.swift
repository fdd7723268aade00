import Interpreter
import Support

/// The lessons inside the REPL. It shows a lesson's prose and its next cell;
/// an empty line (Enter) runs that cell in the learner's session, marks each
/// output as matching the lesson or not, and shows what comes next. Between
/// cells the learner types their own lines; the lesson's variables are theirs.
///
/// A your-turn cell waits for the learner's own line instead: what they type is
/// compared with the lesson's answer (see `YourTurn`), and a right answer moves on.
///
/// Commands (registered in the session's command table by `registerCommands`):
/// `:lessons :open N :next :skip :back :run :run all :where :hint :compare :lang`.
/// Progress is saved after every step and restored by `start()`.
public final class Tutor {
    public let session: Session
    public let library: LessonLibrary
    public private(set) var language: LessonLanguage
    public private(set) var lessons: [Lesson]
    public private(set) var progress: LearnerProgress
    /// The open lesson (an index into `lessons`) and the cell waiting to run in it.
    public private(set) var position: (lesson: Int, cell: Int)?

    /// Where progress is saved; nil keeps it for this session only (also when the saved
    /// file cannot be used: it is left for the learner to correct).
    private let store: ProgressStore?
    private var presenter: LessonPresenter
    private var warnings: [String] = []
    /// How many hints of each your-turn cell have been shown, by lesson id and cell.
    private var hintsShown: [String: Int] = [:]
    /// The exercises' `:hint NAME`, registered before the tutor's `:hint`, which hands a name on to it.
    private var exerciseHint: Command?
    /// The exercises behind the lessons' exercise cells; nil runs every cell on the builtins.
    /// They speak the lessons' language from the moment they are linked.
    public var exerciseLink: ExerciseLink? {
        didSet { exerciseLink?.useLanguage(language) }
    }
    /// The exercises whose builtin already runs the learner's function.
    private var learnersFunctionsInUse: Set<String> = []
    private var text: TutorText { presenter.text }

    /// - Parameters:
    ///   - store: where progress is kept; nil keeps it for this session only.
    ///   - style: the terminal's width and whether colour is on.
    public init(session: Session, library: LessonLibrary, language: LessonLanguage,
                store: ProgressStore?, style: TextStyle) throws {
        self.session = session
        self.library = library
        self.language = language
        session.language = language
        self.lessons = try library.lessons(language)
        guard !lessons.isEmpty else { throw LessonLibraryError.empty(library.root) }
        self.presenter = LessonPresenter(style: style, language: language)
        switch store?.load() ?? .success(LearnerProgress()) {
        case .success(let progress):
            self.progress = progress
            self.store = store
        case .failure(let problem):
            self.progress = LearnerProgress()
            self.store = nil
            warnings.append(problem.description + "; until then this session's lesson progress is not saved")
        }
    }

    // MARK: What the learner does

    /// Greets the learner: resumes the lesson they were in (running its earlier
    /// cells quietly, so their variables exist again), or says how to begin.
    public func start() {
        warnings.forEach(warn)
        warnings = []
        guard let id = progress.currentLesson, let index = lessons.firstIndex(where: { $0.id == id }) else {
            write(presenter.prose(text.welcome(lessons: lessons.count, first: lessons.first?.title ?? "",
                                               exercises: lessons.flatMap(\.exercises).count)))
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
        if let turn = waitingYourTurn {
            checkKeptAnswer(turn)
        } else if position.cell < lessons[position.lesson].cells.count {
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

    /// `:next` and `:skip`: the waiting cell's lines run quietly (a your-turn cell's answer
    /// too) and the variables they made are named, so that later cells find them; at the
    /// end of a lesson, opens the next one.
    public func next() {
        guard let position else { return enter() }
        let lesson = lessons[position.lesson]
        guard position.cell < lesson.cells.count else { return openNextLesson() }
        let cell = lesson.cells[position.cell]
        let outcome = CellRunner(session: session).run(cell)
        if outcome.examples.contains(where: \.interrupted) { return write(text.interrupted) }
        for failure in outcome.examples where failure.failed {
            write(text.skippedLineFailed(failure.example.source))
            session.output(failure.actual, .error)
        }
        var made: [String] = []
        for name in cell.examples.flatMap({ AssignedNames.of($0.source, in: session) }) where !made.contains(name) {
            made.append(name)
        }
        write(presenter.style.apply([.dim], to: text.skipped(cell: cell.index + 1, made: made)))
        finish(cell, of: lesson, matched: outcome.matches)
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
        while let current = self.position, current.cell < lesson.cells.count, lesson.cells[current.cell].yourTurn == nil {
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

    /// `:lessons`: every lesson with how far the learner got, and the exercises finished.
    public func listLessons() {
        write(LessonList.render(lessons, progress: progress, finishedExercises: exerciseLink?.finished() ?? [],
                                current: position.map { lessons[$0.lesson].id }, style: presenter.style, text: text))
    }

    /// Keeps the language with the progress, for the next start without `--lang`.
    public func rememberLanguage() {
        progress.language = language
        save()
    }

    /// `:lang ko`: the same lessons in another language, at the same place; remembered.
    public func switchLanguage(to newLanguage: LessonLanguage) throws {
        let reloaded = try library.lessons(newLanguage)
        let openID = position.map { lessons[$0.lesson].id }
        language = newLanguage
        session.language = newLanguage
        exerciseLink?.useLanguage(newLanguage)
        rememberLanguage()
        lessons = reloaded
        presenter = LessonPresenter(style: presenter.style, language: newLanguage)
        session.commands.register(commands())
        if let openID, let index = lessons.firstIndex(where: { $0.id == openID }), let cell = position?.cell {
            position = (index, min(cell, lessons[index].cells.count))
            showWaiting(withProse: true)
        } else {
            position = nil
        }
    }

    // MARK: Your-turn cells

    /// The waiting cell, when it is a your-turn cell.
    private var waitingYourTurn: YourTurnAnswer? {
        guard let position, position.cell < lessons[position.lesson].cells.count else { return nil }
        return YourTurnAnswer(lessons[position.lesson].cells[position.cell], in: session)
    }

    /// A line typed while a your-turn cell waits (the session's line interceptor). A value
    /// for the cell (an expression, or an assignment to the name it asks for) is compared
    /// with the lesson's answer; a right one moves the lesson on, a wrong one leaves the
    /// random generator where it was, so the lesson's later draws stay the lesson's. Nil leaves
    /// the line to the session: other assignments, loops, and anything while no your-turn
    /// cell waits.
    func answer(_ source: String) -> RunOutcome? {
        guard let turn = waitingYourTurn, let program = try? session.parse(source),
              let line = AnswerLine(program), line.target == nil || line.target == turn.target else { return nil }
        let expected: Value
        do {
            expected = try turn.expected(in: session)
        } catch {
            write(text.answerUnavailable(InterpreterError.wrapping(error).message))
            return nil
        }
        let generator = session.random
        let actual: Value
        do {
            if let target = line.target {
                try session.execute(program)
                actual = session[variable: target] ?? .none
            } else {
                actual = try session.evaluate(line.expression)
                session.echo(actual)
                guard YourTurnAnswer.isComparable(actual) else { return .success }
            }
        } catch {
            session.random = generator
            let error = InterpreterError.wrapping(error)
            if error.kind == .exit { return .quit }
            session.report(error, source: source)
            return .failure
        }
        if !judge(actual, expected: expected, turn: turn) { session.random = generator }
        return .success
    }

    /// Enter at a your-turn cell: the value kept under the cell's name is checked, when
    /// there is one; otherwise the task is said again.
    private func checkKeptAnswer(_ turn: YourTurnAnswer) {
        guard let target = turn.target, let kept = session[variable: target] else {
            return write(text.waitingForAnswer(target: turn.target))
        }
        do {
            judge(kept, expected: try turn.expected(in: session), turn: turn)
        } catch {
            write(text.answerUnavailable(InterpreterError.wrapping(error).message))
        }
    }

    /// Says whether the learner's value is the lesson's, with `:check`'s diagnoses when it is
    /// not; a right one is kept under the cell's name and the rest of the cell runs. True
    /// when it is right.
    @discardableResult
    private func judge(_ actual: Value, expected: Value, turn: YourTurnAnswer) -> Bool {
        if let differences = turn.differences(actual, expected: expected, language: language) {
            write(presenter.style.apply([.red, .bold], to: "✗ " + text.notYet))
            differences.forEach { write("  " + $0) }
            write(presenter.style.apply([.dim], to: text.tryAgain))
            return false
        }
        if let target = turn.target { session[variable: target] = actual }
        write(presenter.style.apply([.green], to: "✓ " + text.right(target: turn.target, YourTurnAnswer.summary(actual))))
        guard let position, let outcomes = runExamples(turn.cell.examples.dropFirst(), of: turn.cell) else { return true }
        finish(turn.cell, of: lessons[position.lesson], matched: !outcomes.contains { $0.isDifferent })
        showWaiting(withProse: true)
        return true
    }

    /// `:hint`: the waiting your-turn cell's next hint. False when no your-turn cell waits.
    public func hint() -> Bool {
        guard let position, let turn = waitingYourTurn else { return false }
        let key = "\(lessons[position.lesson].id)/\(position.cell)"
        let shown = hintsShown[key] ?? 0
        let hints = turn.yourTurn.hints
        guard shown < hints.count else {
            write(text.noMoreHints(hints.count))
            return true
        }
        write(text.hint(shown + 1, of: hints.count, hints[shown]))
        hintsShown[key] = shown + 1
        return true
    }

    /// `:compare EXPR`: the expression's value held against the waiting cell's expected
    /// output: a your-turn cell's answer as `:check` compares, any other cell's last
    /// compared output as the lesson compares it.
    public func compare(_ source: String) throws {
        guard let position, position.cell < lessons[position.lesson].cells.count else { return write(text.nothingToCompare) }
        let cell = lessons[position.lesson].cells[position.cell]
        if let turn = YourTurnAnswer(cell, in: session) {
            let expected = try turn.expected(in: session)
            let actual = try session.evaluate(source)
            guard let differences = turn.differences(actual, expected: expected, language: language) else {
                return write(presenter.style.apply([.green], to: "✓ " + text.compareMatches))
            }
            write(presenter.style.apply([.red, .bold], to: "✗ " + text.compareDiffers))
            return differences.forEach { write("  " + $0) }
        }
        guard let example = cell.examples.last(where: { !$0.expected.isEmpty && $0.check != .notCompared }),
              case .compared(let tolerance) = example.check else { return write(text.nothingToCompare) }
        // The value is shown as the cell shows its own: with str where the cell prints it, else its repr.
        let value = try session.evaluate(source)
        let printsIt = example.lines.first?.trimmingCharacters(in: .whitespaces).hasPrefix("print(") ?? false
        let actual = printsIt ? value.str : value.echoText ?? ""
        guard let mismatch = OutputComparison.difference(actual: actual, expected: example.expectedText, tolerance: tolerance) else {
            return write(presenter.style.apply([.green], to: "✓ " + text.compareMatches))
        }
        write(presenter.style.apply([.red, .bold], to: "✗ " + text.compareDiffers) + " " + mismatch.description)
        write(presenter.style.apply([.dim], to: text.lessonExpects))
        example.expected.forEach { write("    " + $0) }
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
    /// A your-turn cell waits for the learner's answer instead.
    /// - Returns: false when the cell stays the waiting one (Ctrl-C stopped it, or it is a your-turn cell).
    private func runWaitingCell() -> Bool {
        guard let position else { return false }
        let lesson = lessons[position.lesson]
        let cell = lesson.cells[position.cell]
        if let turn = waitingYourTurn {
            checkKeptAnswer(turn)
            return false
        }
        useFinishedExercises(upTo: cell, of: lesson)
        guard let outcomes = runExamples(cell.examples[...], of: cell) else { return false }
        finish(cell, of: lesson, matched: !outcomes.contains { $0.isDifferent })
        return true
    }

    // MARK: Exercise cells

    /// The exercises the lesson points to before this cell: where to write each, and
    /// whether it is done.
    private func showExercises(before cell: Cell) {
        guard let exerciseLink else { return }
        for name in cell.exercises {
            write(presenter.exerciseNote(name, file: exerciseLink.file(name), finished: exerciseLink.finished().contains(name)))
        }
    }

    /// The exercises pointed to up to this cell that pass their checks: from here on the
    /// cells run their builtins on the learner's functions, which is said once for each.
    private func useFinishedExercises(upTo cell: Cell, of lesson: Lesson) {
        guard let exerciseLink else { return }
        for name in lesson.cells.prefix(cell.index + 1).flatMap(\.exercises)
        where !learnersFunctionsInUse.contains(name) && exerciseLink.finished().contains(name) {
            guard let builtin = exerciseLink.useLearnersFunction(name) else { continue }
            learnersFunctionsInUse.insert(name)
            write(presenter.style.apply([.green], to: "✓ " + text.runsYourFunction(name, builtin: builtin)))
        }
    }

    /// Runs examples of a cell with their output shown as it comes, and marks each.
    /// - Returns: nil when Ctrl-C stopped them.
    private func runExamples(_ examples: ArraySlice<Example>, of cell: Cell) -> [ExampleOutcome]? {
        let runner = CellRunner(session: session)
        let echo = session.output
        var outcomes: [ExampleOutcome] = []
        for example in examples {
            if presenter.showsInputs(cell) { write(presenter.input(example)) }
            let outcome = runner.run(example, echo: echo)
            if outcome.interrupted {
                write(text.interrupted)
                return nil
            }
            outcomes.append(outcome)
            if let mark = presenter.mark(outcome) { write(mark) }
        }
        if !examples.isEmpty, outcomes.allSatisfy({ presenter.mark($0) == nil }) { write(presenter.quietCellMark()) }
        return outcomes
    }

    /// Records the cell as run and makes the next one wait.
    private func finish(_ cell: Cell, of lesson: Lesson, matched: Bool) {
        guard let position else { return }
        progress.recordCell(cell.index, of: lesson.id, cellCount: lesson.cells.count, matched: matched)
        self.position = (position.lesson, position.cell + 1)
        save()
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
            showExercises(before: lesson.cells[position.cell])
            write(presenter.preview(lesson.cells[position.cell], of: lesson.cells.count, target: waitingYourTurn?.target))
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
    /// Adds `:lessons :open :next :skip :back :run :where :hint :compare :lang` to the
    /// session's commands, their help in the lessons' language (`:lang` registers them
    /// again). The commands hold the tutor weakly; the caller keeps it alive.
    /// A waiting your-turn cell sees the learner's lines first (`answer`).
    public func registerCommands() {
        if exerciseHint == nil { exerciseHint = session.commands["hint"] }
        session.commands.register(commands())
        session.lineInterceptor = { [weak self] line in self?.answer(line) }
    }

    func commands() -> [Command] {
        let text = self.text, exerciseHint = self.exerciseHint
        func command(_ name: String, arguments: String = "", run: @escaping Command.Body) -> Command {
            let words = text.command(name)
            return Command(name, arguments: arguments, summary: words.summary, help: words.help, run: run)
        }
        return [
            command("lessons") { [weak self] _, _ in
                try self.required().listLessons()
                return .done
            },
            command("open", arguments: "N") { [weak self] _, argument in
                guard !argument.isEmpty else { throw InterpreterError(.command, text.usage("open")) }
                do {
                    try self.required().open(argument)
                } catch let error as LessonLibraryError {
                    throw InterpreterError(.command, error.description)
                }
                return .done
            },
            command("next") { [weak self] _, _ in
                try self.required().next()
                return .done
            },
            command("skip") { [weak self] _, _ in
                try self.required().next()
                return .done
            },
            command("back") { [weak self] _, _ in
                try self.required().back()
                return .done
            },
            command("run", arguments: "[all]") { [weak self] _, argument in
                guard argument.isEmpty || argument == "all" else { throw InterpreterError(.command, text.usage("run")) }
                try self.required().run(all: argument == "all")
                return .done
            },
            command("where") { [weak self] _, _ in
                try self.required().whereAmI()
                return .done
            },
            command("hint", arguments: "[NAME]") { [weak self] session, argument in
                if argument.isEmpty, try self.required().hint() { return .done }
                guard let exerciseHint, !argument.isEmpty else { throw InterpreterError(.command, text.usage("hint")) }
                return try exerciseHint.run(session, argument)
            },
            command("compare", arguments: "EXPR") { [weak self] _, argument in
                guard !argument.isEmpty else { throw InterpreterError(.command, text.usage("compare")) }
                try self.required().compare(argument)
                return .done
            },
            command("lang", arguments: "en|ko") { [weak self] _, argument in
                guard let language = LessonLanguage(rawValue: argument) else {
                    throw InterpreterError(.command, text.usage("lang"))
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
