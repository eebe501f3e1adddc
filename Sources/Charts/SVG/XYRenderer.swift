import Foundation

/// Draws the charts over an x axis: lines, areas, points, columns and bars, in one or more panels
/// (`ysplit=panels`) with one or more value axes (`ysplit=axes`).
///
/// Positions are worked out along two directions: `u` runs along the x (category) axis and `v`
/// along the value axis. Columns, lines, areas and points have `u` horizontal; bars have it vertical.
struct XYRenderer {
    let model: ChartModel
    let chart: XYChart
    let style: ChartStyle
    let spans: [[Span?]]
    /// Colour index per series (series with the same legend name share it).
    let colorIndex: [Int]
    let legendNames: [String]

    init(model: ChartModel, chart: XYChart, style: ChartStyle) {
        self.model = model; self.chart = chart; self.style = style
        spans = XYSpans.spans(chart)
        var names: [String] = [], index: [String: Int] = [:], colors: [Int] = []
        for s in chart.series {
            if let i = index[s.name] {
                colors.append(i)
            } else {
                index[s.name] = names.count; colors.append(names.count); names.append(s.name)
            }
        }
        colorIndex = colors; legendNames = names
    }

    var barsAcross: Bool { chart.mark == .bar }
    var request: ChartRequest { model.request }

    func color(_ series: Int) -> String {
        style.seriesColors[chart.series[series].name] ?? Palette.color(colorIndex[series], palette: style.palette)
    }

    func dash(_ series: Int) -> String? {
        if style.dashedSeries.contains(chart.series[series].name) { return "6 3" }
        return chart.mark == .line ? Palette.dash(colorIndex[series], palette: style.palette) : nil
    }

    var legend: [LegendEntry] {
        guard request.legend == .visible else { return [] }
        let shape: LegendEntry.Shape
        switch chart.mark {
        case .line: shape = .line
        case .point: shape = .dot
        default: shape = .box
        }
        var entries: [LegendEntry] = []
        var seen = Set<String>()
        for i in chart.series.indices where seen.insert(chart.series[i].name).inserted {
            entries.append(LegendEntry(label: chart.series[i].name, color: color(i), shape: shape, dash: dash(i)))
        }
        if chart.series.contains(where: { !$0.anomalies.isEmpty }) {
            entries.append(LegendEntry(label: "anomalies", color: Palette.anomaly, shape: .triangle))
        }
        return entries
    }

    /// An id prefix for this chart's clip paths: a hash of what is drawn, so that charts inlined in one
    /// page do not share ids unless they are the same chart.
    var clipPrefix: String {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        func mix(_ s: String) { for b in s.utf8 { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 } }
        mix(request.kind.rawValue); mix(request.title ?? ""); mix("\(style.width)x\(style.height)")
        for s in chart.series {
            mix(s.name); mix(s.yColumn); mix(String(s.points.count))
            if let first = s.points.first { mix("\(first.x),\(first.y ?? 0)") }
            if let last = s.points.last { mix("\(last.x),\(last.y ?? 0)") }
        }
        return "clip" + String(h, radix: 36)
    }

    // MARK: Domains

    /// All x values drawn (positive ones only on a log x axis).
    var xValues: [Double] {
        let logX = request.xAxis == .log && chart.xValues == .number
        return chart.series.flatMap { $0.points.map(\.x) }.filter { !logX || $0 > 0 }
    }

    /// The smallest gap between distinct x values: the room a column has on a continuous axis.
    var xSlot: Double {
        let xs = Array(Set(xValues)).sorted()
        var gap = Double.infinity
        for i in xs.indices.dropFirst() { gap = min(gap, xs[i] - xs[i - 1]) }
        if gap.isFinite, gap > 0 { return gap }
        switch chart.xValues {
        case .datetime, .timespan: return 3.6e12
        default: return max(1, (xs.first ?? 1).magnitude / 10)
        }
    }

    /// The data range of the values on (panel, axis).
    func valueRange(panel: Int, axis: Int) -> (Double, Double)? {
        var lo = Double.infinity, hi = -Double.infinity
        let logY = request.yAxis == .log
        for (i, s) in chart.series.enumerated() where s.panel == panel && s.axis == axis {
            for span in spans[i] {
                guard let span else { continue }
                for v in (chart.mark == .line || chart.mark == .point) ? [span.hi] : [span.lo, span.hi]
                where !(logY && v <= 0) {
                    lo = min(lo, v); hi = max(hi, v)
                }
            }
        }
        return lo <= hi ? (lo, hi) : nil
    }

