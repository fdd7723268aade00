import Course
import Foundation
import Notebook
import Support
import Tensor
import XCTest

/// The one progress file the lessons and the exercises share: the migration from the two
/// files of format 1, each owner's update keeping the other's section, damage refused.
final class ProgressFileTests: XCTestCase {
    private var folder: String!
    private var path: String { folder + "/progress.json" }
    private var legacyExercisesPath: String { folder + "/exercises.json" }

    override func setUpWithError() throws {
        folder = try temporaryFolder(self)
    }

    /// Format 1's progress.json, as mlplab wrote it: the lessons, the language, and a copy
    /// of the exercises finished, one of which (relu) exercises.json does not have.
    private let version1Progress = """
        {
          "currentCell" : 4,
          "currentLesson" : "forward",
          "finishedExercises" : [
            "oneHot",
            "relu"
          ],
          "language" : "ko",
          "lessons" : {
            "forward" : {
              "cellCount" : 9,
              "cellsDiffering" : [
                1
              ],
              "cellsRun" : [
                0,
                1,
                2,
                3
              ]
            }
          },
          "version" : 1
        }
        """

    /// Format 1's exercises.json.
    private let version1Exercises = """
        {
          "finished" : {
            "oneHot" : "2026-12-01T09:14:03Z"
          },
          "hintsShown" : {
            "softmax" : 2
          },
          "lastCheck" : {
            "oneHot" : {
              "passed" : 4,
              "text" : "all 4 cases pass",
              "total" : 4
            },
            "softmax" : {
              "passed" : 2,
              "text" : "2 of 5 cases pass (3 failed)",
              "total" : 5
            }
          },
          "version" : 1
        }
        """

    private func write(_ text: String, to file: String) throws {
        try text.write(toFile: file, atomically: true, encoding: .utf8)
    }

