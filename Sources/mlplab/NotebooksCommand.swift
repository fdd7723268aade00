import ArgumentParser
import Foundation
import Notebook

/// `mlplab notebooks DIR`: every lesson as a Jupyter notebook for the mlplab kernel; with
/// `--check`, the notebooks in DIR, once Jupyter ran them, held against the lessons.
struct NotebooksCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "notebooks",
        abstract: "Write every lesson as a Jupyter notebook (.ipynb) into DIR.",
        discussion: """
            Open them in Jupyter with the mlplab kernel (`mlplab kernel install --user` first). With --check, \
            nothing is written: each lesson's notebook in DIR, run by the mlplab kernel (for example with \
            `jupyter execute --inplace`), must show what the lesson verifies, compared as `mlplab run --verify` \
            compares; the exit status is 1 when one does not.
            """)

    @Argument(help: "The folder to write the notebooks into (created if missing).")
    var folder: String

    @Flag(help: "Compare the notebooks in the folder, once run, with the outputs the lessons verify.")
    var check = false

    @OptionGroup var options: LanguageOptions

    func run() throws {
        let lessons = try loadLessons { try LessonLibrary.locate().lessons(options.language) }
        if check { try checkRun(lessons) } else { try write(lessons) }
    }

    private func path(of lesson: Lesson) -> String {
        (folder as NSString).appendingPathComponent(NotebookExport.fileName(of: lesson))
    }

    private func write(_ lessons: [Lesson]) throws {
        let spec = kernelSpec(language: options.language)
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            for lesson in lessons {
                try NotebookExport.notebook(lesson, kernelName: spec.name, displayName: spec.displayName,
                                            language: options.language)
                    .write(to: URL(fileURLWithPath: path(of: lesson)), options: .atomic)
                print(path(of: lesson))
            }
        } catch {
            throw CommandFailure("cannot write the notebooks into \(folder): \(error.localizedDescription)")
        }
    }

    /// Every lesson's notebook, checked; fails when one differs from its lesson or is missing.
    private func checkRun(_ lessons: [Lesson]) throws {
        var differences = 0
        for lesson in lessons {
            guard let data = FileManager.default.contents(atPath: path(of: lesson)) else {
                print("✗ \(path(of: lesson)): missing; write it with `mlplab notebooks \(folder)`, then run it in Jupyter")
                differences += 1
                continue
            }
            let report = ExecutedNotebookCheck.check(data, against: lesson)
            report.differences.forEach { print("✗ \(path(of: lesson)): \($0)") }
            differences += report.differences.count
            print("\(path(of: lesson)): \(report.compared) code cells compared, "
                  + (report.differences.isEmpty ? "every one prints what the lesson verifies" : "\(report.differences.count) differ")
                  + " (\(report.notCompared) not compared)")
        }
        if differences > 0 { throw ExitCode(1) }
    }
}
