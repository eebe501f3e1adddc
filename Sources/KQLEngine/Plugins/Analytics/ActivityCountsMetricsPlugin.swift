import Columnar
import KQLSyntax

/// `evaluate activity_counts_metrics(IdColumn, TimelineColumn, Start, End, Step [, dim1, ...])`: for each
/// window from Start through End and each combination of the dimensions, the number of records, the
/// distinct ids, the ids not seen in any earlier window (`new_dcount`) and the distinct ids from the first
/// window through this one (`aggregated_dcount`). Counts are exact.
struct ActivityCountsMetricsPlugin: TabularPlugin {
    let name = "activity_counts_metrics"

    func outputSchema(input: Schema, arguments: PluginArguments) throws(KQLError) -> Schema? {
        let a = AnalyticsArguments(plugin: name, arguments: arguments)
        let time = try a.column(1, "TimelineColumn", in: input)
        let dims = try a.columns(from: 5, in: input)
        return Schema(
            [input.fields[time]] + dims.map { input.fields[$0] }
                + ["count", "dcount", "new_dcount", "aggregated_dcount"].map { Field($0, .long) })
    }

    func run(input: Table, arguments: PluginArguments) throws(KQLError) -> PluginResult {
        let a = AnalyticsArguments(plugin: name, arguments: arguments)
        let id = try a.column(0, "IdColumn", in: input.schema),
            time = try a.column(1, "TimelineColumn", in: input.schema)
        let dims = try a.columns(from: 5, in: input.schema)
        let end = try a.value(3, "End")
        let windows = try TimelineWindows(
            start: try a.value(2, "Start"), end: end, step: try a.value(4, "Step"),
            type: input.schema.fields[time].type, plugin: name, span: arguments.span)
        let w = windows.starts.count
        let (keys, counts, ids) = windows.activity(of: input, id: id, time: time, dimensions: dims, end: end)
        var out = ResultBuilder(
            schema: try outputSchema(input: input.schema, arguments: arguments)!, budget: arguments.budget)
        for g in keys.indices {
            var seen = Set<Value>()
            for k in 0..<w {
                let fresh = ids[g][k].subtracting(seen).count
                seen.formUnion(ids[g][k])
                try out.append(
                    [windows.starts[k]] + keys[g]
                        + [
                            .long(counts[g][k]), .long(Int64(ids[g][k].count)), .long(Int64(fresh)),
                            .long(Int64(seen.count)),
                        ])
            }
        }
        return PluginResult(table: out.finish())
    }
}

/// Rows of a plugin's result, built value by value and charged to the statement's budget.
struct ResultBuilder {
    let schema: Schema
    let budget: QueryBudget
    private var builders: [ColumnBuilder]
    private var rows = 0

    init(schema: Schema, budget: QueryBudget) {
        self.schema = schema; self.budget = budget
        builders = schema.fields.map { ColumnBuilder(type: $0.type) }
    }

    mutating func append(_ row: [Value]) throws(KQLError) {
        for (k, v) in row.enumerated() { builders[k].append(BoxedResult.normalize(v, to: schema.fields[k].type)) }
        rows += 1
        if rows % 4096 == 0 { try budget.checkDeadline() }
    }

    func finish() -> Table {
        Table(schema: schema, columns: builders.map { $0.finish() }, rowCount: rows)
    }
}
