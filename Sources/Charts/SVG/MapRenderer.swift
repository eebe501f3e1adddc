import Foundation

/// Draws `kind=map`: points, or pies sized by their total, on longitude/latitude axes (equirectangular,
/// with the longitude scale shrunk by the cosine of the middle latitude so shapes keep their proportions).
/// There is no base map: the axes and grid locate the points.
struct MapRenderer {
    let model: ChartModel
    let chart: MapChart
    let style: ChartStyle

    func render() -> String {
        let index = Dictionary(uniqueKeysWithValues: chart.seriesNames.enumerated().map { ($1, $0) })
        func color(_ s: String) -> String {
            style.seriesColors[s] ?? Palette.color(index[s] ?? 0, palette: style.palette)
        }
        let named = chart.seriesNames.filter { !$0.isEmpty }
        let legend =
            model.request.legend == .visible
            ? named.map { LegendEntry(label: $0, color: color($0), shape: chart.mark == .pie ? .box : .dot) } : []
        var frame = ChartFrame(
            style: style, title: model.request.title, label: "map of \(chart.places.count) points", legend: legend)
        let body = frame.body
        let room = Rect(x: body.x + 62, y: body.y + 4, width: body.width - 70, height: body.height - 42)
        var lonLo = chart.places.map(\.longitude).min() ?? -180, lonHi = chart.places.map(\.longitude).max() ?? 180
        var latLo = chart.places.map(\.latitude).min() ?? -90, latHi = chart.places.map(\.latitude).max() ?? 90
        // A margin of a tenth (at least a degree) around the points.
        let padLon = max(1, (lonHi - lonLo) * 0.1), padLat = max(1, (latHi - latLo) * 0.1)
        lonLo = max(-180, lonLo - padLon); lonHi = min(180, lonHi + padLon)
        latLo = max(-90, latLo - padLat); latHi = min(90, latHi + padLat)
        let shrink = max(0.1, cos((latLo + latHi) / 2 * .pi / 180))
        let scale = min(room.width / ((lonHi - lonLo) * shrink), room.height / (latHi - latLo))
        let w = (lonHi - lonLo) * shrink * scale, h = (latHi - latLo) * scale
        let plot = Rect(x: room.x + (room.width - w) / 2, y: room.y + (room.height - h) / 2, width: w, height: h)
        let lonAxis = ContinuousAxis(
            values: .number, log: false, dataLo: lonLo, dataHi: lonHi, start: plot.x, end: plot.maxX,
            horizontal: true, nice: false)
        let latAxis = ContinuousAxis(
            values: .number, log: false, dataLo: latLo, dataHi: latHi, start: plot.maxY, end: plot.y,
            horizontal: false, nice: false)
        func degrees(_ t: [Tick], east: String, west: String) -> [String] {
            t.map {
                $0.value == 0
                    ? "0°" : $0.label.replacingOccurrences(of: "-", with: "") + "°" + ($0.value > 0 ? east : west)
            }
        }
        frame.svg.rect(plot.x, plot.y, plot.width, plot.height, fill: "#F4F8FB", stroke: Palette.axis, className: "map")
        AxisPainter.draw(
            &frame.svg,
            AxisPainter.Marks(
                positions: lonAxis.ticks.compactMap { lonAxis.position($0.value) },
                labels: degrees(lonAxis.ticks, east: "E", west: "W")),
            side: .bottom, plot: plot, grid: true, className: "x longitude")
        AxisPainter.draw(
            &frame.svg,
            AxisPainter.Marks(
                positions: latAxis.ticks.compactMap { latAxis.position($0.value) },
                labels: degrees(latAxis.ticks, east: "N", west: "S")),
            side: .left, plot: plot, grid: true, className: "y latitude")
        AxisPainter.title(&frame.svg, model.request.xTitle ?? "longitude", side: .bottom, plot: plot, distance: 32)
        let latWidth = latAxis.ticks.map { TextMetrics.width($0.label + "°N", size: 11) }.max() ?? 30
        AxisPainter.title(
            &frame.svg, model.request.yTitle ?? "latitude", side: .left, plot: plot, distance: latWidth + 14)
        func at(_ p: MapChart.Place) -> (Double, Double)? {
            guard let x = lonAxis.position(p.longitude), let y = latAxis.position(p.latitude) else { return nil }
            return (x, y)
        }
        if chart.mark == .point {
            for name in chart.seriesNames {
                frame.svg.open("g", ["class": "series", "data-series": name])
                let points = Decimation.points(chart.places.filter { $0.series == name }.compactMap(at))
                for p in points {
                    frame.svg.circle(p.0, p.1, r: 3.5, fill: color(name), stroke: "white", opacity: 0.85)
                }
                frame.svg.close("g")
            }
        } else {
            drawPies(&frame.svg, at: at, color: color)
        }
        return frame.svg.finish()
    }

    /// One pie per location; its area grows with its total, from 6 to 24 pixels in radius.
    func drawPies(_ svg: inout SVGWriter, at: (MapChart.Place) -> (Double, Double)?, color: (String) -> String) {
        var order: [String] = [], groups: [String: [MapChart.Place]] = [:]
        for p in chart.places {
            let k = "\(p.longitude),\(p.latitude)"
            if groups[k] == nil { order.append(k) }
            groups[k, default: []].append(p)
        }
        let totals = order.map { groups[$0]!.reduce(0) { $0 + $1.value } }
        let biggest = totals.max() ?? 1
        for (k, key) in order.enumerated() {
            let places = groups[key]!
            guard let c = at(places[0]) else { continue }
            let r = 6 + 18 * sqrt(totals[k] / biggest)
            let slices = places.map { PieChart.Slice(label: $0.series, value: $0.value) }
            svg.open("g", ["class": "pie"])
            var angle = 0.0
            for s in slices {
                let sweep = s.value / totals[k] * 2 * .pi
                if slices.count == 1 {
                    svg.circle(c.0, c.1, r: r, fill: color(s.label), stroke: "white", opacity: 0.9)
                } else {
                    let p0 = (c.0 + r * sin(angle), c.1 - r * cos(angle))
                    let p1 = (c.0 + r * sin(angle + sweep), c.1 - r * cos(angle + sweep))
                    svg.raw(
                        "<path d=\"M\(SVGWriter.num(c.0)),\(SVGWriter.num(c.1))L\(SVGWriter.num(p0.0)),\(SVGWriter.num(p0.1))A\(SVGWriter.num(r)),\(SVGWriter.num(r)) 0 \(sweep > .pi ? 1 : 0) 1 \(SVGWriter.num(p1.0)),\(SVGWriter.num(p1.1))Z\" fill=\"\(color(s.label))\" stroke=\"white\" stroke-width=\"0.8\"/>\n"
                    )
                }
                angle += sweep
            }
            svg.close("g")
        }
    }
}
