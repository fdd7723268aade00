import Foundation
import Support
import Tensor

/// Line charts as SVG text: axes, nice ticks with labels and grid lines, a
/// title, axis names, a legend and one polyline per unbroken run of each
/// series, in the shared palette. Open the file in any browser.
public enum SVGChart {
    /// The SVG document for `series`, `width × height` pixels (at least 200 × 150).
    /// Series with at most 60 points also get a dot on each point.
    /// Throws `PlotError.empty` when no series has a finite value.
    public static func lineChart(series: [Series], width: Int = 640, height: Int = 400, title: String? = nil,
                                 xLabel: String? = nil, yLabel: String? = nil) throws -> String {
        let layout = try ChartLayout(series: series, width: width, height: height, hasTitle: title != nil)
        var svg = [
            #"<?xml version="1.0" encoding="UTF-8"?>"#,
            #"<svg xmlns="http://www.w3.org/2000/svg" width="\#(layout.width)" height="\#(layout.height)" "#
                + #"viewBox="0 0 \#(layout.width) \#(layout.height)" font-family="sans-serif" font-size="12">"#,
            #"<rect width="100%" height="100%" fill="white"/>"#,
        ]
        if let title {
            svg.append(text(title, x: Double(layout.width) / 2, y: 26, anchor: "middle", extra: #" font-size="16""#))
        }
        svg += axes(layout, xLabel: xLabel, yLabel: yLabel)
        for (index, line) in series.enumerated() {
            svg += lines(line, colour: Palette.colour(index), layout: layout)
        }
        svg += legend(series, layout: layout)
        svg.append("</svg>")
        return svg.joined(separator: "\n") + "\n"
    }

    /// `lineChart(series:...)` for (name, values) pairs at x = 1, 2, 3, …
    public static func lineChart(series: [(name: String, values: [Double])], width: Int = 640, height: Int = 400,
                                 title: String? = nil, xLabel: String? = nil, yLabel: String? = nil) throws -> String {
        try lineChart(series: series.map { Series(name: $0.name, values: $0.values) }, width: width,
                      height: height, title: title, xLabel: xLabel, yLabel: yLabel)
    }

    /// Saves the chart to `path` atomically.
    public static func write(series: [Series], to path: String, width: Int = 640, height: Int = 400,
                             title: String? = nil, xLabel: String? = nil, yLabel: String? = nil) throws {
        let svg = try lineChart(series: series, width: width, height: height, title: title,
                                xLabel: xLabel, yLabel: yLabel)
        try AtomicFile.write(Array(svg.utf8), to: path)
    }

    static let gridColour = RGB(224, 224, 224)
    static let legendBorder = RGB(187, 187, 187)

    /// Grid lines and labels at each tick, the two axis lines, and the axis names.
    private static func axes(_ layout: ChartLayout, xLabel: String?, yLabel: String?) -> [String] {
        let frame = layout.frame
        var parts: [String] = []
        for (value, label) in zip(frame.yTicks.values, frame.yTicks.labels) {
            let y = layout.position(x: frame.xRange.lowerBound, y: value).y
            parts.append(#"<line x1="\#(number(layout.plotLeft))" y1="\#(number(y))" x2="\#(number(layout.plotRight))" "#
                         + #"y2="\#(number(y))" stroke="\#(hex(gridColour))"/>"#)
            parts.append(text(label, x: layout.plotLeft - 8, y: y + 4, anchor: "end"))
        }
        for (value, label) in zip(frame.xTicks.values, frame.xTicks.labels) {
            let x = layout.position(x: value, y: frame.yRange.lowerBound).x
            parts.append(#"<line x1="\#(number(x))" y1="\#(number(layout.plotTop))" x2="\#(number(x))" "#
                         + #"y2="\#(number(layout.plotBottom))" stroke="\#(hex(gridColour))"/>"#)
            parts.append(text(label, x: x, y: layout.plotBottom + 18, anchor: "middle"))
        }
        let (left, right, top, bottom) = (number(layout.plotLeft), number(layout.plotRight),
                                          number(layout.plotTop), number(layout.plotBottom))
        parts.append(#"<polyline fill="none" stroke="black" points="\#(left),\#(top) \#(left),\#(bottom) \#(right),\#(bottom)"/>"#)
        if let xLabel {
            parts.append(text(xLabel, x: layout.plotLeft + layout.plotWidth / 2, y: layout.plotBottom + 40,
                              anchor: "middle"))
        }
        if let yLabel {
            let (x, y) = (16.0, layout.plotTop + layout.plotHeight / 2)
            parts.append(text(yLabel, x: x, y: y, anchor: "middle",
                              extra: #" transform="rotate(-90 \#(number(x)) \#(number(y)))""#))
        }
        return parts
    }

    /// One polyline per unbroken run of `series`, plus dots when there are few points.
    private static func lines(_ series: Series, colour: RGB, layout: ChartLayout) -> [String] {
        let runs = layout.runs(of: series)
        var parts = runs.map { run in
            #"<polyline fill="none" stroke="\#(hex(colour))" stroke-width="2" stroke-linejoin="round" "#
                + #"points="\#(run.map { "\(number($0.x)),\(number($0.y))" }.joined(separator: " "))"/>"#
        }
        if series.values.count <= 60 {
            parts += runs.joined().map { #"<circle cx="\#(number($0.x))" cy="\#(number($0.y))" r="3" fill="\#(hex(colour))"/>"# }
        }
        return parts
    }

    /// A box in the plot's top right corner naming each series beside a sample of its line.
    private static func legend(_ series: [Series], layout: ChartLayout) -> [String] {
        guard !series.isEmpty else { return [] }
        let rowHeight = 18.0
        let textWidth = Double(series.map { $0.name.count }.max() ?? 0) * 7
        let boxWidth = 40 + textWidth, boxHeight = rowHeight * Double(series.count) + 8
        let left = layout.plotRight - boxWidth - 8, top = layout.plotTop + 8
        var parts = [#"<rect x="\#(number(left))" y="\#(number(top))" width="\#(number(boxWidth))" "#
                     + #"height="\#(number(boxHeight))" fill="white" fill-opacity="0.85" stroke="\#(hex(legendBorder))"/>"#]
        for (index, line) in series.enumerated() {
            let y = top + 4 + rowHeight * (Double(index) + 0.5)
            parts.append(#"<line x1="\#(number(left + 8))" y1="\#(number(y))" x2="\#(number(left + 30))" "#
                         + #"y2="\#(number(y))" stroke="\#(hex(Palette.colour(index)))" stroke-width="2"/>"#)
            parts.append(text(line.name, x: left + 36, y: y + 4, anchor: "start"))
        }
        return parts
    }

    private static func text(_ content: String, x: Double, y: Double, anchor: String, extra: String = "") -> String {
        #"<text x="\#(number(x))" y="\#(number(y))" text-anchor="\#(anchor)"\#(extra)>\#(escapeXML(content))</text>"#
    }

    /// A coordinate with two decimals, e.g. 64.00.
    static func number(_ value: Double) -> String { String(format: "%.2f", value) }

    /// "#1f77b4".
    static func hex(_ colour: RGB) -> String { String(format: "#%02x%02x%02x", colour.r, colour.g, colour.b) }

    /// `text` safe inside XML content and attribute values.
    public static func escapeXML(_ text: String) -> String {
        var escaped = ""
        for character in text {
            switch character {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&apos;"
            default: escaped.append(character)
            }
        }
        return escaped
    }
}
