// Interpreter: the notebook language. Lexer and Parser turn a line or a script into a
// syntax tree (AST) whose nodes keep their source spans; Session runs it with numpy's
// semantics (Operators, Value) and a table of builtins and `:` commands (Builtins+*,
// Commands) that bind Tensor, Datasets, Network and Plots; Workspace and WorkspaceArchive
// save and restore the learner's variables. Errors name the line and the column.
//
// It leaves the arithmetic to Tensor, training to Network's Trainer, and the lessons and the
// exercises to Notebook and the course, which register their commands into a Session.

import Foundation
import Network
import Support
import Tensor

/// How a piece of output is meant; the front end chooses colours by it.
public enum OutputStyle: Sendable {
    /// The echoed value of an expression.
    case result
    /// What `print` and commands write.
    case text
    /// An error report.
    case error
    /// A warning (numpy's `RuntimeWarning: overflow encountered in exp`): what Python writes to
    /// standard error and goes on; a notebook shows it as the cell's stderr.
    case warning
}

/// What running a line came to.
public enum RunOutcome: Equatable, Sendable {
    case success
    /// An error was reported; the workspace is as it was before the failing statement.
    case failure
    /// `:quit` was given.
    case quit
}

/// One REPL session: the workspace of variables, numpy's global random state,
/// the builtin and command tables, and where output goes.
///
/// Other modules add to it: `session.builtins.register(Builtin(…))` for new
/// functions, `session.commands.register(Command(…))` for new `:commands`.
public final class Session {
    /// The learner's variables.
    public private(set) var variables: [String: Value] = [:]
    /// The session-wide generator behind `randn`, `rand`, `randint`, `permutation`
    /// and `choice`, like numpy's global `np.random` state; `seed(n)` resets it.
    public var random: NumpyRandom
    public let builtins: BuiltinTable
    public let commands: CommandTable
    /// Names that are always defined (`np`, `pi`, `newaxis` …); variables may shadow them.
    public var constants: [String: Value] = [:]
    /// What `fit`'s steps compute when not the engine's network: `:use mine` sets it
    /// to train with the learner's own exercise functions.
    public var learnerStep: LearnerStep?
    /// The last source parsed and its program (see `parse`).
    private var lastParse: (source: String, program: Program)?
    /// The folder `mlplab --data DIR` named: where `load("mnist")` and
    /// `load("fashion-mnist")` find their IDX files (nil: the usual places).
    public var dataFolder: String?
    /// The learner's language (the lessons', `--lang` or `:lang`): the words builtins print
    /// of their own, such as the running-loss lines of `fit(..., eval_interval=10)`.
    public var language = LessonLanguage.en

    /// What `plt.plot`, `plt.imshow` … have added since the last `plt.show()`.
    var figure = Figure()
    /// The object types `:load` can read, by archive kind (see `registerArchivable`).
    var archivableTypes: [String: (Data) throws -> any ScriptObject] = [:]
    /// The call being run, whose local variables names resolve to first; nil at the top level.
    var frame: Frame?
    /// How many loop, `if` and `with` blocks the running statement is inside (see `executeBody`).
    private var blockDepth = 0
    /// Text printed with an `end` other than a newline, waiting for the rest of its line.
    private var unfinishedLine: String?
    /// The warnings given while running the current input, each given only once.
    private var warningsGiven: Set<String> = []
    /// How many calls of functions defined with `def` are under way.
    var callDepth = 0
    /// Receives every piece of output, one message at a time, without a trailing newline.
    public var output: (String, OutputStyle) -> Void
    /// Sees each line typed at the prompt (not a `:command`, not a script's line) before
    /// it runs, and may run it itself: a lesson's your-turn cell takes the answers meant
    /// for it. Returns nil to leave the line to the session.
    public var lineInterceptor: ((String) -> RunOutcome?)?
    /// Called with each error just before its report goes to `output`: a front end that shows
    /// an error in parts (the Jupyter kernel: its kind, its message, the report) reads it here.
    public var onError: ((InterpreterError) -> Void)?
    /// Receives each picture (`show`, `grid`, `plot`, `weights`, `boundary`) as PNG bytes with its
    /// terminal drawing, instead of the drawing going to `output`; set by front ends that show images.
    public var pictureOutput: ((_ png: [UInt8], _ text: String) -> Void)?
    /// Draws training's progress line in place: called with the line's new text, and with nil when
    /// training ends and the line goes away. Nil: a terminal's standard error shows it (see
    /// `ProgressReporter`); the Jupyter kernel sets it to redraw one line of the cell's output.
    public var progressLine: ((String?) -> Void)?
    /// Clears what the running cell has shown (`clear_output`); with `wait`, only once the next
    /// output arrives. Nil where there is nothing to clear (the terminal, a script).
    public var clearOutput: ((_ wait: Bool) -> Void)?

