/// What the exercise functions in exercises/ throw, and their reference solutions too.
/// It lives here, in the library every exercise is written with, so that the learner's
/// code, compiled on its own, and the program that checks it share this one type.
public enum ExerciseError: Error, CustomStringConvertible {
    /// The stub named here still has its `throw` between START CODE HERE and END CODE HERE.
    case notImplemented(String)
    /// The input breaks the function's contract, e.g. an IDX header with a wrong magic number.
    /// Throw it with a message that says what was wrong: `throw ExerciseError.invalidInput("…")`.
    case invalidInput(String)

    public var description: String {
        switch self {
        case .notImplemented(let name):
            return "\(name): not implemented yet (write its body between START CODE HERE and END CODE HERE)"
        case .invalidInput(let message):
            return message
        }
    }
}
