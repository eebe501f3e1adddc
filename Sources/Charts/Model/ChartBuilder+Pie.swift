import Columnar

/// piechart: "the first column is used as the color axis ... other columns will be used to determine
/// the size of each slice and contain numeric data types". A slice is named by the colour-axis value and
/// the series values; with several measured columns there is one pie per column.
extension ChartBuilder {
    func pie() throws(ChartError) -> (roles: ChartRoles, content: ChartContent) {
        let declaredY = try indices(of: request.yColumns, for: .ycolumns)
        let declaredSeries = try indices(of: request.series, for: .series)
        let declared = declaredY + declaredSeries
        let x: Int
        if let name = request.xColumn {
            x = try index(of: name, for: .xcolumn)
        } else {
            let numbers = shapes.indices.filter { shapes[$0] == .number && !declared.contains($0) }
            let candidates = shapes.indices.filter { !declared.contains($0) }
            // The first column, unless it is the only number (then nothing would size the slices).
            guard let first = candidates.first(where: { i in !declaredY.isEmpty || numbers.contains { $0 != i } })
            else {
                throw missing("a numeric column for the slice sizes")
            }
            x = first
        }
        var y: [Int]
        if !declaredY.isEmpty {
            for i in declaredY where shapes[i] != .number { throw wrongType(i, .ycolumns, needs: "a numeric column") }
            y = declaredY.filter { $0 != x }
        } else {
            y = shapes.indices.filter { shapes[$0] == .number && $0 != x && !declared.contains($0) }
        }
        guard !y.isEmpty else { throw missing("a numeric column for the slice sizes") }
        let series =
            declaredSeries.filter { $0 != x }
            + shapes.indices.filter { $0 != x && !y.contains($0) && !declared.contains($0) && shapes[$0] != .number }

        var pies: [PieChart.Pie] = []
        for yc in y {
            var order: [String] = [], sums: [String: Double] = [:], omitted = 0
            for row in 0..<table.rowCount {
                guard let v = ChartValues.continuous(table.columns[yc], row), v > 0 else { omitted += 1; continue }
                let label = ([ChartValues.label(table.columns[x], row)] + key(series, row)).joined(separator: ", ")
                if sums[label] == nil { order.append(label) }
                sums[label, default: 0] += v
            }
            pies.append(
                PieChart.Pie(
                    yColumn: names[yc], slices: order.map { PieChart.Slice(label: $0, value: sums[$0]!) },
                    omitted: omitted))
        }
        let roles = ChartRoles(
            x: names[x], series: series.map { names[$0] }, y: y.map { names[$0] },
            ignored: unused([x] + y + series))
        return (roles, .pie(PieChart(pies: pies)))
    }
}
