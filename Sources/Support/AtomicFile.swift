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
/// The bytes go to a new temporary file `PATH.tmp-PID-RANDOM` in the same
/// directory, are flushed to disk with `fsync`, and the temporary file is then
/// renamed over `PATH` (a rename within one file system is atomic); the
/// directory is flushed last, so that the rename itself survives a power cut.
/// Models, workspaces, pictures and progress files are all saved this way.
///
/// A program killed mid-write leaves its temporary file behind. The next write
/// to the same `PATH` removes those whose process (the PID in the name) no
/// longer runs, so they never pile up.
public enum AtomicFile {
    /// Replaces the file at `path` with `bytes`, creating it (mode 0644) if needed.
    ///
    /// Throws `AtomicFileError` naming the path, the step that failed and the
    /// system's message; on failure the temporary file is removed and any old
    /// file at `path` is left untouched.
    public static func write(_ bytes: [UInt8], to path: String) throws {
        removeAbandonedTemporaryFiles(of: path)
        let temporaryPath = "\(path)\(temporarySuffix)\(getpid())-\(String(UInt64.random(in: 0 ... .max), radix: 36))"
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
        let fd = open(temporaryPath, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
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
        let fd = open(directoryAndName(of: path).directory, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return }
        fsync(fd)
        close(fd)
    }

    /// What follows `PATH` in the name of its temporary files, before the writer's PID.
    static let temporarySuffix = ".tmp-"

    /// Deletes the temporary files of `path` left by writers that were killed:
    /// those whose PID names no running process. Best effort, like the cleanup
    /// it stands in for: a file that cannot be removed is left for next time.
    private static func removeAbandonedTemporaryFiles(of path: String) {
        let (directory, name) = directoryAndName(of: path)
        guard let stream = opendir(directory) else { return }
        defer { closedir(stream) }
        let prefix = name + temporarySuffix
        while let entry = readdir(stream) {
            let entryName = withUnsafeBytes(of: entry.pointee.d_name) { String(cString: $0.bindMemory(to: CChar.self).baseAddress!) }
            guard entryName.hasPrefix(prefix),
                  let pid = pid_t(entryName.dropFirst(prefix.count).prefix { $0 != "-" }),
                  !isRunning(pid) else { continue }
            unlink(directory + "/" + entryName)
        }
    }

    /// True when a process with this PID exists (it may belong to another user).
    private static func isRunning(_ pid: pid_t) -> Bool {
        pid > 0 && (kill(pid, 0) == 0 || errno != ESRCH)
    }

    /// "dir/sub" and "file" for "dir/sub/file"; "." for a bare name, "/" for a file at the root.
    private static func directoryAndName(of path: String) -> (directory: String, name: String) {
        guard let slash = path.lastIndex(of: "/") else { return (".", path) }
        let directory = slash == path.startIndex ? "/" : String(path[..<slash])
        return (directory, String(path[path.index(after: slash)...]))
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
        "cannot save \(path): \(systemMessage) (while \(step.rawValue)); \(advice)"
    }

    /// What to do about it: a full disk or a size limit needs room, anything else a writable folder.
    private var advice: String {
        switch errorNumber {
        case ENOSPC, EDQUOT:
            return "free some space on that disk, or save somewhere else; the old file, if any, is unchanged"
        case EFBIG:
            return "the file is larger than this system allows (see `ulimit -f`); "
                + "raise the limit or save somewhere else; the old file, if any, is unchanged"
        default:
            return "check that the folder exists and is writable"
        }
    }
}
