import Columnar

/// pivotchart: Kusto.Explorer opens an interactive pivot of the result; drawn once, it is the pivot
/// Kusto.Explorer starts from: rows by `xcolumn` (else the first string column), the sums of the
/// measured columns (`ycolumns`, else every numeric column) or, with `series`, the sum of the first
/// measured column by the series values.
extension ChartBuilder {
    func pivot() throws(ChartError) -> (roles: ChartRoles, content: ChartContent) {
        let series = try indices(of: request.series, for: .series)
        let rowDim: Int
        if let name = request.xColumn {
            rowDim = try index(of: name, for: .xcolumn)
        } else if let i = shapes.indices.first(where: { shapes[$0] == .text && !series.contains($0) }) {
            rowDim = i
        } else if let i = shapes.indices.first(where: { shapes[$0] != .number && !series.contains($0) }) {
            rowDim = i
        } else {
            throw missing("a column to pivot the rows by")
        }
        var y = try indices(of: request.yColumns, for: .ycolumns)
        for i in y where shapes[i] != .number { throw wrongType(i, .ycolumns, needs: "a numeric column") }
        if y.isEmpty { y = shapes.indices.filter { shapes[$0] == .number && $0 != rowDim && !series.contains($0) } }
        guard !y.isEmpty else { throw missing("a numeric column to add up") }
        if !series.isEmpty { y = [y[0]] }

        var rowLabels: [String] = [], rowIndex: [String: Int] = [:]
        var columnLabels: [String] = series.isEmpty ? y.map { names[$0] } : []
        var columnIndex: [String: Int] = [:]
        var cells: [[Double?]] = []
        for row in 0..<table.rowCount {
            let label = ChartValues.label(table.columns[rowDim], row)
            let r: Int
            if let found = rowIndex[label] {
                r = found
            } else {
                r = rowLabels.count; rowIndex[label] = r; rowLabels.append(label)
                cells.append([Double?](repeating: nil, count: columnLabels.count))
            }
            func add(_ column: Int, _ value: Double?) {
                guard let value else { return }
                cells[r][column] = (cells[r][column] ?? 0) + value
            }
            if series.isEmpty {
                for (j, yc) in y.enumerated() { add(j, ChartValues.continuous(table.columns[yc], row)) }
            } else {
                var k = key(series, row).joined(separator: ", ")
                // The table keeps a bounded width: series values past the first ones add up in "(other)".
                if columnIndex[k] == nil, columnLabels.count >= PivotChart.maxColumns - 1 { k = PivotChart.otherColumn }
                let c: Int
                if let found = columnIndex[k] {
                    c = found
                } else {
                    c = columnLabels.count; columnIndex[k] = c; columnLabels.append(k)
                    for i in cells.indices { cells[i].append(nil) }
                }
                add(c, ChartValues.continuous(table.columns[y[0]], row))
            }
        }
        let roles = ChartRoles(
            x: names[rowDim], series: series.map { names[$0] }, y: y.map { names[$0] },
            ignored: unused([rowDim] + series + y))
        return (roles, .pivot(PivotChart(rowLabels: rowLabels, columnLabels: columnLabels, cells: cells)))
    }
}
