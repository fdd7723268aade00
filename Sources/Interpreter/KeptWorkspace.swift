import Foundation
import Support

/// The workspace outlives the interactive REPL: leaving it (Ctrl-D, `:quit`, `quit()`) keeps the
/// variables in a workspace file in the state directory, and the next interactive session starts
/// with them, so closing mlplab loses no tensor, network or history. Functions and classes have
/// no file format; their definitions stay in the input history (↑ at the prompt).
extension Session {
    /// The kept workspace: `workspace.mlplabws` in the state directory; nil when there is none.
    public static func keptWorkspacePath(environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        StateDirectory.file("workspace.mlplabws", environment: environment)
    }

    /// Writes the variables over the kept ones, whole or not at all (a workspace without
    /// variables removes the file). Returns what to tell the learner; nil when there was nothing to keep.
    public func keepWorkspace(at path: String) -> String? {
        let korean = language == .ko
        // `from numpy import exp` binds a builtin under its own name, which every session has.
        let named = variables.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }.filter { name, value in
            if case .function(let builtin) = value { return builtin.name != name }
            return true
        }
        do {
            let (bytes, skipped) = try WorkspaceArchive.encode(named)
            let kept = named.count - skipped.count
            if kept == 0 {
                try? FileManager.default.removeItem(atPath: path)
            } else {
                try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent,
                                                        withIntermediateDirectories: true)
                try AtomicFile.write(bytes, to: path)
            }
            guard !named.isEmpty else { return nil }
            var message = kept == 0 ? "" : korean ? "변수 \(kept)개를 다음 세션을 위해 보관했습니다" : "kept \(kept) variable\(kept == 1 ? "" : "s") for next time"
            if !skipped.isEmpty {
                let names = skipped.joined(separator: ", ")
                message += (message.isEmpty ? "" : "; ")
                    + (korean ? "파일 형식이 없어 보관하지 않은 것: \(names) (입력 기록에서 ↑로 다시 찾을 수 있습니다)"
                              : "not kept, having no file format: \(names) (↑ at the prompt finds their lines)")
            }
            return message
        } catch {
            let reason = InterpreterError.wrapping(error).message
            return korean ? "변수를 보관하지 못했습니다: \(reason)" : "the variables could not be kept: \(reason)"
        }
    }

    /// Sets the variables kept when the last session ended. Returns what to tell the learner;
    /// nil when nothing was kept. A file that cannot be read is moved aside (`….unreadable`),
    /// so that leaving this session does not write over it, and said so.
    public func restoreKeptWorkspace(from path: String) -> String? {
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        let korean = language == .ko
        do {
            let names = try restoreWorkspace(from: Data(contentsOf: URL(fileURLWithPath: path)))
            let shown = names.count > 8 ? names.prefix(8).joined(separator: ", ") + ", …" : names.joined(separator: ", ")
            return korean ? "지난 세션의 변수 \(names.count)개를 되살렸습니다: \(shown) (:reset은 모두 지웁니다)"
                          : "your \(names.count) variable\(names.count == 1 ? "" : "s") from last time: \(shown) (:reset empties the workspace)"
        } catch {
            let reason = InterpreterError.wrapping(error).message
            let aside = path + ".unreadable"
            try? FileManager.default.removeItem(atPath: aside)
            let place = (try? FileManager.default.moveItem(atPath: path, toPath: aside)) == nil ? path : aside
            return korean ? "지난 세션의 변수를 읽지 못했습니다: \(reason). 파일은 \(place)에 남겨 두었습니다"
                          : "the variables kept from last time could not be read: \(reason); the file is kept as \(place)"
        }
    }
}
