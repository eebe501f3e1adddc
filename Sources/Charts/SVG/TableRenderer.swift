/// Draws a table: a header of column names, then the rows (the first `TableChart.maxRows`), numbers
/// right-aligned, every other row shaded; columns as wide as their widest cell, up to a limit.
struct TableRenderer {
    let model: ChartModel
    let chart: TableChart
    let style: ChartStyle

    static let rowHeight = 20.0
    static let maxColumnWidth = 260.0

    static let maxColumns = 30

    func render() -> String {
        // Past `maxColumns` columns, the first ones are drawn and the rest counted.
        let columnCount = min(chart.columns.count, TableRenderer.maxColumns)
        let chart = TableChart(
            columns: Array(self.chart.columns.prefix(columnCount)),
            rows: self.chart.rows.map { Array($0.prefix(columnCount)) }, totalRows: self.chart.totalRows)
        let hiddenColumns = self.chart.columns.count - columnCount
        let rows = chart.rows.count
        let titleRoom = model.request.title == nil ? 12.0 : 42
        let noteRoom = chart.totalRows > rows || hiddenColumns > 0 ? 18.0 : 0
        let height = titleRoom + TableRenderer.rowHeight * Double(rows + 1) + noteRoom + 12
        let headers = chart.columns.map(\.name)
        var widths = headers.indices.map { c in
            let cells = chart.rows.map { TextMetrics.width($0[c], size: 11) }
            return min(
                TableRenderer.maxColumnWidth,
                max(TextMetrics.width(headers[c], size: 11) * 1.12 + 4, cells.max() ?? 0) + 16)
        }
        let natural = widths.reduce(0, +)
        let width = max(style.width, min(natural + 24, 2400))
        if natural > width - 24 { widths = widths.map { $0 * (width - 24) / natural } }
        var s = style
        s.width = width
        var frame = ChartFrame(
            style: s, title: model.request.title, label: "table of \(headers.count) columns", legend: [], height: height
        )
        let total = widths.reduce(0, +)
        // A narrow table stands under the centred title, not at the left edge.
        let x0 = frame.body.x + max(0, (frame.body.width - total) / 2), y0 = frame.body.y
        let numeric = chart.columns.map { $0.type.isNumeric }
        frame.svg.open("g", ["class": "table"])
        var x = x0
        frame.svg.rect(x0, y0, total, TableRenderer.rowHeight, fill: "#F0F0F0")
        for (c, h) in headers.enumerated() {
            // Bold headers run about a tenth wider than regular text's metrics.
            let text = TextMetrics.fit(h, size: 11, maxWidth: (widths[c] - 12) / 1.12)
            frame.svg.label(
                text, x: numeric[c] ? x + widths[c] - 6 : x + 6, y: y0 + 14, anchor: numeric[c] ? "end" : "start",
                weight: "bold", className: "header")
            x += widths[c]
        }
        frame.svg.line(x0, y0 + TableRenderer.rowHeight, x0 + total, y0 + TableRenderer.rowHeight, stroke: Palette.axis)
        for (r, row) in chart.rows.enumerated() {
            let y = y0 + TableRenderer.rowHeight * Double(r + 1)
            if r % 2 == 1 { frame.svg.rect(x0, y, total, TableRenderer.rowHeight, fill: "#FAFAFA") }
            x = x0
            for (c, cell) in row.enumerated() {
                let text = TextMetrics.fit(cell, size: 11, maxWidth: widths[c] - 12)
                frame.svg.label(
                    text, x: numeric[c] ? x + widths[c] - 6 : x + 6, y: y + 14, anchor: numeric[c] ? "end" : "start",
                    className: "cell")
                x += widths[c]
            }
        }
        frame.svg.close("g")
        var notes: [String] = []
        if chart.totalRows > rows { notes.append("showing \(rows) of \(chart.totalRows) rows") }
        if hiddenColumns > 0 { notes.append("\(hiddenColumns) more columns are not shown") }
        if !notes.isEmpty { frame.note(notes.joined(separator: "; ")) }
        return frame.svg.finish()
    }
}
