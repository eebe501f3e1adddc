import Foundation

/// Draws a pivot chart: the pivot table of sums at the left, the same sums as grouped columns at the right.
struct PivotRenderer {
    let model: ChartModel
    let chart: PivotChart
    let style: ChartStyle

    static let maxRows = 30

    /// Column widths that fit `limit`: when the wanted widths are too wide, only the widest columns give
    /// way, down to a common cap (a long header is cut before a short column is), never below the width their
    /// cells need (`keeping`); only when those alone are too wide does every column shrink in proportion.
    static func fit(_ wanted: [Double], keeping needed: [Double], into limit: Double) -> [Double] {
        guard wanted.reduce(0, +) > limit else { return wanted }
        // Bisect the cap: the capped total grows with it, so the largest cap that fits is found in 40 halvings.
        var low = 0.0, high = wanted.max() ?? 0
        for _ in 0..<40 {
            let cap = (low + high) / 2
            let total = zip(wanted, needed).map { min($0, max(cap, $1)) }.reduce(0, +)
            if total > limit { high = cap } else { low = cap }
        }
        let capped = zip(wanted, needed).map { min($0, max(low, $1)) }
        let total = capped.reduce(0, +)
        return total > limit ? capped.map { $0 * limit / total } : capped
    }

    func render() -> String {
        var frame = ChartFrame(style: style, title: model.request.title, label: "pivot chart", legend: [])
        let body = frame.body
        let rows = Array(chart.rowLabels.prefix(PivotRenderer.maxRows))
        let rowH = min(20, max(12, (body.height - 24) / Double(rows.count + 1)))
        // The table takes what its columns need, at most 45% of the width.
        let headers = [model.xColumn ?? ""] + chart.columnLabels
        let texts = rows.indices.map { r in [rows[r]] + chart.cells[r].map { $0.map(NumberText.plain) ?? "" } }
        // Headers are bold: about a tenth wider than the metrics of regular text say.
        let bold = 1.12
        let cellWidths = headers.indices.map { c in
            min(160, (texts.map { TextMetrics.width($0[c], size: 11) }.max() ?? 0) + 14)
        }
        let wanted = headers.indices.map { c in
            min(160, max(TextMetrics.width(headers[c], size: 11) * bold + 14, cellWidths[c]))
        }
        let widths = Self.fit(wanted, keeping: cellWidths, into: body.width * 0.45)
        let tableW = widths.reduce(0, +)
        frame.svg.open("g", ["class": "pivot-table"])
        frame.svg.rect(body.x, body.y, tableW, rowH, fill: "#F0F0F0")
        for r in -1..<rows.count {
            let y = body.y + Double(r + 1) * rowH
            var x = body.x
            for c in headers.indices {
                let text = r < 0 ? headers[c] : texts[r][c]
                let fitted = TextMetrics.fit(text, size: 11, maxWidth: (widths[c] - 8) / (r < 0 ? bold : 1))
                if c == 0 {
                    frame.svg.label(
                        fitted, x: x + 4, y: y + rowH * 0.7, weight: r < 0 ? "bold" : nil,
                        className: r < 0 ? "header" : "cell")
                } else {
                    frame.svg.label(
                        fitted, x: x + widths[c] - 4, y: y + rowH * 0.7, anchor: "end", weight: r < 0 ? "bold" : nil,
                        className: r < 0 ? "header" : "cell")
                }
                x += widths[c]
            }
            frame.svg.line(body.x, y + rowH, body.x + tableW, y + rowH, stroke: r < 0 ? Palette.axis : Palette.grid)
        }
        frame.svg.close("g")
        if chart.rowLabels.count > rows.count {
            frame.note("the table shows \(rows.count) of \(chart.rowLabels.count) rows; the chart shows them all")
        }

        // The chart: categories are the rows, one series per column of the table.
        var request = ChartRequest(kind: .columnchart)
        request.legend = chart.columnLabels.count > 1 ? .visible : .hidden
        request.xTitle = model.xColumn
        request.yTitle = chart.columnLabels.count == 1 ? chart.columnLabels[0] : nil
        let series = chart.columnLabels.indices.map { c in
            ChartSeries(
                name: chart.columnLabels[c], key: [chart.columnLabels[c]], yColumn: chart.columnLabels[c],
                points: chart.rowLabels.indices.map { ChartPoint(x: Double($0), y: chart.cells[$0][c]) },
                anomalies: [], panel: 0, axis: 0)
        }
        let columns = XYChart(
            mark: .column, stacking: .none, xValues: .category, categories: chart.rowLabels, series: series,
            panels: [""], axes: [""], anomalyColumns: [])
        let inner = ChartModel(
            request: request, xColumn: model.xColumn, seriesColumns: [], yColumns: chart.columnLabels,
            content: .xy(columns))
        let x = body.x + tableW + 16
        var innerStyle = style
        innerStyle.width = max(200, body.maxX - x)
        innerStyle.height = max(150, body.height)
        let svg = XYRenderer(model: inner, chart: columns, style: innerStyle).render()
        // Nested as an inner <svg> placed at the right.
        let placed = svg.replacingOccurrences(
            of: "<svg xmlns=\"http://www.w3.org/2000/svg\" ",
            with: "<svg x=\"\(SVGWriter.num(x))\" y=\"\(SVGWriter.num(body.y))\" ")
        frame.svg.raw(placed)
        return frame.svg.finish()
    }
}
