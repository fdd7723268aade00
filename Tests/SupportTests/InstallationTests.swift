import Foundation
import Support
import XCTest

/// The one rule that finds mlplab's installation folder: MLPLAB_HOME, else above the
/// executable, else above the current folder.
final class InstallationTests: XCTestCase {
    private var root = ""

    override func setUpWithError() throws {
        root = try temporaryDirectory().resolvingSymlinksInPath().path
    }

    /// A folder recognised as an installation: it holds Package.swift and lessons/en.
    @discardableResult
    private func makeInstallation(_ name: String) throws -> String {
        let folder = root + "/" + name
        try FileManager.default.createDirectory(atPath: folder + "/lessons/en", withIntermediateDirectories: true)
        XCTAssertTrue(FileManager.default.createFile(atPath: folder + "/Package.swift", contents: Data()))
        return folder
    }

    @discardableResult
    private func makeFolder(_ name: String) throws -> String {
        try FileManager.default.createDirectory(atPath: root + "/" + name, withIntermediateDirectories: true)
        return root + "/" + name
    }

    func testTheVariableComesFirstAndIsTakenAsItIs() throws {
        try makeInstallation("repo")
        let found = try Installation.locate(environment: ["MLPLAB_HOME": root + "/elsewhere"],
                                            executable: root + "/repo/.build/release/mlplab",
                                            currentDirectory: try makeFolder("repo/lessons"))
        XCTAssertEqual(found, Installation(folder: root + "/elsewhere", origin: "MLPLAB_HOME"))
    }

    func testARelativeVariableIsReadFromTheCurrentFolder() throws {
        let found = try Installation.locate(environment: ["MLPLAB_HOME": "../home/"], executable: nil,
                                            currentDirectory: try makeFolder("cwd"))
        XCTAssertEqual(found.folder, root + "/home")
        XCTAssertEqual(found.path("data/sample"), root + "/home/data/sample")
    }

    func testAnEmptyVariableCountsAsUnset() throws {
        let repo = try makeInstallation("repo")
        let found = try Installation.locate(environment: ["MLPLAB_HOME": ""], executable: nil, currentDirectory: repo)
        XCTAssertEqual(found, Installation(folder: repo, origin: "found above the current folder"))
    }

    func testTheExecutableComesBeforeTheCurrentFolder() throws {
        let built = try makeInstallation("built")
        let other = try makeInstallation("other")
        let found = try Installation.locate(environment: [:], executable: built + "/.build/release/mlplab",
                                            currentDirectory: other + "/lessons/en")
        XCTAssertEqual(found, Installation(folder: built, origin: "found above the executable"))
    }

    func testALinkToTheExecutableIsFollowed() throws {
        let repo = try makeInstallation("repo")
        try makeFolder("repo/.build/release")
        XCTAssertTrue(FileManager.default.createFile(atPath: repo + "/.build/release/mlplab", contents: Data()))
        try FileManager.default.createSymbolicLink(atPath: try makeFolder("bin") + "/mlplab",
                                                   withDestinationPath: repo + "/.build/release/mlplab")
        let found = try Installation.locate(environment: [:], executable: root + "/bin/mlplab",
                                            currentDirectory: try makeFolder("cwd"))
        XCTAssertEqual(found.folder, repo)
    }

    func testTheCurrentFolderIsTheLastPlace() throws {
        let repo = try makeInstallation("repo")
        let found = try Installation.locate(environment: [:], executable: try makeFolder("bin") + "/mlplab",
                                            currentDirectory: try makeFolder("repo/exercises"))
        XCTAssertEqual(found, Installation(folder: repo, origin: "found above the current folder"))
    }

    func testAFolderNeedsBothMarkers() throws {
        try makeFolder("half/lessons/en")
        XCTAssertThrowsError(try Installation.locate(environment: [:], executable: nil,
                                                     currentDirectory: root + "/half"))
    }

    func testNotFoundNamesThePlacesAndTheVariable() throws {
        let bin = try makeFolder("bin")
        let cwd = try makeFolder("cwd")
        XCTAssertThrowsError(try Installation.locate(environment: [:], executable: bin + "/mlplab",
                                                     currentDirectory: cwd)) { error in
            XCTAssertEqual(error as? InstallationNotFound, InstallationNotFound(searched: [bin, cwd]))
            XCTAssertEqual("\(error)", "cannot find the mlplab installation: MLPLAB_HOME is not set, and no folder "
                + "holds Package.swift and lessons/en in \(bin) or \(cwd) or above; run mlplab from inside the "
                + "repository, or set MLPLAB_HOME to its folder")
        }
    }

    func testAFolderSearchedTwiceIsNamedOnce() throws {
        let bin = try makeFolder("bin")
        XCTAssertThrowsError(try Installation.locate(environment: [:], executable: bin + "/mlplab", currentDirectory: bin)) {
            XCTAssertEqual($0 as? InstallationNotFound, InstallationNotFound(searched: [bin]))
        }
    }

    /// The test bundle is built inside the repository, so the default rule finds it.
    func testTheRunningTestFindsThisRepository() throws {
        let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().resolvingSymlinksInPath().path
        XCTAssertEqual(try Installation.locate(environment: [:], currentDirectory: "/").folder, repository)
    }
}
