import FuzzSupport
import Notebook

/// One lesson file's text. Every input must parse, or be refused with a
/// LessonFormatError; a lesson that parses gives its cells and their prose.
@main
enum FuzzLesson {
    static func main() {
        Fuzzer.run { contents in
            let text = String(decoding: contents, as: UTF8.self)
            guard let lesson = try? LessonParser.parse(text, path: "01-fuzz.md") else { return }
            for cell in lesson.cells { _ = lesson.prose(before: cell.index) }
        }
    }
}
