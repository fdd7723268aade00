import Foundation
import Support
import Tensor

/// Saving and loading trained networks.
///
/// File format, version 1 (all integers little-endian):
///
///     offset  size  content
///     0       8     magic "MLPLABNN"
///     8       4     format version (UInt32) = 1
///     12      4     header length H (UInt32)
///     16      H     header: UTF-8 lines "key=value":
///                     sizes=784,256,10   activation=relu   loss=softmax-ce   dtype=float32
///     16+H    …     the tensors W1, b1, W2, b2, … in that order, row-major,
///                   4-byte floats (float32) or 8-byte doubles (float64); their
///                   shapes follow from `sizes`
///     end-4   4     CRC-32 of every byte before it (UInt32)
///
/// Files are written atomically (temporary file, fsync, rename), so a crash
/// while saving leaves the old model intact.
public enum ModelFile {
    public static let magic = Array("MLPLABNN".utf8)
    public static let version: UInt32 = 1

    public static func save(_ model: MLP, to path: String) throws {
        try AtomicFile.write(encode(model), to: path)
    }

    public static func load(from path: String) throws -> MLP {
        guard let data = FileManager.default.contents(atPath: path) else {
            let reason = FileManager.default.fileExists(atPath: path) ? "it cannot be read (check its permissions)" : "no such file"
            throw ModelFileError(path: path, problem: reason)
        }
        do { return try decode([UInt8](data)) } catch let problem as ModelFileError.Problem {
            throw ModelFileError(path: path, problem: problem.text)
        }
    }

    public static func encode(_ model: MLP) -> [UInt8] {
        let header = [
            "sizes=" + model.sizes.map(String.init).joined(separator: ","),
            "activation=" + model.activation.rawValue,
            "loss=" + model.lossKind.rawValue,
            "dtype=" + model.dtype.rawValue,
        ].joined(separator: "\n")
        var bytes = magic
        append(version, to: &bytes)
        append(UInt32(header.utf8.count), to: &bytes)
        bytes += Array(header.utf8)
        for p in model.parameters {
            switch p.value.storage {
            case .float32(let a): for v in a { append(v.bitPattern, to: &bytes) }
            default: for v in p.value.doubles { append(v.bitPattern, to: &bytes) }
            }
        }
        append(Checksum.crc32(bytes), to: &bytes)
        return bytes
    }

    public static func decode(_ bytes: [UInt8]) throws -> MLP {
        guard bytes.count >= 20, Array(bytes[0..<8]) == magic else {
            throw ModelFileError.Problem("it is not an mlplab model file (the first bytes are not \"MLPLABNN\")")
        }
        let stored = read(UInt32.self, bytes, at: bytes.count - 4)
        guard Checksum.crc32(Array(bytes[..<(bytes.count - 4)])) == stored else {
            throw ModelFileError.Problem("its checksum does not match: the file is corrupt or was cut short; save the model again")
        }
        let version = read(UInt32.self, bytes, at: 8)
        guard version == self.version else {
            throw ModelFileError.Problem("it is format version \(version), this mlplab reads version \(self.version)")
        }
        let headerLength = Int(read(UInt32.self, bytes, at: 12))
        guard 16 + headerLength <= bytes.count - 4,
              let header = String(bytes: bytes[16..<(16 + headerLength)], encoding: .utf8) else {
            throw ModelFileError.Problem("its header is damaged")
        }
        let fields = try headerFields(header)
        let sizes = try layerSizes(fields["sizes"])
        guard let activation = fields["activation"].flatMap(Activation.init(rawValue:)),
              let loss = fields["loss"].flatMap(LossKind.init(rawValue:)),
              let dtype = fields["dtype"].flatMap(DType.init(rawValue:)), dtype.isFloatingPoint else {
            throw ModelFileError.Problem("its header is incomplete: \(header.debugDescription)")
        }
        let width = dtype == .float32 ? 4 : 8
        let shapes = zip(sizes, sizes.dropFirst()).flatMap { [[$0, $1], [$1]] }
        guard parameterBytes(shapes, width: width) == bytes.count - 4 - (16 + headerLength) else {
            throw ModelFileError.Problem("its size does not match the layer sizes \(sizes)")
        }
        var offset = 16 + headerLength
        let linearLayers = stride(from: 0, to: shapes.count, by: 2).map { pair in
            let W = tensor(shapes[pair], dtype, bytes, &offset)
            return Linear(W: W, b: tensor(shapes[pair + 1], dtype, bytes, &offset))
        }
        return MLP(activation: activation, loss: loss, linearLayers: linearLayers)
    }

