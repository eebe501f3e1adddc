/// A rectangle in pixels.
struct Rect {
    var x, y, width, height: Double
    var maxX: Double { x + width }
    var maxY: Double { y + height }
}

/// An entry of a legend: a label and the mark it stands for.
struct LegendEntry {
    enum Shape { case line, box, dot, triangle }
    var label: String
    var color: String
    var shape: Shape
    var dash: String? = nil
}

/// The parts every chart shares: the document, its title, the legend at the right, and the area
/// left for the plot.
struct ChartFrame {
    var svg: SVGWriter
    /// What is left after the title and legend.
    var body: Rect

    static let legendRow = 18.0
    static let legendMaxWidth = 220.0

    /// Starts a document with the title at the top and the legend (when given) at the right.
    init(style: ChartStyle, title: String?, label: String, legend: [LegendEntry], height: Double? = nil) {
        let h = height ?? style.height
        svg = SVGWriter(width: style.width, height: h, label: title ?? label)
        var top = 12.0
        if let title, !title.isEmpty {
            let fitted = TextMetrics.fit(title, size: 16, maxWidth: style.width - 24)
            svg.label(fitted, x: style.width / 2, y: 26, anchor: "middle", size: 16, weight: "bold", className: "title")
            top = 42
        }
        var right = style.width - 12
        if !legend.isEmpty {
            let widest = legend.map { TextMetrics.width($0.label, size: 11) }.max() ?? 0
            // The label's own width plus the swatch, the gaps, and a little slack for rounding.
            let w = min(ChartFrame.legendMaxWidth, widest + 38)
            right -= w
            ChartFrame.drawLegend(&svg, legend, at: Rect(x: right + 10, y: top, width: w - 10, height: h - top - 12))
        }
        body = Rect(x: 12, y: top, width: right - 12, height: h - top - 12)
    }

    /// The entries that fit, one per row; when they do not all fit the last row says how many are left out.
    static func drawLegend(_ svg: inout SVGWriter, _ entries: [LegendEntry], at r: Rect) {
        let capacity = max(1, Int(r.height / legendRow))
        let shown = entries.count <= capacity ? entries : Array(entries.prefix(capacity - 1))
        svg.open("g", ["class": "legend"])
        for (i, e) in shown.enumerated() {
            let y = r.y + Double(i) * legendRow + 9
            switch e.shape {
            case .line: svg.line(r.x, y, r.x + 18, y, stroke: e.color, width: 2.5, dash: e.dash)
            case .box: svg.rect(r.x + 3, y - 6, 12, 12, fill: e.color)
            case .dot: svg.circle(r.x + 9, y, r: 4, fill: e.color)
            case .triangle: svg.raw(Marks.triangle(x: r.x + 9, y: y, up: true, fill: e.color) + "\n")
            }
            svg.label(
                TextMetrics.fit(e.label, size: 11, maxWidth: r.width - 24), x: r.x + 24, y: y + 4,
                className: "legend-label")
        }
        if shown.count < entries.count {
            let y = r.y + Double(shown.count) * legendRow + 13
            svg.label(
                "+\(entries.count - shown.count) more", x: r.x + 24, y: y, fill: Palette.mutedText,
                className: "legend-more")
        }
        svg.close("g")
    }

    /// A note in small grey text at the bottom left (rows left out, values that cannot be shown).
    mutating func note(_ text: String) {
        svg.label(text, x: body.x, y: svg.height - 4, size: 10, fill: Palette.mutedText, className: "note")
    }
}

/// Small mark shapes shared by charts and legends.
enum Marks {
    static func triangle(x: Double, y: Double, up: Bool, fill: String, size: Double = 5) -> String {
        let d = up ? -1.0 : 1.0
        let pts = [(x, y + d * size), (x - size, y - d * size * 0.8), (x + size, y - d * size * 0.8)]
        return "<polygon points=\"" + pts.map { SVGWriter.num($0.0) + "," + SVGWriter.num($0.1) }.joined(separator: " ")
            + "\" fill=\"\(fill)\" stroke=\"white\" stroke-width=\"0.8\"/>"
    }
}
