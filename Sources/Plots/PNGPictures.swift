import Tensor

/// Pictures drawn as `Raster`s, ready for `PNGWriter.write(_:to:)`: the same
/// pictures the terminal shows, at a resolution a report or slide can use.
public enum PNGPicture {
    /// Space around the picture and between tiles, in pixels.
    static let padding = 8

    /// One image (H, W) or (D) with D square, min...max as black...white,
    /// each pixel enlarged to `scale × scale` (1...64).
    public static func digit(_ image: Tensor, scale: Int = 8) throws -> Raster {
        let image = try GreyImage(image)
        let scale = min(max(scale, 1), 64)
        var raster = Raster(width: image.width * scale, height: image.height * scale)
        raster.drawPixels(image.levels.map { RGB(grey: $0) }, width: image.width, height: image.height,
                          x: 0, y: 0, scale: scale)
        return raster
    }

    /// Several images in `columns` columns (default: the smallest square
    /// grid, 4 × 4 for 16), white stroke on black as the seeds show them, each
    /// with its caption underneath in black (mistakes in red, marked `✗`).
    /// At most `TerminalPicture.maximumGridImages` are drawn.
    ///
    /// - Parameters:
    ///   - images: a stack (N, H, W) or (N, D) with D square, e.g. (25, 784).
    ///   - captions: none, or one per image (see `Caption.predictions(_:labels:)`).
    ///   - scale: pixels per image pixel (1...16).
    public static func grid(images: Tensor, captions: [Caption] = [], columns: Int? = nil,
                            scale: Int = 4) throws -> Raster {
        let shown = try GreyImage.batch(images, limit: TerminalPicture.maximumGridImages)
        try TerminalPicture.checkCaptions(captions, images: images.shape[0])
        return tiled(shown.map { image in image.levels.map { RGB(grey: $0) } },
                     imageWidth: shown[0].width, imageHeight: shown[0].height,
                     captions: Array(captions.prefix(shown.count)), columns: columns, scale: scale)
    }

    /// The first `count` hidden units' weights as tiles (column j of
    /// `weights` (D, H), D square, is unit j), in the diverging palette:
    /// black at zero, orange for positive, blue for negative weights, each
    /// tile scaled by its own largest magnitude. Captioned "unit j".
    public static func weights(_ weights: Tensor, count: Int = 16, columns: Int? = nil,
                               scale: Int = 4) throws -> Raster {
        let tiles = try weightTiles(weights, count: count)
        return tiled(tiles.map { $0.signedLevels.map(Palette.diverging) },
                     imageWidth: tiles[0].width, imageHeight: tiles[0].height,
                     captions: tiles.indices.map { Caption("unit \($0)") }, columns: columns, scale: scale)
    }

    /// The decision regions `predict` gives over the area of `points` (N, 2),
    /// in light class colours, with the points as dots in full class colours:
    /// a `size × size` picture (64...4096) whose regions are sampled every
    /// `cell` pixels. `predict` gets the cell centres as a float64 tensor
    /// (cells, 2) and returns one class per row (see `DecisionGrid`).
    public static func boundary(points: Tensor, labels: [Int], size: Int = 400, cell: Int = 2,
                                predict: (Tensor) throws -> [Int]) throws -> Raster {
        try TerminalPicture.checkLabels(labels, points: points)
        let size = min(max(size, 64), 4096), cell = min(max(cell, 1), 64)
        let cells = max(size / cell, 2)
        let grid = try DecisionGrid(points: points, columns: cells, rows: cells, predict: predict)
        var raster = Raster(width: cells * cell, height: cells * cell)
        raster.drawPixels(grid.classes.map { Palette.colour($0).mixed(with: .white, 0.65) },
                          width: cells, height: cells, x: 0, y: 0, scale: cell)
        let values = points.doubles
        for (n, label) in labels.enumerated() {
            let (across, down) = grid.fraction(x: values[2 * n], y: values[2 * n + 1])
            guard across.isFinite, down.isFinite else { continue }
            let x = Int((across * Double(raster.width)).clamped(0, Double(raster.width - 1)))
            let y = Int((down * Double(raster.height)).clamped(0, Double(raster.height - 1)))
            raster.fillCircle(x: x, y: y, radius: 4, colour: .black)
            raster.fillCircle(x: x, y: y, radius: 3, colour: Palette.colour(label))
        }
        return raster
    }

    /// The line chart of `SVGChart.lineChart` as pixels: same layout, ticks,
    /// palette and legend, text in `BitmapFont` (characters it lacks show as '?').
    /// The y-axis name is written level, above the axis.
    public static func lineChart(series: [Series], width: Int = 640, height: Int = 400, title: String? = nil,
                                 xLabel: String? = nil, yLabel: String? = nil) throws -> Raster {
        let layout = try ChartLayout(series: series, width: width, height: height, hasTitle: title != nil)
        var raster = Raster(width: layout.width, height: layout.height)
        drawAxes(layout, on: &raster)
        if let xLabel {
            raster.drawText(xLabel, x: Int(layout.plotLeft + layout.plotWidth / 2) - BitmapFont.width(of: xLabel) / 2,
                            y: Int(layout.plotBottom) + 26, colour: .black)
        }
        if let yLabel { raster.drawText(yLabel, x: 8, y: Int(layout.plotTop) - 12, colour: .black) }
        for (index, line) in series.enumerated() {
            for run in layout.runs(of: line) {
                let pixels = run.map { (x: Int($0.x.rounded()), y: Int($0.y.rounded())) }
                for (start, end) in zip(pixels, pixels.dropFirst()) {
                    raster.drawLine(from: start, to: end, colour: Palette.colour(index), thickness: 2)
                }
                if pixels.count == 1 {
                    raster.fillCircle(x: pixels[0].x, y: pixels[0].y, radius: 2, colour: Palette.colour(index))
                }
            }
        }
        drawLegend(series, layout: layout, on: &raster)
        if let title {
            raster.drawText(title, x: (layout.width - BitmapFont.width(of: title) * 2) / 2, y: 12,
                            colour: .black, scale: 2)
        }
        return raster
    }

