import Course
import Foundation

/// The mlplab package on disk: where exercises/ is, and which build configuration
/// (debug or release) the running program came from, so that a check builds the
/// runner the same way.
public struct PackageRoot: Equatable, Sendable {
    /// The folder holding Package.swift and exercises/.
    public let path: String
    /// "debug" or "release".
    public let configuration: String

    public init(path: String, configuration: String) {
        self.path = path
        self.configuration = configuration
    }

    /// The folder `swift build -c CONFIGURATION` puts products in (a link to the platform's folder).
    public var binPath: String { path + "/.build/" + configuration }

    public func file(_ relativePath: String) -> String { path + "/" + relativePath }

    /// Finds the package from the running program: first from the program's own path
    /// (`ROOT/.build/…/release/mlplab` also tells the configuration), then from
    /// `$MLPLAB_ROOT`, then upwards from the current directory.
    public static func locate(executable: String = currentExecutable(),
                              environment: [String: String] = ProcessInfo.processInfo.environment,
                              currentDirectory: String = FileManager.default.currentDirectoryPath) throws -> PackageRoot {
        let configuration = buildConfiguration(of: executable) ?? "release"
        let candidate = environment["MLPLAB_ROOT"] ?? enclosingPackage(of: executable)
            ?? enclosingPackage(of: currentDirectory)
        if let root = candidate, isPackage(root) {
            return PackageRoot(path: root, configuration: configuration)
        }
        throw CourseError.packageNotFound(
            "cannot find the mlplab package (a folder with Package.swift and exercises/): run mlplab from inside the "
            + "repository, or set MLPLAB_ROOT to its path")
    }

    /// The absolute path of this program, resolved through links.
    public static func currentExecutable() -> String {
        (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
            ?? URL(fileURLWithPath: CommandLine.arguments[0]).standardizedFileURL.path
    }

    /// "release" for `…/.build/x86_64-unknown-linux-gnu/release/mlplab`, nil outside a .build folder.
    static func buildConfiguration(of executable: String) -> String? {
        let parts = executable.split(separator: "/").map(String.init)
        guard parts.contains(".build"), parts.count >= 2 else { return nil }
        let folder = parts[parts.count - 2]
        return ["debug", "release"].contains(folder) ? folder : nil
    }

    /// `path` itself or the nearest folder above it that is an mlplab package.
    static func enclosingPackage(of path: String) -> String? {
        var url = URL(fileURLWithPath: path).standardizedFileURL
        while !isPackage(url.path) {
            guard url.path != "/" else { return nil }
            url.deleteLastPathComponent()
        }
        return url.path
    }

    static func isPackage(_ folder: String) -> Bool {
        let files = FileManager.default
        return files.fileExists(atPath: folder + "/Package.swift") && files.fileExists(atPath: folder + "/exercises")
    }
}
