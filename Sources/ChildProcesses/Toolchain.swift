#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Course
import Foundation

/// The tools of the Swift toolchain that `swiftc` belongs to, called directly: its frontend,
/// which compiles, and the linker it ships (lld). The compiler driver, `swiftc` itself,
/// would plan the same steps, but starting it takes longer than compiling the exercises.
struct Toolchain {
    let frontend: String
    /// Lists the Swift libraries a compiled object needs.
    let autolinkExtract: String
    let linker: String
    /// The Swift runtime's libraries, and the object that registers a Swift library's
    /// metadata with the runtime when it is loaded.
    let runtimeLibraries: String
    let runtimeObject: String

    init(swiftc: String) throws {
        guard let driver = Self.find(swiftc) else {
            throw CourseError.buildFailed("cannot find \(swiftc) on the PATH: install Swift 6, or set SWIFTC to its swiftc")
        }
        let bin = URL(fileURLWithPath: driver).resolvingSymlinksInPath().deletingLastPathComponent()
        var machine = utsname()
        uname(&machine)
        let architecture = withUnsafeBytes(of: &machine.machine) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
        frontend = bin.appendingPathComponent("swift-frontend").path
        autolinkExtract = bin.appendingPathComponent("swift-autolink-extract").path
        linker = bin.appendingPathComponent("ld.lld").path
        runtimeLibraries = bin.deletingLastPathComponent().path + "/lib/swift/linux"
        runtimeObject = runtimeLibraries + "/\(architecture)/swiftrt.o"
        if let missing = [frontend, autolinkExtract, linker, runtimeObject].first(where: { !FileManager.default.fileExists(atPath: $0) }) {
            throw CourseError.buildFailed("the Swift toolchain of \(driver) has no \(missing): set SWIFTC to the swiftc of a complete Swift 6 toolchain")
        }
    }

    /// Compiles each of `primaries` (some of `inputs`, the files of one module) to its object
    /// in `objects`, with the other inputs read only for what they declare. The objects are
    /// replaced only when every one compiled. Returns whether they did; the compiler's
    /// messages go to `echo`.
    func compile(_ primaries: [String], of inputs: [String], to objects: [String], flags: [String],
                 echo: (String) -> Void) throws -> Bool {
        let temporaries = objects.map { "\($0).\(getpid()).tmp" }
        defer { for file in temporaries { unlink(file) } }
        let primary = Set(primaries)
        let files = inputs.flatMap { primary.contains($0) ? ["-primary-file", $0] : [$0] }
        guard try run(frontend, ["-frontend", "-c"] + flags + files + temporaries.flatMap { ["-o", $0] }, echo: echo) else {
            return false
        }
        for (temporary, object) in zip(temporaries, objects) where rename(temporary, object) != 0 {
            throw CourseError.buildFailed("cannot write \(object): \(String(cString: strerror(errno)))")
        }
        return true
    }

    /// Links `objects` into the shared library `library`, as the driver links a library: the
    /// runtime's section registration (swiftrt.o), the objects, and the Swift libraries they
    /// name (unoptimised code uses the stdlib's ready-made specialisations in
    /// libswiftSwiftOnoneSupport). Their references to Tensor and the course stay open: the
    /// runner that loads the library holds them. Returns whether it succeeded.
    func link(_ objects: [String], to library: String, echo: (String) -> Void) throws -> Bool {
        let libraries = "\(library).autolink"
        defer { unlink(libraries) }
        guard try run(autolinkExtract, objects + ["-o", libraries], echo: echo) else { return false }
        return try run(linker, ["-shared", "-o", library, runtimeObject] + objects
                       + ["-L", runtimeLibraries, "-rpath", runtimeLibraries] + swiftLibraries(in: libraries), echo: echo)
    }

    /// Runs one of the tools, passing its messages to `echo`; whether it succeeded.
    private func run(_ tool: String, _ arguments: [String], echo: (String) -> Void) throws -> Bool {
        let result = try ChildProcess(executable: tool, arguments: arguments).run(onLine: echo)
        result.standardError.split(separator: "\n").map(String.init).forEach(echo)
        return result.termination == .exited(0)
    }

    /// The `-lNAME` options of an autolink list that name one of the Swift runtime's libraries.
    /// The system's (libm, libdl …) are left out: the runner has them already, and lld alone
    /// does not know where the system keeps them.
    func swiftLibraries(in autolinkList: String) -> [String] {
        let options = ((try? String(contentsOfFile: autolinkList, encoding: .utf8)) ?? "").split(separator: "\n").map(String.init)
        return options.filter { option in
            option.hasPrefix("-l") && FileManager.default.fileExists(atPath: runtimeLibraries + "/lib" + option.dropFirst(2) + ".so")
        }
    }

    /// `program` itself when it is a path, else the first one on the PATH.
    static func find(_ program: String) -> String? {
        guard !program.contains("/") else { return FileManager.default.isExecutableFile(atPath: program) ? program : nil }
        let folders = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").map(String.init)
        return folders.map { $0 + "/" + program }.first(where: FileManager.default.isExecutableFile)
    }
}
