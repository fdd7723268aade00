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
}
