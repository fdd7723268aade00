import Foundation
import Network
import Tensor

/// A method of a REPL object: a builtin whose body already knows its receiver.
func method(_ name: String, _ parameters: [Parameter] = [], help: String,
            _ body: @escaping (Arguments) throws -> Value) -> Value {
    .function(Builtin(name, parameters, category: "methods", help: help, example: "", body: body))
}

/// A tensor attribute that may not exist yet (a cache before the first forward).
func optionalTensor(_ tensor: Tensor?) -> Value {
    tensor.map(Value.tensor) ?? .none
}

/// A layer in the REPL: `layer.forward(x)`, `layer.backward(dout)`, and the
/// tensors it keeps — W, b, dW, db, x, out, mask — readable after each call.
struct LayerObject: ScriptObject {
    let layer: Layer

    var typeName: String { String(describing: type(of: layer)) }
    var description: String { layer.name }

    var attributeNames: [String] {
        var names = ["forward", "backward", "out", "name"]
        if layer is Linear { names += ["W", "b", "dW", "db", "x"] }
        if layer is ReLU { names.append("mask") }
        return names.sorted()
    }

    func attribute(_ name: String) throws -> Value {
        switch (name, layer) {
        case ("forward", _):
            return method("forward", [.required("x")], help: "The layer's output for x; keeps what backward needs.") { args in
                .tensor(try layer.forward(try args.tensor("x")))
            }
        case ("backward", _):
            return method("backward", [.required("dout")], help: "dLoss/dx from dLoss/dout; stores the parameter gradients.") { args in
                .tensor(try layer.backward(try args.tensor("dout")))
            }
        case ("out", _): return optionalTensor(layer.out)
        case ("name", _): return .string(layer.name)
        case ("W", let linear as Linear): return .tensor(linear.W)
        case ("b", let linear as Linear): return .tensor(linear.b)
        case ("dW", let linear as Linear): return .tensor(linear.dW)
        case ("db", let linear as Linear): return .tensor(linear.db)
        case ("x", let linear as Linear): return optionalTensor(linear.x)
        case ("mask", let relu as ReLU): return optionalTensor(relu.mask)
        default: throw noSuchAttribute(name)
        }
    }

    /// `layer.W = …` and `layer.b = …` replace a Linear layer's parameters (same shape).
    mutating func setAttribute(_ name: String, _ value: Value) throws {
        guard let linear = layer as? Linear, name == "W" || name == "b", case .tensor(let tensor) = value else {
            throw InterpreterError(.type, "only W and b (tensors) of a Linear layer can be assigned")
        }
        let parameter = name == "W" ? linear.weight : linear.bias
        guard tensor.shape == parameter.value.shape else {
            throw InterpreterError(.type, "\(name) has shape \(formatShape(parameter.value.shape)), "
                + "the new value \(formatShape(tensor.shape))")
        }
        parameter.value = tensor.astype(parameter.value.dtype)
    }
}

/// A loss in the REPL: `loss.forward(outputs, targets)` → the mean loss, `loss.backward()` → dLoss/doutputs.
struct LossObject: ScriptObject {
    let loss: Loss

    var typeName: String { String(describing: type(of: loss)) }
    var description: String { "<loss \(loss.name)>" }
    var attributeNames: [String] { ["backward", "forward", "name", "probabilities"] }

    func attribute(_ name: String) throws -> Value {
        switch name {
        case "forward":
            return method("forward", [.required("outputs"), .required("targets")],
                          help: "The mean loss of the batch; targets are labels (N,) or one-hot (N, C).") { args in
                .float(try loss.forward(try args.tensor("outputs"), try args.tensor("targets")))
            }
        case "backward":
            return method("backward", help: "dLoss/doutputs for the last forward call.") { _ in .tensor(try loss.backward()) }
        case "name": return .string(loss.name)
        case "probabilities": return optionalTensor((loss as? SoftmaxCrossEntropyLoss)?.probabilities)
        default: throw noSuchAttribute(name)
        }
    }
}

/// A network in the REPL: `net.predict(x)` (scores), `net.forward(x, y)` (the loss),
/// `net.backward()`, `net.layers[0].W`, its parameters by name `net.W1`, `net.dW1`, …,
/// and all of them in order as lists, `net.params` and `net.grads` (as the book's
/// TwoLayerNet keeps them; copies: `net.step(lr)` is what changes the weights).
/// `:save` stores it in the model file format (`mlplab train --save`).
struct NetworkObject: ArchivableObject {
    static let archiveKind = "MLP"

