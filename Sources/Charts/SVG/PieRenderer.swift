import Foundation

/// Draws pies side by side, slices clockwise from twelve o'clock in the order of the rows, each slice
/// of 3% or more labelled with its name and share outside the pie.
struct PieRenderer {
    let model: ChartModel
    let chart: PieChart
    let style: ChartStyle

    /// Past this many slices, the smallest are drawn together as one "other" slice.
    static let maxSlices = 40

    /// A pie as drawn: its largest slices in row order, then one slice for the rest.
    static func shown(_ pie: PieChart.Pie) -> PieChart.Pie {
        guard pie.slices.count > maxSlices else { return pie }
        let keep = Set(pie.slices.indices.sorted { pie.slices[$0].value > pie.slices[$1].value }.prefix(maxSlices - 1))
        var out = pie
        out.slices = pie.slices.indices.filter { keep.contains($0) }.map { pie.slices[$0] }
        let rest = pie.slices.indices.filter { !keep.contains($0) }
        out.slices.append(
            PieChart.Slice(label: "other (\(rest.count) slices)", value: rest.reduce(0) { $0 + pie.slices[$1].value }))
        return out
    }

    func render() -> String {
        let chart = PieChart(pies: self.chart.pies.map(PieRenderer.shown))
        var all: [String] = []
        var seen = Set<String>()
        for pie in chart.pies { for s in pie.slices where seen.insert(s.label).inserted { all.append(s.label) } }
        let index = Dictionary(uniqueKeysWithValues: all.enumerated().map { ($1, $0) })
        func color(_ label: String) -> String {
            style.seriesColors[label] ?? Palette.color(index[label] ?? 0, palette: style.palette)
        }
        let legend =
            model.request.legend == .visible ? all.map { LegendEntry(label: $0, color: color($0), shape: .box) } : []
        var frame = ChartFrame(
            style: style, title: model.request.title, label: "pie chart of \(model.yColumns.joined(separator: ", "))",
            legend: legend)
        let body = frame.body
        let n = max(1, chart.pies.count)
        let perRow = min(n, 3), rows = (n + perRow - 1) / perRow
        let cellW = body.width / Double(perRow), cellH = body.height / Double(rows)
        var omitted = 0
        for (k, pie) in chart.pies.enumerated() {
            let cell = Rect(
                x: body.x + Double(k % perRow) * cellW, y: body.y + Double(k / perRow) * cellH, width: cellW,
                height: cellH)
            let captionRoom = n > 1 ? 18.0 : 0
            if n > 1 {
                frame.svg.label(
                    pie.yColumn, x: cell.x + cell.width / 2, y: cell.y + 13, anchor: "middle", size: 12, weight: "bold",
                    className: "panel-title")
            }
            let cx = cell.x + cell.width / 2, cy = cell.y + captionRoom + (cell.height - captionRoom) / 2
            // Room for the outside labels: the widest label's share of the cell, within limits.
            let widest = pie.slices.map { TextMetrics.width(label($0, pie), size: 11) }.max() ?? 0
            let radius = max(
                20, min((cell.width - 2 * min(widest + 24, cell.width * 0.3)) / 2, (cell.height - captionRoom) / 2 - 24)
            )
            drawPie(&frame.svg, pie, cx: cx, cy: cy, r: radius, color: color)
            omitted += pie.omitted
        }
        if omitted > 0 { frame.note("\(omitted) rows with a null, zero or negative value have no slice") }
        return frame.svg.finish()
    }

    func label(_ s: PieChart.Slice, _ pie: PieChart.Pie) -> String {
        let total = pie.slices.reduce(0) { $0 + $1.value }
        let share = total > 0 ? s.value / total * 100 : 0
        return "\(s.label) (\(share >= 10 ? String(Int(share.rounded())) : String(format: "%.1f", share))%)"
    }

    func drawPie(
        _ svg: inout SVGWriter, _ pie: PieChart.Pie, cx: Double, cy: Double, r: Double, color: (String) -> String
    ) {
        let total = pie.slices.reduce(0) { $0 + $1.value }
        svg.open("g", ["class": "pie", "data-column": pie.yColumn])
        guard total > 0 else {
            svg.label("no values", x: cx, y: cy, anchor: "middle", fill: Palette.mutedText)
            svg.close("g")
            return
        }
        var angle = 0.0
        var outside: [(mid: Double, text: String)] = []
        for s in pie.slices {
            let sweep = s.value / total * 2 * .pi
            let a0 = angle, a1 = angle + sweep
            angle = a1
            let c = color(s.label)
            let title = "<title>\(SVGWriter.escape(s.label)): \(NumberText.plain(s.value))</title>"
            if pie.slices.count == 1 {
                svg.raw(
                    "<circle class=\"slice\" cx=\"\(SVGWriter.num(cx))\" cy=\"\(SVGWriter.num(cy))\" r=\"\(SVGWriter.num(r))\" fill=\"\(c)\">\(title)</circle>\n"
                )
            } else {
                let p0 = point(cx, cy, r, a0), p1 = point(cx, cy, r, a1)
                let large = sweep > .pi ? 1 : 0
                let d =
                    "M\(SVGWriter.num(cx)),\(SVGWriter.num(cy))L\(SVGWriter.num(p0.0)),\(SVGWriter.num(p0.1))"
                    + "A\(SVGWriter.num(r)),\(SVGWriter.num(r)) 0 \(large) 1 \(SVGWriter.num(p1.0)),\(SVGWriter.num(p1.1))Z"
                svg.raw(
                    "<path class=\"slice\" d=\"\(d)\" fill=\"\(c)\" stroke=\"white\" stroke-width=\"1\">\(title)</path>\n"
                )
            }
            if s.value / total >= 0.03 { outside.append(((a0 + a1) / 2, label(s, pie))) }
        }
        // Labels outside, on the side their slice is; pushed apart vertically where they would touch.
        for right in [true, false] {
            var side = outside.filter { (sin($0.mid) >= 0) == right }.map {
                (mid: $0.mid, text: $0.text, y: point(cx, cy, r + 16, $0.mid).1)
            }
            side.sort { $0.y < $1.y }
            for k in side.indices.dropFirst() where side[k].y < side[k - 1].y + 13 { side[k].y = side[k - 1].y + 13 }
            for l in side {
                let edge = point(cx, cy, r, l.mid), elbow = point(cx, cy, r + 10, l.mid)
                let x = cx + (right ? 1 : -1) * (r + 18)
                svg.raw(
                    "<polyline points=\"\(SVGWriter.num(edge.0)),\(SVGWriter.num(edge.1)) \(SVGWriter.num(elbow.0)),\(SVGWriter.num(elbow.1)) \(SVGWriter.num(x)),\(SVGWriter.num(l.y))\" fill=\"none\" stroke=\"\(Palette.axis)\"/>\n"
                )
                svg.label(
                    l.text, x: x + (right ? 3 : -3), y: l.y + 4, anchor: right ? "start" : "end",
                    className: "slice-label")
            }
        }
        svg.close("g")
    }

    /// The point at `angle` (radians clockwise from twelve o'clock) on the circle of radius r.
    func point(_ cx: Double, _ cy: Double, _ r: Double, _ angle: Double) -> (Double, Double) {
        (cx + r * sin(angle), cy - r * cos(angle))
    }
}
