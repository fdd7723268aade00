import Foundation
import Notebook
import XCTest

final class ProgressStoreTests: XCTestCase {
    private var folder: String!

    override func setUpWithError() throws {
        folder = NSTemporaryDirectory() + "mlplab-progress-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(atPath: folder)
    }

    private var path: String { folder + "/state/mlplab/progress.json" }

    func testNoFileGivesFreshProgressWithoutWarning() {
        let (progress, warning) = ProgressStore(path: path).load()
        XCTAssertEqual(progress, LearnerProgress())
        XCTAssertNil(warning)
    }

    func testSaveThenLoadGivesTheSameProgress() throws {
        var progress = LearnerProgress()
        progress.currentLesson = "forward"
        progress.currentCell = 4
        progress.recordCell(0, of: "forward", cellCount: 9, matched: true)
        progress.recordCell(1, of: "forward", cellCount: 9, matched: false)
        progress.finishExercise("onehot")
        progress.finishExercise("idx_header")
        let store = ProgressStore(path: path)
        try store.save(progress)
        let (loaded, warning) = store.load()
        XCTAssertNil(warning)
        XCTAssertEqual(loaded, progress)
        XCTAssertEqual(loaded.finishedExercises, ["idx_header", "onehot"])
        XCTAssertEqual(loaded.lessons["forward"]?.cellsDiffering, [1])
        // The file is replaced whole: no temporary file is left beside it.
        let names = try FileManager.default.contentsOfDirectory(atPath: folder + "/state/mlplab")
        XCTAssertEqual(names, ["progress.json"])
    }

    func testRunningACellAgainClearsItsMismatch() {
        var progress = LearnerProgress()
        progress.recordCell(2, of: "loss", cellCount: 3, matched: false)
        progress.recordCell(2, of: "loss", cellCount: 3, matched: true)
        XCTAssertEqual(progress.lessons["loss"]?.cellsDiffering, [])
        XCTAssertFalse(progress.lessons["loss"]!.isFinished)
        progress.recordCell(0, of: "loss", cellCount: 3, matched: true)
        progress.recordCell(1, of: "loss", cellCount: 3, matched: true)
        XCTAssertTrue(progress.lessons["loss"]!.isFinished)
    }

    func testACorruptFileIsMovedAsideWithAWarning() throws {
        try FileManager.default.createDirectory(atPath: folder + "/state/mlplab", withIntermediateDirectories: true)
        try Data("{\"version\": 1, \"currentCell\": ".utf8).write(to: URL(fileURLWithPath: path))
        let now = Date(timeIntervalSince1970: 1_700_000_000)  // 2023-11-14 22:13:20 UTC
        let (progress, warning) = ProgressStore(path: path).load(now: now)
        XCTAssertEqual(progress, LearnerProgress())
        let aside = path + ".damaged-20231114-221320"
        XCTAssertTrue(warning?.contains("moved it to \(aside)") ?? false, warning ?? "no warning")
        XCTAssertFalse(FileManager.default.fileExists(atPath: path))
        XCTAssertEqual(try String(contentsOfFile: aside, encoding: .utf8), "{\"version\": 1, \"currentCell\": ")
        // The next save writes a good file again.
        try ProgressStore(path: path).save(progress)
        XCTAssertNil(ProgressStore(path: path).load().warning)
    }

    func testWrongShapesAndVersionsAreCorruptToo() throws {
        try FileManager.default.createDirectory(atPath: folder + "/state/mlplab", withIntermediateDirectories: true)
        let cases = [
            "[1, 2, 3]",
            "{\"version\": 1, \"currentCell\": \"four\", \"lessons\": {}, \"finishedExercises\": []}",
            "{\"version\": 99, \"currentCell\": 0, \"lessons\": {}, \"finishedExercises\": []}",
            "{\"version\": 1, \"currentCell\": -3, \"lessons\": {}, \"finishedExercises\": []}",
            "\u{0}\u{1}binary",
        ]
        for (n, text) in cases.enumerated() {
            try Data(text.utf8).write(to: URL(fileURLWithPath: path))
            let (progress, warning) = ProgressStore(path: path).load(now: Date(timeIntervalSince1970: Double(n)))
            XCTAssertEqual(progress, LearnerProgress(), text)
            XCTAssertNotNil(warning, text)
            XCTAssertFalse(FileManager.default.fileExists(atPath: path), text)
        }
    }

