import Course
import Foundation
import Network
import Tensor
import XCTest

/// course.json is the one declaration of the exercises: the course the program knows is
/// the one the file describes, each exercise points at a real lesson cell and its stub, and
/// its `training` flag is what `fit` really calls. The file is read here with
/// JSONSerialization, independently of the code under test.
final class ManifestTests: XCTestCase {
    private var manifest: [String: Any] {
        get throws {
            let data = try Data(contentsOf: URL(fileURLWithPath: repositoryRoot + "/Sources/Course/course.json"))
            return try XCTUnwrap(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        }
    }

    private var entries: [[String: Any]] {
        get throws { try XCTUnwrap(try manifest["exercises"] as? [[String: Any]]) }
    }

    /// What a learner reads of an exercise (its stub's comments, the exercises README, the
    /// summary, the hints, the title of every check) names each source document by what
    /// it is, never "the seeds" or "the lab".
    func testNothingALearnerReadsSpeaksOfTheSeedsOrTheLab() throws {
        let vague = try NSRegularExpression(pattern: #"\bthe seeds\b|\bseeds'|\bseeds? 00\d|\bthe labs?\b"#, options: [.caseInsensitive])
        func assertNamesItsSources(_ text: String, _ place: String) {
            let found = vague.firstMatch(in: text, range: NSRange(text.startIndex..., in: text))
            XCTAssertNil(found, "\(place): \(found.map { (text as NSString).substring(with: $0.range) } ?? "")")
        }
        let folder = repositoryRoot + "/exercises"
        for file in try FileManager.default.contentsOfDirectory(atPath: folder) {
            assertNamesItsSources(try String(contentsOfFile: folder + "/" + file, encoding: .utf8), "exercises/" + file)
        }
        for exercise in Course.exercises {
            assertNamesItsSources(([exercise.summary] + exercise.hints).joined(separator: "\n"), "\(exercise.name)'s summary and hints")
            for check in try exercise.cases() { assertNamesItsSources(check.title, "\(exercise.name)'s check \"\(check.title)\"") }
        }
    }

    func testTheCourseIsTheManifestInItsOrder() throws {
        XCTAssertEqual(try manifest["format_version"] as? Int, 1)
        let entries = try entries
        XCTAssertEqual(Course.exercises.map(\.name), entries.map { $0["name"] as? String })
        for (exercise, entry) in zip(Course.exercises, entries) {
            XCTAssertEqual(exercise.group.file, entry["file"] as? String, exercise.name)
            XCTAssertEqual(exercise.lesson, entry["lesson"] as? Int, exercise.name)
            XCTAssertEqual(exercise.afterCell, entry["after_cell"] as? Int, exercise.name)
            XCTAssertEqual(exercise.summary, entry["summary"] as? String, exercise.name)
            XCTAssertEqual(exercise.hints, entry["hints"] as? [String], exercise.name)
            XCTAssertEqual(exercise.builtin, entry["builtin"] as? String, exercise.name)
            XCTAssertEqual(exercise.usedInTraining, entry["training"] as? Bool, exercise.name)
            let tolerance = try XCTUnwrap(entry["tolerance"] as? [String: Double], exercise.name)
            XCTAssertEqual(exercise.tolerance.absolute, tolerance["absolute"], exercise.name)
            XCTAssertEqual(exercise.tolerance.relative, tolerance["relative"], exercise.name)
        }
        let files = try XCTUnwrap(try manifest["files"] as? [[String: Any]])
        XCTAssertEqual(LessonGroup.all.map(\.file), files.map { $0["file"] as? String })
        XCTAssertEqual(LessonGroup.all.map(\.solutionFile), files.map { $0["reference"] as? String })
    }

    /// Each exercise's lesson exists in both languages with the same cells, and the cell
    /// the lesson leads to it after is one of them.
    func testEachExerciseFollowsARealCellOfItsLesson() throws {
        for exercise in Course.exercises {
            var counts: [Int] = []
            for language in ["en", "ko"] {
                let folder = repositoryRoot + "/lessons/" + language
                let name = try XCTUnwrap(try FileManager.default.contentsOfDirectory(atPath: folder)
                    .first { $0.hasPrefix(String(format: "%02d-", exercise.lesson)) }, "\(exercise.name) in \(language)")
                let text = try String(contentsOfFile: folder + "/" + name, encoding: .utf8)
                counts.append(text.components(separatedBy: "\n").filter { $0.hasPrefix("```pycon") }.count)
            }
            XCTAssertEqual(counts[0], counts[1], "lesson \(exercise.lesson) has the same cells in both languages")
            XCTAssertTrue((1...counts[0]).contains(exercise.afterCell),
                          "\(exercise.name): cell \(exercise.afterCell) of lesson \(exercise.lesson), which has \(counts[0])")
        }
    }

    /// With every function the manifest does not mark for training made to throw, `fit`
    /// still trains, with both losses: the flags name everything training calls.
    func testTrainingCallsOnlyTheFunctionsMarkedForIt() throws {
        struct Called: Error { let name: String }
        let refusing = Implementations.remote { name, _ in throw Called(name: name) }
        let implementations = Implementations.choosing({ !Course.usedInTraining.contains($0) }, from: refusing)
        XCTAssertFalse(Course.usedInTraining.contains("normalise"), "at least one function is refused")
        for (activation, loss) in [(Activation.relu, LossKind.softmaxCrossEntropy), (.sigmoid, .mse)] {
            var rng = NumpyRandom(seed: 3)
            let x = Tensor.randn([12, 4], using: &rng)
            let y = try Tensor.randint(low: 0, high: 3, shape: [12], using: &rng)
            let model = try MLP(sizes: [4, 5, 3], activation: activation, loss: loss, rng: &rng)
            XCTAssertNoThrow(try ExerciseTrainer(implementations).fit(model, x, y, epochs: 1, batchSize: 4,
                                                                       learningRate: 0.1, rng: &rng), "\(loss)")
        }
    }
}
