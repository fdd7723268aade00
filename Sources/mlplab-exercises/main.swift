// mlplab-exercises: runs the checks of the learner's exercises against the reference
// solutions and prints one result per case. The learner's functions are in their library
// (LIB), which `mlplab check` compiles after every edit and this program loads at start;
// `mlplab check` runs it in a child process, so that a crash in the learner's code ends
// this program, never the REPL.
//
//     mlplab-exercises [--json] [--from K] [--lang en|ko] --library LIB NAME…     the named exercises
//     mlplab-exercises [--json] --library LIB --all              every exercise
//     mlplab-exercises --serve --library LIB                     answers calls of the learner's functions
//                                                                (LearnerProcess, under the REPL's :use mine)
//
// --json prints each case's result as one JSON object per line (what `mlplab check`
// reads); --from K starts at case K (1-based) of the first exercise, to go on after
// a case that crashed; --lang ko writes the cases' details in Korean.
import Foundation
import ChildProcesses
import Course
import ExerciseCalls
import TensorComparison

/// Writes a line to standard output at once, so that the results before a crash arrive.
func emit(_ line: String) {
    FileHandle.standardOutput.write(Data((line + "\n").utf8))
}

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data(("mlplab-exercises: " + message + "\n").utf8))
    exit(2)
}

var arguments = Array(CommandLine.arguments.dropFirst())
var serve = false
var library: String?
var json = false
var firstCase = 1
var language = ReportLanguage.en
var names: [String] = []
while !arguments.isEmpty {
    let argument = arguments.removeFirst()
    switch argument {
    case "--json": json = true
    case "--serve": serve = true
    case "--library":
        guard let value = arguments.first else { fail("--library needs the path of the compiled exercises") }
        library = value
        arguments.removeFirst()
    case "--all": names = Course.exercises.map(\.name)
    case "--from":
        guard let value = arguments.first.flatMap(Int.init), value >= 1 else { fail("--from needs a case number ≥ 1") }
        firstCase = value
        arguments.removeFirst()
    case "--lang":
        guard let value = arguments.first.flatMap(ReportLanguage.init(rawValue:)) else { fail("--lang needs en or ko") }
        language = value
        arguments.removeFirst()
    default: names.append(argument)
    }
}
guard let library else { fail("--library LIB names the compiled exercises (usage: mlplab-exercises [--json] [--from K] --library LIB NAME… | --all)") }
let mine: Implementations
do {
    mine = try LearnerLibrary.load(library)
} catch {
    fail(String(describing: error))
}
if serve { LearnerServer.serve(with: mine) }
if names.isEmpty { fail("name an exercise, or pass --all (usage: mlplab-exercises [--json] [--from K] --library LIB NAME… | --all)") }

let encoder = JSONEncoder()
encoder.outputFormatting = .sortedKeys
for (position, name) in names.enumerated() {
    do {
        let exercise = try Course.find(name)
        let cases = try exercise.cases()
        let start = position == 0 ? firstCase - 1 : 0
        var results: [CaseResult] = []
        if !json { emit("\(exercise.name): \(exercise.summary)") }
        for index in start..<max(start, cases.count) {
            let result = Checker.run(exercise, case: index, of: cases, with: mine, language: language)
            results.append(result)
            if json {
                emit(String(decoding: try encoder.encode(result), as: UTF8.self))
            } else {
                CheckReport.lines(for: result).forEach(emit)
            }
        }
        if !json { emit("  " + CheckReport.summary(results)) }
    } catch {
        fail(String(describing: error))
    }
}
