/// Draws labelled lanes over a time (or number) axis, each holding intervals or instants: the ladder
/// chart's rungs and the time pivot's lanes.
struct LaneRenderer {
    struct Bar {
        var lane: Int
        var start: Double
        /// nil for an instant, drawn as a thin tick.
        var end: Double?
        var color: String
        var title: String
    }

    let style: ChartStyle
    let title: String?
    let label: String
    let legend: [LegendEntry]
    let lanes: [String]
    let bars: [Bar]
    let xValues: AxisValues
    let xTitle: String

    func render(note: String? = nil) -> String {
        // Tall enough for lanes of 18 pixels, within limits (past them lanes get thinner and labels sparser).
        let height = min(4000, max(style.height, Double(lanes.count) * 18 + 110 + (title == nil ? 0 : 30)))
        var frame = ChartFrame(style: style, title: title, label: label, legend: legend, height: height)
        let body = frame.body
        let marks = AxisPainter.categoryMarks(
            lanes, positions: lanes.indices.map(Double.init), length: body.height - 40,
            horizontal: false)
        let left = body.x + AxisPainter.depth(marks, side: .left) + 4
        let plot = Rect(
            x: left, y: body.y + 4, width: body.maxX - left - 8,
            height: body.height - 4 - 19 - (xTitle.isEmpty ? 0 : 20))
        let lo = bars.map(\.start).min(), hi = bars.map { $0.end ?? $0.start }.max()
        let axis = ContinuousAxis(
            values: xValues, log: false, dataLo: lo, dataHi: hi, start: plot.x, end: plot.maxX,
            horizontal: true, nice: xValues == .number)
        let laneH = plot.height / Double(max(1, lanes.count))
        func center(_ lane: Int) -> Double { plot.y + (Double(lane) + 0.5) * laneH }
        let xMarks = AxisPainter.Marks(
            positions: axis.ticks.compactMap { axis.position($0.value) }, labels: axis.ticks.map(\.label))
        AxisPainter.draw(&frame.svg, xMarks, side: .bottom, plot: plot, grid: true, className: "x")
        let laneMarks = AxisPainter.categoryMarks(
            lanes, positions: lanes.indices.map(center), length: plot.height, horizontal: false)
        AxisPainter.draw(&frame.svg, laneMarks, side: .left, plot: plot, grid: false, className: "lanes")
        if !xTitle.isEmpty { AxisPainter.title(&frame.svg, xTitle, side: .bottom, plot: plot, distance: 36) }
        frame.svg.open("g", ["class": "plot"])
        let thickness = max(1, min(14, laneH * 0.7))
        // Events of a lane that touch on screen are drawn as one mark (thousands of events stay small).
        var merged: [(lane: Int, a: Double, e: Double, color: String, title: String, count: Int)] = []
        var open: [Int: Int] = [:]
        for b in bars.sorted(by: { ($0.lane, $0.start) < ($1.lane, $1.start) }) {
            guard let a = axis.position(b.start) else { continue }
            var e = b.end.flatMap { axis.position($0) } ?? a
            var start = a
            if e - start < 2 { start -= 1; e = start + 2 }
            if let m = open[b.lane], merged[m].e + 1 >= start, merged[m].color == b.color {
                merged[m].e = max(merged[m].e, e); merged[m].count += 1
                continue
            }
            open[b.lane] = merged.count
            merged.append((b.lane, start, e, b.color, b.title, 1))
        }
        for m in merged {
            frame.svg.rect(
                m.a, center(m.lane) - thickness / 2, m.e - m.a, thickness, fill: m.color, className: "interval",
                title: m.count > 1 ? "\(m.title) (\(m.count))" : m.title)
        }
        frame.svg.close("g")
        if let note { frame.note(note) }
        return frame.svg.finish()
    }
}

/// ladderchart: one rung per row, from the start to the end column.
struct LadderRenderer {
    let model: ChartModel
    let chart: LadderChart
    let style: ChartStyle

    static let maxRungs = 500

    func render() -> String {
        let index = Dictionary(uniqueKeysWithValues: chart.seriesNames.enumerated().map { ($1, $0) })
        func color(_ s: String) -> String {
            style.seriesColors[s] ?? Palette.color(index[s] ?? 0, palette: style.palette)
        }
        let legend =
            model.request.legend == .visible
            ? chart.seriesNames.map { LegendEntry(label: $0, color: color($0), shape: .box) } : []
        let rungs = Array(chart.rungs.prefix(LadderRenderer.maxRungs))
        let bars = rungs.enumerated().map { k, r in
            LaneRenderer.Bar(lane: k, start: r.start, end: r.end, color: color(r.series), title: r.label)
        }
        let hidden = chart.rungs.count - rungs.count
        return LaneRenderer(
            style: style, title: model.request.title, label: "ladder chart", legend: legend,
            lanes: rungs.map(\.label), bars: bars, xValues: chart.xValues,
            xTitle: model.request.xTitle ?? "\(chart.startColumn) – \(chart.endColumn)"
        )
        .render(note: hidden > 0 ? "the first \(rungs.count) of \(chart.rungs.count) rows are shown" : nil)
    }
}

/// timepivot: one lane per pivot value with its events; lanes past `maxLanes` are counted, not drawn.
struct TimePivotRenderer {
    let model: ChartModel
    let chart: TimePivotChart
    let style: ChartStyle
    static let maxLanes = 40

    func render() -> String {
        let shown = Array(chart.lanes.prefix(TimePivotRenderer.maxLanes))
        var bars: [LaneRenderer.Bar] = []
        for (k, lane) in shown.enumerated() {
            let c = style.seriesColors[lane.label] ?? Palette.color(k, palette: style.palette)
            for e in lane.events {
                bars.append(LaneRenderer.Bar(lane: k, start: e.start, end: e.end, color: c, title: lane.label))
            }
        }
        let labels = shown.map { "\($0.label) (\($0.events.count))" }
        let hidden = chart.lanes.count - shown.count
        return LaneRenderer(
            style: style, title: model.request.title, label: "time pivot", legend: [], lanes: labels, bars: bars,
            xValues: .datetime, xTitle: model.request.xTitle ?? chart.startColumn
        )
        .render(note: hidden > 0 ? "\(hidden) more lanes are not shown" : nil)
    }
}