    /// A session with the core builtins and commands, writing to standard output.
    public init(output: @escaping (String, OutputStyle) -> Void = Session.standardOutput) {
        self.output = output
        random = NumpyRandom(seed: UInt32.random(in: .min ... .max))
        builtins = BuiltinTable()
        commands = CommandTable()
        builtins.register(CoreBuiltins.all)
        commands.register(CoreCommands.all)
        constants = CoreBuiltins.constants(builtins)
        registerArchivable(NetworkObject.self)
        registerArchivable(HistoryObject.self)
        archivableTypes[WorkspaceArchive.moduleKind] = { [unowned self] data in
            try importedModule(named: String(decoding: data, as: UTF8.self))
        }
    }

    /// Warnings to standard error, everything else to standard output.
    public static func standardOutput(_ text: String, _ style: OutputStyle) {
        guard style == .warning else { return Swift.print(text) }
        fflush(stdout)
        try? FileHandle.standardError.write(contentsOf: Data((text + "\n").utf8))  // a closed terminal is no crash
    }

    // MARK: The workspace

    public subscript(variable name: String) -> Value? {
        get { variables[name] }
        set { variables[name] = newValue }
    }

    /// Removes a variable; false if there was none of that name.
    @discardableResult
    public func removeVariable(_ name: String) -> Bool {
        variables.removeValue(forKey: name) != nil
    }

    public func removeAllVariables() {
        variables.removeAll()
    }

    /// Every name a line may use: variables, builtins and constants.
    public var knownNames: [String] {
        Array(Set(variables.keys).union(builtins.names).union(constants.keys)).sorted()
    }

    /// A variable, builtin or constant by name.
    public func lookup(_ name: String) -> Value? {
        if let value = variables[name] { return value }
        if let builtin = builtins[name] { return .function(builtin) }
        return constants[name]
    }

    // MARK: Running lines

    /// Runs one line as the REPL does: a `:command`, or statements. Output and
    /// errors go to `output`; no error escapes. With a `location` (the line comes
    /// from a script file), errors start with `FILE:LINE:`.
    @discardableResult
    public func run(_ line: String, from location: ScriptLocation? = nil) -> RunOutcome {
        defer { finishLine() }
        return runLeavingLineOpen(line, from: location)
    }

    /// Runs a line; a line left open by `print(…, end="")` stays open (a script goes on with it).
    func runLeavingLineOpen(_ line: String, from location: ScriptLocation? = nil) -> RunOutcome {
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        if trimmed.hasPrefix(":") { return runCommand(String(trimmed.dropFirst()), from: location) }
        if trimmed.hasPrefix("%") { return runMagic(String(trimmed.dropFirst()), from: location) }
        if location == nil, let outcome = lineInterceptor?(line) { return outcome }
        do {
            try execute(try parse(line))
            return .success
        } catch let error as InterpreterError where error.kind == .exit {
            return .quit
        } catch {
            finishLine()
            report(error, source: line, from: location)
            return .failure
        }
    }

    /// Parses source once; the program can then be run any number of times. The last
    /// program is kept, so that a line is parsed once when the REPL first asks whether it
    /// is complete (`needsMoreInput`) and then runs it.
    public func parse(_ source: String) throws -> Program {
        if let lastParse, lastParse.source == source { return lastParse.program }
        let program = try Parser.parse(source)
        lastParse = (source, program)
        return program
    }