    func valueAxis(panel: Int, axis: Int, start: Double, end: Double) -> ContinuousAxis {
        var range = valueRange(panel: panel, axis: axis)
        let grows = chart.mark == .column || chart.mark == .bar || chart.mark == .area
        // Bars grow from the bottom of a log axis: the smallest one must not sit on it with no length.
        if grows, request.yAxis == .log, let r = range { range = (r.0 * 0.99, r.1) }
        return ContinuousAxis(
            values: .number, log: request.yAxis == .log, dataLo: range?.0, dataHi: range?.1,
            start: start, end: end, horizontal: barsAcross, nice: true, includeZero: grows,
            fixedMin: chart.stacking == .stacked100 ? 0 : request.yMin,
            fixedMax: chart.stacking == .stacked100 ? 100 : request.yMax)
    }

    /// The x axis over pixels [start, end]: categories in bands, or a continuous axis.
    func xAxis(start: Double, end: Double) -> XPositions {
        if chart.xValues == .category {
            return .bands(count: max(1, chart.categories.count), start: start, end: end)
        }
        let xs = xValues
        var lo = xs.min(), hi = xs.max()
        if chart.mark == .column || chart.mark == .bar, let l = lo, let h = hi {
            lo = l - xSlot / 2; hi = h + xSlot / 2
        }
        // Points over numbers get whole ticks at both ends, so no dot sits half outside the plot on its edge.
        let nice = chart.mark == .point && chart.xValues == .number
        return .continuous(
            ContinuousAxis(
                values: chart.xValues, log: request.xAxis == .log, dataLo: lo, dataHi: hi,
                start: start, end: end, horizontal: !barsAcross, nice: nice))
    }

    // MARK: Drawing

