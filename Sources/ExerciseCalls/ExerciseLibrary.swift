/// What a library of exercise functions compiled on its own (the learner's, which a check
/// compiles from exercises/) hands to the program that loads it: its functions by name.
///
/// A library loaded at run time is found by the name of a C symbol only, so the library
/// exports one C function, whose name `course-bindings` writes, that returns this table
/// retained, as a pointer; the loader takes it back with `take`.
public final class ExerciseLibraryExports {
    public let functions: [String: ExerciseFunction]

    public init(_ functions: [String: ExerciseFunction]) {
        self.functions = functions
    }

    /// This table, retained until `take` takes it back.
    public func retainedPointer() -> UnsafeMutableRawPointer {
        Unmanaged.passRetained(self).toOpaque()
    }

    /// The table behind a pointer from `retainedPointer`.
    public static func take(_ pointer: UnsafeMutableRawPointer) -> ExerciseLibraryExports {
        Unmanaged<ExerciseLibraryExports>.fromOpaque(pointer).takeRetainedValue()
    }
}
