import Foundation
import XCTest

/// The code of the course's source notebooks (Tests/SeedNotebooks, rewritten only where
/// their own typos or downloads demand it) runs through `mlplab --exec` and prints what
/// numpy prints for the same files (NAME.numpy.txt, written by scripts/make_seed_fixtures.py),
/// line for line; every value the notebooks show as their expected output is among it.
///
/// One allowance: a float64 printed with all its 16 or 17 digits (Python's repr of a float)
/// is compared to 15 significant digits. Its last digit depends on the order in which BLAS
/// adds a matrix product's terms, which differs between processors for numpy itself (seed
/// 004's loss is 1.4714343261962757 with numpy's kernels and 1.471434326196276 summed in order).
final class SeedNotebookTests: XCTestCase {
    private var folder: URL { Binary.repositoryRoot.appendingPathComponent("Tests/SeedNotebooks") }

    private func notebooks() throws -> [URL] {
        try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "py" }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
    }

    func testEachNotebookPrintsWhatNumpyPrints() throws {
        let files = try notebooks()
        XCTAssertEqual(files.map { $0.deletingPathExtension().lastPathComponent },
                       ["000-training", "002-dnn", "003-neural-network", "004-mlp"])
        var cells = 0
        for file in files {
            cells += try String(contentsOf: file, encoding: .utf8).components(separatedBy: "\n# %%").count - 1
            let expected = try String(contentsOf: file.deletingPathExtension().appendingPathExtension("numpy.txt"),
                                      encoding: .utf8)
            let result = try Binary.run(["--exec", file.path])
            XCTAssertEqual(result.status, 0, "\(file.lastPathComponent): \(result.stderr)")
            XCTAssertEqual(result.stderr, "", file.lastPathComponent)
            if let difference = firstDifference(roundingFullPrecision(result.stdout), roundingFullPrecision(expected)) {
                XCTFail("\(file.lastPathComponent): \(difference)")
            }
        }
        XCTAssertGreaterThanOrEqual(cells, 50, "the notebooks' cells")
    }

    func testEverySeedValueComesOutUnchanged() throws {
        let data = try Data(contentsOf: folder.appendingPathComponent("seed-values.json"))
        let values = try JSONDecoder().decode([String: [String]].self, from: data)
        XCTAssertEqual(values.keys.sorted(), ["002-dnn", "003-neural-network", "004-mlp"])
        for (notebook, expected) in values.sorted(by: { $0.key < $1.key }) {
            let result = try Binary.run(["--exec", folder.appendingPathComponent(notebook + ".py").path])
            for value in expected {
                XCTAssertTrue(roundingFullPrecision(result.stdout).contains(roundingFullPrecision(value)),
                              "\(notebook) does not print the seed's\n\(value)")
            }
        }
    }

    /// `text` with every number of 16 or more significant digits rounded to 15.
    private func roundingFullPrecision(_ text: String) -> String {
        let pattern = try! NSRegularExpression(pattern: #"-?\d\.\d{15,}(e[-+]?\d+)?|-?0\.0*[1-9]\d{15,}"#)
        var result = text
        for match in pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)).reversed() {
            let range = Range(match.range, in: text)!
            guard let value = Double(text[range]) else { continue }
            result.replaceSubrange(Range(match.range, in: result)!, with: String(format: "%.15g", value))
        }
        return result
    }

    /// The first line where `actual` and `expected` differ, with the lines around it, or nil.
    private func firstDifference(_ actual: String, _ expected: String) -> String? {
        let a = actual.components(separatedBy: "\n"), e = expected.components(separatedBy: "\n")
        guard let line = zip(a, e).enumerated().first(where: { $0.element.0 != $0.element.1 })?.offset
                ?? (a.count == e.count ? nil : min(a.count, e.count)) else { return nil }
        func around(_ lines: [String]) -> String {
            lines[max(0, line - 2)..<min(lines.count, line + 3)].joined(separator: "\n")
        }
        return "output line \(line + 1) differs\nmlplab:\n\(around(a))\nnumpy:\n\(around(e))"
    }
}