    /// Runs a parsed program statement by statement, echoing expression values.
    /// A statement that fails changes nothing; the ones before it stay done.
    public func execute(_ program: Program) throws {
        Interrupt.clear()
        warningsGiven = []
        for statement in program.statements {
            try execute(statement)
        }
    }

    /// The value of one expression, without echoing it.
    public func evaluate(_ source: String) throws -> Value {
        let program = try parse(source)
        guard program.statements.count == 1, case .expression(let expr) = program.statements[0] else {
            throw InterpreterError(.syntax, "expected a single expression")
        }
        return try value(of: expr)
    }

    /// The value of an expression already parsed (from `parse`), without echoing it.
    public func evaluate(_ expression: Expr) throws -> Value {
        try value(of: expression)
    }

    /// Shows a value as an expression statement at the prompt echoes it (`none` shows nothing).
    public func echo(_ value: Value) {
        guard let text = value.echoText else { return }
        finishLine()
        output(text, .result)
    }

    /// Writes an error as the REPL shows it, pointing into `source` (which starts at `location` in a script file).
    public func report(_ error: Error, source: String, from location: ScriptLocation? = nil) {
        let error = InterpreterError.wrapping(error)
        onError?(error)
        output(location.map { render(error, source: source, from: $0) } ?? render(error, source: source), .error)
    }

    /// Writes a warning, once for each input run: a loop that overflows on every pass warns
    /// once, as Python shows a warning once for each line of code.
    public func warn(_ text: String) {
        guard warningsGiven.insert(text).inserted else { return }
        finishLine()
        output(text, .warning)
    }

    /// Writes text as command or `print` output.
    public func write(_ text: String) {
        finishLine()
        output(text, .text)
    }

    /// `print`'s text, which ends a line only where it holds a newline
    /// (`print(x, end="")` leaves the line open for the next print).
    func print(_ text: String) {
        let line = (unfinishedLine ?? "") + text
        unfinishedLine = nil
        if line.hasSuffix("\n") { output(String(line.dropLast()), .text) } else { unfinishedLine = line }
    }

    /// Writes out a line that `print(…, end="")` left open.
    func finishLine() {
        guard let line = unfinishedLine else { return }
        unfinishedLine = nil
        output(line, .text)
    }

    private func runCommand(_ text: String, from location: ScriptLocation?) -> RunOutcome {
        let name = String(text.prefix { !$0.isWhitespace })
        let argument = text.dropFirst(name.count).trimmingCharacters(in: .whitespaces)
        do {
            guard let command = commands[name] else {
                var message = "unknown command ':\(name)'"
                if let suggestion = closestName(to: name, among: commands.names) {
                    message += "; did you mean ':\(suggestion)'?"
                }
                throw InterpreterError(.command, message + " (:help lists the commands)")
            }
            Interrupt.clear()
            return try command.run(self, argument) == .quit ? .quit : .success
        } catch {
            report(error, source: argument, from: location)
            return .failure
        }
    }

    /// IPython's line magics that course notebooks use: `%matplotlib inline` and `%config …`
    /// need nothing here (pictures are drawn where the session is), `%time` and `%timeit` are `:time`.
    private func runMagic(_ text: String, from location: ScriptLocation?) -> RunOutcome {
        let name = String(text.prefix { !$0.isWhitespace })
        switch name {
        case "matplotlib", "config":
            return .success
        case "time", "timeit":
            return runCommand("time" + text.dropFirst(name.count), from: location)
        default:
            let error = InterpreterError(.command, "IPython's %\(name) is not in mlplab; its commands start with ':' (:help lists them)")
            report(error, source: "%" + text, from: location)
            return .failure
        }
    }

    // MARK: Statements

    /// How a statement ended: normally, or leaving its loop or function early.
    enum Completion {
        case normal
        case breakLoop
        case continueLoop
        case returned(Value)
    }

