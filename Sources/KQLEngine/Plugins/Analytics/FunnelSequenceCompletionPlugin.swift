import Columnar
import KQLSyntax

/// `evaluate funnel_sequence_completion(IdColumn, TimelineColumn, Start, End, BinSize, StateColumn, Sequence,
/// MaxSequenceStepWindows)`: for each BinSize window from Start through End, each period of
/// MaxSequenceStepWindows and each step of the Sequence, the distinct ids that reached that step: an id reaches
/// step j when, after one of its appearances in the first state, it appears in the next states in order, the j-th
/// at most the period after the first. Rows come by window, then period, then step; a window without appearances
/// has none (the page's example, one 365-day window from 2007-01-01 through 2008-01-01, shows only the first).
struct FunnelSequenceCompletionPlugin: TabularPlugin {
    let name = "funnel_sequence_completion"

    func outputSchema(input: Schema, arguments: PluginArguments) throws(KQLError) -> Schema? {
        let a = AnalyticsArguments(plugin: name, arguments: arguments)
        _ = try a.column(0, "IdColumn", in: input)
        let time = try a.wholeTimeline(1, in: input), state = try a.column(5, "StateColumn", in: input)
        _ = try StateSequence(a, 6)
        let periodType: ScalarType = [.datetime, .timespan].contains(input.fields[time].type) ? .timespan : .long
        return Schema(
            [
                input.fields[time], Field(input.fields[state].name, .string), Field("Period", periodType),
                Field("dcount", .long),
            ])
    }

    /// MaxSequenceStepWindows: a non-empty array of positive spans.
    private func periods(_ a: AnalyticsArguments) throws(KQLError) -> [Int64] {
        let usage = KQLError(
            .argument,
            "funnel_sequence_completion(): MaxSequenceStepWindows (argument 8) must be a non-empty "
                + "dynamic array of positive timespans or whole numbers", span: a.arguments.span)
        guard case .dynamic(.array(let items)) = try a.value(7, "MaxSequenceStepWindows"), !items.isEmpty,
            items.count <= 1024
        else { throw usage }
        var out: [Int64] = []
        for item in items {
            guard let p = MakeSeriesAxis.whole(ValueOrder.unwrap(.dynamic(item))), p > 0 else { throw usage }
            out.append(p)
        }
        return out
    }

    func run(input: Table, arguments: PluginArguments) throws(KQLError) -> PluginResult {
        let a = AnalyticsArguments(plugin: name, arguments: arguments)
        let schema = try outputSchema(input: input.schema, arguments: arguments)!
        let id = try a.column(0, "IdColumn", in: input.schema), time = try a.wholeTimeline(1, in: input.schema)
        let state = try a.column(5, "StateColumn", in: input.schema)
        let sequence = try StateSequence(a, 6).states
        let periods = try self.periods(a)
        _ = try a.positiveSpan(4, "BinSize")
        let end = try a.value(3, "End")
        let windows = try TimelineWindows(
            start: try a.value(2, "Start"), end: end, step: try a.value(4, "BinSize"),
            type: input.schema.fields[time].type, plugin: name, span: arguments.span)
        let appearances = Appearances(input, rows: Array(0..<input.rowCount), id: id, time: time)
        // Per (id, window): where each step's state appears, as positions in the id's time-ordered appearances.
        var reached = [[[Int]]](
            repeating: [[Int]](repeating: [Int](repeating: 0, count: sequence.count), count: periods.count),
            count: windows.starts.count)
        var stepOf: [String: [Int]] = [:]
        for (j, s) in sequence.enumerated() { stepOf[s, default: []].append(j) }
        var active = [Bool](repeating: false, count: windows.starts.count)
        var byId = [[Int]](repeating: [], count: appearances.idValues.count)
        for k in appearances.times.indices { byId[appearances.ids[k]].append(k) }
        for events in byId {
            var k = 0
            while k < events.count {
                guard let w = windows.window(of: .long(appearances.times[events[k]]), end: end) else {
                    k += 1
                    continue
                }
                active[w] = true
                // The id's appearances in window w, each step's positions among them.
                var times: [Int64] = []
                var positions = [[Int]](repeating: [], count: sequence.count)
                while k < events.count, windows.window(of: .long(appearances.times[events[k]]), end: end) == w {
                    let s = input.columns[state].value(appearances.rows[events[k]]).text
                    for j in stepOf[s] ?? [] { positions[j].append(times.count) }
                    times.append(appearances.times[events[k]])
                    k += 1
                }
                for (p, period) in periods.enumerated() {
                    let depth = Self.deepestStep(positions, times: times, period: period)
                    if depth >= 0 { for j in 0...depth { reached[w][p][j] += 1 } }
                }
            }
            try arguments.budget.checkDeadline()
        }
        var out = ResultBuilder(schema: schema, budget: arguments.budget)
        let periodType = schema.fields[2].type
        for w in windows.starts.indices where active[w] {
            for (p, period) in periods.enumerated() {
                for (j, s) in sequence.enumerated() {
                    try out.append(
                        [
                            windows.starts[w], .string(s),
                            periodType == .timespan ? Value.timespan(period) : Value.long(period),
                            .long(Int64(reached[w][p][j])),
                        ])
                }
            }
        }
        return PluginResult(table: out.finish())
    }

    /// The last step (0-based) one id reaches within `period` of its first step, or -1 when it never shows the
    /// first state. Each start takes the earliest next step after the previous one (no later choice reaches
    /// further); a start whose second step is the same as a later start's is skipped, since the later start
    /// has the same choices with more time left.
    static func deepestStep(_ positions: [[Int]], times: [Int64], period: Int64) -> Int {
        guard !positions[0].isEmpty else { return -1 }
        var best = 0
        var laterSecond: Int? = nil
        for start in positions[0].reversed() {
            let deadline = timelineAdd(times[start], period)
            var at = start, depth = 0
            for j in 1..<max(1, positions.count) {
                guard let next = firstAfter(positions[j], at), times[next] <= deadline else { break }
                if j == 1 {
                    if next == laterSecond { break }
                    laterSecond = next
                }
                at = next
                depth = j
            }
            best = max(best, depth)
            if best == positions.count - 1 { break }
        }
        return best
    }

    /// The first position in the sorted `list` greater than `p`.
    private static func firstAfter(_ list: [Int], _ p: Int) -> Int? {
        var lo = 0, hi = list.count
        while lo < hi { let mid = (lo + hi) / 2; if list[mid] <= p { lo = mid + 1 } else { hi = mid } }
        return lo < list.count ? list[lo] : nil
    }
}
