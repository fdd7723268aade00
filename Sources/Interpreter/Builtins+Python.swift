import Foundation
import Tensor

/// Python's basics: print, help, len, float, int, range, list.
extension CoreBuiltins {
    static let python: [Builtin] = [
        Builtin("print", [.variadic("values"), .keywordOnly("sep", .string(" ")), .keywordOnly("end", .string("\n"))], category: "python",
                help: "Writes the values on one line separated by sep (a space), then end (a new line), as Python's print does: strings without quotes, tensors numpy-style. An expression typed alone is shown anyway; print is for several values at once or inside a loop or function.",
                example: ">>> print(\"loss\", 0.5, [1, 2])\nloss 0.5 [1, 2]\n>>> print(1, 2, sep=\", \")\n1, 2") { args in
            args.session.print(args.rest.map(\.str).joined(separator: try args.string("sep")) + (try args.string("end")))
            return .none
        },
        Builtin("clear_output", [.optional("wait", .bool(false))], category: "python",
                help: "In a Jupyter notebook, clears what the cell has shown so far, as IPython's clear_output (from IPython.display import clear_output): a loop that redraws a picture or a line shows only the latest. With wait=True the old output stays until the new one arrives, so nothing flickers. At the terminal there is nothing to clear and it does nothing.",
                example: ">>> for step in range(3): clear_output(wait=True); print(\"step\", step)\nstep 0\nstep 1\nstep 2") { args in
            let wait = try args.bool("wait")
            args.session.finishLine()
            args.session.clearOutput?(wait)
            return .none
        },
        Builtin("help", [.optional("topic", .none)], category: "python",
                help: "Help on a builtin, a command or a value: help(relu), help(\"relu\"), help(\":vars\"), help(x) for a tensor's attributes. Without a topic, the list of everything there is. :help topic does the same.",
                example: ">>> help(len)\nlen(x)\n\nThe number of items: the length of the first axis of a tensor (the number of rows), or the number of items of a tuple, list or string.\n\nExample:\n    >>> len(zeros(5, 2))\n    5") { args in
            args.session.write(try args.session.helpText(for: args["topic"]))
            return .none
        },
        Builtin("len", [.required("x")], category: "python",
                help: "The number of items: the length of the first axis of a tensor (the number of rows), or the number of items of a tuple, list or string.",
                example: ">>> len(zeros(5, 2))\n5") { args in
            switch args["x"] {
            case .tensor(let t):
                guard let first = t.shape.first else { throw args.error("a 0-d tensor has no length") }
                return .int(first)
            case .tuple(let items), .list(let items): return .int(items.count)
            case .string(let s): return .int(s.count)
            case .object(let dict as PythonDict): return .int(dict.count)
            case .object(let range as PythonRange): return .int(range.count)
            case let other: throw args.error("\(other.kindDescription) has no length")
            }
        },
        Builtin("float", [.required("x")], category: "python",
                help: "A plain float from a number, a one-element tensor or a string like \"1e-3\".",
                example: ">>> float(3)\n3.0") { args in
            if case .string(let s) = args["x"] {
                guard let d = Double(s.trimmingCharacters(in: .whitespaces)) else {
                    throw args.valueError("could not read \(PythonFormat.quoted(s)) as a number")
                }
                return .float(d)
            }
            guard let d = args["x"].asDouble else { throw args.error("x must be a number or a one-element tensor, got \(args["x"].kindDescription)") }
            return .float(d)
        },
        Builtin("int", [.required("x")], category: "python",
                help: "A plain int from a number (dropping the fraction, toward zero), a one-element tensor or a string like \"42\".",
                example: ">>> int(2.9)\n2\n>>> int(\"42\")\n42") { args in
            if case .string(let s) = args["x"] {
                guard let i = Int(s.trimmingCharacters(in: .whitespaces)) else {
                    throw args.valueError("could not read \(PythonFormat.quoted(s)) as a whole number")
                }
                return .int(i)
            }
            guard let d = args["x"].asDouble else { throw args.error("x must be a number or a one-element tensor, got \(args["x"].kindDescription)") }
            guard let i = Int(exactly: d.rounded(.towardZero)) else { throw args.valueError("\(PythonFormat.float(d)) has no int value") }
            return .int(i)
        },
        Builtin("range", [.required("start"), .optional("stop", .none), .optional("step", .int(1))], category: "python",
                help: "The whole numbers from start up to (not including) stop, step apart; with one argument, from 0 up to it. As in Python the numbers are made one at a time as a for loop asks for them, so range(1000000) costs nothing; list(range(…)) writes them out, arange makes a tensor.",
                example: ">>> for i in range(0, 10, 4): print(i)\n0\n4\n8\n>>> list(range(3))\n[0, 1, 2]") { args in
            let (start, stop) = args.isNone("stop") ? (0, try args.int("start")) : (try args.int("start"), try args.int("stop"))
            let step = try args.int("step")
            guard step != 0 else { throw args.valueError("step cannot be zero") }
            return .object(PythonRange(start: start, stop: stop, step: step))
        },
        Builtin("list", [.required("items")], category: "python",
                help: "The items of a range, a tuple, a string or the rows of a tensor, as a list.",
                example: ">>> list(range(2, 5))\n[2, 3, 4]\n>>> list((1, \"a\"))\n[1, 'a']") { args in
            if case .object(let range as PythonRange) = args["items"] {
                try Operators.checkLength(range.count, of: "list")
            }
            return .list(Array(try Operators.iterate(args["items"])))
        },
    ]
}

/// Python's `range`: whole numbers made one at a time, so a long loop needs no memory.
struct PythonRange: ScriptObject {
    let start: Int
    let stop: Int
    let step: Int

    var typeName: String { "range" }
    var description: String { step == 1 ? "range(\(start), \(stop))" : "range(\(start), \(stop), \(step))" }
    var attributeNames: [String] { ["start", "stop", "step"] }

    func attribute(_ name: String) throws -> Value {
        switch name {
        case "start": return .int(start)
        case "stop": return .int(stop)
        case "step": return .int(step)
        default: throw noSuchAttribute(name)
        }
    }

    var numbers: StrideTo<Int> { Swift.stride(from: start, to: stop, by: step) }

    /// How many numbers there are (Python's `len(range(…))`): ⌈(stop - start) / step⌉, at least 0.
    var count: Int {
        let (span, overflow) = step > 0 ? stop.subtractingReportingOverflow(start) : start.subtractingReportingOverflow(stop)
        if overflow { return Int.max }
        guard span > 0 else { return 0 }
        return (span - 1) / (Int(exactly: step.magnitude) ?? Int.max) + 1
    }
}
