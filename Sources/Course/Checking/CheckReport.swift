/// The text `mlplab check` and `:check` print: one line per case, the details of the
/// cases that fail, a summary per exercise and a table for `--all`.
public enum CheckReport {
    /// "✓ 1/5 title" and, for a case that did not pass, its details indented below it.
    public static func lines(for result: CaseResult) -> [String] {
        let head = "  \(symbol(result.status)) \(result.index)/\(result.total) \(result.title)"
        switch result.status {
        case .passed: return [head]
        case .notImplemented: return [head + ": not implemented yet"]
        case .failed, .crashed, .timedOut:
            let label = result.status == .failed ? "" : ": " + result.status.rawValue
            return [head + label] + result.details.map { "      " + $0 }
        }
    }

    /// "all 5 cases pass", "3 of 5 cases pass (1 crashed)", "not implemented yet".
    public static func summary(_ results: [CaseResult]) -> String {
        let total = results.first?.total ?? results.count
        let count = { (status: CaseResult.Status) in results.filter { $0.status == status }.count }
        if total > 0, count(.passed) == total { return "all \(total) cases pass" }
        if count(.notImplemented) == results.count { return "not implemented yet" }
        var text = "\(count(.passed)) of \(total) cases pass"
        let problems = [(count(.failed), "failed"), (count(.crashed), "crashed"), (count(.timedOut), "timed out"),
                        (count(.notImplemented), "not implemented yet")].filter { $0.0 > 0 }
        if !problems.isEmpty { text += " (" + problems.map { "\($0.0) \($0.1)" }.joined(separator: ", ") + ")" }
        return text
    }

    /// Whether every case of the exercise passed.
    public static func allPassed(_ results: [CaseResult]) -> Bool {
        !results.isEmpty && results.count == results[0].total && results.allSatisfy { $0.status == .passed }
    }

    /// The `--all` table: one row per exercise and a count of the finished ones.
    public static func table(_ rows: [(exercise: Exercise, results: [CaseResult])]) -> [String] {
        let width = max(8, rows.map(\.exercise.name.count).max() ?? 0) + 2
        func pad(_ s: String) -> String { s.padding(toLength: width, withPad: " ", startingAt: 0) }
        var lines = [pad("exercise") + "lesson  result"]
        for (exercise, results) in rows {
            let mark = allPassed(results) ? "✓" : results.allSatisfy({ $0.status == .notImplemented }) ? "·" : "✗"
            lines.append(pad(exercise.name) + "\(exercise.group.number)".padding(toLength: 8, withPad: " ", startingAt: 0)
                         + "\(mark) " + summary(results))
        }
        let passed = rows.filter { allPassed($0.results) }.count
        let waiting = rows.filter { !$0.results.isEmpty && $0.results.allSatisfy { $0.status == .notImplemented } }.count
        lines.append("\(passed) of \(rows.count) exercises pass, \(rows.count - passed - waiting) have failing cases, \(waiting) not implemented yet")
        return lines
    }

    static func symbol(_ status: CaseResult.Status) -> String {
        switch status {
        case .passed: return "✓"
        case .notImplemented: return "·"
        case .failed, .crashed, .timedOut: return "✗"
        }
    }
}
