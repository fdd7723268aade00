import Course
import Foundation
import FuzzSupport
import Notebook
import Support
import Tensor

/// One progress file's contents (format 2), read as the lessons' sections and as the
/// exercises' section. Every input must be accepted or refused with a StateFileError.
@main
enum FuzzProgress {
    static func main() {
        Fuzzer.run { contents in
            let data = Data(contents)
            guard let sections = try? ProgressSections.decode(data, file: "progress.json") else { return }
            _ = try? LearnerProgress(sections: sections)
            _ = try? ExerciseRecord(sections: sections)
        }
    }
}
