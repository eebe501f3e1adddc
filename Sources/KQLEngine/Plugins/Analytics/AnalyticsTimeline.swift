import Columnar
import KQLSyntax

extension AnalyticsArguments {
    /// True when positional argument `i` is a bare word naming a column of `schema`: a dimension rather than
    /// one of the optional constants that may stand at its place.
    func namesColumn(_ i: Int, in schema: Schema) -> Bool {
        guard i < count, case .value(.string(let n), _) = arguments.positional[i] else { return false }
        return schema.index(of: n) != nil
    }

    /// The timeline column, which must hold datetimes, timespans or whole numbers for the plugins that measure
    /// gaps between appearances.
    func wholeTimeline(_ i: Int, in schema: Schema) throws(KQLError) -> Int {
        let time = try column(i, "TimelineColumn", in: schema)
        guard [.datetime, .timespan, .long, .int].contains(schema.fields[time].type) else {
            throw KQLError(
                .type,
                "\(plugin)(): the TimelineColumn must be a datetime, timespan or whole-number column, not "
                    + schema.fields[time].type.rawValue, span: arguments.span)
        }
        return time
    }

    /// Positional argument `i` as a positive span of the timeline (a timespan for a datetime timeline, else a
    /// whole number), in the timeline's units; `E_ARGUMENT` naming `what` otherwise.
    func positiveSpan(_ i: Int, _ what: String) throws(KQLError) -> Int64 {
        let v = ValueOrder.unwrap(try value(i, what))
        guard let x = MakeSeriesAxis.whole(v), x > 0, v.type != .datetime else {
            throw KQLError(
                .argument,
                "\(plugin)(): the \(what) (argument \(i + 1)) must be a positive timespan or whole number; "
                    + "got \(v.text.isEmpty ? "null" : v.text)", span: arguments.span)
        }
        return x
    }

    /// The analysis period: Start and End at positions `i` and `i + 1` when `written`, otherwise the first
    /// and last value of the timeline column (nil when the input has none).
    func period(written: Bool, at i: Int, input: Table, time: Int) throws(KQLError) -> (start: Value, end: Value)? {
        if written { return (try value(i, "Start"), try value(i + 1, "End")) }
        var low: Value?, high: Value?
        let column = input.columns[time]
        for r in 0..<input.rowCount {
            let v = ValueOrder.unwrap(column.value(r))
            guard !v.isNull else { continue }
            if low == nil || ValueOrder.compare(v, low!) == -1 { low = v }
            if high == nil || ValueOrder.compare(v, high!) == 1 { high = v }
        }
        guard let low, let high else { return nil }
        return (low, high)
    }
}

/// The input's rows grouped by the values of the dimension columns, groups in order of first appearance.
struct DimensionGroups {
    /// Each group's dimension values.
    private(set) var keys: [[Value]] = []
    /// Each group's rows, in input order.
    private(set) var rows: [[Int]] = []

    init(_ input: Table, dimensions: [Int]) {
        var groupOf: [[Value]: Int] = [:]
        for r in 0..<input.rowCount {
            let key = dimensions.map { input.columns[$0].value(r) }
            if let g = groupOf[key] {
                rows[g].append(r)
            } else {
                groupOf[key] = keys.count
                keys.append(key)
                rows.append([r])
            }
        }
    }
}

/// One group's appearances on a whole-number timeline, sorted by time (input order among equal times), with
/// each id numbered from 0 in order of first appearance.
struct Appearances {
    private(set) var times: [Int64] = []
    private(set) var ids: [Int] = []
    /// The rows the appearances come from.
    private(set) var rows: [Int] = []
    /// The distinct ids, by number.
    private(set) var idValues: [Value] = []

    /// The appearances among `rows` with a non-null id and time.
    init(_ input: Table, rows candidates: [Int], id: Int, time: Int) {
        var number: [Value: Int] = [:]
        var found: [(time: Int64, row: Int, id: Int)] = []
        for r in candidates {
            guard let t = MakeSeriesAxis.whole(ValueOrder.unwrap(input.columns[time].value(r))),
                let key = SetMembershipOperator.key(input.columns[id].value(r), caseless: false)
            else { continue }
            let n: Int
            if let known = number[key] {
                n = known
            } else {
                n = idValues.count; number[key] = n; idValues.append(key)
            }
            found.append((t, r, n))
        }
        found.sort { $0.time != $1.time ? $0.time < $1.time : $0.row < $1.row }
        times = found.map(\.time); ids = found.map(\.id); rows = found.map(\.row)
    }

    /// The number of distinct ids in each of `ranges` (`lo..<hi`, both ends non-decreasing from one range to the
    /// next): one pass with two pointers, each appearance entering and leaving the window once.
    func distinctCounts(in ranges: [(lo: Int64, hi: Int64)]) -> [Int] {
        var inside = [Int](repeating: 0, count: idValues.count)
        var distinct = 0, head = 0, tail = 0
        var out: [Int] = []
        out.reserveCapacity(ranges.count)
        for range in ranges {
            let lo = min(range.lo, range.hi)
            while head < times.count, times[head] < range.hi {
                if inside[ids[head]] == 0 { distinct += 1 }
                inside[ids[head]] += 1
                head += 1
            }
            while tail < head, times[tail] < lo {
                inside[ids[tail]] -= 1
                if inside[ids[tail]] == 0 { distinct -= 1 }
                tail += 1
            }
            out.append(distinct)
        }
        return out
    }
}

/// Saturating addition on the timeline, so a window's end past the largest value stays the largest value.
func timelineAdd(_ a: Int64, _ b: Int64) -> Int64 {
    let (s, overflow) = a.addingReportingOverflow(b)
    return overflow ? (b > 0 ? .max : .min) : s
}

/// `later − earlier` on the timeline, the largest value when it does not fit.
func timelineGap(_ earlier: Int64, _ later: Int64) -> Int64 {
    let (d, overflow) = later.subtractingReportingOverflow(earlier)
    return overflow ? .max : d
}
