import Columnar
import KQLSyntax

/// `evaluate sliding_window_counts(IdColumn, TimelineColumn, Start, End, LookbackWindow, Bin [, dim1, ...])`:
/// for each bin from Start through End and each combination of the dimensions, the number of records and of
/// distinct ids in the lookback window that ends with that bin (LookbackWindow rounded down to whole bins, as
/// the page says). Columns: the timeline, the dimensions, `Count` and `dcount` (the names the page's example
/// shows).
struct SlidingWindowCountsPlugin: TabularPlugin {
    let name = "sliding_window_counts"

    func outputSchema(input: Schema, arguments: PluginArguments) throws(KQLError) -> Schema? {
        let a = AnalyticsArguments(plugin: name, arguments: arguments)
        let time = try a.column(1, "TimelineColumn", in: input)
        let dims = try a.columns(from: 6, in: input)
        return Schema(
            [input.fields[time]] + dims.map { input.fields[$0] } + [Field("Count", .long), Field("dcount", .long)])
    }

    func run(input: Table, arguments: PluginArguments) throws(KQLError) -> PluginResult {
        let a = AnalyticsArguments(plugin: name, arguments: arguments)
        let id = try a.column(0, "IdColumn", in: input.schema),
            time = try a.column(1, "TimelineColumn", in: input.schema)
        let dims = try a.columns(from: 6, in: input.schema)
        let end = try a.value(3, "End"), bin = try a.value(5, "Bin"), lookback = try a.value(4, "LookbackWindow")
        let windows = try TimelineWindows(
            start: try a.value(2, "Start"), end: end, step: bin,
            type: input.schema.fields[time].type, plugin: name, span: arguments.span)
        // How many bins the lookback window spans (at least the bin itself).
        var span = 1
        if let l = MakeSeriesAxis.whole(ValueOrder.unwrap(lookback)),
            let b = MakeSeriesAxis.whole(ValueOrder.unwrap(bin)), b > 0
        {
            span = max(1, Int(clamping: l / b))
        } else if let l = MakeSeriesAxis.number(ValueOrder.unwrap(lookback)),
            let b = MakeSeriesAxis.number(ValueOrder.unwrap(bin)), b > 0
        {
            span = max(1, Int(clamping: Int64((l / b).rounded(.down))))
        }
        let w = windows.starts.count
        let (keys, counts, ids) = windows.activity(of: input, id: id, time: time, dimensions: dims, end: end)
        var out = ResultBuilder(
            schema: try outputSchema(input: input.schema, arguments: arguments)!, budget: arguments.budget)
        for g in keys.indices {
            for k in 0..<w {
                let first = max(0, k - span + 1)
                var total: Int64 = 0
                var distinct = Set<Value>()
                for j in first...k { total += counts[g][j]; distinct.formUnion(ids[g][j]) }
                try out.append([windows.starts[k]] + keys[g] + [.long(total), .long(Int64(distinct.count))])
            }
        }
        return PluginResult(table: out.finish())
    }
}
