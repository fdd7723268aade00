import Foundation
import Interpreter
import Notebook
import Support
import Tensor
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

    func testNoFileGivesFreshProgress() throws {
        XCTAssertEqual(try ProgressStore(path: path).load().get(), LearnerProgress())
        XCTAssertFalse(FileManager.default.fileExists(atPath: path), "reading writes nothing")
    }

    func testSaveThenLoadGivesTheSameProgress() throws {
        var progress = LearnerProgress()
        progress.currentLesson = "forward"
        progress.currentCell = 4
        progress.recordCell(0, of: "forward", cellCount: 9, matched: true)
        progress.recordCell(1, of: "forward", cellCount: 9, matched: false)
        progress.language = .ko
        let store = ProgressStore(path: path)
        try store.save(progress)
        let loaded = try store.load().get()
        XCTAssertEqual(loaded, progress)
        XCTAssertEqual(loaded.lessons["forward"]?.cellsDiffering, [1])
        // Format 2: the lessons' section and the language beside it.
        let saved = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as? [String: Any])
        XCTAssertEqual(saved["format_version"] as? Int, 2)
        XCTAssertEqual(saved["language"] as? String, "ko")
        XCTAssertEqual((saved["lessons"] as? [String: Any])?["currentCell"] as? Int, 4)
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

    /// A file that cannot be used is reported with what to do, and never overwritten:
    /// saving refuses too, so the learner's progress in it is not lost.
    func testADamagedFileIsReportedAndLeftAsItIs() throws {
        try FileManager.default.createDirectory(atPath: folder + "/state/mlplab", withIntermediateDirectories: true)
        let cases = [
            "{\"format_version\": 2, \"lessons\": ",
            "[1, 2, 3]",
            "{\"format_version\": 2, \"lessons\": {\"currentCell\": \"four\", \"lessons\": {}}}",
            "{\"format_version\": 3, \"lessons\": {\"currentCell\": 0, \"lessons\": {}}}",
            "{\"version\": 99, \"currentCell\": 0, \"lessons\": {}, \"finishedExercises\": []}",
            "\u{0}\u{1}binary",
        ]
        for text in cases {
            try Data(text.utf8).write(to: URL(fileURLWithPath: path))
            let store = ProgressStore(path: path)
            guard case .failure(let problem) = store.load() else { return XCTFail("accepted \(text)") }
            XCTAssertTrue(problem.description.hasPrefix("cannot use the progress in \(path): "), problem.description)
            XCTAssertTrue(problem.description.hasSuffix("; correct it, or move the file away to start afresh"), problem.description)
            XCTAssertThrowsError(try store.save(LearnerProgress()), text)
            XCTAssertEqual(try String(contentsOfFile: path, encoding: .utf8), text)
        }
    }

    /// Values the JSON types allow but progress cannot have: each is named, with its section.
    func testOutOfRangeValuesAreNamed() throws {
        try FileManager.default.createDirectory(atPath: folder + "/state/mlplab", withIntermediateDirectories: true)
        func progress(version: Int = 2, cell: String = "0", lesson: String = "\"forward\"", lessons: String = "{}",
                      language: String = "\"en\"") -> String {
            "{\"format_version\": \(version), \"language\": \(language), \"lessons\": "
                + "{\"currentLesson\": \(lesson), \"currentCell\": \(cell), \"lessons\": \(lessons)}}"
        }
        let cases: [(json: String, reason: String)] = [
            (progress(cell: "-3"), "'lessons.currentCell' is -3; cells count from 0"),
            (progress(cell: "\"four\""), "'lessons.currentCell' has the wrong type (expected Int)"),
            (progress(lesson: "\"\""), "'lessons.currentLesson' is empty; it names a lesson by its id"),
            (progress(version: 3), "'format_version' is 3: the file was written by a newer mlplab; update mlplab"),
            (progress(version: 1), "'format_version' is 1; this mlplab reads format 2"),
            (progress(lessons: "{\"forward\": {\"cellCount\": -1, \"cellsRun\": [], \"cellsDiffering\": []}}"),
             "'lessons.lessons.forward.cellCount' is -1; a count is 0 or more"),
            (progress(lessons: "{\"forward\": {\"cellCount\": 9, \"cellsRun\": [0, -2], \"cellsDiffering\": []}}"),
             "'lessons.lessons.forward.cellsRun' holds -2; cells count from 0"),
            (progress(lessons: "{\"forward\": {\"cellCount\": 9, \"cellsRun\": [0], \"cellsDiffering\": [-1]}}"),
             "'lessons.lessons.forward.cellsDiffering' holds -1; cells count from 0"),
            (progress(lessons: "{\"forward\": {\"cellCount\": 9, \"cellsRun\": [0]}}"),
             "'lessons.lessons.forward.cellsDiffering' is missing"),
        ]
        for (json, reason) in cases {
            try Data(json.utf8).write(to: URL(fileURLWithPath: path))
            guard case .failure(let problem) = ProgressStore(path: path).load() else { return XCTFail("accepted \(json)") }
            XCTAssertEqual(problem.description, "cannot use the progress in \(path): \(reason); "
                           + "correct it, or move the file away to start afresh")
            XCTAssertEqual(try String(contentsOfFile: path, encoding: .utf8), json)
        }
        // The same layout with sound values loads.
        try Data(progress(cell: "2", lessons: "{\"forward\": {\"cellCount\": 9, \"cellsRun\": [0, 1], \"cellsDiffering\": [1]}}",
                          language: "\"ko\"").utf8).write(to: URL(fileURLWithPath: path))
        let loaded = try ProgressStore(path: path).load().get()
        XCTAssertEqual(loaded.currentCell, 2)
        XCTAssertEqual(loaded.language, .ko)
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
