import ArgumentParser
import Foundation
import Notebook

/// `mlplab notebooks DIR`: every lesson as a Jupyter notebook for the mlplab kernel.
struct NotebooksCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "notebooks",
        abstract: "Write every lesson as a Jupyter notebook (.ipynb) into DIR.",
        discussion: "Open them in Jupyter with the mlplab kernel (`mlplab kernel install --user` first).")

    @Argument(help: "The folder to write the notebooks into (created if missing).")
    var folder: String

    @OptionGroup var options: LanguageOptions

    func run() throws {
        let lessons = try loadLessons { try LessonLibrary.locate().lessons(options.language) }
        let spec = kernelSpec(language: options.language)
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            for lesson in lessons {
                let path = (folder as NSString).appendingPathComponent(NotebookExport.fileName(of: lesson))
                try NotebookExport.notebook(lesson, kernelName: spec.name, displayName: spec.displayName)
                    .write(to: URL(fileURLWithPath: path), options: .atomic)
                print(path)
            }
        } catch {
            throw CommandFailure("cannot write the notebooks into \(folder): \(error.localizedDescription)")
        }
    }
}
