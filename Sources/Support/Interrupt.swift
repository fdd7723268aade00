import Foundation
import Synchronization

/// Ctrl-C as a request, not a kill: the SIGINT handler only sets a flag, and
/// long computations (training, big loops) poll it between steps, stop
/// cleanly and return to the prompt with everything kept.
public enum Interrupt {
    /// Installs the SIGINT handler that sets the flag. Safe to call more than once.
    public static func install() {
        clear()
        signal(SIGINT) { _ in interruptFlag.store(1, ordering: .relaxed) }
    }

    /// Installs the SIGHUP handler: a closed terminal stops what runs, as Ctrl-C does, and
    /// `hasHungUp` tells the REPL to end as Ctrl-D would (keeping the workspace) instead of dying.
    public static func installHangUp() {
        signal(SIGHUP) { _ in
            hangUpFlag.store(1, ordering: .relaxed)
            interruptFlag.store(1, ordering: .relaxed)
        }
    }

    /// True once the terminal was closed (SIGHUP).
    public static var hasHungUp: Bool { hangUpFlag.load(ordering: .relaxed) != 0 }

    /// True once Ctrl-C was pressed and nobody has cleared it yet.
    public static var isRequested: Bool { interruptFlag.load(ordering: .relaxed) != 0 }

    /// Asks for a stop as Ctrl-C does; safe to call from a signal handler (a time limit's, say).
    public static func request() { interruptFlag.store(1, ordering: .relaxed) }

    /// Forgets an earlier Ctrl-C (call before starting a new computation).
    public static func clear() { interruptFlag.store(0, ordering: .relaxed) }

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

/// Written only by the signal handler, `Interrupt.request` and `Interrupt.clear`. A lock-free
/// atomic, so the handler's store is a single instruction, safe in a signal handler, and not under
/// Swift's exclusivity checks (a signal arriving while the main code reads a plain `var` would be
/// reported as a conflicting access and abort the program).
private let interruptFlag = Atomic<sig_atomic_t>(0)
/// Written only by the SIGHUP handler, in the same way.
private let hangUpFlag = Atomic<sig_atomic_t>(0)
