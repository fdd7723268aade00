import Foundation

/// Ctrl-C as a request, not a kill: the SIGINT handler only sets a flag, and
/// long computations (training, big loops) poll it between steps, stop
/// cleanly and return to the prompt with everything kept.
public enum Interrupt {
    /// Installs the SIGINT handler that sets the flag. Safe to call more than once.
    public static func install() {
        _ = interruptFlag
        signal(SIGINT) { _ in interruptFlag.pointee = 1 }
    }

    /// True once Ctrl-C was pressed and nobody has cleared it yet.
    public static var isRequested: Bool { interruptFlag.pointee != 0 }

    /// Asks for a stop as Ctrl-C does; safe to call from a signal handler (a time limit's, say).
    public static func request() { interruptFlag.pointee = 1 }

    /// Forgets an earlier Ctrl-C (call before starting a new computation).
    public static func clear() { interruptFlag.pointee = 0 }

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

/// Written only by the signal handler, `Interrupt.request` and `Interrupt.clear`; a plain C-sized
/// integer, so the store is a single instruction. It lives behind a pointer:
/// a Swift global `var` is under Swift's exclusivity checks, and a signal
/// arriving while the main code reads it would be reported as a conflicting
/// access and abort the program.
private let interruptFlag: UnsafeMutablePointer<sig_atomic_t> = {
    let flag = UnsafeMutablePointer<sig_atomic_t>.allocate(capacity: 1)
    flag.initialize(to: 0)
    return flag
}()
