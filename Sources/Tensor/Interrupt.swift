import Foundation

/// Ctrl-C as a request, not a kill: the SIGINT handler only sets a flag, and
/// long computations (training, big loops) poll it between steps, stop
/// cleanly and return to the prompt with everything kept.
public enum Interrupt {
    /// Installs the SIGINT handler that sets the flag. Safe to call more than once.
    public static func install() {
        signal(SIGINT) { _ in interruptFlag = 1 }
    }

    /// True once Ctrl-C was pressed and nobody has cleared it yet.
    public static var isRequested: Bool { interruptFlag != 0 }

    /// Forgets an earlier Ctrl-C (call before starting a new computation).
    public static func clear() { interruptFlag = 0 }

    /// Throws `Interrupted` (and clears the flag) if Ctrl-C was pressed.
    public static func check() throws {
        if isRequested {
            clear()
            throw Interrupted()
        }
    }
}

/// The error a computation throws when the learner pressed Ctrl-C.
public struct Interrupted: Error, CustomStringConvertible {
    public init() {}
    public var description: String { "interrupted" }
}

/// Written only by the signal handler and `Interrupt.clear`; a plain C-sized
/// integer, so the store is a single instruction.
private var interruptFlag: sig_atomic_t = 0
