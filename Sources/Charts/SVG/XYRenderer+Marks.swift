/// The marks of one panel and axis: lines, areas, points, columns or bars, and anomaly markers.
extension XYRenderer {
    /// Draws the series of (panel, axis); returns how many values a log axis could not show.
    func drawSeries(_ svg: inout SVGWriter, panel: Int, axis: Int, x: XPositions, v: ContinuousAxis, plot: Rect) -> Int
    {
        var omitted = 0
        let members = chart.series.indices.filter { chart.series[$0].panel == panel && chart.series[$0].axis == axis }
        let inPanel = chart.series.indices.filter { chart.series[$0].panel == panel }
        for i in members {
            let s = chart.series[i]
            svg.open("g", ["class": "series", "data-series": s.name, "data-column": s.yColumn])
            switch chart.mark {
            case .line: omitted += drawLine(&svg, i, x: x, v: v)
            case .point: omitted += drawPoints(&svg, i, x: x, v: v)
            case .area: omitted += drawArea(&svg, i, x: x, v: v)
            case .column, .bar:
                let slot = inPanel.firstIndex(of: i) ?? 0
                omitted += drawBars(&svg, i, slot: slot, of: inPanel.count, x: x, v: v)
            }
            drawAnomalies(&svg, i, x: x, v: v)
            svg.close("g")
        }
        return omitted
    }

    /// The pixel point of (x value, value), oriented.
    func pixel(_ u: Double, _ value: Double) -> (Double, Double) { barsAcross ? (value, u) : (u, value) }

    /// Pixel runs of a series: a null value, or one a log axis cannot show, ends a run.
    func runs(_ i: Int, x: XPositions, v: ContinuousAxis) -> (runs: [[(Double, Double)]], omitted: Int) {
        var out: [[(Double, Double)]] = [], current: [(Double, Double)] = [], omitted = 0
        for span in spans[i] {
            guard let span else {
                if !current.isEmpty { out.append(current); current = [] }
                continue
            }
            guard let u = x.position(span.x) else { continue }
            guard let p = v.position(span.hi) else {
                omitted += 1
                if !current.isEmpty { out.append(current); current = [] }
                continue
            }
            current.append(pixel(u, p))
        }
        if !current.isEmpty { out.append(current) }
        return (out, omitted)
    }

    static func path(_ points: [(Double, Double)]) -> String {
        var d = ""
        for (k, p) in points.enumerated() {
            d += (k == 0 ? "M" : "L") + SVGWriter.num(p.0) + "," + SVGWriter.num(p.1)
        }
        return d
    }

    func drawLine(_ svg: inout SVGWriter, _ i: Int, x: XPositions, v: ContinuousAxis) -> Int {
        let (runs, omitted) = self.runs(i, x: x, v: v)
        let c = color(i)
        // A value between two gaps has no line: a dot shows it.
        for p in Decimation.points(runs.filter { $0.count == 1 }.map { $0[0] }) {
            svg.circle(p.0, p.1, r: 2.5, fill: c)
        }
        for run in runs where run.count > 1 {
            var markup =
                "<path d=\"" + XYRenderer.path(Decimation.line(run))
                + "\" fill=\"none\" stroke=\"\(c)\" stroke-width=\"2\" stroke-linejoin=\"round\""
            if let d = dash(i) { markup += " stroke-dasharray=\"\(d)\"" }
            svg.raw(markup + "/>\n")
            if style.pointMarkers, run.count <= 200 {
                for p in run { svg.circle(p.0, p.1, r: 2.5, fill: c) }
            }
        }
        return omitted
    }

    func drawPoints(_ svg: inout SVGWriter, _ i: Int, x: XPositions, v: ContinuousAxis) -> Int {
        let (runs, omitted) = self.runs(i, x: x, v: v)
        let points = Decimation.points(runs.flatMap { $0 })
        let c = color(i)
        if points.count > 1000 {
            // Thousands of dots as one path of round-capped zero-length strokes: a fifth of the bytes of circles.
            var d = ""
            for p in points { d += "M" + SVGWriter.num(p.0) + " " + SVGWriter.num(p.1) + "h0" }
            svg.raw(
                "<path d=\"\(d)\" stroke=\"\(c)\" stroke-width=\"4\" stroke-linecap=\"round\" stroke-opacity=\"0.8\" fill=\"none\"/>\n"
            )
        } else {
            for p in points { svg.circle(p.0, p.1, r: 3.5, fill: c, opacity: 0.8) }
        }
        return omitted
    }

