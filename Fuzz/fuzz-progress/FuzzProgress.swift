import Course
import Foundation
import FuzzSupport
import Notebook

/// One state file's contents, read both as the lessons' progress.json and as
/// the exercises' exercises.json. Every input must be accepted or refused
/// with a StateFileError.
@main
enum FuzzProgress {
    static func main() {
        Fuzzer.run { contents in
            let data = Data(contents)
            _ = try? LearnerProgress.decode(data, file: "progress.json")
            _ = try? ExerciseRecord.decode(data, file: "exercises.json")
        }
    }
}
