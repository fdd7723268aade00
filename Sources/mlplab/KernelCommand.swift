import ArgumentParser
import CourseConsole
import Foundation
import Interpreter
import Kernel
import Notebook
import Support
import Tensor

/// `mlplab kernel`: mlplab as a Jupyter kernel, and its kernelspec.
struct KernelCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kernel",
        abstract: "Run mlplab as a Jupyter kernel, or install it into Jupyter.",
        discussion: "`mlplab kernel install --user` once; then choose mlplab as the kernel of a notebook.",
        subcommands: [StartKernel.self, InstallKernel.self, UninstallKernel.self],
        defaultSubcommand: StartKernel.self)
}

/// `mlplab kernel -f FILE`, as Jupyter starts it.
struct StartKernel: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "start", abstract: "Serve the Jupyter connection in FILE (Jupyter runs this).")

    @Option(name: .customShort("f"), help: "The connection file Jupyter wrote.")
    var connectionFile: String

    @OptionGroup var lessons: LanguageOptions

    func run() throws {
        Interrupt.install()  // Ctrl-C in the terminal that runs Jupyter stops a cell, as the stop button does
        // The lesson commands hold the tutor weakly: it lives here, as long as the kernel serves.
        var tutor: Tutor?
        // Made when the first cell runs: the lessons and the learner's progress are read then,
        // not before Jupyter hears that the kernel is up.
        func makeSession() -> Session {
            let session = Session()
            let exercises = ExerciseREPL.register(in: session)
            tutor = startTutor(in: session, language: lessons.language, remember: lessons.explicitLanguage != nil,
                               exercises: exercises, colour: false, greet: false)
            return session
        }
        do {
            let kernel = try Kernel(connection: try ConnectionFile.read(path: connectionFile), session: makeSession(),
                                    version: Mlplab.version)
            kernel.run()
        } catch let error as KernelError {
            throw CommandFailure(error.description)
        }
        withExtendedLifetime(tutor) {}
    }
}

/// Where a kernelspec goes: the user's Jupyter, a prefix (a virtual environment), or the system's.
struct KernelSpecPlace: ParsableArguments {
    @Flag(help: "In your own Jupyter data folder (~/.local/share/jupyter/kernels).")
    var user = false

    @Option(help: "Under DIR/share/jupyter/kernels (a virtual environment's sys.prefix).")
    var prefix: String?

    @OptionGroup var lessons: LanguageOptions

    func validate() throws {
        if user && prefix != nil { throw ValidationError("give --user or --prefix DIR, not both") }
    }

    var kernels: String { KernelSpec.kernelsFolder(user: user, prefix: prefix) }

    var spec: KernelSpec { kernelSpec(language: lessons.explicitLanguage ?? .en) }
}

/// The kernelspec of this binary whose lessons speak `language`: "mlplab", or "mlplab (한국어)".
func kernelSpec(language: LessonLanguage) -> KernelSpec {
    let binary = Bundle.main.executableURL?.resolvingSymlinksInPath().path ?? CommandLine.arguments[0]
    return language == .ko ? KernelSpec(binary: binary, languageCode: "ko", languageName: "한국어")
                           : KernelSpec(binary: binary)
}

struct InstallKernel: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "install", abstract: "Install the kernelspec (kernel.json) so that Jupyter offers mlplab.")

    @OptionGroup var place: KernelSpecPlace

    func run() throws {
        do {
            let folder = try place.spec.install(into: place.kernels)
            print("Installed the kernel \"\(place.spec.displayName)\" in \(folder)")
        } catch let error as KernelError {
            throw CommandFailure(error.description)
        }
    }
}

struct UninstallKernel: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "uninstall", abstract: "Remove the kernelspec that install wrote.")

    @OptionGroup var place: KernelSpecPlace

    func run() throws {
        do {
            guard let folder = try place.spec.uninstall(from: place.kernels) else {
                throw CommandFailure("no mlplab kernel is installed in \(place.kernels)")
            }
            print("Removed \(folder)")
        } catch let error as KernelError {
            throw CommandFailure(error.description)
        }
    }
}
