import Datasets
import FuzzSupport

/// One IDX file's contents, plain or gzip-compressed. Every input must decode
/// or be refused with an error; an images file that decodes is paired with
/// labels and turned into the tensors that training and `mlplab info` use.
@main
enum FuzzIDX {
    static func main() {
        Fuzzer.run { contents in
            guard let array = try? IDX.decode(contents, file: "fuzz-idx") else { return }
            if array.dims.count == 3, array.dims[0] <= 1 << 16 { useAsImages(array) }
        }
    }

    static func useAsImages(_ array: IDXArray) {
        let count = array.dims[0]
        guard let labels = IDXArray(dims: [count], bytes: [UInt8](repeating: 0, count: count)),
              let images = try? LabeledImages(images: array, labels: labels) else { return }
        _ = images.pixels()
        _ = images.scaledFloat32()
        _ = images.scaledFloat64()
        _ = images.labelTensor()
    }
}
