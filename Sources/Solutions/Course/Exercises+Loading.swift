import Tensor
import TensorComparison

// The checks and hints of exercises/01-loading.swift.

extension Exercise {
    static let parseIDXHeader = Exercise("parseIDXHeader", .loading,
        summary: "the dimensions in an IDX header, its magic number checked first",
        tolerance: .exact,
        hints: [
            "Check before you read: a header has at least 4 bytes, bytes[0] and bytes[1] are 0 and bytes[2] is 0x08; otherwise throw ExerciseError.invalidInput(\"…\") saying what was wrong. The number of dimensions is n = Int(bytes[3]), and must be at least 1.",
            "With n known, the header needs 4 + 4·n bytes: check bytes.count before reading them. Dimension k is in bytes[4 + 4k ..< 8 + 4k].",
            "Big-endian means the most significant byte comes first: b0 << 24 | b1 << 16 | b2 << 8 | b3, with each byte turned into an Int first. Folding works too: value = value << 8 | Int(byte) for the four bytes in order.",
        ]) {
        func header(_ title: String, _ bytes: [UInt8]) -> CheckCase {
            CheckCase(title, inputs: [Named("bytes", Tensor(shape: [bytes.count], int64s: bytes.map(Int64.init)))]) {
                [Named("result", integers: try $0.parseIDXHeader(bytes))]
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
    }

    static let oneHot = Exercise("oneHot", .loading,
        summary: "integer labels (N,) to one-hot rows (N, classes)",
        hints: [
            "Start from N·classes zeros, [Double](repeating: 0, count: n * classes). Stored row by row, row i and column j is element i * classes + j.",
            "Read the labels with labels.int64s. For the label of row i, check 0 <= label < classes (else throw ExerciseError.invalidInput), then set element i * classes + label to 1.",
            "Wrap the numbers in a tensor of the right shape: Tensor(shape: [n, classes], doubles: values).",
        ]) {
        func encode(_ title: String, _ y: Tensor, classes: Int) -> CheckCase {
            CheckCase(title, inputs: [Named("labels", y), Named("classes", integer: classes)]) {
                [Named("result", try $0.oneHot(y, classes))]
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
    }
}
