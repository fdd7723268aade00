/// The list `:lessons` and `mlplab lessons` print:
///
///       Lessons
///       0  Tensors                 14/14 cells  ✓
///     ▶ 1  Loading MNIST            3/12 cells
///          exercises: parseIDXHeader ✓
///       2  Normalising                 —
///          exercises: normalise ·  zeroCentre ·  oneHot ·
///     Exercises finished: parseIDXHeader (:check NAME checks one).
public enum LessonList {
    /// - Parameter finishedExercises: the exercises that have passed every check, sorted.
    /// - Parameter current: the id of the open lesson, marked with ▶.
    public static func render(_ lessons: [Lesson], progress: LearnerProgress, finishedExercises: [String], current: String?,
                              style: TextStyle, text: TutorText) -> String {
        var lines = [style.apply([.bold], to: text.listTitle)]
        let titleWidth = lessons.map { displayWidth($0.title) }.max() ?? 0
        let numberWidth = String(lessons.map(\.number).max() ?? 0).count
        for lesson in lessons {
            let marker = lesson.id == (current ?? progress.currentLesson) ? style.apply([.bold], to: "▶") : " "
            let number = String(repeating: " ", count: numberWidth - String(lesson.number).count) + String(lesson.number)
            let title = lesson.title + String(repeating: " ", count: titleWidth - displayWidth(lesson.title))
            lines.append("  \(marker) \(number)  \(title)  \(status(of: lesson, progress.lessons[lesson.id], style: style, text: text))")
            if !lesson.exercises.isEmpty {
                let marks = lesson.exercises.map { name in
                    name + " " + (finishedExercises.contains(name) ? style.apply([.green], to: "✓") : "·")
                }
                lines.append(String(repeating: " ", count: numberWidth + 6) + text.exercisesLabel + ": "
                             + marks.joined(separator: "  "))
            }
        }
        lines.append(text.exercisesFinished(finishedExercises))
        lines.append(style.apply([.dim], to: text.listHint))
        return lines.joined(separator: "\n")
    }

    private static func status(of lesson: Lesson, _ record: LessonProgress?, style: TextStyle, text: TutorText) -> String {
        guard let record, !record.cellsRun.isEmpty else { return style.apply([.dim], to: "—") }
        let count = lesson.cells.count
        let run = record.cellsRun.filter { $0 < count }.count
        var status = text.cellsRun(run, of: count)
        if run >= count { status += "  " + style.apply([.green], to: "✓") }
        let differing = record.cellsDiffering.filter { $0 < count }.count
        if differing > 0 { status += "  " + style.apply([.yellow], to: text.differing(differing)) }
        return status
    }
}
