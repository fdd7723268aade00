import Support

// Tensors in the byte layout of workspace files and of the messages to the learner's process:
//
//     dtype u8 (0 bool, 1 int64, 2 float32, 3 float64, 4 uint8, 5 float16), ndim u32, dims u64 × ndim, elements

extension ByteWriter {
    /// A tensor's dtype, shape and elements.
    public mutating func tensor(_ t: Tensor) {
        u8(UInt8(ByteReader.tensorDTypes.firstIndex(of: t.dtype)!))
        u32(UInt32(t.ndim))
        t.shape.forEach { u64(UInt64($0)) }
        switch t.storage {
        case .bool(let a): littleEndian(a.map { UInt8($0 ? 1 : 0) })
        case .int64(let a): littleEndian(a)
        case .float32(let a): floatingPoint(a, \.bitPattern)
        case .float64(let a): floatingPoint(a, \.bitPattern)
        case .uint8(let a): littleEndian(a)
        case .float16(let a): floatingPoint(a, \.bitPattern)
        }
    }

    /// Floating-point numbers as the little-endian bytes of their IEEE 754 bit patterns: on a
    /// little-endian machine, their memory as it is, with no copy of the bit patterns made first.
    private mutating func floatingPoint<F: BinaryFloatingPoint, Bits: FixedWidthInteger>(_ values: [F], _ bits: (F) -> Bits) {
        #if _endian(little)
        values.withUnsafeBytes { bytes($0) }
        #else
        littleEndian(values.map(bits))
        #endif
    }
}

extension ByteReader {
    /// A tensor as `ByteWriter.tensor` writes it, refused unless its shape is one a tensor
    /// may have within the allocation limit (`Tensor.checkAllocation`).
    public mutating func tensor() throws -> Tensor {
        let code = Int(try u8())
        guard code < ByteReader.tensorDTypes.count else { throw malformed("holds an unknown dtype") }
        let ndim = Int(try u32())
        guard ndim <= Tensor.maxDimensions else {
            throw malformed("holds a tensor of \(ndim) dimensions; the limit is \(Tensor.maxDimensions)")
        }
        let shape = try (0..<ndim).map { _ -> Int in
            guard let d = Int(exactly: try u64()) else { throw malformed("holds a tensor dimension that is too large") }
            return d
        }
        let n = try Tensor.checkAllocation(shape, operation: "tensor")
        return try elements(n, ByteReader.tensorDTypes[code]).reshaped(shape)
    }

    /// The next `n` elements of `dtype` as a 1-D tensor, as numpy lays them out in memory
    /// on a little-endian machine (a bool is one byte, non-zero for true).
    public mutating func elements(_ n: Int, _ dtype: DType) throws -> Tensor {
        switch dtype {
        case .bool: return Tensor(shape: [n], bools: try littleEndian(n, as: UInt8.self).map { $0 != 0 })
        case .uint8: return Tensor(shape: [n], bytes: try littleEndian(n, as: UInt8.self))
        case .int64: return Tensor(shape: [n], int64s: try littleEndian(n, as: Int64.self))
        case .float16: return Tensor(shape: [n], halves: try littleEndian(n, as: UInt16.self).map(Float16.init(bitPattern:)))
        case .float32: return Tensor(shape: [n], floats: try littleEndian(n, as: UInt32.self).map(Float.init(bitPattern:)))
        case .float64: return Tensor(shape: [n], storage: .float64(try littleEndian(n, as: UInt64.self).map(Double.init(bitPattern:))))
        }
    }

    /// Dtypes by their code in the bytes; new dtypes are added at the end, so older files still read.
    static let tensorDTypes: [DType] = [.bool, .int64, .float32, .float64, .uint8, .float16]
}
