// Exercises module
