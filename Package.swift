// swift-tools-version: 6.0
import PackageDescription

/// Swift 6 language mode (strict concurrency checking), for the targets that use it.
let swift6: [SwiftSetting] = [.swiftLanguageMode(.v6)]

let package = Package(
    name: "mlplab",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "mlplab", targets: ["mlplab"]),
        .executable(name: "mlplab-exercises", targets: ["mlplab-exercises"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-crypto", "3.0.0"..<"4.0.0"),
        .package(url: "https://github.com/swhitty/FlyingFox", exact: "0.27.1"),
    ],
    targets: [
        // System libraries: one header each, found through pkg-config where the library ships a .pc file
        // whose flags SwiftPM accepts.
        .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        .systemLibrary(name: "CReadline", providers: [.apt(["libreadline-dev"])]),
        // Not through pkg-config: libzmq.pc's flags name Kerberos's include folder, which SwiftPM refuses
        // with a warning at every build, and zmq.h is in /usr/include anyway.
        .systemLibrary(name: "CZMQ", providers: [.apt(["libzmq3-dev"])]),
        .systemLibrary(name: "CBLAS", pkgConfig: "openblas", providers: [.apt(["libopenblas-dev"])]),
        .systemLibrary(name: "CMalloc"),   // glibc's malloc.h, for mallopt

        // The sparse first-layer product, in C so that it can be compiled for several vector widths,
        // and the worker threads that share it (and training's other large steps) across the cores.
        .target(name: "CKernels"),
        // What is not numpy: atomic files, CRC-32, Ctrl-C, the byte codec of model files and workspace
        // archives, the progress file, closest-name suggestions, finding the installation folder.
        .target(name: "Support", dependencies: ["CZlib"], swiftSettings: swift6),
        .target(name: "Tensor", dependencies: ["Support", "CBLAS", "CZlib", "CKernels"], swiftSettings: swift6),
        .target(name: "Datasets", dependencies: ["Support", "Tensor", "CZlib"], swiftSettings: swift6),
        .target(name: "Fetch", dependencies: ["Datasets", .product(name: "Crypto", package: "swift-crypto")], swiftSettings: swift6),
        .target(name: "Network", dependencies: ["Tensor", "Support"], swiftSettings: swift6),
        .target(name: "Plots", dependencies: ["Tensor", "Support", "CZlib"], swiftSettings: swift6),
        // The learner's files: a top-level folder, easy to find and edit. `swift build` compiles
        // them as a module of their own, so that an editor knows them and `make run` names a
        // compiler error, but no program links them: a check compiles them on their own into a
        // small library (`LearnerLibrary`) that the checks' runner loads.
        .target(name: "Exercises", dependencies: ["Tensor"], path: "exercises", exclude: ["README.md"]),
        // Every exercise function in one form, tensors in and tensors out, whatever its Swift
        // signature: how the checks call them, and how the learner's library hands them over.
        .target(name: "ExerciseCalls", dependencies: ["Tensor"]),
        // Holding an actual tensor against the expected one, with the likely mistake named:
        // what `:check` reports and what a lesson's your-turn cell tells the learner.
        .target(name: "TensorComparison", dependencies: ["Tensor"]),
        // The reference solution of every exercise, and nothing else.
        .target(name: "ReferenceSolutions", dependencies: ["Tensor"]),
        // Writes, from course.json, the table of the reference solutions by exercise name and
        // the file that makes the same table of the learner's functions in their library.
        .executableTarget(name: "course-bindings"),
        .plugin(name: "CourseBindings", capability: .buildTool(), dependencies: ["course-bindings"]),
        // The course: its manifest (course.json), each exercise's checks, the progress record,
        // and training with a set of exercise functions.
        .target(name: "Course", dependencies: ["Support", "Tensor", "TensorComparison", "Network", "ExerciseCalls", "ReferenceSolutions"],
                resources: [.copy("course.json")], plugins: ["CourseBindings"]),
        // The child processes: the learner's library, the checks' runner, the learner's functions under :use mine.
        .target(name: "ChildProcesses", dependencies: ["Course", "ExerciseCalls", "Support", "Tensor", "TensorComparison"]),
        // Runs the checks in a child process, on the learner's library, which it loads at start:
        // built once, never relinked after an edit. The library's references to the course's
        // modules are resolved against this program, so it exports its symbols.
        .executableTarget(name: "mlplab-exercises", dependencies: ["Course", "ChildProcesses", "TensorComparison"],
                          linkerSettings: [.unsafeFlags(["-Xlinker", "--export-dynamic"], .when(platforms: [.linux]))]),
        .target(name: "Interpreter", dependencies: ["Support", "Tensor", "Datasets", "Network", "Plots"]),
        .target(name: "Notebook", dependencies: ["Interpreter", "Support", "TensorComparison"]),
        // The course's commands (:exercise :check :hint :solution :reset :use :reload, mlplab check)
        // and their binding into the REPL's commands and builtins.
        .target(name: "CourseConsole", dependencies: ["Support", "Course", "ExerciseCalls", "ChildProcesses", "Interpreter", "Notebook", "Network", "Tensor",
                                                      "TensorComparison"]),
        // The Jupyter kernel: the messaging protocol over ZeroMQ, signed with HMAC-SHA256.
        .target(name: "Kernel", dependencies: ["Interpreter", "Support", "Tensor", "CZMQ", .product(name: "Crypto", package: "swift-crypto")]),
        .executableTarget(name: "mlplab", dependencies: [
            "Support", "Tensor", "Datasets", "Fetch", "Network", "Plots", "Interpreter", "Notebook", "Kernel",
            "CourseConsole", "CReadline", "CMalloc",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),

        // What the numeric tests share: how far two float sums may be apart, which
        // floating-point exceptions a computation raised.
        .target(name: "NumericAssertions", path: "Tests/NumericAssertions"),
        .testTarget(name: "SupportTests", dependencies: ["Support"]),
        .testTarget(name: "TensorTests", dependencies: ["Tensor", "NumericAssertions"], resources: [.copy("Fixtures")]),
        .testTarget(name: "DatasetsTests", dependencies: ["Datasets", "Tensor"], resources: [.copy("Fixtures")]),
        .testTarget(name: "FetchTests", dependencies: ["Fetch", "Datasets", .product(name: "FlyingFox", package: "FlyingFox")]),
        .testTarget(name: "NetworkTests", dependencies: ["Network", "Support", "Tensor", "Datasets", "NumericAssertions"], resources: [.copy("Fixtures")]),
        .testTarget(name: "PlotsTests", dependencies: ["Plots", "Support", "Tensor"]),
        .testTarget(name: "InterpreterTests", dependencies: ["Interpreter", "Support", "Tensor", "Plots"]),
        .testTarget(name: "NotebookTests", dependencies: ["Notebook", "Interpreter", "TensorComparison", "Tensor"], resources: [.copy("Fixtures")]),
        .testTarget(name: "ExercisesTests", dependencies: ["ExerciseCalls", "ReferenceSolutions", "Course", "ChildProcesses", "Notebook",
                                                           "CourseConsole", "TensorComparison", "Support", "Tensor", "Network", "Datasets",
                                                           "NumericAssertions"],
                    resources: [.copy("Fixtures")]),
        .testTarget(name: "KernelTests", dependencies: ["Kernel", "Interpreter"]),
        .testTarget(name: "EndToEndTests", dependencies: ["Interpreter", "Network", "Notebook"]),
    ],
    swiftLanguageModes: [.v5]
)

// libFuzzer targets, one per reader of outside input. They exist only when MLPLAB_FUZZ is set,
// so `swift build` and `swift test` never see them; scripts/fuzz.sh (`make fuzz`) sets it and
// builds them, with the fuzzer and address sanitizer, into a build folder of their own.
if Context.environment["MLPLAB_FUZZ"] != nil {
    let fuzzTargets: [(name: String, dependencies: [Target.Dependency])] = [
        ("fuzz-idx", ["Datasets"]),
        ("fuzz-repl", ["Interpreter", "Support", "Tensor"]),
        ("fuzz-model-file", ["Network"]),
        ("fuzz-workspace-archive", ["Interpreter"]),
        ("fuzz-lesson", ["Notebook"]),
        ("fuzz-progress", ["Notebook", "Course", "Support"]),
    ]
    package.targets += [
        .systemLibrary(name: "CLibFuzzer", path: "Fuzz/CLibFuzzer"),
        .target(name: "FuzzSupport", dependencies: ["CLibFuzzer", "Support", "Tensor"], path: "Fuzz/FuzzSupport"),
    ]
    package.targets += fuzzTargets.map { target in
        .executableTarget(name: target.name, dependencies: ["FuzzSupport"] + target.dependencies,
                          path: "Fuzz/" + target.name)
    }
}
