import TensorComparison

/// A lesson: a Markdown document whose code cells run.
///
/// The file reads well on GitHub on its own; the REPL shows its prose, runs
/// its cells one by one and compares what they print with what the file says
/// they print. A lesson looks like this:
///
///     ---
///     id: tensors
///     title: Tensors
///     ---
///
///     # Tensors
///
///     A vector is a row of numbers:
///
///     ```pycon
///     >>> x = array([1, 2, 3])
///     >>> x.shape
///     (3,)
///     ```
///
/// Every fenced block whose first line starts with `>>> ` is a cell; all other
/// text (including other fenced blocks) is prose.
public struct Lesson: Sendable {
    /// The number in the file name (`03-forward.md` → 3); lessons are taken in this order.
    public let number: Int
    /// The front matter's `id`, the same in every language (`forward`).
    public let id: String
    /// The front matter's `title`, in the lesson's language.
    public let title: String
    /// The file the lesson was read from.
    public let path: String
    /// Prose and cells in document order.
    public let blocks: [Block]

    public init(number: Int, id: String, title: String, path: String, blocks: [Block]) {
        self.number = number
        self.id = id
        self.title = title
        self.path = path
        self.blocks = blocks
    }

    /// One piece of the document.
    public enum Block: Sendable, Equatable {
        /// Markdown text, shown rendered for the terminal.
        case prose(String)
        case cell(Cell)
    }

    /// The exercises the lesson leads to, in order (see `Cell.exercises`).
    public var exercises: [String] {
        cells.flatMap(\.exercises)
    }

    /// The cells in order; `cells[i].index == i`.
    public var cells: [Cell] {
        blocks.compactMap { if case .cell(let cell) = $0 { return cell } else { return nil } }
    }

    /// The prose that comes before cell `index` and after the cell before it
    /// (for `index == cells.count`, the prose after the last cell).
    public func prose(before index: Int) -> String {
        var seen = 0
        var parts: [String] = []
        for block in blocks {
            switch block {
            case .prose(let text):
                if seen == index { parts.append(text) }
            case .cell:
                if seen == index { return parts.joined(separator: "\n\n") }
                seen += 1
            }
        }
        return parts.joined(separator: "\n\n")
    }
}

/// A code cell: one fenced block of doctest-style examples.
public struct Cell: Sendable, Equatable {
    /// The cell's position among the lesson's cells, from 0.
    public let index: Int
    /// The 1-based line of the opening fence in the lesson file.
    public let line: Int
    /// The 1-based line of the closing fence.
    public let endLine: Int
    public let examples: [Example]
    /// Set when the cell asks the learner for a value: its first example is then the
    /// lesson's own answer, which the learner writes in their own way.
    public let yourTurn: YourTurn?
    /// The exercises the lesson points to just before this cell, by their function's name,
    /// from `<!-- exercise: softmax -->` lines: the piece the lesson has just taught, which
    /// the learner now writes in exercises/. Once it passes its checks, the cells from here
    /// on run on the learner's function.
    public let exercises: [String]

    public init(index: Int, line: Int, endLine: Int, examples: [Example], yourTurn: YourTurn? = nil,
                exercises: [String] = []) {
        self.index = index
        self.line = line
        self.endLine = endLine
        self.examples = examples
        self.yourTurn = yourTurn
        self.exercises = exercises
    }

    /// The lesson's answer to a your-turn cell: its first input.
    public var answer: Example? {
        yourTurn == nil ? nil : examples.first
    }
}

/// What a your-turn cell asks of the learner. In the file it is a directive on the
/// cell's first input, the lesson's own answer, with hints in comments before the cell:
///
///     <!-- hint: multiply the batch by the weights with @ -->
///     <!-- hint: then add the bias b1; it broadcasts over the rows -->
///     ```pycon
///     >>> h = X @ W1 + b1           # your turn, tolerance 1e-6
///     >>> h.shape
///     (5, 100)
///     ```
///
/// The learner's value (`h = …` or the bare expression) is compared with the answer's:
/// shape and dtype first, then every value within the tolerance (numpy's default when
/// the directive names none).
public struct YourTurn: Sendable, Equatable {
    public let tolerance: Tolerance
    /// Given one at a time by `:hint`, in order.
    public let hints: [String]

    public init(tolerance: Tolerance, hints: [String]) {
        self.tolerance = tolerance
        self.hints = hints
    }
}

/// One input of a cell and the output it is expected to print.
///
///     >>> W = array([[1, 2],        ← input, first line
///     ...            [3, 4]])       ← input, continuation
///     >>> W.shape                   ← the next example's input
///     (2, 2)                        ← its expected output
public struct Example: Sendable, Equatable {
    /// The input as written, without the `>>> ` / `... ` prompts, one string per line.
    public let lines: [String]
    /// The expected output lines; empty when the input prints nothing.
    public let expected: [String]
    /// How the output is compared, from a directive comment on the first input line.
    public let check: OutputCheck
    /// The 1-based line of the `>>> ` line in the lesson file.
    public let line: Int

    public init(lines: [String], expected: [String], check: OutputCheck, line: Int) {
        self.lines = lines
        self.expected = expected
        self.check = check
        self.line = line
    }

    /// The source handed to the interpreter: the lines joined, with a trailing
    /// directive comment taken off (a `:command` would read it as an argument).
    public var source: String {
        var lines = self.lines
        if !lines.isEmpty { lines[0] = OutputCheck.strippingDirective(from: lines[0]) }
        return lines.joined(separator: "\n")
    }

    /// The expected output as one string.
    public var expectedText: String { expected.joined(separator: "\n") }
}

/// How an example's actual output is held against its expected output.
public enum OutputCheck: Sendable, Equatable {
    /// Numbers within the tolerance, all other text equal up to whitespace.
    case compared(Tolerance)
    /// Shown but never compared (timings, anything that differs from run to run).
    /// Written `# output not compared` after the input.
    case notCompared

    public static let standard = OutputCheck.compared(.standard)
}
