import TensorComparison

/// The text `mlplab check` and `:check` print: one line per case, the details of the
/// cases that fail, a summary per exercise and a table for `--all`.
public enum CheckReport {
    /// "✓ 1/5 title" and, for a case that did not pass, its details indented below it.
    public static func lines(for result: CaseResult, language: ReportLanguage = .en) -> [String] {
        let head = "  \(symbol(result.status)) \(result.index)/\(result.total) \(result.title)"
        switch result.status {
        case .passed: return [head]
        case .notImplemented: return [head + ": " + name(of: .notImplemented, language)]
        case .failed, .crashed, .timedOut:
            let label = result.status == .failed ? "" : ": " + name(of: result.status, language)
            return [head + label] + result.details.map { "      " + $0 }
        }
    }

    /// "all 5 cases pass", "3 of 5 cases pass (1 crashed)", "not implemented yet".
    public static func summary(_ results: [CaseResult], language: ReportLanguage = .en) -> String {
        let korean = language == .ko
        let total = results.first?.total ?? results.count
        let count = { (status: CaseResult.Status) in results.filter { $0.status == status }.count }
        if total > 0, count(.passed) == total { return korean ? "케이스 \(total)개 모두 통과" : "all \(total) cases pass" }
        if count(.notImplemented) == results.count { return name(of: .notImplemented, language) }
        var text = korean ? "케이스 \(total)개 중 \(count(.passed))개 통과" : "\(count(.passed)) of \(total) cases pass"
        let problems = [CaseResult.Status.failed, .crashed, .timedOut, .notImplemented].map { (count($0), $0) }.filter { $0.0 > 0 }
        if !problems.isEmpty {
            text += " (" + problems.map { korean ? "\(name(of: $0.1, language)) \($0.0)개" : "\($0.0) \(name(of: $0.1, language))" }
                .joined(separator: ", ") + ")"
        }
        return text
    }

    /// "crashed", "not implemented yet", … in the report's language.
    public static func name(of status: CaseResult.Status, _ language: ReportLanguage) -> String {
        guard language == .ko else { return status == .notImplemented ? "not implemented yet" : status.rawValue }
        switch status {
        case .passed: return "통과"
        case .failed: return "실패"
        case .notImplemented: return "아직 구현되지 않음"
        case .crashed: return "비정상 종료"
        case .timedOut: return "시간 초과"
        }
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
