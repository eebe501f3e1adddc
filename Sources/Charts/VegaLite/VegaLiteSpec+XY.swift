import Columnar

/// The charts over an x axis in Vega-Lite: one row of data per point (`x`, `value`, `series`,
/// `column`, `panel`, `axis`), panels as a facet, several y axes as layers with independent scales,
/// anomalies as a layer of triangles.
extension VegaLiteSpec {
    func xy(_ chart: XYChart) -> [(String, Dynamic)] {
        var rows: [Dynamic] = []
        var total = 0, kept = 0
        for s in chart.series {
            let thinnable =
                (chart.mark == .line || chart.mark == .area) && chart.xValues != .category && chart.stacking == .none
            let points = thinnable ? VegaLiteSpec.thin(s.points) : s.points
            total += s.points.count; kept += points.count
            for p in points {
                var row: [(String, Dynamic)] = [
                    ("x", axisValue(p.x, chart.xValues, categories: chart.categories)), ("value", num(p.y)),
                    ("series", str(s.name)),
                ]
                if chart.panels.count > 1 { row.append(("panel", str(chart.panels[s.panel]))) }
                if chart.axes.count > 1 { row.append(("axis", str(chart.axes[s.axis]))) }
                rows.append(obj(row))
            }
        }
        let names = uniqueNames(chart)
        var layers: [Dynamic] = []
        if chart.axes.count > 1 {
            for (a, name) in chart.axes.enumerated() {
                layers.append(obj(unit(chart, names: names, axis: (a, name))))
            }
        } else {
            layers.append(obj(unit(chart, names: names, axis: nil)))
        }
        let anomalies = chart.series.flatMap { s in
            s.anomalies.map { m in
                obj(
                    ("x", axisValue(m.x, chart.xValues, categories: chart.categories)), ("value", num(m.y)),
                    ("series", str(s.name)), ("panel", str(chart.panels[s.panel])),
                    ("direction", str(m.direction > 0 ? "spike" : "dip")))
            }
        }
        if !anomalies.isEmpty {
            layers.append(
                obj(
                    ("data", values(anomalies)),
                    (
                        "mark",
                        obj(
                            ("type", str("point")), ("filled", .bool(true)), ("size", num(90)),
                            ("color", str(Palette.anomaly)))
                    ),
                    (
                        "encoding",
                        obj(
                            ("x", xEncoding(chart)), ("y", obj(("field", str("value")), ("type", str("quantitative")))),
                            (
                                "shape",
                                obj(
                                    ("field", str("direction")), ("type", str("nominal")),
                                    (
                                        "scale",
                                        obj(
                                            ("domain", .array([str("spike"), str("dip")])),
                                            ("range", .array([str("triangle-up"), str("triangle-down")])))
                                    ),
                                    ("title", str("anomalies")))
                            ))
                    )))
        }
        let independent: [(String, Dynamic)] =
            chart.axes.count > 1
            ? [("resolve", obj(("scale", obj((chart.mark == .bar ? "x" : "y", str("independent"))))))] : []
        var inner: [(String, Dynamic)]
        if layers.count == 1, case .bag(let bag) = layers[0] {
            inner = bag.pairs.map { ($0.key, $0.value) }
        } else {
            inner = [("layer", .array(layers))] + independent
        }
        let description: [(String, Dynamic)] =
            kept < total
            ? [
                (
                    "description",
                    str(
                        "\(total) points thinned to \(kept): the first, lowest, highest and last of each of \(VegaLiteSpec.thinBuckets) x intervals of each series"
                    )
                )
            ]
            : []
        if chart.panels.count > 1 {
            let facet = obj(
                (
                    chart.mark == .bar ? "column" : "row",
                    obj(
                        ("field", str("panel")), ("type", str("nominal")), ("title", .null),
                        ("sort", .array(chart.panels.map(str))))
                ))
            return description + [
                ("data", values(rows)), ("facet", facet), ("spec", obj(size + inner)),
                ("resolve", obj(("scale", obj((chart.mark == .bar ? "x" : "y", str("independent")))))),
            ]
        }
        return description + [("data", values(rows))] + size + inner
    }

    static let thinBuckets = 1000

    /// A long line (past four points per interval) as the first, lowest, highest and last point of each
    /// of `thinBuckets` equal x intervals: what it looks like at any width up to that many pixels. Gaps stay.
    static func thin(_ points: [ChartPoint]) -> [ChartPoint] {
        guard points.count > 4 * thinBuckets, let lo = points.first?.x, let hi = points.last?.x, hi > lo else {
            return points
        }
        var out: [ChartPoint] = []
        var bucket = -1, members: [Int] = []
        func flush() {
            guard !members.isEmpty else { return }
            let valued = members.filter { points[$0].y != nil }
            var keep = Set([members[0], members[members.count - 1]])
            if let a = valued.min(by: { points[$0].y! < points[$1].y! }) { keep.insert(a) }
            if let b = valued.max(by: { points[$0].y! < points[$1].y! }) { keep.insert(b) }
            // A null inside the interval keeps the line broken there.
            if let gap = members.first(where: { points[$0].y == nil }) { keep.insert(gap) }
            out += keep.sorted().map { points[$0] }
            members.removeAll(keepingCapacity: true)
        }
        for (i, p) in points.enumerated() {
            let b = min(thinBuckets - 1, Int((p.x - lo) / (hi - lo) * Double(thinBuckets)))
            if b != bucket { flush(); bucket = b }
            members.append(i)
        }
        flush()
        return out
    }

