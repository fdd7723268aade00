import Interpreter
import Support

/// The exercises as the lessons see them, given by the layer that builds and checks
/// them (the lessons know exercises only by their function's name).
public struct ExerciseLink {
    /// Where the function is written, e.g. "exercises/03-forward.swift"; nil for an unknown name.
    public var file: (String) -> String?
    /// The exercises whose function has passed every check, sorted.
    public var finished: () -> [String]
    /// Makes the builtin the exercise stands in for run the learner's function, and
    /// returns that builtin's name; nil when no builtin has this exercise behind it.
    public var useLearnersFunction: (String) -> String?
    /// Makes the exercise commands speak the lessons' language.
    public var useLanguage: (LessonLanguage) -> Void

    public init(file: @escaping (String) -> String?, finished: @escaping () -> [String],
                useLearnersFunction: @escaping (String) -> String?, useLanguage: @escaping (LessonLanguage) -> Void) {
        self.file = file
        self.finished = finished
        self.useLearnersFunction = useLearnersFunction
        self.useLanguage = useLanguage
    }
}
