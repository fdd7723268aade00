import Foundation
import Tensor
import TensorComparison

/// The exercises of one lesson, in one file of exercises/.
public struct LessonGroup: Equatable, Sendable {
    public let number: Int
    /// The lesson's id (lessons/en/NN-ID.md), which the lessons' progress uses too.
    public let id: String
    public let title: String
    /// The learner's file, relative to the package root: "exercises/03-forward.swift".
    public let file: String
    /// The reference solutions' file, relative to the package root.
    public let solutionFile: String

    init(_ number: Int, _ id: String, _ title: String) {
        self.number = number
        self.id = id
        self.title = title
        let stem = String(format: "%02d-", number) + id
        file = "exercises/\(stem).swift"
        solutionFile = "Sources/Solutions/Reference/\(stem).swift"
    }

    public static let loading = LessonGroup(1, "loading", "loading MNIST")
    public static let normalising = LessonGroup(2, "normalising", "normalising")
    public static let forward = LessonGroup(3, "forward", "the forward pass")
    public static let loss = LessonGroup(4, "loss", "the loss")
    public static let backward = LessonGroup(5, "backward", "the backward pass")
    public static let training = LessonGroup(6, "training", "training")

    public static let all: [LessonGroup] = [loading, normalising, forward, loss, backward, training]
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

/// One exercise: a function the learner writes, its checks and its hints.
public struct Exercise {
    /// The Swift function's name, which is also the name `mlplab check` takes.
    public let name: String
    public let group: LessonGroup
    /// One line: what the function computes.
    public let summary: String
    public let tolerance: Tolerance
    /// Given one at a time by `:hint`, from a nudge to nearly the answer.
    public let hints: [String]
    let makeCases: () throws -> [CheckCase]

    init(_ name: String, _ group: LessonGroup, summary: String, tolerance: Tolerance = .close,
         hints: [String], cases: @escaping () throws -> [CheckCase]) {
        self.name = name
        self.group = group
        self.summary = summary
        self.tolerance = tolerance
        self.hints = hints
        self.makeCases = cases
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
    Tensor(shape: [rows.count, rows.first?.count ?? 0], doubles: rows.flatMap { $0 })
}

/// A 1-D int64 tensor of labels.
func labels(_ values: [Int64]) -> Tensor {
    Tensor(shape: [values.count], int64s: values)
}
