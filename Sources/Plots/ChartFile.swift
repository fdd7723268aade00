/// Saving a line chart in the format its file name asks for.
public enum ChartFile {
    /// The extensions `write` understands.
    public static let extensions = ["svg", "png"]

    /// Writes the chart of `series` to `path` atomically: SVG for a name
    /// ending in `.svg`, PNG for `.png` (either case); any other name throws
    /// `PlotError.unsupportedFileType`. Sizes are in pixels.
    public static func write(series: [Series], to path: String, width: Int = 640, height: Int = 400,
                             title: String? = nil, xLabel: String? = nil, yLabel: String? = nil) throws {
        switch fileExtension(path) {
        case "svg":
            try SVGChart.write(series: series, to: path, width: width, height: height, title: title,
                               xLabel: xLabel, yLabel: yLabel)
        case "png":
            try PNGWriter.write(try PNGPicture.lineChart(series: series, width: width, height: height, title: title,
                                                         xLabel: xLabel, yLabel: yLabel), to: path)
        default:
            throw PlotError.unsupportedFileType(path: path, supported: extensions)
        }
    }

    /// The lower-cased text after the last dot of the file name, or "" if it has none.
    static func fileExtension(_ path: String) -> String {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return "" }
        return name[name.index(after: dot)...].lowercased()
    }
}