    func uniqueNames(_ chart: XYChart) -> [String] {
        var seen = Set<String>()
        return chart.series.map(\.name).filter { seen.insert($0).inserted }
    }

    func xEncoding(_ chart: XYChart) -> Dynamic {
        var x: [(String, Dynamic)] = [
            ("field", str("x")), ("type", str(fieldType(chart.xValues))),
            ("title", str(title(of: chart.xValues, request.xTitle ?? model.xColumn ?? ""))),
        ]
        if chart.xValues == .category { x.append(("sort", .array(chart.categories.map(str)))) }
        if chart.xValues == .datetime { x.append(("scale", obj(("type", str("utc"))))) }
        if request.xAxis == .log, chart.xValues == .number { x.append(("scale", obj(("type", str("log"))))) }
        return obj(x)
    }

    /// One mark with its encodings; `axis` restricts it to the series of one y axis (`ysplit=axes`).
    func unit(_ chart: XYChart, names: [String], axis: (Int, String)?) -> [(String, Dynamic)] {
        let mark: Dynamic
        switch chart.mark {
        case .line: mark = obj(("type", str("line")), ("strokeWidth", num(2)), ("clip", .bool(true)))
        case .area:
            mark = obj(
                ("type", str("area")), ("opacity", .real(chart.stacking == .none ? 0.3 : 0.75)), ("line", .bool(true)),
                ("clip", .bool(true)))
        case .point: mark = obj(("type", str("circle")), ("opacity", .real(0.8)), ("clip", .bool(true)))
        case .column, .bar:
            mark = obj(
                ("type", str("bar")), ("clip", .bool(true)),
                ("opacity", .real(chart.xValues != .category && chart.stacking == .none && names.count > 1 ? 0.7 : 1)))
        }
        var scale: [(String, Dynamic)] = []
        if request.yAxis == .log { scale.append(("type", str("log"))) }
        if chart.stacking != .stacked100 {
            if let lo = request.yMin { scale.append(("domainMin", num(lo))) }
            if let hi = request.yMax { scale.append(("domainMax", num(hi))) }
        }
        if chart.mark == .area || chart.mark == .column || chart.mark == .bar, request.yAxis != .log {
            scale.append(("zero", .bool(true)))
        }
        let stack: Dynamic
        switch chart.stacking {
        case .none: stack = .null
        case .stacked: stack = str("zero")
        case .stacked100: stack = str("normalize")
        }
        let yTitle = axis?.1 ?? request.yTitle ?? (model.yColumns.count == 1 ? model.yColumns[0] : "value")
        var value: [(String, Dynamic)] = [
            ("field", str("value")), ("type", str("quantitative")), ("title", str(yTitle)), ("stack", stack),
        ]
        if !scale.isEmpty { value.append(("scale", obj(scale))) }
        if let axis, axis.0 % 2 == 1 {
            value.append(("axis", obj(("orient", str(chart.mark == .bar ? "top" : "right")))))
        }
        if chart.stacking == .stacked100 { value.append(("axis", obj(("format", str("%"))))) }
        var encoding: [(String, Dynamic)] = []
        let category = xEncoding(chart)
        if chart.mark == .bar {
            encoding += [("y", category), ("x", obj(value))]
        } else {
            encoding += [("x", category), ("y", obj(value))]
        }
        encoding.append(
            (
                "color",
                obj(
                    [
                        ("field", str("series")), ("type", str("nominal")), ("title", .null),
                        ("sort", .array(names.map(str))), ("scale", colorScale(names)),
                    ] + legend(request.legend == .visible))
            ))
        if (chart.mark == .column || chart.mark == .bar), chart.stacking == .none, chart.xValues == .category,
            names.count > 1
        {
            encoding.append(
                (
                    chart.mark == .bar ? "yOffset" : "xOffset",
                    obj(("field", str("series")), ("sort", .array(names.map(str))))
                ))
        }
        encoding.append(
            (
                "tooltip",
                .array([
                    obj(("field", str("series")), ("type", str("nominal"))),
                    obj(("field", str("x")), ("type", str(fieldType(chart.xValues)))),
                    obj(("field", str("value")), ("type", str("quantitative"))),
                ])
            ))
        var out: [(String, Dynamic)] = []
        if let axis {
            let filter = obj(("filter", obj(("field", str("axis")), ("equal", str(axis.1)))))
            out.append(("transform", .array([filter])))
        }
        out += [("mark", mark), ("encoding", obj(encoding))]
        return out
    }
}
