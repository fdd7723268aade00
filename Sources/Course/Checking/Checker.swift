import ExerciseCalls
import Tensor
import TensorComparison

/// What calling one implementation on a case's inputs came to.
enum Outcome {
    case values([Named])
    case threw(String)
    /// An exercise function (this one, or one it calls) is still a stub.
    case notImplemented(String)

    init(_ body: () throws -> [Named]) {
        do {
            self = .values(try body())
        } catch ExerciseError.notImplemented(let name) {
            self = .notImplemented(name)
        } catch {
            self = .threw(String(describing: error))
        }
    }
}

/// Runs check cases: each case once with the reference solutions (the expected values)
/// and once with the implementations under test, then compares.
public enum Checker {
    /// The result of case `index` (0-based) of `exercise`, run with `implementations`;
    /// its details in `language`.
    public static func run(_ exercise: Exercise, case index: Int, of cases: [CheckCase],
                           with implementations: Implementations, language: ReportLanguage = .en) -> CaseResult {
        let check = cases[index]
        let expected = Outcome { try check.run(.reference) }
        let actual = Outcome { try check.run(implementations) }
        let (status, details) = judge(exercise: exercise, check: check, expected: expected, actual: actual, language: language)
        return CaseResult(exercise: exercise.name, index: index + 1, total: cases.count,
                          title: check.title, status: status, details: details)
    }

    /// Every case of `exercise`, in order.
    public static func runAll(_ exercise: Exercise, with implementations: Implementations) throws -> [CaseResult] {
        let cases = try exercise.cases()
        return cases.indices.map { run(exercise, case: $0, of: cases, with: implementations) }
    }

    static func judge(exercise: Exercise, check: CheckCase, expected: Outcome,
                      actual: Outcome, language: ReportLanguage = .en) -> (CaseResult.Status, [String]) {
        func say(_ english: String, _ korean: String) -> String { language == .ko ? korean : english }
        let inputs = say("inputs: ", "입력: ") + check.inputs.map(Formatting.describe).joined(separator: "; ")
        switch (expected, actual) {
        case (_, .notImplemented(let name)):
            let whose = name == exercise.name ? "" : say(" (\(exercise.name) calls it)", " (\(exercise.name)에서 호출하는 함수)")
            return (.notImplemented, [say("\(name): not implemented yet\(whose): write its body between START CODE HERE and END CODE HERE",
                                          "\(name): 아직 구현되지 않았습니다\(whose). START CODE HERE와 END CODE HERE 사이에 본문을 작성하세요")])
        case (.notImplemented(let name), _):
            return (.failed, [say("the reference solution of \(name) is missing: the course itself is broken",
                                  "\(name)의 참조 구현이 없습니다. 과정 자체가 잘못되었습니다")])
        case (.threw, .threw):
            return (.passed, [])
        case (.threw(let reason), .values(let values)):
            let returned = values.map { "\($0.name) = \(Formatting.preview($0.value))" }.joined(separator: "; ")
            return (.failed, [inputs,
                              say("expected an error, because these inputs break the contract (\(reason)),",
                                  "이 입력은 계약을 어기므로 오류가 나야 하는데 (\(reason)),"),
                              say("but the function returned \(returned)", "함수가 값을 반환했습니다: \(returned)")])
        case (.values(let values), .threw(let error)):
            let wanted = values.map { "\($0.name) \(formatShape($0.value.shape))" }.joined(separator: ", ")
            return (.failed, [inputs, say("the function threw: \(error)", "함수가 오류를 냈습니다: \(error)"),
                              say("expected \(wanted): ", "기대값 \(wanted): ") +
                              values.map { Formatting.preview($0.value) }.joined(separator: "; ")])
        case (.values(let wanted), .values(let got)):
            let lines = zip(wanted, got).flatMap { expected, actual in
                Comparison(expected: expected, actual: actual.value, tolerance: exercise.tolerance, inputs: check.inputs,
                           language: language).differences ?? []
            }
            return lines.isEmpty ? (.passed, []) : (.failed, [inputs] + lines)
        }
    }
}
