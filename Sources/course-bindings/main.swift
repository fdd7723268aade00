// course-bindings MANIFEST OUTPUT: writes, from the course manifest (course.json), the Swift
// file that binds each exercise to its functions by name. The CourseBindings build plugin
// runs it at every build of the Course target, so the bindings are never written by hand:
//
//     referenceFunctions       the reference solutions, by exercise name
//     learnerBindingSource     the file a check compiles with the learner's exercises/ into
//                              their library, which exports the same table of their functions
//     learnerBindingSymbol     the C symbol that table is exported as
import Foundation

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data(("course-bindings: " + message + "\n").utf8))
    exit(1)
}

let arguments = CommandLine.arguments
guard arguments.count == 3 else { fail("usage: course-bindings MANIFEST OUTPUT") }
let names: [String]
do {
    let manifest = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: arguments[1])))
    guard let exercises = (manifest as? [String: Any])?["exercises"] as? [[String: Any]] else {
        fail("\(arguments[1]) has no list of exercises")
    }
    names = try exercises.enumerated().map { index, entry in
        guard let name = entry["name"] as? String, name.allSatisfy({ $0.isLetter || $0.isNumber }), name.first?.isLetter == true
        else { throw CocoaError(.coderInvalidValue, userInfo: [NSDebugDescriptionErrorKey: "exercise \(index + 1) needs a name that is a Swift identifier"]) }
        return name
    }
} catch {
    fail("cannot read \(arguments[1]): \(error)")
}

/// The table of every exercise's function in `module`, one line each.
func table(of module: String, indent: String) -> String {
    names.map { "\(indent)\"\($0)\": ExerciseFunction(\(module).\($0))," }.joined(separator: "\n")
}

let symbol = "mlplab_exercise_functions"
let source = """
    // Written from course.json by course-bindings (the CourseBindings build plugin) at every build.
    import ExerciseCalls
    import ReferenceSolutions

    /// Every reference solution, by the name of its exercise.
    let referenceFunctions: [String: ExerciseFunction] = [
    \(table(of: "ReferenceSolutions", indent: "    "))
    ]

    /// The C symbol of the function that hands over the learner's functions.
    public let learnerBindingSymbol = "\(symbol)"

    /// Compiled with the learner's exercises/ into their library (module Exercises): hands
    /// the program that loads it every exercise function, by name.
    public let learnerBindingSource = #\"\"\"
    import ExerciseCalls
    
    @_cdecl("\(symbol)")
    public func exportedExerciseFunctions() -> UnsafeMutableRawPointer {
        ExerciseLibraryExports([
    \(table(of: "Exercises", indent: "        "))
        ]).retainedPointer()
    }
    \"\"\"#

    """
do {
    try source.write(toFile: arguments[2], atomically: true, encoding: .utf8)
} catch {
    fail("cannot write \(arguments[2]): \(error)")
}
