import Course
import ExerciseCalls
import ReferenceSolutions
import Tensor
import TensorComparison
import XCTest

/// Under `--lang ko` the check report speaks Korean: the cases' details, the diagnosis
/// and the summary line.
final class KoreanReportTests: XCTestCase {
    func testAMissingDivisionIsNamedInKorean() throws {
        var broken = Implementations.reference
        broken["softmaxCrossEntropyGradient"] = ExerciseFunction { (scores: Tensor, labels: Tensor) throws -> Tensor in
            try ReferenceSolutions.softmax(scores) - ReferenceSolutions.oneHot(labels, classes: scores.shape[1])
        }
        let exercise = try Course.find("softmaxCrossEntropyGradient")
        let cases = try exercise.cases()
        let index = try XCTUnwrap(cases.firstIndex { $0.title.hasPrefix("scores (5, 10)") })
        let seeded = Checker.run(exercise, case: index, of: cases, with: broken, language: .ko)
        XCTAssertEqual(seeded.status, .failed)
        let message = text(seeded)
        XCTAssertTrue(message.contains("입력: scores (5, 10) float64"), message)
        XCTAssertTrue(message.contains("참고: 모든 값이 기대값의 5배입니다. 배치 크기 N은 5입니다. N으로 나누는 것을 빠뜨렸을까요?"), message)
    }

    func testTheSummaryInKorean() {
        let statuses: [CaseResult.Status] = [.passed, .passed, .passed, .failed, .crashed]
        let results = statuses.enumerated().map { index, status in
            CaseResult(exercise: "softmax", index: index + 1, total: 5, title: "case", status: status, details: [])
        }
        XCTAssertEqual(CheckReport.summary(results, language: .ko), "케이스 5개 중 3개 통과 (실패 1개, 비정상 종료 1개)")
        XCTAssertEqual(CheckReport.summary(results), "3 of 5 cases pass (1 failed, 1 crashed)")
        XCTAssertEqual(CheckReport.lines(for: results[4], language: .ko), ["  ✗ 5/5 case: 비정상 종료"])
    }
}
