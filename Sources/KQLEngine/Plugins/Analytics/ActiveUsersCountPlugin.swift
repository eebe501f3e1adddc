import Columnar
import KQLSyntax

/// `evaluate active_users_count(IdColumn, TimelineColumn, Start, End, LookbackWindow, Period, ActivePeriodsCount,
/// Bin [, dim1, ...])`: per bin from Start through End (and dimension combination), the distinct ids with an
/// active appearance in the bin. An appearance at t is active when the id appeared in at least
/// ActivePeriodsCount distinct periods (bins of Period) within the lookback window (t − LookbackWindow, t] —
/// appearances before Start count toward it, as the page's example shows. Bins without active ids are left out.
struct ActiveUsersCountPlugin: TabularPlugin {
    let name = "active_users_count"

    func outputSchema(input: Schema, arguments: PluginArguments) throws(KQLError) -> Schema? {
        let a = AnalyticsArguments(plugin: name, arguments: arguments)
        let time = try a.column(1, "TimelineColumn", in: input)
        let dims = try a.columns(from: 8, in: input)
        return Schema([input.fields[time]] + dims.map { input.fields[$0] } + [Field("dcount", .long)])
    }

    func run(input: Table, arguments: PluginArguments) throws(KQLError) -> PluginResult {
        let a = AnalyticsArguments(plugin: name, arguments: arguments)
        let id = try a.column(0, "IdColumn", in: input.schema),
            time = try a.column(1, "TimelineColumn", in: input.schema)
        let dims = try a.columns(from: 8, in: input.schema)
        let start = try a.value(2, "Start"), end = try a.value(3, "End")
        guard let lookback = MakeSeriesAxis.whole(ValueOrder.unwrap(try a.value(4, "LookbackWindow"))),
            let period = MakeSeriesAxis.whole(ValueOrder.unwrap(try a.value(5, "Period"))), period > 0, lookback >= 0,
            let needed = MakeSeriesAxis.number(ValueOrder.unwrap(try a.value(6, "ActivePeriodsCount"))),
            let first = MakeSeriesAxis.whole(start), let last = MakeSeriesAxis.whole(end)
        else {
            throw KQLError(
                .argument,
                "active_users_count(): Start and End must be datetimes, LookbackWindow and Period timespans "
                    + "(Period positive) and ActivePeriodsCount a number", span: arguments.span)
        }
        let windows = try TimelineWindows(
            start: start, end: end, step: try a.value(7, "Bin"),
            type: input.schema.fields[time].type, plugin: name, span: arguments.span)
        // Appearances per (dimensions, id), in time order.
        var groupOf: [[Value]: Int] = [:], keys: [[Value]] = []
        var appearances: [[Value: [Int64]]] = []
        for r in 0..<input.rowCount {
            guard let t = MakeSeriesAxis.whole(ValueOrder.unwrap(input.columns[time].value(r))),
                let user = SetMembershipOperator.key(input.columns[id].value(r), caseless: false)
            else { continue }
            let key = dims.map { input.columns[$0].value(r) }
            let g: Int
            if let found = groupOf[key] {
                g = found
            } else {
                g = keys.count; groupOf[key] = g; keys.append(key); appearances.append([:])
            }
            appearances[g][user, default: []].append(t)
        }
        var out = ResultBuilder(
            schema: try outputSchema(input: input.schema, arguments: arguments)!, budget: arguments.budget)
        for g in keys.indices {
            var active = [Set<Value>](repeating: [], count: windows.starts.count)
            for (user, unsorted) in appearances[g] {
                let times = unsorted.sorted()
                // A sliding window over the sorted appearances, with the number of appearances per period inside it.
                var lo = 0
                var periods: [Int64: Int] = [:]
                for (hi, t) in times.enumerated() {
                    periods[CalendarMath.floorDiv(t, period), default: 0] += 1
                    while lo < hi, t.subtractingReportingOverflow(times[lo]).partialValue >= lookback {
                        let p = CalendarMath.floorDiv(times[lo], period)
                        periods[p]! -= 1
                        if periods[p] == 0 { periods[p] = nil }
                        lo += 1
                    }
                    guard t >= first, t <= last, Double(periods.count) >= needed,
                        let k = windows.window(
                            of: input.schema.fields[time].type == .datetime ? .datetime(t) : .long(t), end: end)
                    else { continue }
                    active[k].insert(user)
                }
            }
            for k in windows.starts.indices where !active[k].isEmpty {
                try out.append([windows.starts[k]] + keys[g] + [.long(Int64(active[k].count))])
            }
        }
        return PluginResult(table: out.finish())
    }
}
