import Course
import ExerciseCalls
import Foundation
import Interpreter
import Network
import Notebook
import Support
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
        XCTAssertEqual(try manifest["format_version"] as? Int, 2)
        let entries = try entries
        XCTAssertEqual(Course.exercises.map(\.name), entries.map { $0["name"] as? String })
        for (exercise, entry) in zip(Course.exercises, entries) {
            XCTAssertEqual(exercise.group.file, entry["file"] as? String, exercise.name)
            XCTAssertEqual(exercise.summary, entry["summary"] as? String, exercise.name)
            XCTAssertEqual(exercise.hints, entry["hints"] as? [String], exercise.name)
            XCTAssertEqual(exercise.summary(in: .ko), entry["summary_ko"] as? String, exercise.name)
            XCTAssertEqual(exercise.hints(in: .ko), entry["hints_ko"] as? [String], exercise.name)
            XCTAssertEqual(exercise.koreanContract, entry["contract_ko"] as? [String], exercise.name)
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

    /// Under `--lang ko` the contract is the manifest's Korean one, and the stub's doc comment
    /// stays English: the Korean one says what the English says about the Swift types, every
    /// `code` of the stub's "Swift types:" paragraph in it, and has the shapes in → out.
    func testEveryKoreanContractKeepsTheStubsSwiftTypes() throws {
        for entry in try entries {
            let name = try XCTUnwrap(entry["name"] as? String)
            let korean = try XCTUnwrap(entry["contract_ko"] as? [String], name).joined(separator: " ")
            XCTAssertEqual((entry["hints_ko"] as? [String])?.count, (entry["hints"] as? [String])?.count, name)
            let stub = try String(contentsOfFile: repositoryRoot + "/" + XCTUnwrap(entry["file"] as? String), encoding: .utf8)
            let english = try XCTUnwrap(FunctionText(function: name, in: stub), name).documentation.joined(separator: " ")
            let types = try XCTUnwrap(english.range(of: "Swift types:"), name)
            let spans = english[types.upperBound...].split(separator: "`", omittingEmptySubsequences: false).enumerated()
                .filter { $0.offset % 2 == 1 }.map(\.element)
            XCTAssertFalse(spans.isEmpty, name)
            for span in spans { XCTAssertTrue(korean.contains("`\(span)`"), "\(name): `\(span)` in the Korean contract") }
            XCTAssertTrue(korean.contains("Swift 타입:"), name)
            XCTAssertTrue(korean.contains("→"), name)
        }
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
            XCTAssertNoThrow(try trainWithExerciseFunctions(implementations, model, x, y,
                                                            config: TrainingConfig(epochs: 1, batchSize: 4), rng: rng), "\(loss)")
        }
    }
}
