import Foundation

/// The folder mlplab is installed in: the repository, holding the lessons (`lessons/`), the
/// bundled data sets (`data/`) and the package the learner's exercises build in
/// (`Package.swift`, `exercises/`). Everything mlplab reads from its installation is found
/// from this one folder.
///
/// The rule, in order:
/// - the environment variable `MLPLAB_HOME`, if set: that folder, taken as it is (an explicit
///   setting that lacks something is an error where the thing is needed, never worked around);
/// - the nearest folder above the running executable that holds `Package.swift` and
///   `lessons/en` (`.build/release/mlplab` lives three levels below the repository);
/// - the nearest such folder above the current folder, or the current folder itself.
public struct Installation: Equatable, Sendable {
    /// The environment variable that names the installation folder.
    public static let variable = "MLPLAB_HOME"
    /// What a folder holds to be recognised as the installation when walking up.
    public static let markers = ["Package.swift", "lessons/en"]

    /// The installation folder, absolute.
    public let folder: String
    /// How it was found, for messages: "MLPLAB_HOME", "found above the executable", "found above the current folder".
    public let origin: String

    public init(folder: String, origin: String) {
        self.folder = folder
        self.origin = origin
    }

    /// The path of `relativePath` (e.g. "data/sample") inside the installation.
    public func path(_ relativePath: String) -> String {
        folder.hasSuffix("/") ? folder + relativePath : folder + "/" + relativePath
    }

    /// The installation the running program belongs to, by the rule above.
    public static func locate(environment: [String: String] = ProcessInfo.processInfo.environment,
                              executable: String? = currentExecutable(),
                              currentDirectory: String = FileManager.default.currentDirectoryPath)
        throws(InstallationNotFound) -> Installation {
        if let home = environment[variable], !home.isEmpty {
            return Installation(folder: absolute(home, from: currentDirectory), origin: variable)
        }
        var starts: [(folder: String, origin: String)] = []
        if let executable, !executable.isEmpty {
            let resolved = URL(fileURLWithPath: absolute(executable, from: currentDirectory)).resolvingSymlinksInPath()
            starts.append((resolved.deletingLastPathComponent().path, "the executable"))
        }
        let current = absolute(currentDirectory, from: "/")
        if !starts.contains(where: { $0.folder == current }) {
            starts.append((current, "the current folder"))
        }
        for start in starts {
            if let folder = folderAbove(start.folder, holding: markers) {
                return Installation(folder: folder, origin: "found above " + start.origin)
            }
        }
        throw InstallationNotFound(searched: starts.map(\.folder))
    }

    /// The absolute path of the running program, resolved through links.
    public static func currentExecutable() -> String {
        (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
            ?? URL(fileURLWithPath: CommandLine.arguments[0]).standardizedFileURL.path
    }

    /// `path` made absolute against `directory`, with `~` expanded and `.`/`..` removed.
    private static func absolute(_ path: String, from directory: String) -> String {
        let expanded = (path as NSString).expandingTildeInPath
        let full = expanded.hasPrefix("/") ? expanded : (directory as NSString).appendingPathComponent(expanded)
        return URL(fileURLWithPath: full).standardizedFileURL.path
    }

    /// `start` itself or the nearest folder above it that holds every one of `entries`.
    private static func folderAbove(_ start: String, holding entries: [String]) -> String? {
        var folder = URL(fileURLWithPath: start).standardizedFileURL
        while true {
            if entries.allSatisfy({ FileManager.default.fileExists(atPath: folder.appendingPathComponent($0).path) }) {
                return folder.path
            }
            let parent = folder.deletingLastPathComponent()
            if parent.path == folder.path { return nil }
            folder = parent
        }
    }
}

/// No installation folder: `MLPLAB_HOME` is not set, and no folder above the places
/// searched holds the markers.
public struct InstallationNotFound: Error, Equatable, CustomStringConvertible {
    /// The folders walked up from, in order.
    public let searched: [String]

    public init(searched: [String]) {
        self.searched = searched
    }

    /// Where it was looked for: "MLPLAB_HOME is not set, and no folder holds … in /a or /b or above".
    public var searchedPlaces: String {
        "\(Installation.variable) is not set, and no folder holds \(Installation.markers.joined(separator: " and ")) "
            + "in \(searched.joined(separator: " or ")) or above"
    }

    public var description: String {
        "cannot find the mlplab installation: \(searchedPlaces); run mlplab from inside the repository, "
            + "or set \(Installation.variable) to its folder"
    }
}