    func archived() throws -> Data { Data(ModelFile.encode(net)) }

    static func unarchived(from data: Data) throws -> NetworkObject {
        NetworkObject(net: try ModelFile.decode([UInt8](data)))
    }

    let net: MLP

    var typeName: String { "MLP" }
    var description: String { net.summary() }

    private var parameterNames: [String] {
        net.namedParameters.flatMap { [$0.name, "d" + $0.name] }
    }

    var attributeNames: [String] {
        (["layers", "sizes", "dtype", "loss", "params", "grads", "predict", "forward", "backward", "summary", "step"]
            + parameterNames).sorted()
    }

    func attribute(_ name: String) throws -> Value {
        switch name {
        case "layers": return .list(net.layers.map { .object(LayerObject(layer: $0)) })
        case "sizes": return .tuple(net.sizes.map(Value.int))
        case "dtype": return .dtype(net.dtype)
        case "loss": return .object(LossObject(loss: net.loss))
        case "params": return .list(net.parameters.map { .tensor($0.value) })
        case "grads": return .list(net.parameters.map { .tensor($0.gradient) })
        case "predict":
            return method("predict", [.required("x")],
                          help: "The network's outputs (scores) for a batch x; their argmax(axis=1) is the predicted classes.") { args in
                .tensor(try net.predict(try args.tensor("x")))
            }
        case "forward":
            return method("forward", [.required("x"), .required("targets")],
                          help: "Runs the batch forward and returns its mean loss against the targets; keeps what backward needs.") { args in
                .float(try net.forward(try args.tensor("x"), try args.tensor("targets")))
            }
        case "backward":
            return method("backward", help: "Backpropagates the last loss; stores every gradient and returns dLoss/dx.") { _ in
                .tensor(try net.backward())
            }
        case "summary":
            return method("summary", [.optional("batch_size", .int(1))], help: "The layers and their output shapes.") { args in
                args.session.write(net.summary(batchSize: try args.int("batch_size")))
                return .none
            }
        case "step":
            return method("step", [.required("lr")], help: "One SGD update: W -= lr * dW for every parameter.") { args in
                try SGD(learningRate: try args.double("lr")).step(net.parameters)
                return .none
            }
        default:
            let gradient = name.hasPrefix("d")
            let parameterName = gradient ? String(name.dropFirst()) : name
            guard let parameter = net.namedParameters.first(where: { $0.name == parameterName })?.parameter else {
                throw noSuchAttribute(name)
            }
            return .tensor(gradient ? parameter.gradient : parameter.value)
        }
    }

    /// `net.layers[0].W = W` changes the layer itself, then stores the list of layers back:
    /// the network's own layers, in order, which already hold the change. Nothing else is assigned.
    mutating func setAttribute(_ name: String, _ value: Value) throws {
        guard name == "layers", case .list(let items) = value, items.count == net.layers.count,
              zip(items, net.layers).allSatisfy({ item, layer in
                  if case .object(let object as LayerObject) = item { return object.layer === layer }
                  return false
              }) else {
            throw InterpreterError(.type, "attribute '\(name)' of MLP cannot be assigned; change a layer instead, as in net.layers[0].W = W")
        }
    }
}

/// The record of a `fit` run: `history.test_acc`, `history.step_loss`, `history.interval_loss`, ….
/// `:save` stores it as a workspace file of its own whose entries are its attributes.
struct HistoryObject: ArchivableObject {
    static let archiveKind = "History"
    let history: History

    /// Every record of the run, by attribute name (`epochs` follows from `epoch_seconds`).
    private static let records: [(name: String, keyPath: WritableKeyPath<History, [Double]>)] = [
        ("train_loss", \.trainLoss), ("train_acc", \.trainAccuracy), ("test_loss", \.testLoss),
        ("test_acc", \.testAccuracy), ("step_loss", \.stepLoss), ("interval_loss", \.intervalLoss),
        ("epoch_seconds", \.epochSeconds),
    ]

    func archived() throws -> Data {
        let entries = Self.records.map { ($0.name, Value.tensor(Tensor(history[keyPath: $0.keyPath]))) }
        return Data(try WorkspaceArchive.encode(entries + [("interrupted", .bool(history.interrupted))]).bytes)
    }

