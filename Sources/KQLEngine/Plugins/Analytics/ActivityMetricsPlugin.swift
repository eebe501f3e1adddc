import Columnar
import KQLSyntax

/// `evaluate activity_metrics(IdColumn, TimelineColumn, [Start, End,] Window [, dim1, ...])`: for each window and
/// each combination of the dimensions, the distinct ids (`dcount_values`), the ids not seen in the previous window
/// (`dcount_newvalues`), and the retention and churn rates against the previous window: retained ids are those of
/// the previous window seen again, `retention_rate` = retained / ids of the previous window and
/// `churn_rate` = 1 − `retention_rate` (both NaN for the first window, which has no previous one). Without
/// Start and End the windows run from the timeline's first value through its last.
struct ActivityMetricsPlugin: TabularPlugin {
    let name = "activity_metrics"

    /// Whether Start and End are written, and the dimension columns.
    private func layout(_ a: AnalyticsArguments, _ input: Schema) throws(KQLError) -> (range: Bool, dims: [Int]) {
        let range =
            a.count >= 5 && !a.namesColumn(2, in: input) && !a.namesColumn(3, in: input)
            && !a.namesColumn(4, in: input)
        guard a.count >= 3 else {
            throw KQLError(
                .argument,
                "activity_metrics(IdColumn, TimelineColumn, [Start, End,] Window [, dim1, ...]) needs "
                    + "at least 3 arguments, got \(a.count)", span: a.arguments.span)
        }
        return (range, try a.columns(from: range ? 5 : 3, in: input))
    }

    func outputSchema(input: Schema, arguments: PluginArguments) throws(KQLError) -> Schema? {
        let a = AnalyticsArguments(plugin: name, arguments: arguments)
        _ = try a.column(0, "IdColumn", in: input)
        let time = try a.column(1, "TimelineColumn", in: input)
        let dims = try layout(a, input).dims
        return Schema(
            [
                input.fields[time], Field("dcount_values", .long), Field("dcount_newvalues", .long),
                Field("retention_rate", .real), Field("churn_rate", .real),
            ] + dims.map { input.fields[$0] })
    }

    func run(input: Table, arguments: PluginArguments) throws(KQLError) -> PluginResult {
        let a = AnalyticsArguments(plugin: name, arguments: arguments)
        let schema = try outputSchema(input: input.schema, arguments: arguments)!
        let id = try a.column(0, "IdColumn", in: input.schema),
            time = try a.column(1, "TimelineColumn", in: input.schema)
        let (range, dims) = try layout(a, input.schema)
        var out = ResultBuilder(schema: schema, budget: arguments.budget)
        guard let period = try a.period(written: range, at: 2, input: input, time: time) else {
            return PluginResult(table: out.finish())
        }
        let (start, end) = period
        let windows = try TimelineWindows(
            start: start, end: end, step: try a.value(range ? 4 : 2, "Window"),
            type: input.schema.fields[time].type, plugin: name, span: arguments.span)
        let (keys, _, ids) = windows.activity(of: input, id: id, time: time, dimensions: dims, end: end)
        for g in keys.indices {
            var previous = Set<Value>()
            for k in windows.starts.indices {
                let current = ids[g][k]
                let retained = current.intersection(previous).count
                let retention = Double(retained) / Double(previous.count)
                try out.append(
                    [
                        windows.starts[k], .long(Int64(current.count)), .long(Int64(current.count - retained)),
                        .real(retention), .real(1 - retention),
                    ] + keys[g])
                previous = current
            }
        }
        return PluginResult(table: out.finish())
    }
}