    func drawArea(_ svg: inout SVGWriter, _ i: Int, x: XPositions, v: ContinuousAxis) -> Int {
        let c = color(i)
        var omitted = 0
        // Runs of spans that can be drawn: bands from lo to hi.
        var bands: [[(u: Double, lo: Double, hi: Double)]] = [], current: [(u: Double, lo: Double, hi: Double)] = []
        for span in spans[i] {
            guard let span, let u = x.position(span.x) else {
                if !current.isEmpty { bands.append(current); current = [] }
                continue
            }
            let stacked = chart.stacking != .none
            let lo = stacked ? v.clamped(span.lo) : v.baseline
            guard let lo, let hi = v.clamped(span.hi) else {
                omitted += 1
                if !current.isEmpty { bands.append(current); current = [] }
                continue
            }
            current.append((u, lo, hi))
        }
        if !current.isEmpty { bands.append(current) }
        for band in bands {
            let top = Decimation.line(band.map { pixel($0.u, $0.hi) })
            let bottom = Decimation.line(band.map { pixel($0.u, $0.lo) }).reversed()
            let outline = XYRenderer.path(top + bottom) + "Z"
            svg.raw(
                "<path d=\"\(outline)\" fill=\"\(c)\" fill-opacity=\"\(chart.stacking == .none ? "0.3" : "0.75")\" stroke=\"none\"/>\n"
            )
            svg.raw("<path d=\"" + XYRenderer.path(top) + "\" fill=\"none\" stroke=\"\(c)\" stroke-width=\"1.5\"/>\n")
        }
        return omitted
    }

    /// The width of a column's slot in pixels: a category's band, or the smallest gap between x values.
    func slotWidth(_ x: XPositions) -> Double {
        switch x {
        case .bands(let n, let start, let end): return abs(end - start) / Double(n)
        case .continuous(let axis):
            let xs = xValues
            guard let x0 = xs.min(), let a = axis.position(x0), let b = axis.position(x0 + xSlot) else { return 4 }
            return abs(b - a)
        }
    }

    func drawBars(_ svg: inout SVGWriter, _ i: Int, slot: Int, of slots: Int, x: XPositions, v: ContinuousAxis) -> Int {
        let c = color(i)
        let full = slotWidth(x) * 0.8
        let stacked = chart.stacking != .none
        let width = max(0.5, stacked ? full : full / Double(max(1, slots)))
        let shift = stacked ? -full / 2 : -full / 2 + Double(slot) * width
        var omitted = 0
        let s = chart.series[i]
        // Bars thinner than a pixel: of those in one pixel column, the longest (the same pixels drawn).
        let thin = width < 1
        var columns: [Int: (u: Double, a: Double, b: Double, label: String)] = [:], order: [Int] = []
        for span in spans[i] {
            guard let span, let u = x.position(span.x) else { continue }
            guard let hi = v.clamped(span.hi) else { omitted += 1; continue }
            let lo = stacked ? (v.clamped(span.lo) ?? v.baseline) : v.baseline
            let label = "\(s.name): \(NumberText.plain(span.hi - span.lo))"
            if thin {
                let k = Int((u + shift).rounded(.down))
                if let old = columns[k] {
                    columns[k] = (old.u, min(old.a, lo, hi), max(old.b, lo, hi), old.label)
                } else {
                    columns[k] = (u, min(lo, hi), max(lo, hi), label); order.append(k)
                }
                continue
            }
            drawBar(&svg, u: u + shift, width: width, from: min(lo, hi), to: max(lo, hi), color: c, label: label)
        }
        for k in order {
            let b = columns[k]!
            drawBar(&svg, u: b.u + shift, width: 1, from: b.a, to: b.b, color: c, label: b.label)
        }
        return omitted
    }

    func drawBar(
        _ svg: inout SVGWriter, u: Double, width: Double, from a: Double, to b: Double, color: String, label: String
    ) {
        if barsAcross {
            svg.rect(a, u, b - a, width, fill: color, title: label)
        } else {
            svg.rect(u, a, width, b - a, fill: color, title: label)
        }
    }

    func drawAnomalies(_ svg: inout SVGWriter, _ i: Int, x: XPositions, v: ContinuousAxis) {
        let marks = chart.series[i].anomalies
        guard !marks.isEmpty else { return }
        svg.open("g", ["class": "anomalies"])
        for up in [true, false] {
            let points = marks.filter { ($0.direction > 0) == up }.compactMap { m -> (Double, Double)? in
                guard let u = x.position(m.x), let p = v.position(m.y) else { return nil }
                return pixel(u, p)
            }
            for p in Decimation.points(points) {
                svg.raw(Marks.triangle(x: p.0, y: p.1, up: up, fill: Palette.anomaly, size: 6) + "\n")
            }
        }
        svg.close("g")
    }
}
