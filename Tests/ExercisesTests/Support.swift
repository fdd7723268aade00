import Foundation
import ChildProcesses
import Course
import CourseConsole
import ExerciseCalls
import ReferenceSolutions
import Tensor
import XCTest

/// numpy's answers to every check case, written by scripts/make_exercises_fixtures.py.
enum NumpyCases {
    enum Expected {
        case error
        case outputs([(name: String, value: Tensor)])
    }

    static let all: [String: [Expected]] = {
        let url = Bundle.module.url(forResource: "exercises", withExtension: "json", subdirectory: "Fixtures")!
        let json = try! JSONSerialization.jsonObject(with: Data(contentsOf: url)) as! [String: [[String: Any]]]
        return json.mapValues { cases in
            cases.map { entry in
                guard let outputs = entry["outputs"] as? [[String: Any]] else { return .error }
                return .outputs(outputs.map { output in
                    (output["name"] as! String,
                     Tensor(shape: output["shape"] as! [Int], storage: .float64((output["values"] as! [String]).map { Double($0)! })))
                })
            }
        }
    }()
}

extension Implementations {
    /// What the repository's untouched stubs do: every function throws "not implemented".
    static let untouchedStubs = Implementations { name, _ in throw ExerciseError.notImplemented(name) }
}

/// The repository this test file is in, found from #filePath.
let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().path

/// A fresh temporary folder, removed when the test ends.
func temporaryFolder(_ test: XCTestCase) throws -> String {
    let path = NSTemporaryDirectory() + "mlplab-exercises-tests-" + UUID().uuidString
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    test.addTeardownBlock { try? FileManager.default.removeItem(atPath: path) }
    return path
}

/// The details of every case of `exercise` run with `implementations`, by case title.
func results(_ exercise: String, _ implementations: Implementations) throws -> [CaseResult] {
    try Checker.runAll(try Course.find(exercise), with: implementations)
}

/// The one result titled with `prefix`.
func result(_ results: [CaseResult], _ prefix: String, file: StaticString = #filePath, line: UInt = #line) throws -> CaseResult {
    try XCTUnwrap(results.first { $0.title.hasPrefix(prefix) }, "no case titled '\(prefix)…'", file: file, line: line)
}

/// The case's details as one string, for `contains` checks.
func text(_ result: CaseResult) -> String {
    result.details.joined(separator: "\n")
}
