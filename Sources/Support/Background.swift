import Dispatch

/// A value computed on another thread while the caller goes on: `value` waits for it. Training
/// uses it for a sparse batch's transpose, made while the batch goes forward and needed only
/// for its gradient dW = xᵀ · dOut.
public final class Background<Value: Sendable>: @unchecked Sendable {
    private let done = DispatchGroup()
    /// Written once on the other thread before `done` is left; read only after waiting for it.
    private var result: Result<Value, any Error>?

    public init(_ work: @escaping @Sendable () throws -> Value) {
        done.enter()
        DispatchQueue.global(qos: .userInitiated).async {
            self.result = Result(catching: work)
            self.done.leave()
        }
    }

    /// The value, once it is ready; the error the work threw, if it threw.
    public var value: Value {
        get throws {
            done.wait()
            return try result!.get()
        }
    }
}
