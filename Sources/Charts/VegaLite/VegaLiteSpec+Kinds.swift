import Columnar

/// The other visualizations in Vega-Lite: arcs for pies, longitude/latitude for maps, text for cards
/// and tables, bars from start to end for ladders and time pivots, a table beside columns for the pivot
/// chart, and precomputed rectangles for the treemap (Vega-Lite has no treemap layout of its own).
extension VegaLiteSpec {
    func pie(_ chart: PieChart) -> [(String, Dynamic)] {
        let rows = chart.pies.flatMap { p in
            p.slices.map { obj(("label", str($0.label)), ("value", num($0.value)), ("column", str(p.yColumn))) }
        }
        var seen = Set<String>()
        let labels = chart.pies.flatMap { $0.slices.map(\.label) }.filter { seen.insert($0).inserted }
        let radius = max(40, min(style.width - 260, style.height - 120) / 2 - 30)
        let encoding = obj(
            ("theta", obj(("field", str("value")), ("type", str("quantitative")), ("stack", .bool(true)))),
            (
                "color",
                obj(
                    [
                        ("field", str("label")), ("type", str("nominal")), ("title", .null),
                        ("sort", .array(labels.map(str))), ("scale", colorScale(labels)),
                    ] + legend(request.legend == .visible))
            ),
            ("order", obj(("field", str("order")), ("type", str("quantitative")))))
        let layer: Dynamic = .array([
            obj(("mark", obj(("type", str("arc")), ("outerRadius", num(radius)), ("stroke", str("white"))))),
            obj(
                ("mark", obj(("type", str("text")), ("radius", num(radius + 18)))),
                ("encoding", obj(("text", obj(("field", str("label")), ("type", str("nominal"))))))),
        ])
        // Slices keep the order of the rows, as in the SVG.
        let order: Dynamic = .array([
            obj(
                ("window", .array([obj(("op", str("row_number")), ("as", str("order")))])),
                ("groupby", .array([str("column")])))
        ])
        let unit: [(String, Dynamic)] = [("transform", order), ("encoding", encoding), ("layer", layer)]
        if chart.pies.count > 1 {
            return [
                ("data", values(rows)),
                ("facet", obj(("column", obj(("field", str("column")), ("type", str("nominal")), ("title", .null))))),
                ("spec", obj([("width", num(2 * radius + 80)), ("height", num(2 * radius + 60))] + unit)),
            ]
        }
        return [("data", values(rows)), ("width", num(2 * radius + 80)), ("height", num(2 * radius + 60))] + unit
    }

    func map(_ chart: MapChart) -> [(String, Dynamic)] {
        let rows = chart.places.map {
            obj(
                ("longitude", num($0.longitude)), ("latitude", num($0.latitude)), ("series", str($0.series)),
                ("value", num($0.value)))
        }
        var encoding: [(String, Dynamic)] = [
            ("longitude", obj(("field", str("longitude")), ("type", str("quantitative")))),
            ("latitude", obj(("field", str("latitude")), ("type", str("quantitative")))),
            (
                "color",
                obj(
                    [
                        ("field", str("series")), ("type", str("nominal")), ("title", .null),
                        ("sort", .array(chart.seriesNames.map(str))), ("scale", colorScale(chart.seriesNames)),
                    ]
                        + legend(request.legend == .visible && chart.seriesNames.contains { !$0.isEmpty }))
            ),
            (
                "tooltip",
                .array([obj(("field", str("series"))), obj(("field", str("value")), ("type", str("quantitative")))])
            ),
        ]
        // Vega-Lite cannot place pies at coordinates: each slice is a circle at its place, its area the value.
        if chart.mark == .pie {
            encoding.append(("size", obj(("field", str("value")), ("type", str("quantitative")), ("title", .null))))
        }
        return [("data", values(rows))] + size
            + [
                ("projection", obj(("type", str("equirectangular")))),
                ("mark", obj(("type", str("circle")), ("opacity", .real(chart.mark == .pie ? 0.6 : 0.85)))),
                ("encoding", obj(encoding)),
            ]
    }

    func card(_ chart: CardChart) -> [(String, Dynamic)] {
        let rows = chart.fields.map { obj(("name", str($0.name)), ("value", str(CardRenderer.text($0.value)))) }
        let x = obj(
            ("field", str("name")), ("type", str("nominal")), ("axis", .null),
            ("sort", .array(chart.fields.map { str($0.name) })))
        return [
            ("data", values(rows)), ("width", num(max(200, style.width - 40))), ("height", num(160)),
            (
                "layer",
                .array([
                    obj(
                        (
                            "mark",
                            obj(
                                ("type", str("text")), ("fontSize", num(48)), ("fontWeight", str("bold")),
                                ("dy", num(-12)),
                                ("color", str(Palette.color(0, palette: style.palette))))
                        ),
                        ("encoding", obj(("x", x), ("text", obj(("field", str("value")), ("type", str("nominal"))))))),
                    obj(
                        (
                            "mark",
                            obj(
                                ("type", str("text")), ("fontSize", num(13)), ("dy", num(28)),
                                ("color", str(Palette.mutedText)))
                        ),
                        ("encoding", obj(("x", x), ("text", obj(("field", str("name")), ("type", str("nominal"))))))),
                ])
            ),
        ]
    }

