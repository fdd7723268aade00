#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Course
import ExerciseCalls
import Foundation
import Support
import Tensor

/// The learner's exercises/ compiled on their own into a shared library, which the checks'
/// runner (`mlplab-exercises`) loads when it starts. A check after an edit compiles only
/// the edited file, against the modules `swift build` left in the build folder, and links
/// nothing large: the runner, built once, resolves the library's references to Tensor and
/// the course against its own code.
///
/// Each file has its object in `objects/`; an edit inside function bodies recompiles that
/// file alone, since what the other files see of it (`SourceDeclarations`) is unchanged;
/// any other edit, a file added or removed, or a rebuilt runner recompiles them all. With
/// the learner's files the library compiles `learnerBindingSource` (written from
/// course.json), which hands the runner every exercise function by name.
public struct LearnerLibrary {
    /// The learner's files: every .swift file of this folder.
    public var exercises: String
    /// Where the library and what compiling it needs are kept.
    public var folder: String
    /// The package the library is compiled against: its build folder `products` holds the
    /// runner and the modules' interfaces (Modules/), its Sources/ the C modules' module maps.
    public let package: PackageRoot
    public let products: String
    /// The compiler, whose frontend and linker compile the library: `$SWIFTC`, else the one on the PATH.
    public var swiftc = ProcessInfo.processInfo.environment["SWIFTC"] ?? "swiftc"

    /// The library of `package`'s own exercises/, kept in its build folder `products`.
    public init(package: PackageRoot, products: String) {
        // One spelling of each path, through .build/release's link or not: the compiler's
        // module cache refuses to be reached by two.
        let products = URL(fileURLWithPath: products).resolvingSymlinksInPath().path
        self.package = package
        self.products = products
        exercises = package.file("exercises")
        folder = products + "/learner"
    }

    public var path: String { folder + "/libExercises.so" }
    /// The binding file, written beside the library.
    var bindingFile: String { folder + "/ExerciseBindings.swift" }
    /// The objects of the files, and what each file declared when it was last compiled.
    var objects: String { folder + "/objects" }
    /// The compiler's cache of the modules the library imports, shared by every library
    /// compiled against `products` (a copy's, a test's), since it depends on them alone.
    var moduleCache: String { products + "/learner/ModuleCache" }

    /// The learner's source files, every .swift file of exercises/.
    func sources() throws -> [String] {
        let names = try FileManager.default.contentsOfDirectory(atPath: exercises).filter { $0.hasSuffix(".swift") }.sorted()
        return names.map { exercises + "/" + $0 }
    }

    /// The first file the library is not newer than (a source edited since, or one of
    /// `dependencies` rebuilt since); nil when the library is up to date. A file written in
    /// the same tick of the file system's clock counts as newer: an edit is never missed.
    public func staleBecause(of dependencies: [String]) -> String? {
        guard let built = modificationTime(path) else { return path }
        return (((try? sources()) ?? []) + dependencies).first { (modificationTime($0) ?? .distantFuture) >= built }
    }

    /// Compiles the learner's files into the library, passing the compiler's messages to
    /// `echo`: the files edited since their objects were compiled, or every file when a
    /// file's declarations changed or one of `dependencies` (the runner) is newer than an
    /// object. The new library replaces the old one only once it is complete, so that a
    /// process that loaded the old one goes on with it, and a failed compile leaves it there.
    public func compile(dependencies: [String], echo: (String) -> Void) throws {
        let tools = try Toolchain(swiftc: swiftc)
        try FileManager.default.createDirectory(atPath: objects, withIntermediateDirectories: true)
        if (try? String(contentsOfFile: bindingFile, encoding: .utf8)) != learnerBindingSource {
            try AtomicFile.write(Array(learnerBindingSource.utf8), to: bindingFile)
        }
        if let problem = signatureProblem() { throw CourseError.buildFailed(problem) }
        let inputs = try sources() + [bindingFile]
        let primaries = filesToCompile(inputs, dependencies: dependencies)
        if !primaries.isEmpty {
            // Unoptimised, with line tables only: the fastest compile whose crash reports still
            // name the learner's file:line:column. Their code calls Tensor's operations, which
            // the runner has optimised.
            let flags = ["-module-name", "Exercises", "-parse-as-library", "-Onone", "-gline-tables-only", "-swift-version", "5",
                         "-I", products + "/Modules", "-module-cache-path", moduleCache]
                + cModuleFolders().flatMap { ["-I", $0] }
            guard try tools.compile(primaries, of: inputs, to: primaries.map(object(of:)), flags: flags, echo: echo) else {
                throw CourseError.buildFailed("the compile failed: fix the errors above (file:line:column: error: …), then check again")
            }
            for file in primaries {
                try SourceDeclarations(file: file).text.write(toFile: declarationsFile(of: file), atomically: true, encoding: .utf8)
            }
        }
        let temporary = "\(path).\(getpid()).tmp"
        defer { unlink(temporary) }
        guard try tools.link(inputs.map(object(of:)), to: temporary, echo: echo) else {
            throw CourseError.buildFailed("the compiled exercises could not be linked: see the messages above")
        }
        guard rename(temporary, path) == 0 else {
            throw CourseError.buildFailed("cannot put the compiled library at \(path): \(String(cString: strerror(errno)))")
        }
    }

