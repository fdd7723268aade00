import Tensor
import TensorComparison

// The checks and hints of exercises/02-normalising.swift.

extension Exercise {
    static let normalise = Exercise("normalise", .normalising,
        summary: "pixels 0…255 scaled to 0…1, as float64",
        hints: [
            "The result is float64 even when the pixels are int64: start from pixels.astype(.float64), or from pixels.doubles.",
            "Divide every element by 255: try x / Tensor(scalar: 255) divides them all at once (the 0-d tensor broadcasts).",
        ]) {
        func scale(_ title: String, _ pixels: Tensor) -> CheckCase {
            CheckCase(title, inputs: [Named("pixels", pixels)]) { [Named("result", try $0.normalise(pixels))] }
        }
        var draw = Draw(seed: 2)
        return [
            scale("0, 51, 255 → 0, 0.2, 1", Tensor(shape: [1, 3], int64s: [0, 51, 255])),
            scale("three MNIST images (3, 784), seed 2", try draw.randint(0, 256, 3, 784)),
            scale("batch of 1: (1, 784)", try draw.randint(0, 256, 1, 784)),
            scale("float64 pixels work too", matrix([[0, 127.5, 255]])),
        ]
    }

    static let zeroCentre = Exercise("zeroCentre", .normalising,
        summary: "each feature (column) minus its training-set mean",
        hints: [
            "Broadcasting does the work: an (N, D) tensor minus a (D,) tensor subtracts the same mean from every row.",
            "Check the shapes first so that a wrong mean throws instead of crashing: guard x.ndim == 2, mean.shape == [x.shape[1]] else { throw ExerciseError.invalidInput(\"…\") }.",
        ]) {
        func centre(_ title: String, _ x: Tensor, _ mean: Tensor) -> CheckCase {
            CheckCase(title, inputs: [Named("x", x), Named("mean", mean)]) { [Named("result", try $0.zeroCentre(x, mean))] }
        }
        var draw = Draw(seed: 4)
        let x = draw.randn(5, 4)
        let train = draw.randn(6, 3), test = draw.randn(2, 3)
        let image = draw.rand(1, 784), pixelMeans = draw.rand(784)
        return [
            centre("x (5, 4) with its own mean: every column then averages 0", x, try x.mean(axis: 0)),
            centre("a test batch (2, 3) with the training set's mean", test, try train.mean(axis: 0)),
            centre("batch of 1: (1, 784)", image, pixelMeans),
            centre("a mean of the wrong length, (4,) for x (2, 3): must throw", matrix([[1, 2, 3], [4, 5, 6]]),
                   Tensor([1, 2, 3, 4])),
        ]
    }
}