    /// Cells as text marks: one row of data per cell.
    func textTable(columns: [String], rows: [[String]]) -> [(String, Dynamic)] {
        var cells: [Dynamic] = []
        for (r, row) in rows.enumerated() {
            for (c, text) in row.enumerated() {
                cells.append(obj(("row", num(Double(r))), ("column", str(columns[c])), ("text", str(text))))
            }
        }
        return [
            ("data", values(cells)), ("width", num(Double(columns.count) * 110)),
            ("height", num(Double(max(1, rows.count)) * 20)),
            ("mark", obj(("type", str("text")), ("align", str("left")), ("dx", num(-50)))),
            (
                "encoding",
                obj(
                    ("y", obj(("field", str("row")), ("type", str("ordinal")), ("axis", .null))),
                    (
                        "x",
                        obj(
                            ("field", str("column")), ("type", str("nominal")), ("sort", .array(columns.map(str))),
                            (
                                "axis",
                                obj(
                                    ("orient", str("top")), ("title", .null), ("labelAngle", num(0)),
                                    ("domain", .bool(false)),
                                    ("ticks", .bool(false)), ("labelFontWeight", str("bold")))
                            ))
                    ),
                    ("text", obj(("field", str("text")), ("type", str("nominal")))))
            ),
        ]
    }

    func table(_ chart: TableChart) -> [(String, Dynamic)] {
        textTable(columns: chart.columns.map(\.name), rows: chart.rows)
    }

    /// Intervals (or instants) on labelled lanes.
    func lanes(
        _ rows: [Dynamic], lanes: [String], kind: AxisValues, xTitle: String, withEnd: Bool, colored: Bool,
        names: [String]
    ) -> [(String, Dynamic)] {
        var encoding: [(String, Dynamic)] = [
            (
                "y",
                obj(
                    ("field", str("lane")), ("type", str("nominal")), ("sort", .array(lanes.map(str))), ("title", .null)
                )
            ),
            (
                "x",
                obj(("field", str("start")), ("type", str(fieldType(kind))), ("title", str(title(of: kind, xTitle))))
            ),
        ]
        if withEnd { encoding.append(("x2", obj(("field", str("end"))))) }
        if colored {
            encoding.append(
                (
                    "color",
                    obj(
                        [
                            ("field", str("series")), ("type", str("nominal")), ("title", .null),
                            ("scale", colorScale(names)),
                        ] + legend(request.legend == .visible))
                ))
        }
        return [
            ("data", values(rows)), ("width", num(max(200, style.width - 260))),
            ("height", obj(("step", num(18)))),
            (
                "mark",
                obj(("type", str(withEnd ? "bar" : "tick")), ("color", str(Palette.color(0, palette: style.palette))))
            ),
            ("encoding", obj(encoding)),
        ]
    }

    func ladder(_ chart: LadderChart) -> [(String, Dynamic)] {
        // Each row is its own rung: the label gets the row number when labels repeat.
        var counts: [String: Int] = [:]
        for r in chart.rungs { counts[r.label, default: 0] += 1 }
        let labels = chart.rungs.enumerated().map { k, r in counts[r.label]! > 1 ? "\(r.label) #\(k + 1)" : r.label }
        let rows = chart.rungs.enumerated().map { k, r in
            obj(
                ("lane", str(labels[k])), ("start", axisValue(r.start, chart.xValues)),
                ("end", axisValue(r.end, chart.xValues)),
                ("series", str(r.series)))
        }
        return lanes(
            rows, lanes: labels, kind: chart.xValues,
            xTitle: request.xTitle ?? "\(chart.startColumn) – \(chart.endColumn)",
            withEnd: true, colored: !chart.seriesNames.isEmpty, names: chart.seriesNames)
    }

    func timePivot(_ chart: TimePivotChart) -> [(String, Dynamic)] {
        let withEnd = chart.endColumn != nil
        let rows = chart.lanes.flatMap { lane in
            lane.events.map { e in
                obj(
                    ("lane", str(lane.label)), ("start", axisValue(e.start, .datetime)),
                    ("end", axisValue(e.end ?? e.start, .datetime)))
            }
        }
        return lanes(
            rows, lanes: chart.lanes.map(\.label), kind: .datetime, xTitle: request.xTitle ?? chart.startColumn,
            withEnd: withEnd, colored: false, names: [])
    }

