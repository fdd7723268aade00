import Foundation
import PackagePlugin

/// Binds the exercises course.json declares to their functions, at every build of the
/// Course target: `course-bindings` writes the table of the reference solutions by exercise
/// name, and the file a check compiles with the learner's exercises/ to make the same table
/// of theirs. Adding an exercise to the manifest is all it takes to bind it.
@main
struct CourseBindings: BuildToolPlugin {
    struct NoManifest: Error, CustomStringConvertible {
        let target: String
        var description: String { "the target \(target) has no course.json to bind the exercises of" }
    }

    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        guard let manifest = (target as? SourceModuleTarget)?.sourceFiles
            .first(where: { $0.url.lastPathComponent == "course.json" })?.url else { throw NoManifest(target: target.name) }
        let output = context.pluginWorkDirectoryURL.appending(path: "CourseBindings.swift")
        return [.buildCommand(displayName: "Binding the exercises of course.json",
                              executable: try context.tool(named: "course-bindings").url,
                              arguments: [manifest.path, output.path],
                              inputFiles: [manifest], outputFiles: [output])]
    }
}
