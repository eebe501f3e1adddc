import Columnar
import KQLSyntax

/// `evaluate funnel_sequence(IdColumn, TimelineColumn, Start, End, MaxSequenceStepWindow, Step, StateColumn,
/// Sequence)`: in each Step window from Start through End, the ids whose states — taken in time order, repeats of
/// one state in a row counting once — contain the Sequence with at most MaxSequenceStepWindow between steps, with
/// the state just before the sequence (`prev`) and just after it (`next`), each empty when there is none within
/// MaxSequenceStepWindow. Three tables: (prev, next), prev and next, each with the distinct ids (`dcount`) and up to
/// 128 of them (`samples`), most ids first. As the last operator of a statement it yields all three tables;
/// elsewhere the first.
struct FunnelSequencePlugin: TabularPlugin {
    let name = "funnel_sequence"
    var resultTables: Int { 3 }

    func outputSchema(input: Schema, arguments: PluginArguments) throws(KQLError) -> Schema? {
        let a = AnalyticsArguments(plugin: name, arguments: arguments)
        _ = try a.column(0, "IdColumn", in: input)
        let time = try a.wholeTimeline(1, in: input)
        _ = try a.column(6, "StateColumn", in: input)
        _ = try StateSequence(a, 7)
        let labels: [String]
        switch table(arguments) {
        case 0: labels = ["prev", "next"]
        case 1: labels = ["prev"]
        default: labels = ["next"]
        }
        return Schema(
            [input.fields[time]] + labels.map { Field($0, .string) }
                + [Field("dcount", .long), Field("samples", .dynamic)])
    }

    /// Which of the three tables the call yields.
    private func table(_ arguments: PluginArguments) -> Int {
        guard case .value(let v, _)? = arguments.named[PluginArguments.resultTableArgument],
            let k = MakeSeriesAxis.whole(v)
        else { return 0 }
        return Int(clamping: k)
    }

    func run(input: Table, arguments: PluginArguments) throws(KQLError) -> PluginResult {
        let a = AnalyticsArguments(plugin: name, arguments: arguments)
        let schema = try outputSchema(input: input.schema, arguments: arguments)!
        let id = try a.column(0, "IdColumn", in: input.schema), time = try a.wholeTimeline(1, in: input.schema)
        let state = try a.column(6, "StateColumn", in: input.schema)
        let sequence = try StateSequence(a, 7).states
        let maxStep = try a.positiveSpan(4, "MaxSequenceStepWindow")
        _ = try a.positiveSpan(5, "Step")
        let end = try a.value(3, "End")
        let windows = try TimelineWindows(
            start: try a.value(2, "Start"), end: end, step: try a.value(5, "Step"),
            type: input.schema.fields[time].type, plugin: name, span: arguments.span)
        let which = table(arguments)
        // Per window: each label (prev/next, as the table needs) with the ids that had it.
        var found = [[[String]: IdTally]](repeating: [:], count: windows.starts.count)
        let timelines = StateTimelines(input, id: id, time: time, state: state, windows: windows, end: end)
        for timeline in timelines.all {
            let runs = timeline.runs
            guard runs.count >= sequence.count else { continue }
            for i in 0...(runs.count - sequence.count) {
                var matches = true
                for j in sequence.indices where matches {
                    matches =
                        runs[i + j].state == sequence[j]
                        && (j == 0 || timelineGap(runs[i + j - 1].last, runs[i + j].first) <= maxStep)
                }
                guard matches else { continue }
                let lastStep = i + sequence.count - 1
                let prev = i > 0 && timelineGap(runs[i - 1].last, runs[i].first) <= maxStep ? runs[i - 1].state : ""
                let next =
                    lastStep + 1 < runs.count && timelineGap(runs[lastStep].last, runs[lastStep + 1].first) <= maxStep
                    ? runs[lastStep + 1].state : ""
                let label = which == 0 ? [prev, next] : which == 1 ? [prev] : [next]
                found[timeline.window][label, default: IdTally()].add(timeline.id, timelines.idValues[timeline.id])
            }
            try arguments.budget.checkDeadline()
        }
        var out = ResultBuilder(schema: schema, budget: arguments.budget)
        for k in windows.starts.indices {
            let rows = found[k].sorted {
                $0.value.count != $1.value.count
                    ? $0.value.count > $1.value.count : $0.key.lexicographicallyPrecedes($1.key)
            }
            for (label, tally) in rows {
                try out.append(
                    [windows.starts[k]] + label.map { Value.string($0) }
                        + [.long(Int64(tally.count)), .dynamic(.array(tally.samples.map(\.asDynamic)))])
            }
        }
        return PluginResult(table: out.finish())
    }
}

/// The distinct ids of a funnel row and the first 128 of them, as the pages' `samples` column holds.
struct IdTally {
    private var ids = Set<Int>()
    private(set) var samples: [Value] = []
    var count: Int { ids.count }

    mutating func add(_ id: Int, _ value: Value) {
        guard ids.insert(id).inserted, samples.count < 128 else { return }
        samples.append(value)
    }
}

/// A funnel's Sequence argument: a non-empty dynamic array of states, compared as text.
struct StateSequence {
    let states: [String]

    init(_ a: AnalyticsArguments, _ i: Int) throws(KQLError) {
        guard case .dynamic(.array(let items)) = try a.value(i, "Sequence"), !items.isEmpty else {
            throw KQLError(
                .argument,
                "\(a.plugin)(): the Sequence (argument \(i + 1)) must be a non-empty dynamic array of states",
                span: a.arguments.span)
        }
        states = items.map { ValueOrder.unwrap(.dynamic($0)).text }
    }
}

/// Each id's states in each window, in time order, with repeats of one state in a row merged into a run.
struct StateTimelines {
    struct Run { var state: String; var first: Int64; var last: Int64 }
    struct Timeline { var id: Int; var window: Int; var runs: [Run] }

    private(set) var all: [Timeline] = []
    let idValues: [Value]

    init(_ input: Table, id: Int, time: Int, state: Int, windows: TimelineWindows, end: Value) {
        let appearances = Appearances(input, rows: Array(0..<input.rowCount), id: id, time: time)
        idValues = appearances.idValues
        // The timeline each (id, window) is building, by id.
        var current = [Int?](repeating: nil, count: idValues.count)
        for (k, t) in appearances.times.enumerated() {
            let who = appearances.ids[k]
            guard let w = windows.window(of: .long(t), end: end) else { continue }
            let s = input.columns[state].value(appearances.rows[k]).text
            if let c = current[who], all[c].window == w {
                if all[c].runs[all[c].runs.count - 1].state == s {
                    all[c].runs[all[c].runs.count - 1].last = t
                } else {
                    all[c].runs.append(Run(state: s, first: t, last: t))
                }
            } else {
                current[who] = all.count
                all.append(Timeline(id: who, window: w, runs: [Run(state: s, first: t, last: t)]))
            }
        }
    }
}