    func pivot(_ chart: PivotChart) -> [(String, Dynamic)] {
        let dimension = model.xColumn ?? "row"
        let tableRows = chart.rowLabels.indices.map { r in
            [chart.rowLabels[r]] + chart.cells[r].map { $0.map(NumberText.plain) ?? "" }
        }
        let table = obj(textTable(columns: [dimension] + chart.columnLabels, rows: tableRows))
        var bars: [Dynamic] = []
        for (r, label) in chart.rowLabels.enumerated() {
            for (c, column) in chart.columnLabels.enumerated() {
                bars.append(obj(("x", str(label)), ("series", str(column)), ("value", num(chart.cells[r][c]))))
            }
        }
        var encoding: [(String, Dynamic)] = [
            (
                "x",
                obj(
                    ("field", str("x")), ("type", str("nominal")), ("title", str(dimension)),
                    ("sort", .array(chart.rowLabels.map(str))))
            ),
            (
                "y",
                obj(
                    ("field", str("value")), ("type", str("quantitative")),
                    ("title", str(chart.columnLabels.count == 1 ? chart.columnLabels[0] : "sum")))
            ),
            (
                "color",
                obj(
                    ("field", str("series")), ("type", str("nominal")), ("title", .null),
                    ("scale", colorScale(chart.columnLabels)))
            ),
        ]
        if chart.columnLabels.count > 1 { encoding.append(("xOffset", obj(("field", str("series"))))) }
        let columns = obj(
            ("data", values(bars)), ("width", num(max(200, style.width / 2))),
            ("height", num(max(120, style.height - 120))),
            ("mark", obj(("type", str("bar")))), ("encoding", obj(encoding)))
        return [("hconcat", .array([table, columns]))]
    }

    func treemap(_ chart: TreemapChart) -> [(String, Dynamic)] {
        let w = max(200, style.width - 40), h = max(150, style.height - 80)
        let nodes = TreemapRenderer.layout(chart, in: Rect(x: 0, y: 0, width: w, height: h))
        let rows = nodes.map { n in
            obj(
                ("x", num(n.rect.x)), ("x2", num(n.rect.maxX)), ("y", num(n.rect.y)), ("y2", num(n.rect.maxY)),
                ("name", str(n.name)), ("path", str(n.path)), ("value", num(n.value)), ("level", num(Double(n.level))),
                ("leaf", .bool(n.isLeaf)), ("group", str(n.group)))
        }
        func axis(_ field: String, _ extent: Double) -> Dynamic {
            obj(
                ("field", str(field)), ("type", str("quantitative")), ("axis", .null),
                ("scale", obj(("domain", .array([num(0), num(extent)])))))
        }
        var seen = Set<String>()
        let groups = nodes.filter { $0.level == 0 }.map(\.name).filter { seen.insert($0).inserted }
        return [
            ("data", values(rows)), ("width", num(w)), ("height", num(h)),
            (
                "layer",
                .array([
                    obj(
                        ("mark", obj(("type", str("rect")), ("stroke", str("white")))),
                        (
                            "encoding",
                            obj(
                                ("x", axis("x", w)), ("x2", obj(("field", str("x2")))), ("y", axis("y", h)),
                                ("y2", obj(("field", str("y2")))),
                                (
                                    "color",
                                    obj(
                                        ("field", str("group")), ("type", str("nominal")), ("title", .null),
                                        ("sort", .array(groups.map(str))), ("scale", colorScale(groups)))
                                ),
                                (
                                    "opacity",
                                    obj(
                                        ("condition", obj(("test", str("datum.leaf")), ("value", num(1)))),
                                        ("value", .real(0.25)))
                                ),
                                (
                                    "tooltip",
                                    .array([
                                        obj(("field", str("path"))),
                                        obj(("field", str("value")), ("type", str("quantitative"))),
                                    ])
                                ))
                        )),
                    obj(
                        (
                            "transform",
                            .array([
                                obj(("filter", str("datum.leaf && datum.x2 - datum.x > 36 && datum.y2 - datum.y > 16")))
                            ])
                        ),
                        (
                            "mark",
                            obj(
                                ("type", str("text")), ("align", str("left")), ("baseline", str("top")), ("dx", num(4)),
                                ("dy", num(4)))
                        ),
                        (
                            "encoding",
                            obj(("x", axis("x", w)), ("y", axis("y", h)), ("text", obj(("field", str("name")))))
                        )),
                ])
            ),
        ]
    }
}
