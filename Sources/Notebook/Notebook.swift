// Notebook: the lessons. Reads a lesson's Markdown into prose and cells (LessonParser),
// shows it in the REPL a cell at a time with the tutor's words in English or Korean
// (LessonPresenter, Tutor), runs and verifies every cell against its recorded output
// (CellRunner, LessonVerifier, OutputComparison), records new outputs (LessonRecorder),
// compares a learner's your-turn answer with the lesson's, exports lessons as Jupyter
// notebooks, and remembers which lessons were finished.
//
// It leaves the language to Interpreter (a cell is run by a Session), the comparison of two
// tensors to TensorComparison, and the exercises to the course (a lesson only names them).