    @discardableResult
    func execute(_ statement: Statement) throws -> Completion {
        try Interrupt.check()
        switch statement {
        case .expression(let expr):
            let value = try value(of: expr)
            if frame == nil && blockDepth == 0 { echo(value) }
        case .assign(let targets, let valueExpr, _):
            try assign(try value(of: valueExpr), to: targets)
        case .augmented(let target, let op, let valueExpr, let span):
            let current = try value(of: target)
            let operand = try value(of: valueExpr)
            let result = try locating(span) { try operate(op, current, operand) }
            // An array is changed in place, so every name for it sees the change
            // (`params[i] -= lr * grads[i]` updates the layer's own weights); numbers,
            // strings, lists and numpy scalars (0-d) get a new value, and elements of an
            // array (`dx[i, t] -= 1`) are stored back into it.
            if case .tensor(var array) = current, array.ndim > 0, case .tensor(let computed) = result,
               try !isArrayElement(target) {
                try locating(span) { try array.storeShared(computed, operation: "\(op.rawValue)=") }
            } else {
                try assign(result, to: [target])
            }
        case .loop(let targets, let sequence, let body, let span):
            let items = try locating(span) { try Operators.iterate(try value(of: sequence)) }
            for item in items {
                try assign(item, to: targets)
                switch try executeBody(body) {
                case .normal, .continueLoop: continue
                case .breakLoop: return .normal
                case .returned(let value): return .returned(value)
                }
            }
        case .whileLoop(let condition, let body):
            while try truth(of: condition) {
                try Interrupt.check()
                switch try executeBody(body) {
                case .normal, .continueLoop: continue
                case .breakLoop: return .normal
                case .returned(let value): return .returned(value)
                }
            }
        case .branches(let branches, let otherwise):
            for branch in branches where try truth(of: branch.condition) {
                return try executeBody(branch.body)
            }
            return try executeBody(otherwise)
        case .with(let context, let target, let body, _):
            let value = try value(of: context)
            defer { if case .object(let object) = value { (object as? ClosableObject)?.close() } }
            if let target { try assign(value, to: [target]) }
            return try executeBody(body)
        case .breakLoop: return .breakLoop
        case .continueLoop: return .continueLoop
        case .pass: break
        case .assert(let condition, let message, let span):
            guard try truth(of: condition) else {
                let text = try message.map { try value(of: $0).str }
                throw InterpreterError(.assertion, text ?? "assert failed", at: span)
            }
        case .returnValue(let expr):
            return .returned(try expr.map { try value(of: $0) } ?? .none)
        case .function(let definition):
            bind(definition.name, .object(try makeFunction(definition)))
        case .classDefinition(let definition):
            bind(definition.name, .object(try makeClass(definition)))
        case .importModule(let module):
            try importModule(module)
        }
        return .normal
    }

    /// Runs the block of a loop, an `if` or a `with`. An expression standing alone in it is
    /// not echoed, as in a notebook cell: `model.backward()` in a training loop shows nothing.
    private func executeBody(_ body: [Statement]) throws -> Completion {
        blockDepth += 1
        defer { blockDepth -= 1 }
        return try execute(body)
    }

    /// True for a target that indexes into an array (`x[0]`, `x[mask]`): its value is a new
    /// array made from the elements, not the array a name holds.
    private func isArrayElement(_ target: Expr) throws -> Bool {
        guard case .index(let base, _) = target.kind else { return false }
        return try value(of: base).isTensor
    }

    /// Runs a block, stopping at the first `break`, `continue` or `return`.
    func execute(_ block: [Statement]) throws -> Completion {
        for statement in block {
            let completion = try execute(statement)
            if case .normal = completion { continue }
            return completion
        }
        return .normal
    }

    /// The truth of a condition, as `if` and `while` test it.
    func truth(of condition: Expr) throws -> Bool {
        let v = try value(of: condition)
        return try locating(condition.span) { try Operators.truth(v) }
    }

