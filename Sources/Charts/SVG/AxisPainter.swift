import Foundation

/// Draws an axis along one side of a plot: its line, ticks, labels, grid lines across the plot and title.
struct AxisPainter {
    enum Side { case left, right, bottom, top }

    /// Ticks at pixel positions along the axis.
    struct Marks {
        var positions: [Double]
        var labels: [String]
        /// Bottom-axis labels turned 40° so that long category names fit.
        var rotated = false
    }

    static let fontSize = 11.0
    static let rotation = 40.0

    /// The room the labels take away from the plot, measured across the axis.
    static func depth(_ marks: Marks, side: Side) -> Double {
        let widest = marks.labels.map { TextMetrics.width($0, size: fontSize) }.max() ?? 0
        switch side {
        case .left, .right: return widest + 8
        case .bottom, .top:
            if marks.rotated { return widest * sin(rotation * .pi / 180) + fontSize + 8 }
            return fontSize + 8
        }
    }

    /// Category labels for a bottom axis of `length` pixels: all of them side by side if they fit,
    /// else turned and, if they still crowd, every k-th; names longer than 18 characters are cut.
    static func categoryMarks(_ labels: [String], positions: [Double], length: Double, horizontal: Bool) -> Marks {
        guard !labels.isEmpty else { return Marks(positions: [], labels: []) }
        let spacing = length / Double(labels.count)
        if !horizontal {
            // Stacked labels (a bar chart's categories): every k-th so that rows do not touch.
            let every = max(1, Int(((fontSize + 3) / max(spacing, 0.001)).rounded(.up)))
            let keep = labels.indices.filter { $0 % every == 0 }
            return Marks(
                positions: keep.map { positions[$0] },
                labels: keep.map { TextMetrics.fit(labels[$0], size: fontSize, maxWidth: 140) })
        }
        let widest = labels.map { TextMetrics.width($0, size: fontSize) }.max() ?? 0
        if widest + 8 <= spacing { return Marks(positions: positions, labels: labels) }
        let cut = labels.map { TextMetrics.fit($0, size: fontSize, maxWidth: 120) }
        // Turned labels need about one line height (over the sine of the angle) of room each.
        let need = (fontSize + 2) / sin(rotation * .pi / 180)
        let every = max(1, Int((need / spacing).rounded(.up)))
        let keep = cut.indices.filter { $0 % every == 0 }
        return Marks(positions: keep.map { positions[$0] }, labels: keep.map { cut[$0] }, rotated: true)
    }

    /// Draws the axis of `plot` on `side`; `grid` draws faint lines across the plot at each tick.
    static func draw(
        _ svg: inout SVGWriter, _ marks: Marks, side: Side, plot: Rect, offset: Double = 0,
        grid: Bool, color: String = Palette.text, className: String
    ) {
        svg.open("g", ["class": "axis " + className])
        for (p, label) in zip(marks.positions, marks.labels) {
            switch side {
            case .bottom, .top:
                if grid { svg.line(p, plot.y, p, plot.maxY, stroke: Palette.grid, className: "grid") }
                let y = side == .bottom ? plot.maxY + offset : plot.y - offset
                svg.line(p, y, p, y + (side == .bottom ? 4 : -4), stroke: Palette.axis)
                if marks.rotated {
                    svg.label(
                        label, x: p + 3, y: y + 12, anchor: "end", fill: color, className: "tick", rotate: -rotation)
                } else {
                    svg.label(
                        label, x: p, y: side == .bottom ? y + 15 : y - 7, anchor: "middle", fill: color,
                        className: "tick")
                }
            case .left, .right:
                if grid { svg.line(plot.x, p, plot.maxX, p, stroke: Palette.grid, className: "grid") }
                let x = side == .left ? plot.x - offset : plot.maxX + offset
                svg.line(x, p, x + (side == .left ? -4 : 4), p, stroke: Palette.axis)
                svg.label(
                    label, x: side == .left ? x - 6 : x + 6, y: p + 4, anchor: side == .left ? "end" : "start",
                    fill: color, className: "tick")
            }
        }
        switch side {
        case .bottom: svg.line(plot.x, plot.maxY + offset, plot.maxX, plot.maxY + offset, stroke: Palette.axis)
        case .top: svg.line(plot.x, plot.y - offset, plot.maxX, plot.y - offset, stroke: Palette.axis)
        case .left: svg.line(plot.x - offset, plot.y, plot.x - offset, plot.maxY, stroke: Palette.axis)
        case .right: svg.line(plot.maxX + offset, plot.y, plot.maxX + offset, plot.maxY, stroke: Palette.axis)
        }
        svg.close("g")
    }

    /// An axis title, centred along the side, `distance` pixels out from the plot.
    static func title(
        _ svg: inout SVGWriter, _ text: String, side: Side, plot: Rect, distance: Double, color: String = Palette.text
    ) {
        switch side {
        case .bottom:
            svg.label(
                TextMetrics.fit(text, size: 12, maxWidth: plot.width), x: plot.x + plot.width / 2,
                y: plot.maxY + distance,
                anchor: "middle", size: 12, fill: color, className: "axis-title")
        case .top:
            svg.label(
                TextMetrics.fit(text, size: 12, maxWidth: plot.width), x: plot.x + plot.width / 2, y: plot.y - distance,
                anchor: "middle", size: 12, fill: color, className: "axis-title")
        case .left, .right:
            let x = side == .left ? plot.x - distance : plot.maxX + distance
            let y = plot.y + plot.height / 2
            svg.label(
                TextMetrics.fit(text, size: 12, maxWidth: plot.height), x: x, y: y, anchor: "middle", size: 12,
                fill: color, className: "axis-title", rotate: side == .left ? -90 : 90)
        }
    }
}
