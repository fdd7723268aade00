import Tensor

// Reference solutions for exercises/01-loading.swift.

/// Reference for `parseIDXHeader`: the dimensions in an IDX header.
public func parseIDXHeader(_ bytes: [UInt8]) throws -> [Int] {
    // Check every field before using it, and never read past the end.
    guard bytes.count >= 4 else {
        throw ExerciseError.invalidInput("an IDX header has at least 4 bytes, got \(bytes.count)")
    }
    guard bytes[0] == 0, bytes[1] == 0 else {
        throw ExerciseError.invalidInput("an IDX file starts with 00 00, got \(String(bytes[0], radix: 16)) \(String(bytes[1], radix: 16))")
    }
    guard bytes[2] == 0x08 else {
        throw ExerciseError.invalidInput("element type 0x\(String(bytes[2], radix: 16)) is not 0x8 (unsigned byte)")
    }
    let rank = Int(bytes[3])
    guard rank >= 1 else { throw ExerciseError.invalidInput("an IDX file needs at least one dimension") }
    guard bytes.count >= 4 + 4 * rank else {
        throw ExerciseError.invalidInput("\(rank) dimensions need \(4 + 4 * rank) header bytes, got \(bytes.count)")
    }
    // Each dimension is 4 bytes, most significant first (big-endian).
    return (0..<rank).map { axis in
        bytes[(4 + 4 * axis)..<(8 + 4 * axis)].reduce(0) { value, byte in value << 8 | Int(byte) }
    }
}

/// Reference for `oneHot`: labels (N,) → one-hot rows (N, classes).
public func oneHot(_ labels: Tensor, classes: Int) throws -> Tensor {
    let values = labels.int64s
    if let bad = values.first(where: { $0 < 0 || $0 >= classes }) {
        throw ExerciseError.invalidInput("label \(bad) is outside 0..<\(classes)")
    }
    var rows = [Double](repeating: 0, count: values.count * classes)
    for (i, label) in values.enumerated() {
        rows[i * classes + Int(label)] = 1
    }
    return try Tensor(shape: [values.count, classes], doubles: rows)
}
