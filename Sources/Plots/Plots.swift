// Plots: pictures of the data and of training, for the terminal and for files.
//
// Everything here takes plain data — tensors, [Double], labels as [Int] and
// closures — and nothing from the Network module, so it can draw whatever the
// learner computes by hand as well as what a trained network gives.
//
// In the terminal (functions return Strings; the caller prints):
//   TerminalPicture.digit       one image (28 × 28, a 784-vector, any H × W)
//   TerminalPicture.grid        many images with captions ("Pred: 7, Label: 7")
//   TerminalPicture.weights     first-layer weights (784, H) as H tiles
//   TerminalPicture.lineChart   loss and accuracy curves with nice ticks
//   TerminalPicture.confusion   the confusion matrix with per-class accuracy
//   TerminalPicture.boundary    decision regions of a 2-D classifier (the spiral)
// each drawn for a TerminalStyle: 24-bit colour, 256 colours, or plain ASCII
// (TerminalStyle.detect() looks at stdout, NO_COLOR, COLORTERM and TERM).
//
// In files (written atomically with Tensor's AtomicFile):
//   PNGPicture.* → Raster → PNGWriter.write   the same pictures as PNG
//   SVGChart.lineChart / SVGChart.write        line charts as SVG
//   ChartFile.write                             a chart as .svg or .png by file name
