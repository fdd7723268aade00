// swift-tools-version: 6.0
import PackageDescription

/// Release builds of the numeric code skip bounds checks on the hot loops only
/// where the code says so (withUnsafeBufferPointer); everything else keeps them.
let package = Package(
    name: "mlplab",
    platforms: [.macOS(.v13)],
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

        // The sparse first-layer product, in C so that it can be compiled for several vector widths.
        .target(name: "CKernels"),
        .target(name: "Tensor", dependencies: ["CBLAS", "CZlib", "CKernels"]),
        .target(name: "Datasets", dependencies: ["Tensor", "CZlib"]),
        .target(name: "Fetch", dependencies: [.product(name: "Crypto", package: "swift-crypto")]),
        .target(name: "Network", dependencies: ["Tensor"]),
        .target(name: "Plots", dependencies: ["Tensor", "CZlib"]),
        // The learner's files: a top-level folder, easy to find and edit. Without cross-module
        // optimisation an edited function body leaves the module's interface as it was, so a
        // check rebuilds only this module and relinks, instead of recompiling the course too.
        .target(name: "Exercises", dependencies: ["Tensor"], path: "exercises", exclude: ["README.md"],
                swiftSettings: [.unsafeFlags(["-disable-cmo"])]),
        // Holding an actual tensor against the expected one, with the likely mistake named:
        // what `:check` reports and what a lesson's your-turn cell tells the learner.
        .target(name: "TensorComparison", dependencies: ["Tensor"]),
        // The reference solution of every exercise, and nothing else.
        .target(name: "ReferenceSolutions", dependencies: ["Tensor", "Exercises"]),
        // The course: its manifest (course.json), each exercise's checks, the progress record,
        // and training with a set of exercise functions.
        .target(name: "Course", dependencies: ["Tensor", "TensorComparison", "Network", "Exercises", "ReferenceSolutions"],
                resources: [.copy("course.json")]),
        // The child processes: the build, the checks' runner, the learner's functions under :use mine.
        .target(name: "ChildProcesses", dependencies: ["Course", "Tensor", "TensorComparison"]),
        // Runs the checks in a child process; small so that a check after an edit rebuilds fast.
        .executableTarget(name: "mlplab-exercises", dependencies: ["Course", "ChildProcesses", "TensorComparison"]),
        .target(name: "Interpreter", dependencies: ["Tensor", "Datasets", "Network", "Plots"]),
        .target(name: "Notebook", dependencies: ["Interpreter", "TensorComparison"]),
        // The course's commands (:exercise :check :hint :solution :reset :use :reload, mlplab check)
        // and their binding into the REPL's commands and builtins.
        .target(name: "CourseConsole", dependencies: ["Course", "ChildProcesses", "Interpreter", "Notebook", "Network", "Tensor",
                                                      "TensorComparison"]),
        // The Jupyter kernel: the messaging protocol over ZeroMQ, signed with HMAC-SHA256.
        .target(name: "Kernel", dependencies: ["Interpreter", "Tensor", "CZMQ", .product(name: "Crypto", package: "swift-crypto")]),
        .executableTarget(name: "mlplab", dependencies: [
            "Tensor", "Datasets", "Fetch", "Network", "Plots", "Interpreter", "Notebook", "Kernel",
            "CourseConsole", "CReadline", "CMalloc",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),

        // What the numeric tests share: how far two float sums may be apart, which
        // floating-point exceptions a computation raised.
        .target(name: "NumericAssertions", path: "Tests/NumericAssertions"),
        .testTarget(name: "TensorTests", dependencies: ["Tensor", "NumericAssertions"], resources: [.copy("Fixtures")]),
        .testTarget(name: "DatasetsTests", dependencies: ["Datasets", "Tensor"], resources: [.copy("Fixtures")]),
        .testTarget(name: "FetchTests", dependencies: ["Fetch", .product(name: "FlyingFox", package: "FlyingFox")]),
        .testTarget(name: "NetworkTests", dependencies: ["Network", "Tensor", "Datasets", "NumericAssertions"], resources: [.copy("Fixtures")]),
        .testTarget(name: "PlotsTests", dependencies: ["Plots", "Tensor"]),
        .testTarget(name: "InterpreterTests", dependencies: ["Interpreter", "Tensor"]),
        .testTarget(name: "NotebookTests", dependencies: ["Notebook", "Interpreter", "TensorComparison", "Tensor"], resources: [.copy("Fixtures")]),
        .testTarget(name: "ExercisesTests", dependencies: ["Exercises", "ReferenceSolutions", "Course", "ChildProcesses", "Notebook",
                                                           "CourseConsole", "TensorComparison", "Tensor", "Network", "Datasets",
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
        ("fuzz-repl", ["Interpreter", "Tensor"]),
        ("fuzz-model-file", ["Network"]),
        ("fuzz-workspace-archive", ["Interpreter"]),
        ("fuzz-lesson", ["Notebook"]),
        ("fuzz-progress", ["Notebook", "Course"]),
    ]
    package.targets += [
        .systemLibrary(name: "CLibFuzzer", path: "Fuzz/CLibFuzzer"),
        .target(name: "FuzzSupport", dependencies: ["CLibFuzzer", "Tensor"], path: "Fuzz/FuzzSupport"),
    ]
    package.targets += fuzzTargets.map { target in
        .executableTarget(name: target.name, dependencies: ["FuzzSupport"] + target.dependencies,
                          path: "Fuzz/" + target.name)
    }
}
