import Foundation
import Synchronization

/// Ctrl-C while a computation runs. The front end installs a SIGINT handler
/// that sets an atomic flag; the evaluator checks it between statements and
/// loop iterations, and long-running builtins (training, loading) should call
/// `Interrupt.check()` in their loops. The computation then stops with an
/// `Interrupted` error and the REPL returns to its prompt.
public enum Interrupt {
    private static let flag = Atomic<Bool>(false)

    /// True once Ctrl-C has been pressed and not yet handled.
    public static var requested: Bool {
        get { flag.load(ordering: .relaxed) }
        set { flag.store(newValue, ordering: .relaxed) }
    }

    /// Throws `Interrupted` (and clears the request) when Ctrl-C has been pressed.
    public static func check() throws {
        if flag.exchange(false, ordering: .relaxed) { throw Interrupted() }
    }

    /// Forgets a Ctrl-C pressed while nothing was running.
    public static func clear() {
        requested = false
    }

    /// Makes SIGINT set the flag instead of ending the process. Only for an
    /// interactive session: a script or a pipe keeps the default (Ctrl-C stops it).
    public static func installHandler() {
        clear()
        let handler: @convention(c) (Int32) -> Void = { _ in Interrupt.requested = true }
        #if os(Linux)
        var action = sigaction()
        action.__sigaction_handler.sa_handler = handler
        sigemptyset(&action.sa_mask)
        // No SA_RESTART: a blocked read or select returns EINTR, so the prompt can react at once.
        action.sa_flags = 0
        sigaction(SIGINT, &action, nil)
        #else
        signal(SIGINT, handler)
        #endif
    }
}

/// The error a computation stops with when Ctrl-C is pressed.
public struct Interrupted: Error, CustomStringConvertible {
    public init() {}
    public var description: String { "interrupted" }
}
