import Foundation
import FuzzSupport
import Interpreter

/// One workspace file's contents but its last four bytes, the CRC-32 that the
/// target appends, loaded as `:load` loads it into a fresh session. Every input
/// must load or be refused with an error; the variables that load are then
/// echoed, as typing their names shows them.
@main
enum FuzzWorkspaceArchive {
    static func main() {
        Fuzzer.run { contents in
            let session = Session(output: { _, _ in })
            guard let names = try? session.restoreWorkspace(from: Data(appendingCRC32(contents))) else { return }
            for name in names { _ = session[variable: name]?.echoText }
        }
    }
}
