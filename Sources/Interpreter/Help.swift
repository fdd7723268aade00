import Support
import Tensor

extension Session {
    /// The text `help(topic)` and `:help topic` print. The topic is a value
    /// (a builtin, a tensor, an object) or a name ("relu", ":save", "save").
    public func helpText(for topic: Value) throws -> String {
        switch topic {
        case .none: return overview
        case .function(let builtin): return builtin.helpText
        case .string(let name): return try helpText(named: name)
        case .tensor(let t):
            return "\(Value.tensor(t).kindDescription)\n\nattributes: \(TensorAttributes.properties.joined(separator: ", "))\n"
                + "methods: " + TensorAttributes.methods.map { "\($0)()" }.joined(separator: ", ")
                + "\n\nhelp(\"sum\") explains a method; x.sum(axis: 0) is sum(x, axis: 0)."
        case .object(let object):
            return "\(object.typeName): \(object.description)\n\nattributes: " + object.attributeNames.joined(separator: ", ")
        default:
            return "\(topic.kindDescription): \(topic.repr)"
        }
    }

    private func helpText(named name: String) throws -> String {
        let trimmed = name.trimmingCharacters(in: .whitespaces)
        let isCommand = trimmed.hasPrefix(":")
        let bare = isCommand ? String(trimmed.dropFirst()) : trimmed
        if !isCommand && bare == "language" { return Session.languageHelp }
        if !isCommand, let builtin = builtins[bare] { return builtin.helpText }
        if let command = commands[bare] { return command.helpText }
        if !isCommand, let value = lookup(bare) { return try helpText(for: value) }
        var message = "no help for '\(trimmed)'"
        let candidates = isCommand ? commands.names : builtins.names + commands.names
        if let suggestion = closestName(to: bare, among: candidates) {
            message += "; did you mean '\(isCommand ? ":" : "")\(suggestion)'?"
        }
        throw InterpreterError(.name, message + " (:help lists every topic)")
    }

    /// The list `:help` and `help()` print: commands, then builtins by group.
    private var overview: String {
        var lines = [
            "Type expressions and assignments: h = relu(X @ W1 + b1), h.shape, X[0:5, :], W1 -= lr * dW1.",
            "Several statements go on one line with ';'; for i in range(n): … loops over the rest of the line.",
            "Python's blocks, def, class, import numpy as np and f-strings work too: :help language lists them.",
            "",
            "Commands:",
        ]
        let usageWidth = commands.all.map(\.usage.count).max() ?? 0
        for command in commands.all {
            lines.append("  " + command.usage + String(repeating: " ", count: usageWidth - command.usage.count + 2) + command.summary)
        }
        lines.append("")
        lines.append("Builtins:")
        let groups = builtins.byCategory
        let categoryWidth = groups.map(\.category.count).max() ?? 0
        for (category, members) in groups {
            let label = category + ":" + String(repeating: " ", count: categoryWidth - category.count + 1)
            lines.append("  " + label + members.map(\.name).joined(separator: " "))
        }
        lines.append("")
        lines.append("help(name) or :help name shows one of them with an example. Tab completes names and attributes.")
        return lines.joined(separator: "\n")
    }

    /// `:help language`: what the language has, each with an example.
    static let languageHelp = """
        The language is Python's, for what numpy notebooks use. A line ending in ':' opens a block:
        indent the lines under it (the prompt shows ...), and end it with an empty line.

          if / elif / else      if loss < 0.1:\n                            print("done")\n                        elif loss < 1: print("close")\n                        else: print("far")
          a if c else b         label = "big" if n > 100 else "small"
          and / or / not        if n > 0 and not done: …
          while                 while loss > 0.1: loss = step()
          for                   for i, (x, y) in enumerate(zip(xs, ys)): print(i, x, y)
          break / continue      for x in xs:\n                            if x < 0: continue\n                            if x > 9: break
          pass                  def todo(): pass
          assert                assert x.shape == (2, 3), "x has the wrong shape"
          def / return          def affine(x, W, b=0):\n                            return x @ W + b
          keyword arguments     affine(x, W, b=1) or affine(x, W, b: 1)
          lambda                square = lambda v: v * v
          class                 class Layer:\n                            def __init__(self, n): self.W = zeros(n, n)\n                            def forward(self, x): return x @ self.W
          inheritance, super    class Relu(Layer):\n                            def __init__(self): super().__init__(3)
          import                import numpy as np; from numpy import exp, zeros
          matplotlib            import matplotlib.pyplot as plt; plt.plot(losses, label="train"); plt.show()
          with                  with gzip.open("data/sample/t10k-labels-idx1-ubyte.gz") as f:\n                            labels = np.frombuffer(f.read(), np.uint8, offset=8)
          f-strings             f"epoch {e:3d} loss {loss:.4f} {name!r}"
          % and .format         "loss %.3f" % loss; "{} of {}".format(i, n)
          lists                 xs = []; xs.append(1); xs[1:3]; xs + ys; xs * 2
          dicts                 d = {"lr": 0.1}; d["epochs"] = 3; for k, v in d.items(): …
          comprehensions        [x * x for x in range(5) if x % 2 == 0]; {k: v for k, v in pairs}
          in / is               "lr" in d; value is None
          builtins              len range enumerate zip min max sum abs round int float bool str repr
                                list tuple dict type isinstance sorted reversed any all print(…, sep=", ", end="")

        Not in the language: try/except/finally, raise, yield, global, nonlocal, async/await,
        del (use :del NAME), decorators, ':=', *args and **kwargs, sets, multiple inheritance, else after a loop.
        As in Python and numpy, assignment gives a value a second name: after b = a, b[0] = 1 and b += 1
        change the array a too (b = a.copy() does not). [1, 2, 3] is a list; np.array([1, 2, 3]) is an array.
        A bare expression shows its repr, as Python's REPL does (array([0.5, 1. ]), np.float64(0.5));
        print(x) and str(x) show numpy's str ([0.5 1. ]).
        """
}
