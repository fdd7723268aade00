extension Session {
    /// The characters that end the word being completed, as the REPL's readline and the kernel split the line.
    public static let wordBreakCharacters = " \t\n\"'`@$><=;|&{(,)+-*/%~!"

    /// Tab-completion candidates for the word `word`, which starts at offset
    /// `start` of `line`. Each candidate replaces the whole word.
    ///
    /// - after a leading `:`: command names;
    /// - in the argument of `:help`: commands and builtins; of `:del`: variables;
    /// - `net.la`: the attributes of `net` starting with "la", as "net.layers"
    ///   (only plain names, attributes and constant indices are looked at, so
    ///   completing never runs a function);
    /// - otherwise: variables, builtins and constants.
    public func completions(for word: String, in line: String, at start: Int) -> [String] {
        let before = String(line.prefix(start))
        let trimmed = before.trimmingCharacters(in: .whitespaces)
        if trimmed.isEmpty && word.hasPrefix(":") {
            return matching(commands.names, prefix: String(word.dropFirst())).map { ":" + $0 }
        }
        if trimmed == ":" { return matching(commands.names, prefix: word) }
        if trimmed.hasPrefix(":") {
            let command = trimmed.dropFirst().split(separator: " ").first.map(String.init) ?? ""
            switch command {
            case "help": return matching(commands.names + builtins.names, prefix: word)
            case "del": return matching(Array(variables.keys), prefix: word)
            case "time": break
            default: return []
            }
        }
        // Inside an open bracket (`x[idx`, `x[0:n`) only the part after it is completed.
        let split = expressionStart(in: word)
        let kept = String(word[..<split]), expression = String(word[split...])
        if let dot = expression.lastIndex(of: ".") {
            let base = String(expression[..<dot]), partial = String(expression[expression.index(after: dot)...])
            guard let value = try? inspect(base) else { return [] }
            return matching(attributeNames(of: value), prefix: partial).map { kept + base + "." + $0 }
        }
        return matching(knownNames, prefix: expression).map { kept + $0 }
    }

    /// Where the expression being completed starts in `word`: after the last `[`
    /// that is still open, or after a `:` inside it (a slice bound).
    private func expressionStart(in word: String) -> String.Index {
        var open: [String.Index] = []
        var start = word.startIndex
        for index in word.indices {
            switch word[index] {
            case "[": open.append(index)
            case "]": _ = open.popLast()
            case ":" where !open.isEmpty: start = word.index(after: index)
            default: break
            }
        }
        if let last = open.last, word.index(after: last) > start { start = word.index(after: last) }
        return start
    }

    /// The attribute names of a value: a tensor's properties and methods, an object's attributes.
    public func attributeNames(of value: Value) -> [String] {
        switch value {
        case .tensor: return TensorAttributes.names
        case .object(let object): return object.attributeNames
        default: return []
        }
    }

    /// The value of a side-effect-free expression (names, attributes, literal indices); nil otherwise.
    private func inspect(_ source: String) throws -> Value? {
        let program = try parse(source)
        guard program.statements.count == 1, case .expression(let expr) = program.statements[0],
              isInspectable(expr) else { return nil }
        return try value(of: expr)
    }

    private func isInspectable(_ expr: Expr) -> Bool {
        switch expr.kind {
        case .name, .local: return true
        case .attribute(let base, _): return isInspectable(base)
        case .index(let base, let subscripts):
            return isInspectable(base) && subscripts.allSatisfy {
                if case .expression(let e) = $0, case .int = e.kind { return true }
                return false
            }
        default: return false
        }
    }

    private func matching(_ names: [String], prefix: String) -> [String] {
        Array(Set(names.filter { $0.hasPrefix(prefix) })).sorted()
    }
}
