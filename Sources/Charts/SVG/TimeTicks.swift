import Columnar

/// Calendar-aware ticks of a time axis (UTC): the interval (seconds to decades) is the finest whose
/// ticks are at most `count`, and ticks fall on whole units (midnight, the first of a month, January).
/// A label names the coarsest unit its tick starts (`14:00`, `Jan 5`, `Feb`, `2024`), so a day's
/// boundary is labelled with its date among hourly ticks.
enum TimeTicks {
    enum Unit: Int { case millisecond, second, minute, hour, day, week, month, year }

    struct Interval: Equatable {
        let unit: Unit
        let count: Int
        /// Approximate length in nanoseconds (exact below a month).
        var nanos: Double {
            let s = 1e9
            switch unit {
            case .millisecond: return Double(count) * 1e6
            case .second: return Double(count) * s
            case .minute: return Double(count) * 60 * s
            case .hour: return Double(count) * 3600 * s
            case .day: return Double(count) * 86_400 * s
            case .week: return Double(count) * 7 * 86_400 * s
            case .month: return Double(count) * 30.44 * 86_400 * s
            case .year: return Double(count) * 365.25 * 86_400 * s
            }
        }
    }

    static let intervals: [Interval] = {
        let steps: [(Unit, [Int])] = [
            (.millisecond, [1, 10, 100, 250, 500]), (.second, [1, 5, 15, 30]), (.minute, [1, 5, 15, 30]),
            (.hour, [1, 3, 6, 12]), (.day, [1, 2]), (.week, [1, 2]), (.month, [1, 3, 6]),
            (.year, [1, 2, 5, 10, 25, 50, 100]),
        ]
        var out: [Interval] = []
        for (unit, counts) in steps { for c in counts { out.append(Interval(unit: unit, count: c)) } }
        return out
    }()

    /// The finest interval giving at most `count` ticks over [lo, hi] (nanoseconds).
    static func interval(lo: Double, hi: Double, count: Int) -> Interval {
        let span = max(hi - lo, 1)
        return intervals.first { span / $0.nanos <= Double(max(1, count)) } ?? intervals[intervals.count - 1]
    }

    /// The intervals from `start` on, finest first (for retrying when labels collide).
    static func coarser(than start: Interval) -> [Interval] {
        Array(intervals.drop { $0 != start })
    }

    static func ticks(lo: Double, hi: Double, interval: Interval) -> [Tick] {
        let values = instants(
            lo: ChartValues.nanos(lo.rounded(.down)), hi: ChartValues.nanos(hi.rounded(.up)), interval: interval)
        var ticks = values.map { Tick(value: Double($0), label: label($0)) }
        // Give the first tick the date and year the others leave out: `Jan 5, 2007 18:00`, `Jan 2, 2007`, `Feb 2007`.
        if let first = ticks.first {
            let c = DateTimeFormat.civil(ChartValues.nanos(first.value))
            let isTime = first.label.contains(":")
            let hasDate = ticks.contains { !$0.label.contains(":") }
            let hasYear = ticks.contains { $0.label.count == 4 && Int($0.label) != nil }
            let month = monthNames[c.month - 1]
            if isTime, !hasDate || !hasYear {
                ticks[0].label = "\(month) \(c.day)" + (hasYear ? "" : ", \(c.year)") + " " + first.label
            } else if !isTime, !hasYear {
                ticks[0].label = first.label == month ? "\(month) \(c.year)" : "\(first.label), \(c.year)"
            }
        }
        return ticks
    }