    /// Tiles of `imageWidth × imageHeight` colours enlarged by `scale`, in rows
    /// of `columns`, on white, each with its caption wrapped underneath.
    static func tiled(_ tiles: [[RGB]], imageWidth: Int, imageHeight: Int, captions: [Caption],
                      columns: Int?, scale: Int) -> Raster {
        let scale = min(max(scale, 1), 16)
        let columns = min(max(columns ?? smallestSquareSide(tiles.count), 1), tiles.count)
        let rows = (tiles.count + columns - 1) / columns
        let tileWidth = imageWidth * scale, tileHeight = imageHeight * scale
        // Captions wrap at the tile's width, but never below 20 characters, which
        // keeps "Pred: 6, Label: 5 ✗" on one line under a small tile.
        let captionCharacters = max(20, (tileWidth + 1) / BitmapFont.advance)
        let captionLines = captions.map { wrapWords($0.marked(for: .trueColor), width: captionCharacters) }
        let cellWidth = max(tileWidth, captionLines.joined().map(BitmapFont.width).max() ?? 0)
        let captionHeight = captionLines.isEmpty ? 0 : 4 + (captionLines.map(\.count).max() ?? 0) * BitmapFont.lineHeight
        let cellHeight = tileHeight + captionHeight

        var raster = Raster(width: padding + columns * (cellWidth + padding),
                            height: padding + rows * (cellHeight + padding))
        for (n, tile) in tiles.enumerated() {
            let left = padding + (n % columns) * (cellWidth + padding)
            let top = padding + (n / columns) * (cellHeight + padding)
            raster.drawPixels(tile, width: imageWidth, height: imageHeight,
                              x: left + (cellWidth - tileWidth) / 2, y: top, scale: scale)
            guard n < captionLines.count else { continue }
            let colour = captions[n].isMistake ? Palette.mistake : RGB.black
            for (row, line) in captionLines[n].enumerated() {
                raster.drawText(line, x: left + (cellWidth - BitmapFont.width(of: line)) / 2,
                                y: top + tileHeight + 4 + row * BitmapFont.lineHeight, colour: colour)
            }
        }
        return raster
    }

    /// The side of the smallest square grid holding `count` tiles: 16 → 4, 17 → 5.
    static func smallestSquareSide(_ count: Int) -> Int {
        var side = 1
        while side * side < count { side += 1 }
        return side
    }

    private static func drawAxes(_ layout: ChartLayout, on raster: inout Raster) {
        let frame = layout.frame
        let (left, right) = (Int(layout.plotLeft), Int(layout.plotRight))
        let (top, bottom) = (Int(layout.plotTop), Int(layout.plotBottom))
        for (value, label) in zip(frame.yTicks.values, frame.yTicks.labels) {
            let y = Int(layout.position(x: frame.xRange.lowerBound, y: value).y.rounded())
            raster.drawLine(from: (left, y), to: (right, y), colour: SVGChart.gridColour)
            raster.drawText(label, x: left - 8 - BitmapFont.width(of: label), y: y - 3, colour: .black)
        }
        for (value, label) in zip(frame.xTicks.values, frame.xTicks.labels) {
            let x = Int(layout.position(x: value, y: frame.yRange.lowerBound).x.rounded())
            raster.drawLine(from: (x, top), to: (x, bottom), colour: SVGChart.gridColour)
            raster.drawText(label, x: x - BitmapFont.width(of: label) / 2, y: bottom + 8, colour: .black)
        }
        raster.drawLine(from: (left, top), to: (left, bottom), colour: .black)
        raster.drawLine(from: (left, bottom), to: (right, bottom), colour: .black)
    }

    private static func drawLegend(_ series: [Series], layout: ChartLayout, on raster: inout Raster) {
        guard !series.isEmpty else { return }
        let rowHeight = 14
        let boxWidth = 40 + (series.map { BitmapFont.width(of: $0.name) }.max() ?? 0)
        let boxHeight = rowHeight * series.count + 8
        let left = Int(layout.plotRight) - boxWidth - 8, top = Int(layout.plotTop) + 8
        raster.fill(x: left, y: top, width: boxWidth, height: boxHeight, colour: SVGChart.legendBorder)
        raster.fill(x: left + 1, y: top + 1, width: boxWidth - 2, height: boxHeight - 2, colour: .white)
        for (index, line) in series.enumerated() {
            let y = top + 4 + rowHeight * index + rowHeight / 2
            raster.drawLine(from: (left + 8, y), to: (left + 30, y), colour: Palette.colour(index), thickness: 2)
            raster.drawText(line.name, x: left + 36, y: y - 3, colour: .black)
        }
    }
}