    /// The files whose objects must be compiled again: those edited since (or in the same
    /// tick), or all of them when one of those edits changed what other files see of it,
    /// when a file came or went (its object is missing, or an object is left of a file that
    /// is gone), or when one of `dependencies` is newer than an object.
    func filesToCompile(_ inputs: [String], dependencies: [String]) -> [String] {
        let expected = Set(inputs.map { URL(fileURLWithPath: object(of: $0)).lastPathComponent })
        let present = Set(((try? FileManager.default.contentsOfDirectory(atPath: objects)) ?? []).filter { $0.hasSuffix(".o") })
        let built = inputs.compactMap { modificationTime(object(of: $0)) }
        guard present == expected, built.count == inputs.count, let oldest = built.min(),
              dependencies.allSatisfy({ (modificationTime($0) ?? .distantFuture) <= oldest }) else {
            for stray in present.subtracting(expected) { unlink(objects + "/" + stray) }
            return inputs
        }
        let edited = zip(inputs, built).filter { file, compiled in (modificationTime(file) ?? .distantFuture) >= compiled }.map(\.0)
        let declarationsChanged = edited.contains { file in
            (try? String(contentsOfFile: declarationsFile(of: file), encoding: .utf8)) != (try? SourceDeclarations(file: file).text)
        }
        return declarationsChanged ? inputs : edited
    }

    /// The compiled object of one of the files.
    public func object(of file: String) -> String {
        objects + "/" + URL(fileURLWithPath: file).lastPathComponent + ".o"
    }

    func declarationsFile(of file: String) -> String {
        objects + "/" + URL(fileURLWithPath: file).lastPathComponent + ".declarations"
    }

    /// The folders of the package's C modules (a module.modulemap in Sources/NAME or in
    /// Sources/NAME/include). Tensor calls some of them internally, and a module compiled
    /// against Tensor loads them too, since Tensor is built for speed, not as a library
    /// whose internals may change without its clients being compiled again.
    func cModuleFolders() -> [String] {
        let sources = package.file("Sources")
        let targets = ((try? FileManager.default.contentsOfDirectory(atPath: sources)) ?? []).sorted()
        return targets.flatMap { [sources + "/" + $0, sources + "/" + $0 + "/include"] }
            .filter { FileManager.default.fileExists(atPath: $0 + "/module.modulemap") }
    }

    /// The first exercise whose function is missing from the learner's files or has another
    /// signature than its stub (and its reference solution) has, as what to do about it: the
    /// checks call each function with that signature.
    func signatureProblem() -> String? {
        for exercise in Course.exercises {
            let name = URL(fileURLWithPath: exercise.group.file).lastPathComponent
            guard let reference = try? String(contentsOfFile: package.file(exercise.group.solutionFile), encoding: .utf8),
                  let expected = FunctionText(function: exercise.name, in: reference).map({ Self.oneLine($0.signature) }) else { continue }
            let source = (try? String(contentsOfFile: exercises + "/" + name, encoding: .utf8)) ?? ""
            guard let actual = FunctionText(function: exercise.name, in: source).map({ Self.oneLine($0.signature) }) else {
                return "exercises/\(name) has no `public func \(exercise.name)(` any more: the checks call `\(expected)`; put it back"
            }
            guard actual == expected else {
                return "the checks call \(exercise.name) with the signature of its stub, `\(expected)`, but exercises/\(name) "
                    + "has `\(actual)`: put the stub's back (or `:reset \(exercise.name)` to start the exercise again)"
            }
        }
        return nil
    }

    /// A signature on one line, its spaces as one.
    private static func oneLine(_ signature: String) -> String {
        signature.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// The exercise functions of the library at `path`, loaded into this process. Called by
    /// the runner: the library's references to the course's modules resolve against it.
    public static func load(_ path: String) throws -> Implementations {
        guard let handle = dlopen(path, RTLD_NOW | RTLD_LOCAL) else {
            throw CourseError.runnerFailed("cannot load your compiled exercises \(path): \(String(cString: dlerror())); "
                + "check again to compile them afresh")
        }
        guard let symbol = dlsym(handle, learnerBindingSymbol) else {
            throw CourseError.runnerFailed("\(path) has no \(learnerBindingSymbol): check again to compile your exercises afresh")
        }
        typealias Export = @convention(c) () -> UnsafeMutableRawPointer
        return Implementations(ExerciseLibraryExports.take(unsafeBitCast(symbol, to: Export.self)()).functions)
    }
}

/// When the file at `path` was last modified; nil when there is none.
func modificationTime(_ path: String) -> Date? {
    (try? FileManager.default.attributesOfItem(atPath: path))?[.modificationDate] as? Date
}
