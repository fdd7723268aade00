import ExerciseCalls
import Tensor
import TensorComparison

// The checks of exercises/01-loading.swift.

extension CheckCases {
    /// The checks of each exercise in loading, by name.
    static let loading: [String: CaseBuilder] = [
        "parseIDXHeader": {
            func header(_ title: String, _ bytes: [UInt8]) -> CheckCase {
                CheckCase(title, inputs: [Named("bytes", Tensor(shape: [bytes.count], int64s: bytes.map(Int64.init)))]) {
                    [Named("result", integers: try $0.call("parseIDXHeader", bytes))]
                }
            }
            return [
                header("MNIST training labels: 00 00 08 01, then 60000 (00 00 EA 60)", [0, 0, 8, 1, 0, 0, 0xEA, 0x60]),
                header("MNIST training images: three dimensions", [0, 0, 8, 3, 0, 0, 0xEA, 0x60, 0, 0, 0, 28, 0, 0, 0, 28]),
                header("test images header followed by pixel bytes (ignore them)",
                       [0, 0, 8, 3, 0, 0, 0x27, 0x10, 0, 0, 0, 28, 0, 0, 0, 28, 0, 0, 255, 17]),
                header("every byte of a dimension counts: 01 02 03 04 = 16909060", [0, 0, 8, 2, 1, 2, 3, 4, 0, 0, 0, 1]),
                header("gzip bytes (1f 8b), not an IDX header: must throw", [0x1F, 0x8B, 8, 0, 0, 0, 0, 0]),
                header("element type 0d (float32) is not 08: must throw", [0, 0, 0x0D, 1, 0, 0, 0, 5]),
                header("cut short: 3 dimensions need 16 bytes, here 10: must throw", [0, 0, 8, 3, 0, 0, 0xEA, 0x60, 0, 0]),
                header("no dimensions (n = 0): must throw", [0, 0, 8, 0]),
                header("no bytes at all: must throw", []),
            ]
        },
        "oneHot": {
            func encode(_ title: String, _ y: Tensor, classes: Int) -> CheckCase {
                CheckCase(title, inputs: [Named("labels", y), Named("classes", integer: classes)]) {
                    [Named("result", try $0.call("oneHot", y, classes))]
                }
            }
            var draw = Draw(seed: 1)
            return [
                encode("labels 0 and 9, the first and the last class", labels([0, 9]), classes: 10),
                encode("20 labels, seed 1", try draw.randint(0, 10, 20), classes: 10),
                encode("batch of 1", labels([7]), classes: 10),
                encode("3 classes", labels([2, 0, 1, 2]), classes: 3),
                encode("label 10 with 10 classes: must throw", labels([3, 10]), classes: 10),
                encode("label -1: must throw", labels([-1]), classes: 10),
            ]
        },
    ]
}
