import Tensor
import TensorComparison

// The checks of exercises/02-normalising.swift.

extension CheckCases {
    /// The checks of each exercise in normalising, by name.
    static let normalising: [String: CaseBuilder] = [
        "normalise": {
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
        },
        "zeroCentre": {
            func centre(_ title: String, _ x: Tensor, _ mean: Tensor) -> CheckCase {
                CheckCase(title, inputs: [Named("x", x), Named("mean", mean)]) { [Named("result", try $0.zeroCentre(x, mean))] }
            }
            var draw = Draw(seed: 4)
            let x = draw.randn(5, 4)
            let train = draw.randn(6, 3), test = draw.randn(2, 3)
            let image = draw.rand(1, 784)
            return [
                centre("x (5, 4) with its own mean: the result then averages 0", x, try x.mean()),
                centre("a test batch (2, 3) with the training set's mean", test, try train.mean()),
                centre("batch of 1: (1, 784), MNIST's mean pixel 0.1307", image, Tensor(scalar: 0.1307)),
                centre("a mean per column, (3,) for x (2, 3), not one number: must throw",
                       matrix([[1, 2, 3], [4, 5, 6]]), Tensor([1, 2, 3])),
            ]
        },
    ]
}
