import Columnar

/// card: "the first result record is treated as set of scalar values and shows as a card";
/// table: the rows as they are.
extension ChartBuilder {
    func card() -> (roles: ChartRoles, content: ChartContent) {
        let fields =
            table.rowCount == 0
            ? []
            : names.indices.map {
                CardChart.Field(name: names[$0], value: table.columns[$0].value(0))
            }
        return (ChartRoles(x: nil, y: names), .card(CardChart(fields: fields)))
    }

    func tableContent() -> (roles: ChartRoles, content: ChartContent) {
        let n = min(table.rowCount, TableChart.maxRows)
        let rows = (0..<n).map { row in
            table.columns.indices.map { c in
                table.columns[c].isNull(row) ? "" : ChartValues.display(table.columns[c].value(row))
            }
        }
        return (
            ChartRoles(x: nil, y: names),
            .table(TableChart(columns: table.schema.fields, rows: rows, totalRows: table.rowCount))
        )
    }
}