    /// Binds `value` to the targets (unpacking it when there are several). Nothing
    /// is stored unless every target can take its part.
    func assign(_ value: Value, to targets: [Expr]) throws {
        if targets.count == 1 {
            switch targets[0].kind {
            case .local(_, let slot):
                frame?.slots[slot] = value
                return
            case .name(let name):
                bind(name, value)
                return
            default: break
            }
        }
        let parts: [Value]
        if targets.count == 1 {
            parts = [value]
        } else {
            let span = targets.first!.span.union(targets.last!.span)
            parts = try locating(span) { try Operators.unpack(value, count: targets.count) }
        }
        if targets.count == 1, case .index(let base, let subscripts) = targets[0].kind,
           let name = base.variableName, isBound(name) {
            try assignInPlace(parts[0], to: name, subscripts, span: targets[0].span)
            return
        }
        var staged: [String: Value] = [:]
        for (target, part) in zip(targets, parts) {
            try store(part, into: target, staged: &staged)
        }
        for (name, value) in staged { bind(name, value) }
    }

    /// `x[…] = value` for a variable `x`: the elements are written without copying
    /// the tensor first (it is moved out of its variable and back). The indices
    /// are computed before the move, since they may read `x` (`g[g < 0] = 0`).
    private func assignInPlace(_ value: Value, to name: String, _ subscripts: [Subscript], span: SourceSpan) throws {
        let indices = try subscripts.map { try indexValue($0) }
        if let frame, let slot = frame.slot(of: name) {
            guard var container = frame.slots[slot] else { return }
            frame.slots[slot] = nil
            defer { frame.slots[slot] = container }
            try locating(span) { try Operators.setItem(&container, indices, value) }
            return
        }
        guard var container = variables.removeValue(forKey: name) else { return }
        defer { variables[name] = container }
        try locating(span) { try Operators.setItem(&container, indices, value) }
    }

    /// Gives a variable a value: a local of the running call, else the variable
    /// of an enclosing call that has the name, else a global.
    func bind(_ name: String, _ value: Value) {
        var scope = frame
        while let current = scope {
            if let slot = current.slot(of: name), scope === frame || current.slots[slot] != nil {
                current.slots[slot] = value
                return
            }
            scope = current.function.enclosing
        }
        variables[name] = value
    }

    /// True when `name` is a local of the running call that has a value, or a global variable.
    private func isBound(_ name: String) -> Bool {
        if let frame, let slot = frame.slot(of: name) { return frame.slots[slot] != nil }
        return variables[name] != nil
    }

    /// The value of a name: a local of the running call, a variable of an
    /// enclosing call, a global variable, a builtin or a constant.
    func variable(_ name: String, at span: SourceSpan) throws -> Value {
        if let frame, let slot = frame.slot(of: name) {
            guard let value = frame.slots[slot] else { throw unboundLocal(name, at: span) }
            return value
        }
        var scope = frame?.function.enclosing
        while let current = scope {
            if let slot = current.slot(of: name), let value = current.slots[slot] { return value }
            scope = current.function.enclosing
        }
        guard let value = lookup(name) else { throw unknownName(name, at: span) }
        return value
    }

    private func unboundLocal(_ name: String, at span: SourceSpan) -> InterpreterError {
        InterpreterError(.name, "local variable '\(name)' is used before it is assigned in \(frame?.function.name ?? "the function")", at: span)
    }

    private func store(_ value: Value, into target: Expr, staged: inout [String: Value]) throws {
        switch target.kind {
        case .name(let name), .local(let name, _):
            staged[name] = value
        case .tuple(let elements), .list(let elements):
            let parts = try locating(target.span) { try Operators.unpack(value, count: elements.count) }
            for (element, part) in zip(elements, parts) { try store(part, into: element, staged: &staged) }
        case .index(let base, let subscripts):
            var container = try current(base, staged: staged)
            let indices = try subscripts.map { try indexValue($0) }
            try locating(target.span) { try Operators.setItem(&container, indices, value) }
            try store(container, into: base, staged: &staged)
        case .attribute(let base, let name):
            var container = try current(base, staged: staged)
            try locating(target.span) { try Operators.setAttribute(&container, name, value) }
            try store(container, into: base, staged: &staged)
        default:
            throw InterpreterError(.syntax, "cannot assign to this expression", at: target.span)
        }
    }

