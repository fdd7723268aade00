import Support
import Tensor

/// A value in the REPL language. Tensors are Swift values with copy-on-write
/// storage, so reading a variable never copies its elements.
///
/// Plain numbers (`int`, `float`, `bool`) behave like Python's: they take the
/// dtype of the tensor they meet (numpy 2's "weak" scalars), so `x * 2` keeps
/// a float32 `x` float32. A 0-d tensor (`x.sum()`) is numpy's scalar and keeps its dtype.
public enum Value {
    case none
    case bool(Bool)
    case int(Int)
    case float(Double)
    case string(String)
    case tensor(Tensor)
    /// A dtype, as `x.dtype` gives it; equal to its name (`x.dtype == "float32"`).
    case dtype(DType)
    case tuple([Value])
    case list([Value])
    case function(Builtin)
    /// A model, layer, training history … from another module.
    case object(any ScriptObject)

    /// The kind shown by `:vars` and named in messages.
    public var kindName: String {
        switch self {
        case .none: return "none"
        case .bool: return "bool"
        case .int: return "int"
        case .float: return "float"
        case .string: return "string"
        case .tensor: return "tensor"
        case .dtype: return "dtype"
        case .tuple: return "tuple"
        case .list: return "list"
        case .function: return "function"
        case .object(let object): return object.typeName
        }
    }

    /// The text an expression statement echoes, like Python's REPL: the `repr`.
    /// `none` echoes nothing.
    public var echoText: String? {
        if case .none = self { return nil }
        return repr
    }

    /// Python's `repr`: how the value appears when echoed or inside a list or tuple.
    /// Tensors as numpy 2 shows them: `array([0.5, 1. ])`, and a 0-d tensor as the numpy
    /// scalar that reductions and indexing give (`np.float64(0.5)`, `np.int64(3)`, `np.True_`).
    public var repr: String {
        switch self {
        case .string(let s): return PythonFormat.quoted(s)
        case .tensor(let t): return t.shape.isEmpty ? NumpyFormat.scalarRepr(t) : NumpyFormat.repr(t)
        case .dtype(let d): return NumpyFormat.dtype(d)
        case .tuple(let items):
            return items.count == 1 ? "(\(items[0].repr),)" : "(" + items.map(\.repr).joined(separator: ", ") + ")"
        case .list(let items): return "[" + items.map(\.repr).joined(separator: ", ") + "]"
        default: return str
        }
    }

    /// Python's `str`: how `print` shows the value.
    public var str: String {
        switch self {
        case .none: return "None"
        case .bool(let b): return b ? "True" : "False"
        case .int(let i): return String(i)
        case .float(let d): return PythonFormat.float(d)
        case .string(let s): return s
        case .tensor(let t): return NumpyFormat.string(t)
        case .dtype(let d): return d.rawValue
        case .tuple, .list: return repr
        case .function(let f): return "<function \(f.signatureText)>"
        case .object(let object): return object.description
        }
    }

    /// A Python number as a 0-d tensor in numpy's default dtype for it.
    var scalarTensor: Tensor? {
        switch self {
        case .bool(let b): return Tensor(shape: [], bools: [b])
        case .int(let i): return Tensor(shape: [], int64s: [Int64(i)])
        case .float(let d): return Tensor(scalar: d)
        default: return nil
        }
    }

    /// True for plain Python numbers (weak scalars in numpy's promotion).
    var isPythonNumber: Bool {
        switch self {
        case .bool, .int, .float: return true
        default: return false
        }
    }
}

/// An object from another module (a model, a layer, a training history) made
/// visible to the REPL: `net.layers[0].W`, `history.test_acc`, `net.la<TAB>`.
///
/// Structs and classes both work: an assignment `net.layers[0].W = W` reads
/// the object, calls `setAttribute` on the copy and stores the copy back.
/// An object that holds something open, such as a file: `with` closes it after its block.
public protocol ClosableObject {
    func close()
}

public protocol ScriptObject: CustomStringConvertible {
    /// The kind shown by `:vars` and in messages, e.g. "MLP".
    var typeName: String { get }
    /// Every attribute `attribute(_:)` answers, for tab completion and `help`.
    var attributeNames: [String] { get }
    /// The attribute's value; a method is a `.function` value.
    func attribute(_ name: String) throws -> Value
    /// Changes an attribute; throws when it is read-only or the value does not fit.
    mutating func setAttribute(_ name: String, _ value: Value) throws
}

extension ScriptObject {
    public mutating func setAttribute(_ name: String, _ value: Value) throws {
        throw InterpreterError(.type, "attribute '\(name)' of \(typeName) cannot be assigned")
    }

    /// The error for an attribute this object does not have, suggesting the closest one.
    public func noSuchAttribute(_ name: String) -> InterpreterError {
        var message = "\(typeName) has no attribute '\(name)'"
        if let suggestion = closestName(to: name, among: attributeNames) { message += "; did you mean '\(suggestion)'?" }
        return InterpreterError(.type, message)
    }
}
