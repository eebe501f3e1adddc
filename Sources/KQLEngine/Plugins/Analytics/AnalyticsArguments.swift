import Columnar
import KQLSyntax

/// Reading the arguments the user-analytics plugins share: column names (written as bare words, which
/// the binder passes as strings), constants, and the timeline's windows.
struct AnalyticsArguments {
    let plugin: String
    let arguments: PluginArguments

    /// Positional argument `i` as a value; `E_ARGUMENT` naming `what` when it is missing.
    func value(_ i: Int, _ what: String) throws(KQLError) -> Value {
        guard i < arguments.positional.count, case .value(let v, _) = arguments.positional[i] else {
            throw KQLError(.argument, "\(plugin)() needs its \(what) as argument \(i + 1)", span: arguments.span)
        }
        return v
    }

    /// Positional argument `i` as a column of `schema`.
    func column(_ i: Int, _ what: String, in schema: Schema) throws(KQLError) -> Int {
        let v = try value(i, what)
        guard case .string(let name) = v, let index = schema.index(of: name) else {
            throw KQLError(
                .argument,
                "\(plugin)(): the \(what) (argument \(i + 1)) must name a column of the input; got \(v.text)",
                span: arguments.span, hint: "the input's columns are: \(schema.names.joined(separator: ", "))")
        }
        return index
    }

    /// Positional arguments from `i` on, as columns (the dimensions).
    func columns(from i: Int, in schema: Schema) throws(KQLError) -> [Int] {
        var out: [Int] = []
        var k = i
        while k < arguments.positional.count { out.append(try column(k, "dimension", in: schema)); k += 1 }
        return out
    }

    var count: Int { arguments.positional.count }
}

/// The windows of an analytics plugin's timeline: from `start` through `end` (inclusive, as the pages'
/// outputs show) in steps of a timespan or number, or of calendar weeks, months or years.
struct TimelineWindows {
    /// The start of each window, in order, as values of the timeline's type.
    let starts: [Value]
    private let whole: [Int64]
    private let reals: [Double]

    init(start: Value, end: Value, step: Value, type: ScalarType, plugin: String, span: SourceSpan) throws(KQLError) {
        var starts: [Value] = []
        let limit = 1 << 20
        if case .string(let unit) = ValueOrder.unwrap(step) {
            let calendar: StartOfFunction
            switch unit {
            case "week": calendar = .startofweek
            case "month": calendar = .startofmonth
            case "year": calendar = .startofyear
            default:
                throw KQLError(
                    .argument, "\(plugin)(): a text step must be 'week', 'month' or 'year', not '\(unit)'", span: span)
            }
            guard case .datetime(let s) = start, case .datetime(let e) = end, var t = calendar.start(s, 0) else {
                throw KQLError(.type, "\(plugin)(): a calendar step needs a datetime start and end", span: span)
            }
            while t <= e, starts.count < limit {
                starts.append(.datetime(t))
                guard let next = calendar.start(t, 1) else { break }
                t = next
            }
        } else if let s = MakeSeriesAxis.whole(Self.converted(start, type)),
            let e = MakeSeriesAxis.whole(Self.converted(end, type)),
            let st = MakeSeriesAxis.whole(Self.converted(step, type == .datetime ? .timespan : type)), st > 0
        {
            var t = s
            while t <= e, starts.count < limit {
                starts.append(Self.make(t, type))
                let (n, overflow) = t.addingReportingOverflow(st)
                if overflow { break }
                t = n
            }
        } else if let s = MakeSeriesAxis.number(start), let e = MakeSeriesAxis.number(end),
            let st = MakeSeriesAxis.number(step),
            st > 0, st.isFinite
        {
            var k = 0.0
            while s + k * st <= e, starts.count < limit { starts.append(.real(s + k * st)); k += 1 }
        } else {
            throw KQLError(
                .argument,
                "\(plugin)(): the start, end and step must be constants of the timeline's type, and the step positive",
                span: span)
        }
        guard starts.count < limit else {
            throw KQLError(.limit, "\(plugin)(): the analysis period has more than \(limit) windows", span: span)
        }
        self.starts = starts
        whole = starts.compactMap(MakeSeriesAxis.whole)
        reals = starts.compactMap(MakeSeriesAxis.number)
    }

    /// The window holding `v` (the last start at or before it), or nil before the first or past the end.
    func window(of v: Value, end: Value) -> Int? {
        if let x = MakeSeriesAxis.whole(v), whole.count == starts.count {
            if let e = MakeSeriesAxis.whole(end), x > e { return nil }
            return lastIndex(whole, x)
        }
        guard let x = MakeSeriesAxis.number(v) else { return nil }
        if let e = MakeSeriesAxis.number(end), x > e { return nil }
        return lastIndex(reals, x)
    }

    private func lastIndex<T: Comparable>(_ a: [T], _ x: T) -> Int? {
        var lo = 0, hi = a.count
        while lo < hi { let mid = (lo + hi) / 2; if a[mid] <= x { lo = mid + 1 } else { hi = mid } }
        return lo == 0 ? nil : lo - 1
    }

    private static func converted(_ v: Value, _ type: ScalarType) -> Value {
        let u = ValueOrder.unwrap(v)
        switch (u, type) {
        case (.int(let x), _): return .long(Int64(x))
        default: return u
        }
    }

    private static func make(_ t: Int64, _ type: ScalarType) -> Value {
        switch type {
        case .datetime: return .datetime(t)
        case .timespan: return .timespan(t)
        default: return .long(t)
        }
    }
}

extension TimelineWindows {
    /// Per combination of the `dimensions` columns' values (in order of first appearance): the records and the
    /// set of distinct `id` values in each window, from the rows whose `time` falls in one (at most `end`).
    func activity(of input: Table, id: Int, time: Int, dimensions: [Int], end: Value)
        -> (keys: [[Value]], counts: [[Int64]], ids: [[Set<Value>]])
    {
        let w = starts.count
        var groupOf: [[Value]: Int] = [:], keys: [[Value]] = []
        var counts: [[Int64]] = [], ids: [[Set<Value>]] = []
        for r in 0..<input.rowCount {
            guard let k = window(of: input.columns[time].value(r), end: end) else { continue }
            let key = dimensions.map { input.columns[$0].value(r) }
            let g: Int
            if let found = groupOf[key] {
                g = found
            } else {
                g = keys.count
                groupOf[key] = g
                keys.append(key)
                counts.append([Int64](repeating: 0, count: w))
                ids.append([Set<Value>](repeating: [], count: w))
            }
            counts[g][k] += 1
            if let v = SetMembershipOperator.key(input.columns[id].value(r), caseless: false) { ids[g][k].insert(v) }
        }
        return (keys, counts, ids)
    }
}
