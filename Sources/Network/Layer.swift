// Network: the multi-layer perceptron. Layers with their forward and backward side by
// side (Linear, the activations), the losses with their gradients, the MLP that stacks
// them, optimisers (SGD, momentum, Adam), numerical gradient checks, the one training
// loop (Trainer, its batches from a BatchSource, its TrainingStep, its progress bar) and
// the model file.
//
// It leaves the arrays and BLAS to Tensor, the data to Datasets, and pictures of training
// to Plots; it knows nothing of the REPL.

import Tensor

/// A learnable tensor and the gradient of the loss with respect to it.
///
/// Parameters are objects so that the layer that owns one and the optimiser
/// that updates it see the same values: `W -= lr * dW` on `layer.weight`
/// changes the layer's W (a Swift array copied into two places would silently
/// stop updating one of them).
public final class Parameter {
    public let name: String
    public var value: Tensor
    /// dLoss/dvalue from the last `backward`, same shape as `value`.
    public var gradient: Tensor

    public init(name: String, value: Tensor) {
        self.name = name
        self.value = value
        self.gradient = Tensor.zeros(like: value)
    }
}

/// One stage of a network: `forward` maps inputs to outputs and keeps what
/// `backward` needs; `backward` maps dLoss/dOutput to dLoss/dInput and stores
/// the parameters' gradients.
public protocol Layer: AnyObject {
    /// A short name for listings: "Linear(784→256)", "ReLU".
    var name: String { get }
    /// The learnable tensors (empty for activation functions).
    var parameters: [Parameter] { get }
    /// The last output of `forward` (nil before the first call), for inspection.
    var out: Tensor? { get }
    func forward(_ x: Tensor) throws -> Tensor
    func backward(_ dOut: Tensor) throws -> Tensor
    /// The same layer with its parameters in `dtype` (float32 or float64).
    func converted(to dtype: DType) -> Layer
}

extension Layer {
    public var parameters: [Parameter] { [] }
}

/// Errors from building, running and training networks.
public enum NetworkError: Error, CustomStringConvertible {
    case backwardBeforeForward(layer: String)
    case invalidConfiguration(String)
    case diverged(step: Int, epoch: Int, loss: Double, firstLoss: Double, learningRate: Double)

    public var description: String {
        switch self {
        case .backwardBeforeForward(let layer):
            return "\(layer).backward called before forward: run forward first so the layer has its inputs"
        case .invalidConfiguration(let message):
            return message
        case .diverged(let step, let epoch, let loss, let firstLoss, let learningRate):
            return "training diverged at step \(step) (epoch \(epoch)): the loss became \(loss) (it started at \(firstLoss)). "
                + "The learning rate \(learningRate) is too large for this network; try \(learningRate / 10). "
                + "The weights are back to where they were at the start of epoch \(epoch)."
        }
    }
}