    /// Values the JSON types allow but progress cannot have: each is named in the
    /// warning, and the file is kept beside, as the learner had it.
    func testOutOfRangeValuesAreNamedAndTheFileKept() throws {
        try FileManager.default.createDirectory(atPath: folder + "/state/mlplab", withIntermediateDirectories: true)
        func progress(version: Int = 1, cell: String = "0", lesson: String = "\"forward\"", lessons: String = "{}",
                      finished: String = "[]") -> String {
            "{\"version\": \(version), \"currentLesson\": \(lesson), \"currentCell\": \(cell), "
                + "\"lessons\": \(lessons), \"finishedExercises\": \(finished)}"
        }
        let cases: [(json: String, reason: String)] = [
            (progress(cell: "-3"), "'currentCell' is -3; cells count from 0"),
            (progress(cell: "\"four\""), "'currentCell' has the wrong type (expected Int)"),
            (progress(lesson: "\"\""), "'currentLesson' is empty; it names a lesson by its id"),
            (progress(version: 99), "'version' is 99; this mlplab reads format 1"),
            (progress(lessons: "{\"forward\": {\"cellCount\": -1, \"cellsRun\": [], \"cellsDiffering\": []}}"),
             "'lessons.forward.cellCount' is -1; a count is 0 or more"),
            (progress(lessons: "{\"forward\": {\"cellCount\": 9, \"cellsRun\": [0, -2], \"cellsDiffering\": []}}"),
             "'lessons.forward.cellsRun' holds -2; cells count from 0"),
            (progress(lessons: "{\"forward\": {\"cellCount\": 9, \"cellsRun\": [0], \"cellsDiffering\": [-1]}}"),
             "'lessons.forward.cellsDiffering' holds -1; cells count from 0"),
            (progress(lessons: "{\"forward\": {\"cellCount\": 9, \"cellsRun\": [0]}}"),
             "'lessons.forward.cellsDiffering' is missing"),
            (progress(finished: "[\"relu\", \"\"]"), "'finishedExercises' holds an empty name"),
        ]
        for (n, (json, reason)) in cases.enumerated() {
            try Data(json.utf8).write(to: URL(fileURLWithPath: path))
            let now = Date(timeIntervalSince1970: 1_700_000_000 + Double(n))  // 2023-11-14 22:13:2n UTC
            let (loaded, warning) = ProgressStore(path: path).load(now: now)
            let aside = path + ".damaged-20231114-22132\(n)"
            XCTAssertEqual(loaded, LearnerProgress(), json)
            XCTAssertEqual(warning, "the progress file \(path) could not be used (\(reason)); "
                           + "moved it to \(aside) and started afresh")
            XCTAssertEqual(try String(contentsOfFile: aside, encoding: .utf8), json)
        }
        // The same layout with sound values loads.
        try Data(progress(cell: "2", lessons: "{\"forward\": {\"cellCount\": 9, \"cellsRun\": [0, 1], \"cellsDiffering\": [1]}}",
                          finished: "[\"relu\"]").utf8).write(to: URL(fileURLWithPath: path))
        let (loaded, warning) = ProgressStore(path: path).load()
        XCTAssertNil(warning)
        XCTAssertEqual(loaded.currentCell, 2)
        XCTAssertEqual(loaded.lessons["forward"], LessonProgress(cellCount: 9, cellsRun: [0, 1], cellsDiffering: [1]))
    }

    func testStandardPlace() {
        XCTAssertEqual(ProgressStore.standard(environment: ["XDG_STATE_HOME": "/s", "HOME": "/h"])?.path, "/s/mlplab/progress.json")
        XCTAssertEqual(ProgressStore.standard(environment: ["HOME": "/h"])?.path, "/h/.local/state/mlplab/progress.json")
        XCTAssertEqual(ProgressStore.standard(environment: ["XDG_STATE_HOME": "relative", "HOME": "/h"])?.path,
                       "/h/.local/state/mlplab/progress.json")
        XCTAssertNil(ProgressStore.standard(environment: [:]))
    }

    func testLanguageFromLANG() {
        XCTAssertEqual(LessonLanguage.from(environment: ["LANG": "ko_KR.UTF-8"]), .ko)
        XCTAssertEqual(LessonLanguage.from(environment: ["LANG": "en_US.UTF-8"]), .en)
        XCTAssertEqual(LessonLanguage.from(environment: ["LANG": "C"]), .en)
        XCTAssertEqual(LessonLanguage.from(environment: [:]), .en)
    }
}
