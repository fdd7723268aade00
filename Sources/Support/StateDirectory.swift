import Foundation

/// The folder where mlplab keeps what it remembers between runs (the progress file, the REPL's
/// history): `$XDG_STATE_HOME/mlplab`, else `~/.local/state/mlplab`. The one place that rule lives.
///
/// As the XDG Base Directory specification says, a relative `XDG_STATE_HOME` is invalid and
/// ignored; a relative `HOME` too, so a state file never depends on the folder mlplab was started in.
public enum StateDirectory {
    /// The folder; nil when neither `XDG_STATE_HOME` nor `HOME` is an absolute path.
    public static func path(environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        if let state = environment["XDG_STATE_HOME"], state.hasPrefix("/") {
            return state + "/mlplab"
        }
        guard let home = environment["HOME"], home.hasPrefix("/") else { return nil }
        return home + "/.local/state/mlplab"
    }

    /// The state file `name` (e.g. "progress.json") in the folder; nil when there is no folder.
    public static func file(_ name: String, environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        path(environment: environment).map { $0 + "/" + name }
    }
}
