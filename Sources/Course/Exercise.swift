import ExerciseCalls
import Foundation
import Tensor
import TensorComparison

/// The exercises of one lesson, in one file of exercises/ (course.json's `files`).
public struct LessonGroup: Equatable, Sendable {
    public let number: Int
    /// The lesson's id (lessons/en/NN-ID.md), which the lessons' progress uses too.
    public let id: String
    public let title: String
    /// The learner's file, relative to the package root: "exercises/03-forward.swift".
    public let file: String
    /// The reference solutions' file, relative to the package root.
    public let solutionFile: String

    /// Every exercise file, in the lessons' order.
    public static let all: [LessonGroup] = Manifest.bundled.files.map { file in
        LessonGroup(number: file.lesson, id: file.id, title: file.title, file: file.file, solutionFile: file.reference)
    }
}

/// One check: fixed inputs, and how to call one implementation of the exercise on them.
public struct CheckCase {
    /// What the case is about: "batch of 1", "[0, 1000, -1000]: no overflow".
    public let title: String
    /// The inputs as the function receives them, for the report.
    public let inputs: [Named]
    /// Calls the exercise from `Implementations` on the inputs and names its outputs.
    public let run: (Implementations) throws -> [Named]
    /// Outputs printed in the seeds (8 decimals) for the same inputs, and where.
    public let seedValues: [Named]
    public let seedSource: String?

    public init(_ title: String, inputs: [Named], seedValues: [Named] = [], seedSource: String? = nil,
                run: @escaping (Implementations) throws -> [Named]) {
        self.title = title
        self.inputs = inputs
        self.seedValues = seedValues
        self.seedSource = seedSource
        self.run = run
    }
}

/// What the checks of one exercise are built by: fixed inputs, and how to call an
/// implementation on them (some inputs are MNIST-sized, so they are built when asked for).
typealias CaseBuilder = () throws -> [CheckCase]

/// The checks of every exercise, by the exercise's name (one dictionary per exercise file,
/// in Cases/).
enum CheckCases {
    static let byName: [String: CaseBuilder] = [loading, normalising, forward, loss, backward, training]
        .reduce(into: [:]) { all, file in all.merge(file) { first, _ in first } }
}

/// One exercise: a function the learner writes, as course.json declares it, and its checks.
public struct Exercise {
    /// The Swift function's name, which is also the name `mlplab check` takes.
    public let name: String
    /// The file it is written in, with the other exercises of that file.
    public let group: LessonGroup
    /// One line: what the function computes.
    public let summary: String
    public let tolerance: Tolerance
    /// Given one at a time by `:hint`, from a nudge to nearly the answer.
    public let hints: [String]
    private let korean: (summary: String, hints: [String], contract: [String])
    /// The REPL builtin it computes under `:use mine`, if any.
    public let builtin: String?
    /// Whether `fit` calls it under `:use mine`.
    public let usedInTraining: Bool
    let makeCases: CaseBuilder

    init(_ entry: Manifest.Entry, group: LessonGroup, cases: @escaping CaseBuilder) {
        name = entry.name
        self.group = group
        summary = entry.summary
        tolerance = entry.tolerance
        hints = entry.hints
        korean = (entry.summaryKo, entry.hintsKo, entry.contractKo)
        builtin = entry.builtin
        usedInTraining = entry.training
        makeCases = cases
    }

    /// The one-line summary in `language`.
    public func summary(in language: ReportLanguage) -> String {
        language == .ko ? korean.summary : summary
    }

    /// The hints in `language`, in the order `:hint` gives them.
    public func hints(in language: ReportLanguage) -> [String] {
        language == .ko ? korean.hints : hints
    }

    /// The contract in Korean, line by line: the stub's doc comment, which is in English, translated.
    public var koreanContract: [String] { korean.contract }

    /// The body of the exercise's stub as exercises/ ships it, line by line: what `:reset` puts back.
    public var stubBody: [String] {
        ["    // START CODE HERE", "    throw ExerciseError.notImplemented(\"\(name)\")", "    // END CODE HERE"]
    }

    /// The checks, built when asked for (some inputs are MNIST-sized).
    public func cases() throws -> [CheckCase] {
        try makeCases()
    }
}

/// Inputs drawn from numpy's legacy generator, so that a python script doing the
/// same draws after `np.random.seed(seed)` gets the same numbers.
struct Draw {
    var rng: NumpyRandom

    init(seed: UInt32) {
        rng = NumpyRandom(seed: seed)
    }

    /// `np.random.randn(*shape)`
    mutating func randn(_ shape: Int...) -> Tensor { Tensor.randn(shape, using: &rng) }
    /// `np.random.rand(*shape)`
    mutating func rand(_ shape: Int...) -> Tensor { Tensor.rand(shape, using: &rng) }
    /// `np.random.randint(low, high, size=shape)`, int64.
    mutating func randint(_ low: Int64, _ high: Int64, _ shape: Int...) throws -> Tensor {
        try Tensor.randint(low: low, high: high, shape: shape, using: &rng)
    }
}

/// A tensor from nested literals: `matrix([[0, 1000, -1000]])`.
func matrix(_ rows: [[Double]]) -> Tensor {
    Tensor(shape: [rows.count, rows.first?.count ?? 0], storage: .float64(rows.flatMap { $0 }))
}

/// A 1-D int64 tensor of labels.
func labels(_ values: [Int64]) -> Tensor {
    Tensor(shape: [values.count], int64s: values)
}
