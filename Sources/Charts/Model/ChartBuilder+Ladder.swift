import Columnar

/// ladderchart: "The last two columns are the x-axis, and the other columns are the y-axis": each row
/// is an interval from the second-to-last column to the last, on a rung named by the other columns
/// (`ycolumns` chooses among them); `series` colours the intervals.
extension ChartBuilder {
    func ladder() throws(ChartError) -> (roles: ChartRoles, content: ChartContent) {
        let n = shapes.count
        guard n >= 2 else { throw missing("two columns (an interval's start and end) as its last columns") }
        let start = n - 2, end = n - 1
        let kind: AxisValues
        switch (shapes[start], shapes[end]) {
        case (.datetime, .datetime): kind = .datetime
        case (.number, .number): kind = .number
        case (.timespan, .timespan): kind = .timespan
        default:
            throw ChartError(
                .chartColumnType,
                "ladderchart draws an interval from its last two columns, and '\(names[start])' (\(table.schema.fields[start].type.rawValue)) and '\(names[end])' (\(table.schema.fields[end].type.rawValue)) are not two datetimes or two numbers",
                hint:
                    "project the interval's start and end last, for example `summarize min(StartTime), max(EndTime) by State`"
            )
        }
        var labels = try indices(of: request.yColumns, for: .ycolumns).filter { $0 < start }
        if request.yColumns.isEmpty { labels = Array(0..<start) }
        let series = try indices(of: request.series, for: .series)
        var rungs: [LadderChart.Rung] = [], seriesNames: [String] = [], seen: Set<String> = []
        for row in 0..<table.rowCount {
            guard let a = ChartValues.continuous(table.columns[start], row),
                let b = ChartValues.continuous(table.columns[end], row)
            else { continue }
            let label = labels.isEmpty ? "row \(row + 1)" : key(labels, row).joined(separator: ", ")
            let s = key(series, row).joined(separator: ", ")
            if !series.isEmpty, seen.insert(s).inserted { seriesNames.append(s) }
            rungs.append(LadderChart.Rung(label: label, start: min(a, b), end: max(a, b), series: s))
        }
        let roles = ChartRoles(
            x: names[start], series: series.map { names[$0] }, y: labels.map { names[$0] },
            ignored: unused([start, end] + labels + series))
        return (
            roles,
            .ladder(
                LadderChart(
                    xValues: kind, startColumn: names[start], endColumn: names[end],
                    rungs: rungs, seriesNames: seriesNames))
        )
    }
}
