import Course
import Foundation
import Support

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

    /// The package is the installation (`Installation`: `MLPLAB_HOME`, else found above the
    /// executable or the current folder); the executable's path (`ROOT/.build/…/release/mlplab`)
    /// also tells the configuration.
    public static func locate(executable: String = Installation.currentExecutable(),
                              environment: [String: String] = ProcessInfo.processInfo.environment,
                              currentDirectory: String = FileManager.default.currentDirectoryPath) throws -> PackageRoot {
        let installation: Installation
        do {
            installation = try Installation.locate(environment: environment, executable: executable,
                                                   currentDirectory: currentDirectory)
        } catch {
            throw CourseError.packageNotFound(error.description)
        }
        guard isPackage(installation.folder) else {
            throw CourseError.packageNotFound(
                "\(installation.folder) (\(installation.origin)) is not the mlplab package: it lacks Package.swift or "
                + "exercises/; set \(Installation.variable) to the repository's folder")
        }
        return PackageRoot(path: installation.folder, configuration: buildConfiguration(of: executable) ?? "release")
    }

    /// "release" for `…/.build/x86_64-unknown-linux-gnu/release/mlplab`, nil outside a .build folder.
    static func buildConfiguration(of executable: String) -> String? {
        let parts = executable.split(separator: "/").map(String.init)
        guard parts.contains(".build"), parts.count >= 2 else { return nil }
        let folder = parts[parts.count - 2]
        return ["debug", "release"].contains(folder) ? folder : nil
    }

    static func isPackage(_ folder: String) -> Bool {
        let files = FileManager.default
        return files.fileExists(atPath: folder + "/Package.swift") && files.fileExists(atPath: folder + "/exercises")
    }
}
