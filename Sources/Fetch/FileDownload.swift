import Crypto
import Foundation

/// Downloads one file of a dataset from one mirror.
///
/// The bytes go to `NAME.part`, hashed as they arrive. A `.part` left by an earlier attempt is
/// resumed with an HTTP Range request. Only when the size and the SHA-256 match the table is
/// the `.part` renamed to `NAME`, in one step; a file with the wrong bytes is deleted. So `NAME`
/// is always either absent, the old file, or a verified new one — never half written.
struct FileDownload {
    let file: DatasetFile
    let directory: URL
    let idleTimeout: Double
    let progress: FetchProgress

    var finalURL: URL { directory.appendingPathComponent(file.name) }
    var partURL: URL { directory.appendingPathComponent(file.name + ".part") }

    /// Whether `NAME` is already there with the right size and SHA-256.
    func isInstalled() throws -> Bool {
        try hasExpectedContent(finalURL)
    }

    /// Installs a `.part` that an earlier run finished but did not get to rename; true if it did.
    func installCompletePart() throws -> Bool {
        guard try hasExpectedContent(partURL) else { return false }
        try Disk.replace(finalURL, with: partURL)
        return true
    }

    /// Deletes any `.part`, so that the next attempt starts from zero.
    func discardPart() throws {
        try Disk.remove(partURL)
    }

    /// One attempt at `mirror`: resume or start the download, verify it, install it.
    func attempt(from mirror: URL) async throws -> Transfer {
        let url = mirror.appendingPathComponent(file.name)
        do {
            return try await transfer(from: url)
        } catch let restart as RestartFromZero {
            try discardPart()
            progress.report(.restartingFromZero(file, reason: restart.reason))
            return try await transfer(from: url)
        }
    }

    private func hasExpectedContent(_ url: URL) throws -> Bool {
        guard Disk.fileSize(url) == file.byteCount else { return false }
        return try Disk.sha256(of: url) == file.sha256
    }

    private func transfer(from url: URL) async throws -> Transfer {
        let part = try PartFile(file: file, url: partURL, source: url, progress: progress)
        progress.report(.started(file, url: url, offset: part.size))
        do {
            try await HTTPGet.run(url: url,
                                  rangeStart: part.size > 0 ? part.size : nil,
                                  idleTimeout: idleTimeout,
                                  onHead: part.begin,
                                  onBody: part.append)
        } catch let error as FetchError {
            if case .wrongSize = error { try discardPart() }
            throw error
        }
        guard part.size == file.byteCount else {
            throw FetchError.connectionLost(
                url: url, detail: "the body ended after \(part.size) of \(file.byteCount) bytes")
        }
        let digest = part.finishDigest()
        guard digest == file.sha256 else {
            if part.resumedAt > 0 {
                // The old bytes may be the damaged ones, not the mirror's: try it once from zero.
                throw RestartFromZero(reason: "the resumed file did not match its SHA-256")
            }
            try discardPart()
            throw FetchError.checksumMismatch(file: file.name, url: url, expected: file.sha256, actual: digest)
        }
        try Disk.replace(finalURL, with: partURL)
        progress.report(.verified(file, url: url))
        return Transfer(resumedAt: part.resumedAt, bytesReceived: part.size - part.resumedAt)
    }
}

/// What one successful download moved over the network.
struct Transfer {
    /// Bytes already in the `.part` file that the server was asked to skip.
    let resumedAt: Int
    let bytesReceived: Int
}

/// The `.part` file cannot be continued from this mirror: delete it and download the whole file.
private struct RestartFromZero: Error {
    let reason: String
}

/// `NAME.part` while it grows: the file, the running SHA-256 of everything in it, and its size.
/// The file is opened at the first byte to write, so a failed request leaves no empty `.part`.
/// `begin` and `append` run on URLSession's serial delegate queue, one call at a time; the
/// other members are read after the transfer has finished.
private final class PartFile: @unchecked Sendable {
    private let file: DatasetFile
    private let source: URL
    private let progress: FetchProgress
    private let url: URL
    private var output: OutputFile?
    private var hasher = SHA256()
    /// Bytes in the file so far.
    private(set) var size: Int
    /// Bytes that were already there when the server started sending.
    private(set) var resumedAt: Int

    /// Hashes what the `.part` at `url` already holds. A `.part` as long as the whole file or
    /// longer cannot be continued (a complete, correct one was installed before we got here),
    /// so it is deleted.
    init(file: DatasetFile, url: URL, source: URL, progress: FetchProgress) throws {
        self.file = file
        self.source = source
        self.progress = progress
        self.url = url
        size = Disk.fileSize(url) ?? 0
        if size >= file.byteCount {
            try Disk.remove(url)
            size = 0
        }
        if size > 0 {
            try Disk.hash(url, into: &hasher)
        }
        resumedAt = size
    }

    /// Checks the status and the announced size before a single body byte is written.
    func begin(_ head: HTTPResponseHead) throws {
        switch head.status {
        case 200:
            if size > 0 {
                // The server ignored the Range header and sends the whole file: start over.
                try restartFromZero()
                progress.report(.restartingFromZero(file, reason: "\(source.hostAndPort) ignored the Range request"))
            }
        case 206 where head.rangeStart == size:
            break
        case 206, 416:
            // 416: the range starts past the mirror's end; a 206 for another range cannot be appended.
            guard size > 0 else { throw FetchError.httpStatus(url: source, status: head.status) }
            throw RestartFromZero(reason: "\(source.hostAndPort) cannot continue the partial file")
        case 404:
            throw FetchError.notFound(url: source)
        default:
            throw FetchError.httpStatus(url: source, status: head.status)
        }
        if let length = head.contentLength, size + length != file.byteCount {
            throw FetchError.wrongSize(file: file.name, url: source, expected: file.byteCount, actual: size + length)
        }
    }

    /// Writes and hashes one chunk of the body.
    func append(_ data: Data) throws {
        guard size + data.count <= file.byteCount else {
            throw FetchError.wrongSize(file: file.name, url: source, expected: file.byteCount, actual: size + data.count)
        }
        try openOutput().write(data)
        hasher.update(data: data)
        size += data.count
        progress.report(.received(file, bytes: size))
    }

    /// The SHA-256 of everything written, lowercase hex.
    func finishDigest() -> String {
        hex(hasher.finalize())
    }

    private func openOutput() throws -> OutputFile {
        if let output { return output }
        let opened = try OutputFile(appendingTo: url)
        output = opened
        return opened
    }

    private func restartFromZero() throws {
        try openOutput().truncate()
        hasher = SHA256()
        size = 0
        resumedAt = 0
    }
}