    static let monthNames = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// The label of a tick at `t`: the coarsest unit it is the start of.
    static func label(_ t: Int64) -> String {
        let c = DateTimeFormat.civil(t)
        func two(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }
        if c.nanosecond != 0 {
            let ms = c.nanosecond / 1_000_000
            return "\(two(c.hour)):\(two(c.minute)):\(two(c.second)).\(ms < 10 ? "00" : ms < 100 ? "0" : "")\(ms)"
        }
        if c.second != 0 { return "\(two(c.hour)):\(two(c.minute)):\(two(c.second))" }
        if c.minute != 0 || c.hour != 0 { return "\(two(c.hour)):\(two(c.minute))" }
        if c.day != 1 { return "\(monthNames[c.month - 1]) \(c.day)" }
        if c.month != 1 { return monthNames[c.month - 1] }
        return String(c.year)
    }

    /// The instants in [lo, hi] on whole `interval`s.
    static func instants(lo: Int64, hi: Int64, interval: Interval) -> [Int64] {
        let day = DateTimeFormat.nanosPerDay
        // A year inside the representable range at either end, so that aligning down and stepping
        // cannot overflow (the range is 1677 to 2262; ticks at its very edge are no loss).
        let margin = 400 * day
        let lo = max(lo, Int64.min + margin), hi = min(hi, Int64.max - margin)
        guard lo <= hi else { return [] }
        var out: [Int64] = []
        switch interval.unit {
        case .millisecond, .second, .minute, .hour, .day:
            let step = Int64(interval.nanos)
            var t = floorDiv(lo, step) * step
            if t < lo { t = t.addingReportingOverflow(step).partialValue }
            while t <= hi, t >= lo, out.count < 1000 {
                out.append(t)
                let (next, overflow) = t.addingReportingOverflow(step)
                if overflow { break }
                t = next
            }
        case .week:
            // Weeks start on Monday: 1970-01-05 is day 4 of the epoch.
            let step = Int64(7 * interval.count) * day, monday = 4 * day
            var t = floorDiv(lo - monday, step) * step + monday
            if t < lo { t += step }
            while t <= hi, t >= lo, out.count < 1000 {
                out.append(t)
                let (next, overflow) = t.addingReportingOverflow(step)
                if overflow { break }
                t = next
            }
        case .month, .year:
            let months = interval.unit == .month ? interval.count : 12 * interval.count
            let c = DateTimeFormat.civil(lo)
            // The first month at or after lo's that is a whole number of steps from year 0.
            let start = Int64(c.year * 12 + (c.month - 1)), step = Int64(months)
            var m = -floorDiv(-start, step) * step
            while out.count < 1000 {
                let year = floorDiv(m, 12), month = Int(m - year * 12) + 1
                guard let t = DateTimeFormat.nanos(DateTimeFormat.Civil(year: Int(year), month: month, day: 1)) else {
                    break
                }
                if t > hi { break }
                if t >= lo { out.append(t) }
                m += step
            }
        }
        return out
    }

    static func floorDiv(_ a: Int64, _ b: Int64) -> Int64 {
        let q = a / b
        return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q
    }
}

/// Ticks of a timespan axis at whole durations, labelled in KQL's timespan form (`01:30:00`, `2.00:00:00`).
enum DurationTicks {
    static let steps: [Double] = [
        1e6, 1e7, 1e8, 5e8, 1e9, 5e9, 15e9, 30e9, 60e9, 300e9, 900e9, 1800e9,
        3600e9, 3 * 3600e9, 6 * 3600e9, 12 * 3600e9, 86_400e9, 2 * 86_400e9, 7 * 86_400e9,
    ]

    static func ticks(lo: Double, hi: Double, count: Int) -> [Tick] {
        let span = max(hi - lo, 1)
        var step = steps.first { span / $0 <= Double(max(1, count)) } ?? 0
        if step == 0 {
            // Beyond weeks: whole numbers of days at nice steps.
            step = NumberTicks.step(span: span / 86_400e9, count: count).rounded(.up) * 86_400e9
        }
        let first = (lo / step).rounded(.up), last = (hi / step).rounded(.down)
        guard last - first < 1000, last >= first else { return [] }
        return stride(from: first, through: last, by: 1).map {
            Tick(value: $0 * step, label: TimespanFormat.string(ChartValues.nanos($0 * step)))
        }
    }
}
