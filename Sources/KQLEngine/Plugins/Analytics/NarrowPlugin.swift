import Columnar
import KQLSyntax

/// `evaluate narrow()`: "unpivots" a wide table into `Row` (0-based row number), `Column` (the column's
/// name) and `Value` (the cell as a string), one row per cell, row by row.
struct NarrowPlugin: TabularPlugin {
    let name = "narrow"

    func outputSchema(input: Schema, arguments: PluginArguments) throws(KQLError) -> Schema? {
        guard arguments.positional.isEmpty else {
            throw KQLError(.argument, "narrow() takes no arguments", span: arguments.span)
        }
        return Schema([Field("Row", .long), Field("Column", .string), Field("Value", .string)])
    }

    func run(input: Table, arguments: PluginArguments) throws(KQLError) -> PluginResult {
        var out = ResultBuilder(
            schema: try outputSchema(input: input.schema, arguments: arguments)!, budget: arguments.budget)
        let (cells, overflow) = input.rowCount.multipliedReportingOverflow(by: input.columns.count)
        try arguments.budget.charge(count: overflow ? .max : cells, bytesEach: 48, for: "narrow()")
        for r in 0..<input.rowCount {
            for (k, field) in input.schema.fields.enumerated() {
                try out.append([.long(Int64(r)), .string(field.name), .string(input.columns[k].value(r).text)])
            }
        }
        return PluginResult(table: out.finish())
    }
}
