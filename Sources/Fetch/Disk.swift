import Crypto
import Foundation
#if canImport(Glibc)
import Glibc
private let systemWrite = Glibc.write
#elseif canImport(Darwin)
import Darwin
private let systemWrite = Darwin.write
#endif

/// The few file operations a download needs, on POSIX calls so that every failure keeps its
/// errno and becomes the right `FetchError` (disk full, permission denied, …).
enum Disk {
    /// `mkdir -p`: creates the folder and any missing parents.
    static func createDirectory(_ url: URL) throws {
        var path = ""
        for component in url.standardizedFileURL.path.split(separator: "/") {
            path += "/" + component
            if mkdir(path, 0o755) != 0 && errno != EEXIST {
                throw error(errno: errno, path: path, operation: "create the folder")
            }
        }
        guard isDirectory(url) else {
            throw FetchError.fileSystem(path: url.path, operation: "use the folder", detail: "it is not a folder")
        }
    }

    static func isDirectory(_ url: URL) -> Bool {
        var info = stat()
        return stat(url.path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }

    /// The size in bytes of a regular file, or nil when there is none.
    static func fileSize(_ url: URL) -> Int? {
        var info = stat()
        guard stat(url.path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        return Int(info.st_size)
    }

    /// Deletes a file; a file that is already gone is fine.
    static func remove(_ url: URL) throws {
        if unlink(url.path) != 0 && errno != ENOENT {
            throw error(errno: errno, path: url.path, operation: "delete")
        }
    }

    /// Moves `source` over `destination` in one step: readers see the old file or the new one, never half.
    static func replace(_ destination: URL, with source: URL) throws {
        if rename(source.path, destination.path) != 0 {
            throw error(errno: errno, path: destination.path, operation: "rename \(source.lastPathComponent) to")
        }
    }

    /// Feeds a whole file through `hasher`, one mebibyte at a time.
    static func hash(_ url: URL, into hasher: inout SHA256) throws {
        let fd = open(url.path, O_RDONLY)
        guard fd >= 0 else { throw error(errno: errno, path: url.path, operation: "open") }
        defer { close(fd) }
        var buffer = [UInt8](repeating: 0, count: 1 << 20)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if count < 0 { throw error(errno: errno, path: url.path, operation: "read") }
            if count == 0 { return }
            buffer.withUnsafeBytes { hasher.update(bufferPointer: UnsafeRawBufferPointer(rebasing: $0[..<count])) }
        }
    }

    /// SHA-256 of a whole file, lowercase hex.
    static func sha256(of url: URL) throws -> String {
        var hasher = SHA256()
        try hash(url, into: &hasher)
        return hex(hasher.finalize())
    }

    /// The fetch error for a failed system call.
    static func error(errno code: Int32, path: String, operation: String) -> FetchError {
        switch code {
        case ENOSPC, EDQUOT: return .diskFull(path: path)
        case EACCES, EPERM, EROFS: return .permissionDenied(path: path)
        default: return .fileSystem(path: path, operation: operation, detail: String(cString: strerror(code)))
        }
    }
}

/// A digest as lowercase hex, the way checksums are written in the table.
func hex(_ digest: SHA256.Digest) -> String {
    digest.map { String(format: "%02x", $0) }.joined()
}

/// A file being written, appended to chunk by chunk.
final class OutputFile {
    let url: URL
    private var fd: Int32

    /// Opens `url` for appending, creating it when missing.
    init(appendingTo url: URL) throws {
        self.url = url
        fd = open(url.path, O_WRONLY | O_CREAT | O_APPEND, 0o644)
        guard fd >= 0 else { throw Disk.error(errno: errno, path: url.path, operation: "open") }
    }

    deinit { close(fd) }

    /// Writes all of `data`, however many `write` calls that takes.
    func write(_ data: Data) throws {
        try data.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) in
            var offset = 0
            while offset < bytes.count {
                let written = systemWrite(fd, bytes.baseAddress! + offset, bytes.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    throw Disk.error(errno: errno, path: url.path, operation: "write")
                }
                offset += written
            }
        }
    }

    /// Empties the file, for a server that ignored our Range request and sends everything again.
    func truncate() throws {
        if ftruncate(fd, 0) != 0 {
            throw Disk.error(errno: errno, path: url.path, operation: "truncate")
        }
    }
}
