import Foundation
import Tensor

/// Python's basics: print, help, len, float, int, range.
extension CoreBuiltins {
    static let python: [Builtin] = [
        Builtin("print", [.variadic("values")], category: "python",
                help: "Writes the values on one line separated by spaces, as Python's print does: strings without quotes, tensors numpy-style. An expression typed alone is shown anyway; print is for several values at once or inside a for loop.",
                example: ">>> print(\"loss\", 0.5, [1, 2])\nloss 0.5 [1 2]") { args in
            args.session.write(args.rest.map(\.str).joined(separator: " "))
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
                help: "The whole numbers from start up to (not including) stop, step apart, as a list; with one argument, from 0 up to it. For counting in a for loop; arange makes a tensor instead.",
                example: ">>> range(0, 10, 3)\n[0, 3, 6, 9]\n>>> for i in range(2): print(i)\n0\n1") { args in
            let (start, stop) = args.isNone("stop") ? (0, try args.int("start")) : (try args.int("start"), try args.int("stop"))
            let step = try args.int("step")
            guard step != 0 else { throw args.valueError("step cannot be zero") }
            let count = ((Double(stop) - Double(start)) / Double(step)).rounded(.up)
            try Tensor.checkAllocation([count > Double(Int.max) ? Int.max : Swift.max(0, Int(count))], operation: "range")
            return .list(Swift.stride(from: start, to: stop, by: step).map { .int($0) })
        },
    ]
}
