import Columnar

/// timepivot: the events on a time line, pivoted on `series` (Kusto.Explorer's slice; without it, the
/// first string column). An event starts at `xcolumn` or the first datetime column and, when the
/// result has another datetime column after it, ends there.
extension ChartBuilder {
    func timePivot() throws(ChartError) -> (roles: ChartRoles, content: ChartContent) {
        let start: Int
        if let name = request.xColumn {
            start = try index(of: name, for: .xcolumn)
            guard shapes[start] == .datetime else { throw wrongType(start, .xcolumn, needs: "a datetime column") }
        } else {
            guard let i = shapes.firstIndex(of: .datetime) else { throw missing("a datetime column for its time line") }
            start = i
        }
        let end = shapes.indices.first { $0 > start && shapes[$0] == .datetime }
        var pivot = try indices(of: request.series, for: .series)
        if pivot.isEmpty, let first = shapes.firstIndex(of: .text) { pivot = [first] }

        var order: [String] = [], events: [String: [TimePivotChart.Event]] = [:]
        for row in 0..<table.rowCount {
            guard let a = ChartValues.continuous(table.columns[start], row) else { continue }
            let b = end.flatMap { ChartValues.continuous(table.columns[$0], row) }
            let label = pivot.isEmpty ? names[start] : key(pivot, row).joined(separator: ", ")
            if events[label] == nil { order.append(label) }
            events[label, default: []].append(TimePivotChart.Event(start: a, end: b.map { max($0, a) }))
        }
        let used = [start] + (end.map { [$0] } ?? []) + pivot
        let roles = ChartRoles(x: names[start], series: pivot.map { names[$0] }, y: [], ignored: unused(used))
        return (
            roles,
            .timePivot(
                TimePivotChart(
                    startColumn: names[start], endColumn: end.map { names[$0] },
                    lanes: order.map { TimePivotChart.Lane(label: $0, events: events[$0]!) }))
        )
    }
}
