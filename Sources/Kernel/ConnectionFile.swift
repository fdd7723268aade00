import Foundation

/// The JSON file Jupyter writes before starting a kernel: where to listen and the key that signs messages.
public struct ConnectionFile: Codable, Equatable, Sendable {
    public var transport: String
    public var ip: String
    public var shellPort: Int
    public var iopubPort: Int
    public var stdinPort: Int
    public var controlPort: Int
    public var heartbeatPort: Int
    public var key: String
    public var signatureScheme: String

    enum CodingKeys: String, CodingKey {
        case transport, ip, key
        case shellPort = "shell_port", iopubPort = "iopub_port", stdinPort = "stdin_port"
        case controlPort = "control_port", heartbeatPort = "hb_port", signatureScheme = "signature_scheme"
    }

    public init(transport: String = "tcp", ip: String = "127.0.0.1", shellPort: Int = 0, iopubPort: Int = 0,
                stdinPort: Int = 0, controlPort: Int = 0, heartbeatPort: Int = 0,
                key: String, signatureScheme: String = "hmac-sha256") {
        self.transport = transport
        self.ip = ip
        self.shellPort = shellPort
        self.iopubPort = iopubPort
        self.stdinPort = stdinPort
        self.controlPort = controlPort
        self.heartbeatPort = heartbeatPort
        self.key = key
        self.signatureScheme = signatureScheme
    }

    /// Reads and checks a connection file; the error says what is wrong with it.
    public static func read(path: String) throws -> ConnectionFile {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw KernelError("cannot read the connection file \(path)")
        }
        let file: ConnectionFile
        do {
            file = try JSONDecoder().decode(ConnectionFile.self, from: data)
        } catch {
            throw KernelError("\(path) is not a Jupyter connection file (\(error.localizedDescription)): it needs transport, ip, key, signature_scheme and the five ports")
        }
        try file.validate()
        return file
    }

    func validate() throws {
        guard transport == "tcp" || transport == "ipc" else {
            throw KernelError("transport \"\(transport)\" is not supported: use tcp or ipc")
        }
        guard signatureScheme == "hmac-sha256" || key.isEmpty else {
            throw KernelError("signature scheme \"\(signatureScheme)\" is not supported: use hmac-sha256")
        }
    }

    /// The ZeroMQ address of a port: `tcp://IP:PORT` (port 0: any free port), or `ipc://IP-PORT`.
    func endpoint(port: Int) -> String {
        if transport == "ipc" { return "ipc://\(ip)-\(port)" }
        return "tcp://\(ip):\(port == 0 ? "*" : String(port))"
    }
}

/// A kernel error with a message that says what to fix.
public struct KernelError: Error, CustomStringConvertible, Equatable {
    public let description: String

    public init(_ description: String) {
        self.description = description
    }
}
