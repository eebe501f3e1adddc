import Columnar
import KQLSyntax

/// `evaluate new_activity_metrics(IdColumn, TimelineColumn, Start, End, Window [, Cohort] [, dim1, ...]
/// [, Lookback])`: for each cohort — the ids first seen in a window, counting every earlier window and the ids of
/// the Lookback table as seen — and each later-or-same window, the ids seen there that were not seen up to and
/// including the cohort's window (`dcount_new_values`; the cohort's own size when the windows are the same), the
/// cohort's ids seen there (`dcount_retained_values`) and not seen there (`dcount_churn_values`), and the two as
/// fractions of the cohort (`retention_rate`, `churn_rate`; NaN for an empty cohort). A Cohort value keeps only
/// the cohort of the window holding it.
struct NewActivityMetricsPlugin: TabularPlugin {
    let name = "new_activity_metrics"

    private struct Layout {
        var cohort: Value?
        var dims: [Int]
        var lookback: Table?
    }

    private func layout(_ a: AnalyticsArguments, _ input: Schema) throws(KQLError) -> Layout {
        var layout = Layout(cohort: nil, dims: [], lookback: nil)
        var i = 5
        if i < a.count, case .value(let v, _) = a.arguments.positional[i], !a.namesColumn(i, in: input) {
            layout.cohort = v
            i += 1
        }
        while i < a.count {
            if case .table(let t) = a.arguments.positional[i], i == a.count - 1 {
                layout.lookback = t
            } else if case .query = a.arguments.positional[i], i == a.count - 1 {
                // Bound but not run yet (the schema is asked for before the plugin runs).
            } else {
                layout.dims.append(try a.column(i, "dimension", in: input))
            }
            i += 1
        }
        return layout
    }

    func outputSchema(input: Schema, arguments: PluginArguments) throws(KQLError) -> Schema? {
        let a = AnalyticsArguments(plugin: name, arguments: arguments)
        _ = try a.column(0, "IdColumn", in: input)
        let time = try a.column(1, "TimelineColumn", in: input)
        for (i, what) in [(2, "Start"), (3, "End"), (4, "Window")] { _ = try a.value(i, what) }
        let timeline = input.fields[time]
        return Schema(
            [Field("from_" + timeline.name, timeline.type), Field("to_" + timeline.name, timeline.type)]
                + ["dcount_new_values", "dcount_retained_values", "dcount_churn_values"].map { Field($0, .long) }
                + [Field("retention_rate", .real), Field("churn_rate", .real)]
                + (try layout(a, input).dims).map { input.fields[$0] })
    }

    func run(input: Table, arguments: PluginArguments) throws(KQLError) -> PluginResult {
        let a = AnalyticsArguments(plugin: name, arguments: arguments)
        let schema = try outputSchema(input: input.schema, arguments: arguments)!
        let id = try a.column(0, "IdColumn", in: input.schema),
            time = try a.column(1, "TimelineColumn", in: input.schema)
        let layout = try self.layout(a, input.schema)
        let end = try a.value(3, "End")
        let windows = try TimelineWindows(
            start: try a.value(2, "Start"), end: end, step: try a.value(4, "Window"),
            type: input.schema.fields[time].type, plugin: name, span: arguments.span)
        var only: Int?
        if let c = layout.cohort {
            guard let k = windows.window(of: ValueOrder.unwrap(c), end: end) else {
                throw KQLError(
                    .argument, "new_activity_metrics(): the Cohort \(c.text) is outside the analysis period",
                    span: arguments.span)
            }
            only = k
        }
        let seenBefore = try lookbackIds(layout.lookback, id: input.schema.fields[id].name, span: arguments.span)
        let (keys, _, ids) = windows.activity(of: input, id: id, time: time, dimensions: layout.dims, end: end)
        var out = ResultBuilder(schema: schema, budget: arguments.budget)
        let w = windows.starts.count
        for g in keys.indices {
            var seen = seenBefore
            for from in 0..<w {
                let cohort = ids[g][from].subtracting(seen)
                seen.formUnion(ids[g][from])
                guard only == nil || only == from else { continue }
                for to in from..<w {
                    let fresh = to == from ? cohort.count : ids[g][to].subtracting(seen).count
                    let retained = to == from ? cohort.count : cohort.intersection(ids[g][to]).count
                    let size = Double(cohort.count)
                    try out.append(
                        [
                            windows.starts[from], windows.starts[to], .long(Int64(fresh)), .long(Int64(retained)),
                            .long(Int64(cohort.count - retained)), .real(Double(retained) / size),
                            .real(Double(cohort.count - retained) / size),
                        ] + keys[g])
                }
            }
        }
        return PluginResult(table: out.finish())
    }

    /// The ids of the Lookback table: its column named like the IdColumn, or its only column.
    private func lookbackIds(_ table: Table?, id: String, span: SourceSpan) throws(KQLError) -> Set<Value> {
        guard let table else { return [] }
        guard let c = table.schema.index(of: id) ?? (table.schema.fields.count == 1 ? 0 : nil) else {
            throw KQLError(
                .argument, "new_activity_metrics(): the Lookback table needs a column named '\(id)' holding the ids",
                span: span, hint: "its columns are: \(table.schema.names.joined(separator: ", "))")
        }
        var out = Set<Value>()
        for r in 0..<table.rowCount {
            if let v = SetMembershipOperator.key(table.columns[c].value(r), caseless: false) { out.insert(v) }
        }
        return out
    }
}
