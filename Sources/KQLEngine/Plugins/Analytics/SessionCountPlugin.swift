import Columnar
import KQLSyntax

/// `evaluate session_count(IdColumn, TimelineColumn, Start, End, Bin, LookBackWindow [, dim1, ...])`: for each bin
/// from Start through End and each combination of the dimensions, the number of sessions with an appearance in
/// the bin (`count_sessions`). An id's appearance continues its session when the id appeared within
/// LookBackWindow before it (a gap of at most LookBackWindow), and opens a new session otherwise; appearances
/// before Start still continue or open sessions. An id with two sessions in one bin counts twice.
struct SessionCountPlugin: TabularPlugin {
    let name = "session_count"

    func outputSchema(input: Schema, arguments: PluginArguments) throws(KQLError) -> Schema? {
        let a = AnalyticsArguments(plugin: name, arguments: arguments)
        _ = try a.column(0, "IdColumn", in: input)
        let time = try a.wholeTimeline(1, in: input)
        let dims = try a.columns(from: 6, in: input)
        return Schema([input.fields[time]] + dims.map { input.fields[$0] } + [Field("count_sessions", .long)])
    }

    func run(input: Table, arguments: PluginArguments) throws(KQLError) -> PluginResult {
        let a = AnalyticsArguments(plugin: name, arguments: arguments)
        let schema = try outputSchema(input: input.schema, arguments: arguments)!
        let id = try a.column(0, "IdColumn", in: input.schema), time = try a.wholeTimeline(1, in: input.schema)
        let dims = try a.columns(from: 6, in: input.schema)
        _ = try a.positiveSpan(4, "Bin")
        let lookback = try a.positiveSpan(5, "LookBackWindow")
        let end = try a.value(3, "End")
        let windows = try TimelineWindows(
            start: try a.value(2, "Start"), end: end, step: try a.value(4, "Bin"),
            type: input.schema.fields[time].type, plugin: name, span: arguments.span)
        var out = ResultBuilder(schema: schema, budget: arguments.budget)
        let groups = DimensionGroups(input, dimensions: dims)
        for g in groups.keys.indices {
            let appearances = Appearances(input, rows: groups.rows[g], id: id, time: time)
            let n = appearances.idValues.count
            var previous = [Int64?](repeating: nil, count: n)
            // The bin each id's current session was last counted in.
            var countedIn = [Int](repeating: -1, count: n)
            var counts = [Int64](repeating: 0, count: windows.starts.count)
            for (t, who) in zip(appearances.times, appearances.ids) {
                // A gap longer than the lookback opens a new session, not yet counted anywhere.
                if previous[who].map({ timelineGap($0, t) > lookback }) ?? true {
                    countedIn[who] = -1
                }
                previous[who] = t
                guard let k = windows.window(of: .long(t), end: end), countedIn[who] != k else { continue }
                countedIn[who] = k
                counts[k] += 1
            }
            for k in windows.starts.indices {
                try out.append([windows.starts[k]] + groups.keys[g] + [.long(counts[k])])
            }
        }
        return PluginResult(table: out.finish())
    }
}
