import Foundation
import Kernel
import XCTest

/// The kernelspec Jupyter reads, and the connection file it writes.
final class KernelSpecTests: XCTestCase {
    private var folder: String!

    override func setUpWithError() throws {
        folder = NSTemporaryDirectory() + "mlplab-kernelspec-" + UUID().uuidString
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(atPath: folder)
    }

    func testInstallWritesKernelJSONThatStartsTheBinaryWithMessageInterrupts() throws {
        let spec = KernelSpec(binary: "/opt/mlplab/bin/mlplab")
        let installed = try spec.install(into: folder + "/kernels")
        XCTAssertEqual(installed, folder + "/kernels/mlplab")
        let data = try XCTUnwrap(FileManager.default.contents(atPath: installed + "/kernel.json"))
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: data) as? [String: Any])
        XCTAssertEqual(json["argv"] as? [String], ["/opt/mlplab/bin/mlplab", "kernel", "-f", "{connection_file}"])
        XCTAssertEqual(json["display_name"] as? String, "mlplab")
        XCTAssertEqual(json["language"] as? String, "python")
        XCTAssertEqual(json["interrupt_mode"] as? String, "message")
    }

    func testTheKoreanSpecIsASecondKernelThatAsksForKoreanLessons() throws {
        let spec = KernelSpec(binary: "/bin/mlplab", languageCode: "ko", languageName: "한국어")
        XCTAssertEqual(spec.name, "mlplab-ko")
        XCTAssertEqual(spec.displayName, "mlplab (한국어)")
        XCTAssertEqual(spec.argv.suffix(2), ["--lang", "ko"])
    }

    func testUninstallRemovesTheFolderAndSaysWhenThereWasNone() throws {
        let spec = KernelSpec(binary: "/bin/mlplab")
        let installed = try spec.install(into: folder)
        XCTAssertEqual(try spec.uninstall(from: folder), installed)
        XCTAssertFalse(FileManager.default.fileExists(atPath: installed))
        XCTAssertNil(try spec.uninstall(from: folder))
    }

    func testInstallIntoAPlaceThatCannotBeWrittenSaysWhatToDo() throws {
        try Data("a file".utf8).write(to: URL(fileURLWithPath: folder))
        XCTAssertThrowsError(try KernelSpec(binary: "/bin/mlplab").install(into: folder)) { error in
            XCTAssertTrue("\(error)".contains("--user or --prefix DIR"), "\(error)")
        }
    }

    func testKernelsFolderFollowsJupytersDataPaths() {
        XCTAssertEqual(KernelSpec.kernelsFolder(user: false, prefix: "/venv"), "/venv/share/jupyter/kernels")
        XCTAssertEqual(KernelSpec.kernelsFolder(user: false, prefix: nil), "/usr/local/share/jupyter/kernels")
        XCTAssertEqual(KernelSpec.kernelsFolder(user: true, prefix: nil, environment: ["HOME": "/home/a"]),
                       "/home/a/.local/share/jupyter/kernels")
        XCTAssertEqual(KernelSpec.kernelsFolder(user: true, prefix: nil, environment: ["HOME": "/home/a", "XDG_DATA_HOME": "/x"]),
                       "/x/jupyter/kernels")
        XCTAssertEqual(KernelSpec.kernelsFolder(user: true, prefix: nil,
                                                environment: ["HOME": "/home/a", "XDG_DATA_HOME": "/x", "JUPYTER_DATA_DIR": "/j"]),
                       "/j/kernels")
    }

    func testReadsTheConnectionFileJupyterWrites() throws {
        let path = folder + ".json"
        defer { try? FileManager.default.removeItem(atPath: path) }
        try Data("""
            {"shell_port": 50001, "iopub_port": 50002, "stdin_port": 50003, "control_port": 50004, "hb_port": 50005,
             "ip": "127.0.0.1", "key": "k", "transport": "tcp", "signature_scheme": "hmac-sha256", "kernel_name": "mlplab"}
            """.utf8).write(to: URL(fileURLWithPath: path))
        XCTAssertEqual(try ConnectionFile.read(path: path),
                       ConnectionFile(shellPort: 50001, iopubPort: 50002, stdinPort: 50003, controlPort: 50004,
                                      heartbeatPort: 50005, key: "k"))
    }

    func testABadConnectionFileSaysWhatItNeeds() throws {
        let path = folder + ".json"
        defer { try? FileManager.default.removeItem(atPath: path) }
        try Data(#"{"ip": "127.0.0.1"}"#.utf8).write(to: URL(fileURLWithPath: path))
        XCTAssertThrowsError(try ConnectionFile.read(path: path)) { error in
            XCTAssertTrue("\(error)".contains("needs transport, ip, key, signature_scheme and the five ports"), "\(error)")
        }
        XCTAssertThrowsError(try ConnectionFile.read(path: folder + "/missing.json")) { error in
            XCTAssertTrue("\(error)".contains("cannot read the connection file"), "\(error)")
        }
        try Data(#"{"shell_port": 1, "iopub_port": 2, "stdin_port": 3, "control_port": 4, "hb_port": 5, "ip": "127.0.0.1", "key": "k", "transport": "tcp", "signature_scheme": "hmac-md5"}"#.utf8)
            .write(to: URL(fileURLWithPath: path))
        XCTAssertThrowsError(try ConnectionFile.read(path: path)) { error in
            XCTAssertEqual("\(error)", "signature scheme \"hmac-md5\" is not supported: use hmac-sha256")
        }
    }
}
