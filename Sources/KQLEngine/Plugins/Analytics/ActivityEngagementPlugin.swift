import Columnar
import KQLSyntax

/// `evaluate activity_engagement(IdColumn, TimelineColumn, [Start, End,] InnerActivityWindow, OuterActivityWindow
/// [, dim1, ...])`: for each inner window from Start through End and each combination of the dimensions, the
/// distinct ids in the inner window (`dcount_activities_inner`), in the outer window that ends with it — the
/// OuterActivityWindow before the inner window's end, appearances before Start included —
/// (`dcount_activities_outer`), and their ratio (`activity_ratio`, DAU/WAU for 1d and 7d). Without Start and End
/// the windows run from the timeline's first value through its last.
struct ActivityEngagementPlugin: TabularPlugin {
    let name = "activity_engagement"

    private func layout(_ a: AnalyticsArguments, _ input: Schema) throws(KQLError) -> (range: Bool, dims: [Int]) {
        guard a.count >= 4 else {
            throw KQLError(
                .argument,
                "activity_engagement(IdColumn, TimelineColumn, [Start, End,] InnerActivityWindow, "
                    + "OuterActivityWindow [, dim1, ...]) needs at least 4 arguments, got \(a.count)",
                span: a.arguments.span)
        }
        let range = a.count >= 6 && (2...5).allSatisfy { !a.namesColumn($0, in: input) }
        return (range, try a.columns(from: range ? 6 : 4, in: input))
    }

    func outputSchema(input: Schema, arguments: PluginArguments) throws(KQLError) -> Schema? {
        let a = AnalyticsArguments(plugin: name, arguments: arguments)
        _ = try a.column(0, "IdColumn", in: input)
        let time = try a.wholeTimeline(1, in: input)
        let dims = try layout(a, input).dims
        return Schema(
            [
                input.fields[time], Field("dcount_activities_inner", .long), Field("dcount_activities_outer", .long),
                Field("activity_ratio", .real),
            ] + dims.map { input.fields[$0] })
    }

    func run(input: Table, arguments: PluginArguments) throws(KQLError) -> PluginResult {
        let a = AnalyticsArguments(plugin: name, arguments: arguments)
        let schema = try outputSchema(input: input.schema, arguments: arguments)!
        let id = try a.column(0, "IdColumn", in: input.schema), time = try a.wholeTimeline(1, in: input.schema)
        let (range, dims) = try layout(a, input.schema)
        let first = range ? 4 : 2
        let inner = try a.positiveSpan(first, "InnerActivityWindow"),
            outer = try a.positiveSpan(first + 1, "OuterActivityWindow")
        var out = ResultBuilder(schema: schema, budget: arguments.budget)
        guard let period = try a.period(written: range, at: 2, input: input, time: time) else {
            return PluginResult(table: out.finish())
        }
        let (start, end) = period
        let windows = try TimelineWindows(
            start: start, end: end, step: try a.value(first, "InnerActivityWindow"),
            type: input.schema.fields[time].type, plugin: name, span: arguments.span)
        guard let last = MakeSeriesAxis.whole(ValueOrder.unwrap(end)) else {
            throw KQLError(
                .argument, "activity_engagement(): End must be a constant of the timeline's type", span: arguments.span)
        }
        // Each inner window ends at its start plus the inner span, or just past End.
        let ends = windows.starts.map { min(timelineAdd(MakeSeriesAxis.whole($0)!, inner), timelineAdd(last, 1)) }
        let innerRanges = zip(windows.starts, ends).map { (lo: MakeSeriesAxis.whole($0)!, hi: $1) }
        let outerRanges = windows.starts.indices.map { k in
            (lo: timelineAdd(timelineAdd(innerRanges[k].lo, inner), -outer), hi: ends[k])
        }
        let groups = DimensionGroups(input, dimensions: dims)
        for g in groups.keys.indices {
            let appearances = Appearances(input, rows: groups.rows[g], id: id, time: time)
            let inside = appearances.distinctCounts(in: innerRanges),
                around = appearances.distinctCounts(in: outerRanges)
            for k in windows.starts.indices {
                try out.append(
                    [
                        windows.starts[k], .long(Int64(inside[k])), .long(Int64(around[k])),
                        .real(Double(inside[k]) / Double(around[k])),
                    ] + groups.keys[g])
            }
        }
        return PluginResult(table: out.finish())
    }
}
