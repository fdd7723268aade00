import Tensor

// Reference solutions for exercises/06-training.swift.

/// Reference for `sgdStep`: parameter - learningRate · gradient.
public func sgdStep(_ parameter: Tensor, gradient: Tensor, learningRate: Double) throws -> Tensor {
    guard parameter.shape == gradient.shape else {
        throw ExerciseError.invalidInput("sgdStep needs a gradient shaped like its parameter, got \(formatShape(parameter.shape)) and \(formatShape(gradient.shape))")
    }
    return try parameter - Tensor(scalar: learningRate) * gradient
}

/// Reference for `miniBatches`: one permutation, cut into consecutive batches.
public func miniBatches(count: Int, batchSize: Int, rng: inout NumpyRandom) throws -> [[Int]] {
    guard batchSize >= 1 else { throw ExerciseError.invalidInput("the batch size must be at least 1, got \(batchSize)") }
    let order = rng.permutation(count).map(Int.init)
    return stride(from: 0, to: order.count, by: batchSize).map { start in
        Array(order[start..<min(start + batchSize, order.count)])
    }
}

/// Reference for `accuracy`: the fraction of rows whose argmax is the label.
public func accuracy(_ scores: Tensor, labels: Tensor) throws -> Double {
    let predicted = try scores.argmax(axis: -1).int64s    // numpy's argmax: the first maximum wins
    let truth = labels.int64s
    guard predicted.count == truth.count else {
        throw ExerciseError.invalidInput("accuracy needs one label per row: \(predicted.count) rows, \(truth.count) labels")
    }
    guard !truth.isEmpty else { return 0 }
    let correct = zip(predicted, truth).filter { $0 == $1 }.count
    return Double(correct) / Double(truth.count)
}