    /// The value of an assignment target's base, seeing earlier targets of the same statement.
    private func current(_ base: Expr, staged: [String: Value]) throws -> Value {
        if let name = base.variableName, let value = staged[name] { return value }
        return try value(of: base)
    }

    // MARK: Expressions

    func value(of expr: Expr) throws -> Value {
        switch expr.kind {
        case .int(let v): return .int(v)
        case .float(let v): return .float(v)
        case .string(let s): return .string(s)
        case .bool(let b): return .bool(b)
        case .none: return .none
        case .name(let name):
            return try variable(name, at: expr.span)
        case .local(let name, let slot):
            guard let value = frame?.slots[slot] else { throw unboundLocal(name, at: expr.span) }
            return value
        case .list(let elements):
            let items = try elements.map { try value(of: $0) }
            return try locating(expr.span) { try Operators.listLiteral(items) }
        case .tuple(let elements):
            let items = try elements.map { try value(of: $0) }
            return try locating(expr.span) { try Operators.nested(.tuple(items)) }
        case .unary(let op, let operand):
            let v = try value(of: operand)
            return try locating(expr.span) { try Operators.unary(op, v) }
        case .binary(let op, let left, let right):
            let a = try value(of: left), b = try value(of: right)
            return try locating(expr.span) { try operate(op, a, b) }
        case .logical(let op, let left, let right):
            let a = try value(of: left)
            let truth = try locating(left.span) { try Operators.truth(a) }
            switch op {
            case .and: return truth ? try value(of: right) : a
            case .or: return truth ? a : try value(of: right)
            }
        case .call(let callee, let arguments):
            return try call(callee, arguments, span: expr.span)
        case .attribute(let base, let name):
            let v = try value(of: base)
            return try locating(expr.span) { try Operators.attribute(v, name, builtins: builtins) }
        case .index(let base, let subscripts):
            let v = try value(of: base)
            let indices = try subscripts.map { try indexValue($0) }
            return try locating(expr.span) { try Operators.item(v, indices) }
        case .ellipsis:
            throw InterpreterError(.syntax, "'...' is only an index, as in x[...] = 0", at: expr.span)
        case .conditional(let condition, let then, let otherwise):
            return try value(of: try truth(of: condition) ? then : otherwise)
        case .lambda(let definition):
            return .object(try makeFunction(definition))
        case .dict(let entries):
            var dict = PythonDict()
            for entry in entries {
                let key = try value(of: entry.key)
                try locating(entry.key.span) { try dict.set(key, try value(of: entry.value)) }
            }
            return .object(dict)
        case .comprehension(let comprehension):
            return try locating(expr.span) { try evaluate(comprehension) }
        case .formatted(let fields):
            return .string(try fields.map { try text(of: $0) }.joined())
        }
    }

    private func call(_ callee: Expr, _ arguments: [Argument], span: SourceSpan) throws -> Value {
        if case .name("super") = callee.kind, arguments.isEmpty { return try superProxy(at: span) }
        if case .name(let name) = callee.kind, Session.leavingNames.contains(name), lookup(name) == nil {
            throw leaving(name, arguments, span: span)
        }
        if case .attribute(let base, let method) = callee.kind, method == "format" || ListMethods.names.contains(method) {
            switch try value(of: base) {
            case .list(let items) where method != "format":
                return try callListMethod(method, on: items, target: base, arguments, span: span)
            case .string(let template) where method == "format":
                let (positional, keywords) = try values(of: arguments)
                return .string(try locating(span) { try PythonFormat.format(template, positional, keywords) })
            default: break
            }
        }
        let function = try value(of: callee)
        let (positional, keywords) = try values(of: arguments)
        switch function {
        case .function(let builtin):
            let result = try locating(span) { try builtin.call(positional, keywords: keywords, session: self) }
            guard builtin.updatesFirstArgument, let argument = arguments.first?.value else { return result }
            try storeBack(result, into: argument)
            return .none
        case .object(let object):
            return try call(object, positional, keywords, span: span)
        case .dtype(.bool) where positional.count <= 1 && keywords.isEmpty:
            return .bool(try locating(span) { try positional.first.map(Operators.truth) ?? false })
        default:
            throw InterpreterError(.type, "\(function.kindDescription) is not callable", at: callee.span)
        }
    }

