/// A module that `import` binds: a workspace file stores its import name ("matplotlib.pyplot"),
/// and the session that reads the file imports it again.
protocol ImportedModule: ScriptObject {
    var importName: String { get }
}

/// A module of a few fixed names, as far as the notebooks use it: `gzip.open`,
/// `time.perf_counter`, `IPython.display.clear_output`, `matplotlib.pyplot`.
struct PythonModule: ImportedModule {
    let importName: String
    /// The kind `:vars` shows ("gzip", or "module").
    let typeName: String
    let description: String
    private let members: [String: Value]

    /// - Parameter builtIn: a module of Python's own, as its repr says (`<module 'time' (built-in)>`).
    init(_ importName: String, kind: String = "module", builtIn: Bool = false, members: [String: Value]) {
        self.importName = importName
        typeName = kind
        description = "<module '\(importName)'\(builtIn ? " (built-in)" : "")>"
        self.members = members
    }

    init(_ importName: String, kind: String = "module", builtIn: Bool = false, members: [(String, Value)]) {
        self.init(importName, kind: kind, builtIn: builtIn, members: Dictionary(uniqueKeysWithValues: members))
    }

    var attributeNames: [String] { members.keys.sorted() }

    func attribute(_ name: String) throws -> Value {
        guard let value = members[name] else { throw noSuchAttribute(name) }
        return value
    }
}