    private func savedObject() throws -> [String: Any] {
        try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as? [String: Any])
    }

    private func exerciseStore() throws -> ExerciseProgressFile {
        try ExerciseProgressFile(file: ProgressFile(path: path))
    }

    func testTheTwoFilesOfFormat1BecomeOneAndExercisesJsonGoes() throws {
        try write(version1Progress, to: path)
        try write(version1Exercises, to: legacyExercisesPath)
        let before = Date()

        let progress = try ProgressStore(path: path).load().get()
        XCTAssertEqual(progress.currentLesson, "forward")
        XCTAssertEqual(progress.currentCell, 4)
        XCTAssertEqual(progress.language, .ko)
        XCTAssertEqual(progress.lessons, ["forward": LessonProgress(cellCount: 9, cellsRun: [0, 1, 2, 3], cellsDiffering: [1])])
        XCTAssertFalse(FileManager.default.fileExists(atPath: legacyExercisesPath), "exercises.json is removed once copied")

        let record = try exerciseStore().record
        XCTAssertEqual(record.finished["oneHot"], Date(timeIntervalSince1970: 1_796_116_443))  // 2026-12-01T09:14:03Z
        XCTAssertEqual(record.lastCheck["softmax"], CheckSummary(passed: 2, total: 5, text: "2 of 5 cases pass (3 failed)"))
        XCTAssertEqual(record.lastCheck["oneHot"], CheckSummary(passed: 4, total: 4, text: "all 4 cases pass"))
        XCTAssertEqual(record.hintsShown, ["softmax": 2])
        // relu was finished only in progress.json's copy: it is kept, dated at the migration.
        let relu = try XCTUnwrap(record.finished["relu"])
        XCTAssertTrue(relu >= before.addingTimeInterval(-1) && relu <= Date().addingTimeInterval(1), "\(relu)")
        XCTAssertEqual(record.finished.count, 2)

        let saved = try savedObject()
        XCTAssertEqual(saved["format_version"] as? Int, 2)
        XCTAssertEqual(Set(saved.keys), ["format_version", "lessons", "exercises", "language"])
        XCTAssertNil((saved["lessons"] as? [String: Any])?["finishedExercises"], "the copy is gone")
        XCTAssertNil((saved["lessons"] as? [String: Any])?["version"])
        XCTAssertNil((saved["exercises"] as? [String: Any])?["version"])
    }

    func testExercisesJsonAloneIsMigratedByTheExercisesFirst() throws {
        try write(version1Exercises, to: legacyExercisesPath)
        XCTAssertEqual(try exerciseStore().record.hintsShown, ["softmax": 2])
        XCTAssertFalse(FileManager.default.fileExists(atPath: legacyExercisesPath))
        XCTAssertEqual(try ProgressStore(path: path).load().get(), LearnerProgress())
        XCTAssertEqual(try exerciseStore().record.lastCheck.count, 2, "read again from the new file")
    }

    /// A damaged exercises.json stops the migration before anything is written: both old
    /// files stay as they were, and the message names the one to correct.
    func testADamagedOldFileStopsTheMigrationAndBothAreKept() throws {
        try write(version1Progress, to: path)
        try write("{ \"version\" : 1, ", to: legacyExercisesPath)
        guard case .failure(let problem) = ProgressStore(path: path).load() else { return XCTFail("migrated a damaged file") }
        XCTAssertTrue(problem.description.hasPrefix("cannot use the progress in \(legacyExercisesPath): is not JSON"),
                      problem.description)
        XCTAssertTrue(problem.description.hasSuffix("; correct it, or move the file away to start afresh"), problem.description)
        XCTAssertThrowsError(try exerciseStore()) { error in
            XCTAssertEqual("\(error)", problem.description)
        }
        XCTAssertEqual(try String(contentsOfFile: path, encoding: .utf8), version1Progress)
        XCTAssertEqual(try String(contentsOfFile: legacyExercisesPath, encoding: .utf8), "{ \"version\" : 1, ")
    }

    /// Each owner reads the file before it writes, so a store opened earlier still keeps
    /// what the other owner wrote since.
    func testEachSidesUpdateLeavesTheOthersSectionAsItWas() throws {
        let exercises = try exerciseStore()
        var progress = LearnerProgress()
        progress.currentLesson = "loss"
        progress.currentCell = 2
        progress.recordCell(0, of: "loss", cellCount: 5, matched: true)
        progress.language = .ko
        let lessons = ProgressStore(path: path)
        try lessons.save(progress)

        let relu = try Course.find("relu")
        try exercises.recordCheck(of: relu, results: try Checker.runAll(relu, with: .reference), at: Date(timeIntervalSince1970: 0))
        try exercises.update { $0.hintsShown["softmax"] = 1 }
        XCTAssertEqual(try lessons.load().get(), progress, "the exercises' updates keep the lessons' sections")

        progress.recordCell(1, of: "loss", cellCount: 5, matched: false)
        progress.language = .en
        try lessons.save(progress)
        let reopened = try exerciseStore().record
        XCTAssertEqual(reopened, exercises.record, "the lessons' save keeps the exercises' section")
        XCTAssertEqual(reopened.finished, ["relu": Date(timeIntervalSince1970: 0)])
        XCTAssertEqual(reopened.hintsShown, ["softmax": 1])
        XCTAssertEqual(try lessons.load().get(), progress)
    }

    /// A damaged exercises' section is refused by the exercises, naming the field; the
    /// lessons still load and save, and their save keeps that section as the learner had it.
    func testADamagedSectionIsReportedByItsOwnerAndKeptByTheOther() throws {
        let damaged = "{\"format_version\": 2, \"exercises\": {\"hintsShown\": {\"relu\": -4}}}"
        try write(damaged, to: path)
        let message = "cannot use the progress in \(path): 'exercises.hintsShown.relu' is -4; a number of hints is 0 or more; "
            + "correct it, or move the file away to start afresh"
        XCTAssertThrowsError(try exerciseStore()) { error in XCTAssertEqual("\(error)", message) }

        var progress = try ProgressStore(path: path).load().get()
        progress.currentCell = 3
        try ProgressStore(path: path).save(progress)
        XCTAssertEqual(try ProgressStore(path: path).load().get().currentCell, 3)
        let exercises = try XCTUnwrap(try savedObject()["exercises"] as? [String: Any])
        XCTAssertEqual(exercises["hintsShown"] as? [String: Int], ["relu": -4])
        XCTAssertThrowsError(try exerciseStore()) { error in XCTAssertEqual("\(error)", message) }
        // Damaged after the store was opened: its next update is refused too, and the file kept.
        try write("{\"format_version\": 2}", to: path)
        let store = try exerciseStore()
        try write(damaged, to: path)
        XCTAssertThrowsError(try store.update { $0.hintsShown["relu"] = 1 }) { error in XCTAssertEqual("\(error)", message) }
        XCTAssertEqual(try String(contentsOfFile: path, encoding: .utf8), damaged)
    }
}