    func render() -> String {
        let legend = self.legend
        var frame = ChartFrame(
            style: style, title: request.title,
            label: "\(request.kind.rawValue) of \(model.yColumns.joined(separator: ", "))",
            legend: legend)
        let body = frame.body
        let panels = max(1, chart.panels.count), axes = max(1, chart.axes.count)
        let xTitle = request.xTitle ?? model.xColumn ?? ""
        let yTitle = request.yTitle ?? (axes == 1 && model.yColumns.count == 1 && panels == 1 ? model.yColumns[0] : "")
        let panelTitleRoom = panels > 1 ? 16.0 : 0
        let gap = panels > 1 ? 22.0 : 0

        // Provisional axes, to measure their labels.
        let guessU = barsAcross ? body.height - 60 : body.width - 100
        let guessV = barsAcross ? (body.width - 160) / Double(panels) : (body.height - 60) / Double(panels)
        let uMarks = xAxis(start: 0, end: guessU).marks(
            categories: chart.categories, horizontal: !barsAcross, length: guessU)
        let uDepth = AxisPainter.depth(uMarks, side: barsAcross ? .left : .bottom)
        var vDepth = [Double](repeating: 0, count: axes)
        for a in 0..<axes {
            for p in 0..<panels {
                let axis = valueAxis(panel: p, axis: a, start: guessV, end: 0)
                let marks = AxisPainter.Marks(
                    positions: axis.ticks.map { axis.position($0.value) ?? 0 }, labels: axis.ticks.map(\.label))
                vDepth[a] = max(vDepth[a], AxisPainter.depth(marks, side: barsAcross ? .bottom : .left))
            }
        }
        // Axis blocks outward from the plot: 0 at the near side, 1 at the far side, then alternating.
        let titleRoom = 18.0
        func blockOffset(_ a: Int) -> Double {
            stride(from: a - 2, through: 0, by: -2).reduce(0) { $0 + vDepth[$1] + (axes > 1 ? titleRoom : 0) + 6 }
        }
        var near = 0.0, far = 0.0
        for a in 0..<axes {
            let w = vDepth[a] + ((axes > 1 || !yTitle.isEmpty) ? titleRoom : 0) + 6
            if a % 2 == 0 { near += w } else { far += w }
        }
        let plot: Rect
        if barsAcross {
            let left = body.x + uDepth + (xTitle.isEmpty ? 0 : titleRoom) + 4
            let top = body.y + far + panelTitleRoom + 4
            plot = Rect(x: left, y: top, width: body.maxX - left - 8, height: body.maxY - near - top)
        } else {
            let left = body.x + near + 4
            let bottom = uDepth + (xTitle.isEmpty ? 0 : titleRoom + 2)
            let top = body.y + panelTitleRoom + 6
            plot = Rect(x: left, y: top, width: body.maxX - far - left - 8, height: body.maxY - bottom - top)
        }
        guard plot.width > 20, plot.height > 20 else {
            frame.note("the chart is too small to draw")
            return frame.svg.finish()
        }

        // Panels split the plot along the value direction.
        func panelRect(_ p: Int) -> Rect {
            if barsAcross {
                let w = (plot.width - gap * Double(panels - 1)) / Double(panels)
                return Rect(x: plot.x + Double(p) * (w + gap), y: plot.y, width: w, height: plot.height)
            }
            let h = (plot.height - (gap + panelTitleRoom) * Double(panels - 1)) / Double(panels)
            return Rect(x: plot.x, y: plot.y + Double(p) * (h + gap + panelTitleRoom), width: plot.width, height: h)
        }
        let x = barsAcross ? xAxis(start: plot.y, end: plot.maxY) : xAxis(start: plot.x, end: plot.maxX)
        let xMarks = x.marks(
            categories: chart.categories, horizontal: !barsAcross, length: barsAcross ? plot.height : plot.width)

        var svg = frame.svg
        var omittedLog = 0
        for p in 0..<panels {
            let r = panelRect(p)
            let vAxes = (0..<axes).map { a in
                barsAcross
                    ? valueAxis(panel: p, axis: a, start: r.x, end: r.maxX)
                    : valueAxis(panel: p, axis: a, start: r.maxY, end: r.y)
            }
            if panels > 1 {
                svg.label(
                    TextMetrics.fit(chart.panels[p], size: 12, maxWidth: r.width), x: r.x, y: r.y - 6, size: 12,
                    weight: "bold", className: "panel-title")
            }
            // Value axes: the first carries the grid.
            for (a, axis) in vAxes.enumerated() {
                let marks = AxisPainter.Marks(
                    positions: axis.ticks.compactMap { axis.position($0.value) }, labels: axis.ticks.map(\.label))
                let side: AxisPainter.Side = barsAcross ? (a % 2 == 0 ? .bottom : .top) : (a % 2 == 0 ? .left : .right)
                let axisColor =
                    axes > 1
                    ? (chart.series.indices.first { chart.series[$0].axis == a && chart.series[$0].panel == p }.map(
                        color) ?? Palette.text) : Palette.text
                AxisPainter.draw(
                    &svg, marks, side: side, plot: r, offset: blockOffset(a), grid: a == 0, color: axisColor,
                    className: "y")
                let title = axes > 1 ? chart.axes[a] : yTitle
                if !title.isEmpty, !barsAcross || p == 0 || axes > 1 {
                    let distance = blockOffset(a) + vDepth[a] + (barsAcross ? 14 : 12)
                    AxisPainter.title(
                        &svg, title, side: side, plot: barsAcross && axes == 1 ? plot : r, distance: distance,
                        color: axisColor)
                }
            }
            // The x axis: under every panel for columns (labels only under the last), left of the first for bars.
            if barsAcross {
                if p == 0 {
                    AxisPainter.draw(
                        &svg, xMarks, side: .left, plot: r, grid: chart.xValues != .category, className: "x")
                }
            } else {
                let shown =
                    p == panels - 1
                    ? xMarks : AxisPainter.Marks(positions: xMarks.positions, labels: xMarks.labels.map { _ in "" })
                AxisPainter.draw(&svg, shown, side: .bottom, plot: r, grid: chart.xValues != .category, className: "x")
            }
            // Marks past ymin/ymax (or a fixed x range) are clipped to the panel.
            let clip = "\(clipPrefix)-\(p)"
            svg.raw(
                "<clipPath id=\"\(clip)\"><rect x=\"\(SVGWriter.num(r.x - 2))\" y=\"\(SVGWriter.num(r.y - 2))\" width=\"\(SVGWriter.num(r.width + 4))\" height=\"\(SVGWriter.num(r.height + 4))\"/></clipPath>\n"
            )
            svg.open("g", ["class": "plot", "clip-path": "url(#\(clip))"])
            for a in 0..<axes {
                omittedLog += drawSeries(&svg, panel: p, axis: a, x: x, v: vAxes[a], plot: r)
            }
            svg.close("g")
        }
        if !xTitle.isEmpty {
            if barsAcross {
                AxisPainter.title(&svg, xTitle, side: .left, plot: plot, distance: uDepth + 12)
            } else {
                AxisPainter.title(&svg, xTitle, side: .bottom, plot: panelRect(panels - 1), distance: uDepth + 14)
            }
        }
        frame.svg = svg
        if !chart.series.contains(where: { $0.points.contains { $0.y != nil } }) { frame.note("no values to draw") }
        if omittedLog > 0 { frame.note("\(omittedLog) values of zero or less are not shown on the log axis") }
        return frame.svg.finish()
    }
}

/// Where x values go: equal bands for categories, or a continuous axis.
enum XPositions {
    case bands(count: Int, start: Double, end: Double)
    case continuous(ContinuousAxis)

    /// The pixel position of x value `v` (a category's index, or a value).
    func position(_ v: Double) -> Double? {
        switch self {
        case .bands(let n, let start, let end): return start + (v + 0.5) * (end - start) / Double(n)
        case .continuous(let axis): return axis.position(v)
        }
    }

    /// The ticks of the axis.
    func marks(categories: [String], horizontal: Bool, length: Double) -> AxisPainter.Marks {
        switch self {
        case .bands:
            let positions = categories.indices.map { position(Double($0)) ?? 0 }
            return AxisPainter.categoryMarks(categories, positions: positions, length: length, horizontal: horizontal)
        case .continuous(let axis):
            return AxisPainter.Marks(
                positions: axis.ticks.compactMap { axis.position($0.value) }, labels: axis.ticks.map(\.label))
        }
    }
}