    static func unarchived(from data: Data) throws -> HistoryObject {
        let entries = Dictionary(try WorkspaceArchive.decode(data), uniquingKeysWith: { first, _ in first })
        var history = History()
        for record in records {
            guard case .tensor(let values)? = entries[record.name], values.ndim == 1, values.dtype == .float64 else {
                throw InterpreterError(.file, "the saved History has no \(record.name) record")
            }
            history[keyPath: record.keyPath] = values.doubles
        }
        guard case .bool(let interrupted)? = entries["interrupted"] else {
            throw InterpreterError(.file, "the saved History has no interrupted record")
        }
        history.interrupted = interrupted
        return HistoryObject(history: history)
    }

    var typeName: String { "History" }
    var description: String {
        let epochs = history.epochsCompleted
        var text = "<History: \(epochs) epoch\(epochs == 1 ? "" : "s"), \(history.stepLoss.count) steps"
        if let acc = history.testAccuracy.last { text += String(format: ", test acc %.2f%%", acc * 100) }
        return text + (history.interrupted ? ", interrupted>" : ">")
    }

    var attributeNames: [String] {
        ["epoch_seconds", "epochs", "interrupted", "interval_loss", "step_loss", "test_acc", "test_loss", "train_acc",
         "train_loss"]
    }

    func attribute(_ name: String) throws -> Value {
        switch name {
        case "train_loss": return .tensor(Tensor(history.trainLoss))
        case "train_acc": return .tensor(Tensor(history.trainAccuracy))
        case "test_loss": return .tensor(Tensor(history.testLoss))
        case "test_acc": return .tensor(Tensor(history.testAccuracy))
        case "step_loss": return .tensor(Tensor(history.stepLoss))
        case "interval_loss": return .tensor(Tensor(history.intervalLoss))
        case "epoch_seconds": return .tensor(Tensor(history.epochSeconds))
        case "epochs": return .int(history.epochsCompleted)
        case "interrupted": return .bool(history.interrupted)
        default: throw noSuchAttribute(name)
        }
    }
}

/// `SGD(lr)`: the optimizer object of *Deep Learning from Scratch 2* (`common/optimizer.py`).
/// `update(params, grads)` takes two lists of arrays, such as the ones the learner's own layer
/// classes collect in `self.params` and `self.grads`, and does `params[i] -= lr * grads[i]`:
/// numpy's in-place update, written into each array where every name for it sees it.
struct SGDObject: ScriptObject {
    var learningRate: Double

    var typeName: String { "SGD" }
    var description: String { "<SGD lr=\(PythonFormat.float(learningRate))>" }
    var attributeNames: [String] { ["lr", "update"] }

    func attribute(_ name: String) throws -> Value {
        switch name {
        case "lr": return .float(learningRate)
        case "update":
            return method("update", [.required("params"), .required("grads")],
                          help: "params[i] -= lr * grads[i] for every i, in place.") { args in
                try update(args)
                return .none
            }
        default: throw noSuchAttribute(name)
        }
    }

    mutating func setAttribute(_ name: String, _ value: Value) throws {
        guard name == "lr", let lr = value.asDouble else {
            throw InterpreterError(.type, "only lr of an SGD can be assigned, with a number")
        }
        learningRate = lr
    }

    private func update(_ args: Arguments) throws {
        let params = try arrays(args, "params"), grads = try arrays(args, "grads")
        guard params.count == grads.count else {
            throw args.error("params has \(params.count) arrays and grads \(grads.count): each parameter needs its gradient")
        }
        for (i, (param, grad)) in zip(params, grads).enumerated() {
            do {
                let step = try Operators.binary(.multiply, .float(learningRate), .tensor(grad))
                guard case .tensor(let updated) = try Operators.binary(.subtract, .tensor(param), step) else { continue }
                var array = param
                try array.storeShared(updated, operation: "-=")
            } catch {
                throw args.error("params[\(i)] \(formatShape(param.shape)) cannot take the step of grads[\(i)] "
                    + "\(formatShape(grad.shape)): \(error)")
            }
        }
    }

    /// The arrays of a list or tuple argument; a 0-d array cannot be updated in place.
    private func arrays(_ args: Arguments, _ name: String) throws -> [Tensor] {
        let items: [Value]
        switch args[name] {
        case .list(let values), .tuple(let values): items = values
        case let other: throw args.error("\(name) must be a list of arrays like [W1, b1, W2, b2], got \(other.kindDescription)")
        }
        return try items.enumerated().map { i, item in
            guard case .tensor(let array) = item, array.ndim > 0 else {
                throw args.error("\(name)[\(i)] must be an array, got \(item.kindDescription)")
            }
            return array
        }
    }
}