    /// The largest layer mlplab reads from a file.
    static let maxLayerSize = 1 << 20

    /// The header's `key=value` lines, by key (a later line wins).
    private static func headerFields(_ header: String) throws -> [String: String] {
        var fields: [String: String] = [:]
        for line in header.split(separator: "\n") {
            guard let equals = line.firstIndex(of: "="), equals != line.startIndex else {
                throw ModelFileError.Problem("its header line \(String(line).debugDescription) is not key=value")
            }
            fields[String(line[..<equals])] = String(line[line.index(after: equals)...])
        }
        return fields
    }

    /// The layer sizes of a header's `sizes=784,256,10`: two or more, each from 1 to `maxLayerSize`.
    private static func layerSizes(_ text: String?) throws -> [Int] {
        guard let text else { throw ModelFileError.Problem("its header has no sizes= line") }
        let parts = text.split(separator: ",", omittingEmptySubsequences: false)
        let sizes = parts.compactMap { Int($0) }.filter { (1...maxLayerSize).contains($0) }
        guard sizes.count == parts.count, sizes.count >= 2 else {
            throw ModelFileError.Problem("its header's sizes=\(text) are not two or more layer sizes "
                + "from 1 to \(maxLayerSize)")
        }
        return sizes
    }

    /// The bytes that tensors of `shapes` take, `width` bytes per element; nil past Int's range.
    private static func parameterBytes(_ shapes: [[Int]], width: Int) -> Int? {
        var total = 0
        for shape in shapes {
            var count = width
            for dim in shape {
                let (product, overflow) = count.multipliedReportingOverflow(by: dim)
                guard !overflow else { return nil }
                count = product
            }
            let (sum, overflow) = total.addingReportingOverflow(count)
            guard !overflow else { return nil }
            total = sum
        }
        return total
    }

    private static func tensor(_ shape: [Int], _ dtype: DType, _ bytes: [UInt8], _ offset: inout Int) -> Tensor {
        let count = shape.reduce(1, *)
        defer { offset += count * (dtype == .float32 ? 4 : 8) }
        if dtype == .float32 {
            return Tensor(shape: shape, floats: (0..<count).map { Float(bitPattern: read(UInt32.self, bytes, at: offset + 4 * $0)) })
        }
        return Tensor(shape: shape, storage: .float64((0..<count).map { Double(bitPattern: read(UInt64.self, bytes, at: offset + 8 * $0)) }))
    }

    private static func append<T: FixedWidthInteger>(_ value: T, to bytes: inout [UInt8]) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    private static func read<T: FixedWidthInteger>(_ type: T.Type, _ bytes: [UInt8], at offset: Int) -> T {
        var value: T = 0
        for i in (0..<MemoryLayout<T>.size).reversed() { value = value << 8 | T(bytes[offset + i]) }
        return value
    }
}

/// A model file that could not be loaded, and why.
public struct ModelFileError: Error, CustomStringConvertible {
    public let path: String
    public let problem: String

    public var description: String { "cannot load the model \(path): \(problem)" }

    /// A problem found while decoding, before the path is known.
    struct Problem: Error, CustomStringConvertible {
        let text: String
        init(_ text: String) { self.text = text }
        var description: String { "cannot load the model: \(text)" }
    }
}
