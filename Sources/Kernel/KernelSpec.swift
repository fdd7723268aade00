import Foundation

/// The kernelspec that tells Jupyter how to start mlplab: `KERNELS/NAME/kernel.json`.
public struct KernelSpec: Equatable {
    /// The folder's name, which is the kernel's name in Jupyter (`--kernel mlplab`).
    public let name: String
    public let displayName: String
    /// The command Jupyter runs, with `{connection_file}` where the file's path goes.
    public let argv: [String]

    /// The spec for the binary at `binary` (an absolute path); `languageCode` (ko) picks the lessons' language.
    public init(binary: String, languageCode: String? = nil, languageName: String? = nil) {
        let suffix = languageCode.map { "-" + $0 } ?? ""
        name = "mlplab" + suffix
        displayName = "mlplab" + (languageName.map { " (" + $0 + ")" } ?? "")
        argv = [binary, "kernel", "-f", "{connection_file}"] + (languageCode.map { ["--lang", $0] } ?? [])
    }

    /// kernel.json: the stop button sends an `interrupt_request`, which stops a computation between steps.
    public var json: Data {
        let object: [String: Any] = [
            "argv": argv,
            "display_name": displayName,
            "language": "python",
            "interrupt_mode": "message",
            "metadata": ["debugger": false],
        ]
        return (try? JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])) ?? Data()
    }

    /// Writes `kernels/NAME/kernel.json`, creating the folders; returns the spec's folder.
    @discardableResult
    public func install(into kernels: String) throws -> String {
        let folder = (kernels as NSString).appendingPathComponent(name)
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            try json.write(to: URL(fileURLWithPath: (folder as NSString).appendingPathComponent("kernel.json")))
        } catch {
            throw KernelError("cannot write the kernelspec in \(folder) (\(error.localizedDescription)): choose another place with --user or --prefix DIR")
        }
        return folder
    }

    /// Removes `kernels/NAME`; returns its path, or nil when it was not installed there.
    @discardableResult
    public func uninstall(from kernels: String) throws -> String? {
        let folder = (kernels as NSString).appendingPathComponent(name)
        guard FileManager.default.fileExists(atPath: folder) else { return nil }
        do {
            try FileManager.default.removeItem(atPath: folder)
        } catch {
            throw KernelError("cannot remove \(folder) (\(error.localizedDescription))")
        }
        return folder
    }

    /// Where Jupyter looks for kernelspecs: the user's data folder (`$JUPYTER_DATA_DIR`,
    /// else `$XDG_DATA_HOME/jupyter`, else `~/.local/share/jupyter`), `PREFIX/share/jupyter`,
    /// or the system's `/usr/local/share/jupyter`; each with `kernels` under it.
    public static func kernelsFolder(user: Bool, prefix: String?,
                                     environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let prefix { return (prefix as NSString).appendingPathComponent("share/jupyter/kernels") }
        guard user else { return "/usr/local/share/jupyter/kernels" }
        if let data = environment["JUPYTER_DATA_DIR"], !data.isEmpty { return data + "/kernels" }
        if let data = environment["XDG_DATA_HOME"], data.hasPrefix("/") { return data + "/jupyter/kernels" }
        return (environment["HOME"] ?? NSHomeDirectory()) + "/.local/share/jupyter/kernels"
    }
}
