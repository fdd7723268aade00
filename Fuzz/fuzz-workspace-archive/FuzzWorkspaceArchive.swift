import Foundation
import FuzzSupport
import Interpreter
import Tensor

/// One workspace file's contents, as `:load` reads them into a fresh session.
/// Every input must load or be refused with an error; the variables that load
/// are then echoed, as typing their names would show them.
@main
enum FuzzWorkspaceArchive {
    static func main() {
        Fuzzer.run { contents in
            let session = Session(output: { _, _ in })
            guard let names = try? session.restoreWorkspace(from: Data(contents)) else { return }
            for name in names { _ = session[variable: name]?.echoText }
        }
    }
}