    /// Gives the expression a builtin changed in place its new value: a variable, an
    /// item or an attribute is assigned; any other expression was a temporary, as in numpy.
    private func storeBack(_ value: Value, into argument: Expr) throws {
        switch argument.kind {
        case .name, .local, .index, .attribute: try assign(value, to: [argument])
        default: break
        }
    }

    func values(of arguments: [Argument]) throws -> (positional: [Value], keywords: [(String, Value)]) {
        var positional: [Value] = []
        var keywords: [(String, Value)] = []
        for argument in arguments {
            let v = try value(of: argument.value)
            if let label = argument.label { keywords.append((label, v)) } else { positional.append(v) }
        }
        return (positional, keywords)
    }

    private func indexValue(_ entry: Subscript) throws -> IndexValue {
        switch entry {
        case .expression(let e):
            if case .ellipsis = e.kind { return .ellipsis }
            return .value(try value(of: e), e.span)
        case .slice(let start, let stop, let step):
            func bound(_ e: Expr?) throws -> Value { try e.map { try value(of: $0) } ?? .none }
            return .slice(try bound(start), try bound(stop), try bound(step))
        }
    }

    /// Python's `quit()` and `exit()`: they end the session as `:quit` does.
    static let leavingNames: Set = ["quit", "exit"]

    /// The end of the session that `quit()` asks for; with arguments (`exit(1)`), an error that says so.
    private func leaving(_ name: String, _ arguments: [Argument], span: SourceSpan) -> InterpreterError {
        guard arguments.isEmpty else {
            return InterpreterError(.type, "\(name)() takes no arguments in mlplab; it ends the session, as :quit does", at: span)
        }
        return InterpreterError(.exit, "\(name)()", at: span)
    }

    func unknownName(_ name: String, at span: SourceSpan) -> InterpreterError {
        if Session.leavingNames.contains(name) {
            return InterpreterError(.name, "'\(name)' is not defined; to leave mlplab, type \(name)() or :quit, or press Ctrl-D", at: span)
        }
        var message = "'\(name)' is not defined"
        if let suggestion = closestName(to: name, among: knownNames) { message += "; did you mean '\(suggestion)'?" }
        return InterpreterError(.name, message, at: span)
    }

    /// Runs `body`, giving any error without a location the span of the node that failed.
    func locating<T>(_ span: SourceSpan, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch {
            throw InterpreterError.wrapping(error).located(at: span)
        }
    }
}

extension Session {
    /// Lets `:load` read objects of this type from a workspace file.
    public func registerArchivable<T: ArchivableObject>(_ type: T.Type) {
        archivableTypes[T.archiveKind] = { data in try T.unarchived(from: data) }
    }

    /// Sets the variables stored in the bytes of a `:save` file, replacing those of
    /// the same name, and returns their names in file order. Bytes that are not an
    /// intact workspace file change nothing.
    package func restoreWorkspace(from data: Data) throws -> [String] {
        let loaded = try WorkspaceArchive.decode(data, objectTypes: archivableTypes)
        for (name, value) in loaded { self[variable: name] = value }
        return loaded.map(\.0)
    }
}

/// The step `fit` trains with in place of the engine's: made from the network, the
/// options, the optimiser asked for, the learning rate and where to report.
public typealias LearnerStep = (_ net: MLP, _ config: TrainingConfig, _ optimizer: OptimizerKind, _ learningRate: Double,
                                _ reporter: TrainingReporter) throws -> TrainingStep
