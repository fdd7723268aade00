import Foundation
import Interpreter
import Notebook
import Support
import XCTest

/// The lessons lead to the exercises: each exercise is named by one lesson cell, and
/// the lesson list and the lessons themselves show them.
final class ExerciseCellsTests: XCTestCase {
    /// The exercises `mlplab check --list` knows, by name.
    private func courseExercises() throws -> [String] {
        let result = try Binary.run(["check", "--list"])
        XCTAssertEqual(result.status, 0, result.stderr)
        return result.stdout.split(separator: "\n").compactMap { line in
            let words = line.split(separator: " ")
            guard line.hasPrefix("  "), !line.hasPrefix("      "), words.count >= 2, words[1].hasPrefix("exercises/") else { return nil }
            return String(words[0])
        }
    }

    func testEveryExerciseIsNamedByExactlyOneLessonCell() throws {
        let exercises = try courseExercises()
        let manifest = try JSONSerialization.jsonObject(with: Data(contentsOf: Binary.repositoryRoot
            .appendingPathComponent("Sources/Course/course.json"))) as? [String: Any]
        XCTAssertEqual(exercises.count, (manifest?["exercises"] as? [Any])?.count, "check --list: \(exercises)")
        let library = LessonLibrary(root: Binary.repositoryRoot.appendingPathComponent("lessons").path)
        for language in LessonLanguage.allCases {
            let named = try library.lessons(language).flatMap(\.exercises)
            XCTAssertEqual(named.sorted(), exercises.sorted(), "\(language): each exercise once, and no other name")
        }
    }

    func testTheLessonListShowsEachLessonsExercises() throws {
        let state = ["XDG_STATE_HOME": Binary.temporaryFile("exercise-list-\(UUID().uuidString)")]
        let result = try Binary.run(["lessons", "--lang", "en"], environment: state)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.contains("Normalising"), result.stdout)
        XCTAssertTrue(result.stdout.contains("exercises: normalise ·  zeroCentre ·  oneHot ·"), result.stdout)
        XCTAssertTrue(result.stdout.contains("exercises: sgdStep ·  miniBatches ·  accuracy ·"), result.stdout)
    }

    func testALessonPointsToItsExercise() throws {
        let state = ["XDG_STATE_HOME": Binary.temporaryFile("exercise-cell-\(UUID().uuidString)")]
        let result = try Binary.run(["--lang", "en"], input: ":open 2\n:next\n", environment: state)
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.contains("""
            ✎ Exercise normalise: write it yourself in exercises/02-normalising.swift. :exercise normalise shows the line \
            to edit and the contract, :check normalise checks it; once it passes, the cells from here on run on your function.
            """), result.stdout)
    }
}
