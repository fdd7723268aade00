/// The outcome of one check case, as the checker reports it (and as the runner
/// sends it to `mlplab check`, one JSON object per line).
public struct CaseResult: Codable, Equatable, Sendable {
    public enum Status: String, Codable, Sendable {
        case passed
        case failed
        /// The stub still throws `ExerciseError.notImplemented`.
        case notImplemented = "not implemented"
        /// The learner's code stopped the process (index out of range, force-unwrapped nil, …).
        case crashed
        /// The learner's code did not return within the time limit.
        case timedOut = "timed out"
    }

    public let exercise: String
    /// 1-based position of the case among the exercise's `total` cases.
    public let index: Int
    public let total: Int
    public let title: String
    public let status: Status
    /// What to show under the case's line: shapes, expected and actual values, notes.
    public let details: [String]

    public init(exercise: String, index: Int, total: Int, title: String, status: Status, details: [String]) {
        self.exercise = exercise
        self.index = index
        self.total = total
        self.title = title
        self.status = status
        self.details = details
    }
}
