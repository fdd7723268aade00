import Support
// Course: the exercises. Reads the course manifest (course.json: each exercise's file,
// lesson, the builtin it stands in for, tolerance and hints), builds each exercise's
// check cases from the reference solutions, checks a set of implementations against them,
// trains with the learner's functions, and keeps the exercises' part of the progress file.
//
// It leaves running learner code in a child process to ChildProcesses, and the commands the
// learner types to CourseConsole.

/// The exercises of the course, in the order the lessons reach them, as course.json
/// declares them.
public enum Course {
    public static let exercises: [Exercise] = Manifest.bundled.exercises.map { entry in
        // Manifest.decode made sure that the file and the checks exist.
        Exercise(entry, group: LessonGroup.all.first { $0.file == entry.file }!,
                 cases: entry.checks?.builder(for: entry.name) ?? CheckCases.byName[entry.name]!)
    }

    /// The exercises `fit` calls under `:use mine`.
    public static var usedInTraining: Set<String> { Set(exercises.filter(\.usedInTraining).map(\.name)) }

    /// The exercise that computes the REPL builtin `builtin` under `:use mine`, if any.
    public static func exercise(standingInFor builtin: String) -> Exercise? {
        exercises.first { $0.builtin == builtin }
    }

    /// The exercise called `name`. Case and underscores are ignored, so `linear_backward`
    /// and `LinearBackward` both find `linearBackward`.
    public static func exercise(named name: String) -> Exercise? {
        let key = normalised(name)
        return exercises.first { normalised($0.name) == key }
    }

    /// `exercise(named:)`, or an error naming the closest exercise and how to list them all.
    public static func find(_ name: String) throws -> Exercise {
        if let exercise = exercise(named: name) { return exercise }
        var message = "there is no exercise called '\(name)'"
        if let suggestion = closest(to: name) { message += "; did you mean '\(suggestion)'?" }
        throw CourseError.unknownExercise(message + " (`:exercise` or `mlplab check --list` lists them)")
    }

    public static func exercises(in group: LessonGroup) -> [Exercise] {
        exercises.filter { $0.group == group }
    }

    private static func normalised(_ name: String) -> String {
        name.lowercased().filter { $0 != "_" && $0 != "-" }
    }

    /// The exercise name nearest to `name` by edit distance, if any is near enough to be a typo.
    private static func closest(to name: String) -> String? {
        let key = normalised(name)
        let scored = exercises.map { ($0.name, editDistance(key, normalised($0.name))) }
        guard let best = scored.min(by: { $0.1 < $1.1 }), best.1 <= max(2, key.count / 3) else { return nil }
        return best.0
    }
}

/// Errors in using the course: an unknown exercise, a missing package, a failed build.
public enum CourseError: Error, CustomStringConvertible, Equatable {
    case unknownExercise(String)
    case packageNotFound(String)
    case buildFailed(String)
    case runnerFailed(String)
    case progressUnreadable(String)
    case manifestInvalid(String)

    public var description: String {
        switch self {
        case .unknownExercise(let message), .packageNotFound(let message), .buildFailed(let message),
             .runnerFailed(let message), .progressUnreadable(let message), .manifestInvalid(let message):
            return message
        }
    }
}
