#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Writing a whole file so that readers see either the old content or the new
/// one, never half of each — even if the program is killed mid-write.
///
/// The bytes go to `PATH.tmp-PID` in the same directory, are flushed to disk
/// with `fsync`, and the temporary file is then renamed over `PATH` (a rename
/// within one file system is atomic). Models, workspaces and pictures are all
/// saved this way.
public enum AtomicFile {
    /// Replaces the file at `path` with `bytes`, creating it (mode 0644) if needed.
    ///
    /// Throws `AtomicFileError` naming the path, the step that failed and the
    /// system's message; on failure the temporary file is removed and any old
    /// file at `path` is left untouched.
    public static func write(_ bytes: [UInt8], to path: String) throws {
        let temporaryPath = "\(path).tmp-\(getpid())"
        do {
            try writeAndSync(bytes, to: temporaryPath, reportingAs: path)
            guard rename(temporaryPath, path) == 0 else {
                throw AtomicFileError(path: path, step: .rename, errorNumber: errno)
            }
        } catch {
            unlink(temporaryPath)
            throw error
        }
        syncDirectory(containing: path)
    }

    /// Creates `temporaryPath`, writes every byte and flushes it to disk.
    private static func writeAndSync(_ bytes: [UInt8], to temporaryPath: String,
                                     reportingAs path: String) throws {
        let fd = open(temporaryPath, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw AtomicFileError(path: path, step: .create, errorNumber: errno) }
        defer { close(fd) }

        if let failure = writeAll(bytes, to: fd) {
            throw AtomicFileError(path: path, step: .write, errorNumber: failure)
        }
        guard fsync(fd) == 0 else { throw AtomicFileError(path: path, step: .sync, errorNumber: errno) }
    }

    /// Flushes the directory entry made by the rename. Best effort: some file
    /// systems refuse to sync directories, and the data itself is already safe.
    private static func syncDirectory(containing path: String) {
        let directory: String
        if let slash = path.lastIndex(of: "/") {
            directory = slash == path.startIndex ? "/" : String(path[..<slash])
        } else {
            directory = "."
        }
        let fd = open(directory, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return }
        fsync(fd)
        close(fd)
    }
}

/// Writes every byte to `fd`, retrying short and interrupted writes.
/// Returns nil on success, or the `errno` of the failure.
/// (A free function, so that `write` here is the system call and not `AtomicFile.write`.)
private func writeAll(_ bytes: [UInt8], to fd: Int32) -> Int32? {
    bytes.withUnsafeBytes { buffer -> Int32? in
        var offset = 0
        while offset < buffer.count {
            let written = write(fd, buffer.baseAddress! + offset, buffer.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                return errno
            }
            offset += written
        }
        return nil
    }
}

/// A failed `AtomicFile.write`: which file, which step, and what the system said.
public struct AtomicFileError: Error, CustomStringConvertible, Equatable {
    /// The steps of an atomic write, in order.
    public enum Step: String, Sendable {
        case create = "creating the temporary file"
        case write = "writing"
        case sync = "flushing to disk"
        case rename = "renaming the temporary file into place"
    }

    /// The file that was to be written.
    public let path: String
    public let step: Step
    /// The C `errno` value.
    public let errorNumber: Int32

    public init(path: String, step: Step, errorNumber: Int32) {
        self.path = path
        self.step = step
        self.errorNumber = errorNumber
    }

    /// The system's description of `errorNumber`, e.g. "No such file or directory".
    public var systemMessage: String { String(cString: strerror(errorNumber)) }

    public var description: String {
        "cannot save \(path): \(systemMessage) (while \(step.rawValue)); "
            + "check that the folder exists and is writable"
    }
}
