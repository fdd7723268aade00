import Course
import ExerciseCalls
import Foundation
import Network
import Notebook
import Tensor
import XCTest

/// course.json is the one declaration of the exercises: the course the program knows is
/// the one the file describes, each exercise is placed by one lesson marker in each
/// language, and its `training` flag is what `fit` really calls. The file is read here with
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

    func testTheCourseIsTheManifestInItsOrder() throws {
        XCTAssertEqual(try manifest["format_version"] as? Int, 2)
        let entries = try entries
        XCTAssertEqual(Course.exercises.map(\.name), entries.map { $0["name"] as? String })
        for (exercise, entry) in zip(Course.exercises, entries) {
            XCTAssertEqual(exercise.group.file, entry["file"] as? String, exercise.name)
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

    /// Where a lesson leads to an exercise is said once, by the lesson's marker
    /// `<!-- exercise: NAME -->`: every exercise of the manifest has exactly one, in each
    /// language, before the same cell of the same lesson, and no marker names another.
    func testEveryExerciseIsPlacedByExactlyOneLessonMarkerInBothLanguages() throws {
        let names = try entries.compactMap { $0["name"] as? String }
        let library = LessonLibrary(root: repositoryRoot + "/lessons")
        var places: [LessonLanguage: [String: [String]]] = [:]
        for language in LessonLanguage.allCases {
            for lesson in try library.lessons(language) {
                for cell in lesson.cells {
                    for name in cell.exercises { places[language, default: [:]][name, default: []].append("\(lesson.id) cell \(cell.index)") }
                }
            }
            XCTAssertEqual(Set(places[language, default: [:]].keys), Set(names), "\(language): the markers name the manifest's exercises")
            for name in names {
                XCTAssertEqual(places[language]?[name]?.count, 1, "\(language): \(name) at \(places[language]?[name] ?? [])")
            }
        }
        XCTAssertEqual(places[.en], places[.ko], "the same place in both languages")
    }

    /// With every function the manifest does not mark for training made to throw, `fit`
    /// still trains, with both losses: the flags name everything training calls.
    func testTrainingCallsOnlyTheFunctionsMarkedForIt() throws {
        struct Called: Error { let name: String }
        let refusing = Implementations { name, _ in throw Called(name: name) }
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
