/// What the reference solutions throw for input that breaks an exercise's contract
/// (the learner's stubs throw `Exercises.ExerciseError` instead; the checks only ask
/// whether an error was thrown, not which type).
public enum SolutionError: Error, CustomStringConvertible, Equatable {
    case invalidInput(String)

    public var description: String {
        switch self {
        case .invalidInput(let message): return message
        }
    }
}
