internal import CBLAS
internal import CKernels
import Foundation

/// The time BLAS alone needs for the matrix products of one training epoch of an MLP
/// inputs → hidden → classes at batch size `batchSize`, on `samples` images: the physical
/// limit of a dense pipeline on this machine, which `mlplab bench` prints beside its epochs.
///
/// A step is five products: forward x·W1 and h·W2, backward hᵀ·g, g·W2ᵀ and xᵀ·g1 (the
/// first layer's dx is never needed). Buffers are allocated once, up front; the result is
/// the median of three epochs.
public func sgemmEpochSeconds(samples n: Int, inputs d: Int, hidden h: Int, classes c: Int, batchSize b: Int) -> Double {
    var x = [Float](repeating: 0.5, count: b * d), w1 = [Float](repeating: 0.01, count: d * h)
    var hid = [Float](repeating: 0, count: b * h), w2 = [Float](repeating: 0.01, count: h * c)
    var out = [Float](repeating: 0, count: b * c), dw1 = [Float](repeating: 0, count: d * h)
    var dw2 = [Float](repeating: 0, count: h * c)
    let steps = (n + b - 1) / b
    /// C (m × nn) = op(A) · op(B), row-major.
    func gemm(_ ta: Bool, _ tb: Bool, _ m: Int, _ nn: Int, _ k: Int, _ a: UnsafePointer<Float>, _ lda: Int,
              _ bb: UnsafePointer<Float>, _ ldb: Int, _ cc: UnsafeMutablePointer<Float>) {
        cblas_sgemm(CblasRowMajor, ta ? CblasTrans : CblasNoTrans, tb ? CblasTrans : CblasNoTrans,
                    Int32(m), Int32(nn), Int32(k), 1, a, Int32(lda), bb, Int32(ldb), 0, cc, Int32(nn))
    }
    var runs: [Double] = []
    for _ in 0..<3 {
        let started = Date()
        for _ in 0..<steps {
            gemm(false, false, b, h, d, &x, d, &w1, h, &hid)       // x · W1
            gemm(false, false, b, c, h, &hid, h, &w2, c, &out)     // h · W2
            gemm(true, false, h, c, b, &hid, h, &out, c, &dw2)     // hᵀ · g
            gemm(false, true, b, h, c, &out, c, &w2, c, &hid)      // g · W2ᵀ
            gemm(true, false, d, h, b, &x, d, &hid, h, &dw1)       // xᵀ · g1
        }
        runs.append(Date().timeIntervalSince(started))
    }
    return runs.sorted()[1]
}

/// The processor OpenBLAS chose its kernels for ("SkylakeX", "Haswell", "Prescott", …): what
/// `OPENBLAS_CORETYPE` sets, or what OpenBLAS recognised. A processor newer than the library
/// gets the oldest kernels ("Prescott"), and every dense product runs several times slower.
public func blasKernelName() -> String {
    String(cString: openblas_get_corename())
}

/// The `OPENBLAS_CORETYPE` to use when OpenBLAS did not recognise this processor and fell back
/// to its oldest kernels ("Prescott") although the processor has AVX-512 ("SkylakeX") or AVX2
/// with FMA ("Haswell"); nil when the variable is set (its choice is kept) or the kernels are
/// right.
public func betterBLASCoreType(environment: [String: String]) -> String? {
    guard environment["OPENBLAS_CORETYPE"] == nil, blasKernelName().lowercased() == "prescott" else { return nil }
    switch mlplab_widest_vectors() {
    case 512: return "SkylakeX"
    case 256: return "Haswell"
    default: return nil
    }
}

/// Makes OpenBLAS choose its kernels again as if `OPENBLAS_CORETYPE` were `coreType`, and
/// sets the variable so that child processes get the same. Only before the first BLAS call.
public func chooseBLASKernels(_ coreType: String) {
    setenv("OPENBLAS_CORETYPE", coreType, 1)
    gotoblas_dynamic_quit()
    gotoblas_dynamic_init()
}
