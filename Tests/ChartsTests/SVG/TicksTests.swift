@testable import Charts
import Columnar
import Testing

/// Axis ticks: calendar-aware time ticks chosen by span, number labels in SI or with thousands
/// separators, log decades.
@Suite struct TicksTests {
    func timeLabels(_ from: String, _ to: String, count: Int = 8) -> (TimeTicks.Interval, [String]) {
        let lo = Double(T.nanos(from)), hi = Double(T.nanos(to))
        let interval = TimeTicks.interval(lo: lo, hi: hi, count: count)
        return (interval, TimeTicks.ticks(lo: lo, hi: hi, interval: interval).map(\.label))
    }

    @Test func hoursWithTheDateAtMidnight() {
        let (i, labels) = timeLabels("2007-01-05T18:00:00Z", "2007-01-06T12:00:00Z")
        #expect(i == TimeTicks.Interval(unit: .hour, count: 3))
        #expect(labels == ["Jan 5, 2007 18:00", "21:00", "Jan 6", "03:00", "06:00", "09:00", "12:00"])
    }

    @Test func minutesWithinAnHour() {
        let (i, labels) = timeLabels("2024-03-01T10:00:00Z", "2024-03-01T10:40:00Z")
        #expect(i == TimeTicks.Interval(unit: .minute, count: 15) || i == TimeTicks.Interval(unit: .minute, count: 5))
        #expect(labels.first?.hasPrefix("Mar 1, 2024 10:00") == true)
        #expect(labels.dropFirst().allSatisfy { $0.hasPrefix("10:") })
    }

    @Test func daysAndWeeksAndMonths() {
        let (d, days) = timeLabels("2007-01-01", "2007-01-08")
        #expect(d == TimeTicks.Interval(unit: .day, count: 1))
        #expect(days == ["2007", "Jan 2", "Jan 3", "Jan 4", "Jan 5", "Jan 6", "Jan 7", "Jan 8"])
        let (w, weeks) = timeLabels("2007-01-01", "2007-02-25")
        #expect(w == TimeTicks.Interval(unit: .week, count: 1))
        // Weeks start on Mondays: 2007-01-01 was a Monday.
        #expect(weeks.prefix(5) == ["2007", "Jan 8", "Jan 15", "Jan 22", "Jan 29"])
        let (m, months) = timeLabels("2007-01-01", "2007-12-31")
        #expect(m == TimeTicks.Interval(unit: .month, count: 3) || m == TimeTicks.Interval(unit: .month, count: 1))
        #expect(months.first == "2007")
        #expect(months.contains("Apr") && months.contains("Jul") && months.contains("Oct"))
    }

    @Test func yearsForDecades() {
        let (i, labels) = timeLabels("1990-06-01", "2024-01-01")
        #expect(i == TimeTicks.Interval(unit: .year, count: 5))
        #expect(labels == ["1995", "2000", "2005", "2010", "2015", "2020"])
    }

    @Test func monthStartsAreCalendarMonths() {
        let ticks = TimeTicks.instants(
            lo: T.nanos("2024-01-15"), hi: T.nanos("2024-06-15"), interval: TimeTicks.Interval(unit: .month, count: 1))
        #expect(
            ticks.map { DateTimeFormat.iso8601($0) } == [
                "2024-02-01T00:00:00Z", "2024-03-01T00:00:00Z", "2024-04-01T00:00:00Z",
                "2024-05-01T00:00:00Z", "2024-06-01T00:00:00Z",
            ])
        let quarters = TimeTicks.instants(
            lo: T.nanos("2023-11-15"), hi: T.nanos("2024-12-31"), interval: TimeTicks.Interval(unit: .month, count: 3))
        #expect(
            quarters.map { DateTimeFormat.iso8601($0) }.prefix(2) == ["2024-01-01T00:00:00Z", "2024-04-01T00:00:00Z"])
    }

    @Test func numberLabels() {
        #expect(NumberTicks.ticks(lo: 0, hi: 100, step: 20).map(\.label) == ["0", "20", "40", "60", "80", "100"])
        #expect(NumberTicks.ticks(lo: 0, hi: 1, step: 0.25).map(\.label) == ["0", "0.25", "0.50", "0.75", "1.00"])
        #expect(NumberTicks.ticks(lo: 0, hi: 6000, step: 2000).map(\.label) == ["0", "2,000", "4,000", "6,000"])
        #expect(
            NumberTicks.ticks(lo: 0, hi: 50_000, step: 10_000).map(\.label) == ["0", "10k", "20k", "30k", "40k", "50k"])
        #expect(
            NumberTicks.ticks(lo: 0, hi: 3_000_000, step: 500_000).map(\.label) == [
                "0", "0.5M", "1.0M", "1.5M", "2.0M", "2.5M", "3.0M",
            ])
        #expect(NumberTicks.ticks(lo: -10, hi: 10, step: 5).map(\.label) == ["-10", "-5", "0", "5", "10"])
        let nice = NumberTicks.nice(lo: 3, hi: 97, count: 5)
        #expect(nice.lo == 0 && nice.hi == 100 && nice.step == 20)
    }

    @Test func logDecades() {
        #expect(LogTicks.ticks(lo: 1, hi: 1e6, count: 8).map(\.label) == ["1", "10", "100", "1k", "10k", "100k", "1M"])
        #expect(LogTicks.ticks(lo: 0.001, hi: 10, count: 8).map(\.label) == ["0.001", "0.01", "0.1", "1", "10"])
        #expect(LogTicks.ticks(lo: 1, hi: 100, count: 8).map(\.label) == ["1", "2", "5", "10", "20", "50", "100"])
        #expect(LogTicks.ticks(lo: 1, hi: 1e12, count: 4).map(\.label) == ["1", "1k", "1M", "1G", "1T"])
    }

    @Test func durationLabels() {
        let ticks = DurationTicks.ticks(lo: 0, hi: 4 * 3600e9, count: 5)
        #expect(ticks.map(\.label) == ["00:00:00", "01:00:00", "02:00:00", "03:00:00", "04:00:00"])
    }

    @Test func horizontalAxesDropTicksUntilLabelsFit() {
        // A narrow time axis: labels must not touch.
        let axis = ContinuousAxis(
            values: .datetime, log: false, dataLo: Double(T.nanos("2007-01-01")), dataHi: Double(T.nanos("2007-12-31")),
            start: 0, end: 200, horizontal: true, nice: false)
        let positions = axis.ticks.compactMap { axis.position($0.value) }
        for k in positions.indices.dropFirst() {
            let room = positions[k] - positions[k - 1]
            let need =
                (TextMetrics.width(axis.ticks[k].label, size: 11) + TextMetrics.width(axis.ticks[k - 1].label, size: 11))
                / 2
            #expect(room >= need, "ticks \(axis.ticks[k - 1].label) and \(axis.ticks[k].label) overlap")
        }
    }

    @Test func cardNumbers() {
        #expect(NumberText.card(1234567) == "1,234,567")
        #expect(NumberText.card(32) == "32")
        #expect(NumberText.card(3.14159) == "3.14")
        #expect(NumberText.card(2.5e10) == "25G")
    }
}
