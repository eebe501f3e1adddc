import Columnar
import Foundation

/// Reading cells as the numbers and labels a chart draws.
///
/// Continuous values are `Double`s in their column's own unit: numbers as they are, datetimes as
/// nanoseconds since the epoch, timespans as nanoseconds (a `Double` keeps datetimes to 256 ns,
/// far finer than a pixel).
enum ChartValues {
    /// Row `i` of a number, datetime or timespan column, or nil for null (and for NaN).
    static func continuous(_ column: Column, _ i: Int) -> Double? {
        if column.isNull(i) { return nil }
        let v: Double
        switch column.type {
        case .int: v = Double(column.ints[i])
        case .long, .datetime, .timespan: v = Double(column.longs[i])
        case .real: v = column.reals[i]
        case .decimal:
            guard case .decimal(let d) = column.value(i) else { return nil }
            v = NSDecimalNumber(decimal: d).doubleValue
        case .dynamic:
            guard case .dynamic(let d) = column.value(i) else { return nil }
            return number(d)
        default: return nil
        }
        return v.isFinite ? v : nil
    }

    /// A scalar inside a `dynamic` as a continuous value (numbers, datetimes, timespans, datetime strings).
    static func number(_ d: Dynamic) -> Double? {
        switch d {
        case .long(let v): return Double(v)
        case .real(let v): return v.isFinite ? v : nil
        case .decimal(let v): return NSDecimalNumber(decimal: v).doubleValue
        case .datetime(let v), .timespan(let v): return Double(v)
        case .string(let s): return DateTimeFormat.parse(s).map(Double.init)
        case .bool(let b): return b ? 1 : 0
        default: return nil
        }
    }

    /// Row `i` of an array-shaped `dynamic` column as continuous values (nil elements are gaps).
    static func array(_ column: Column, _ i: Int) -> [Double?] {
        guard case .dynamic(.array(let items)) = column.value(i) else { return [] }
        return items.map(number)
    }

    /// Row `i` as a label: KQL's text form, `(null)` for null so that a null series is still named.
    static func label(_ column: Column, _ i: Int) -> String {
        column.isNull(i) ? "(null)" : display(column.value(i))
    }

    /// A value as a person reads it on a chart: datetimes without trailing zero fractions.
    static func display(_ value: Value) -> String {
        switch value {
        case .datetime(let t): return dateText(t)
        case .real(let v): return NumberText.plain(v)
        default: return value.text
        }
    }

    /// `2007-01-05`, `2007-01-05 14:30` or `2007-01-05 14:30:15`: as much of the time as is not zero.
    static func dateText(_ t: Int64) -> String {
        let c = DateTimeFormat.civil(t)
        var s = pad(c.year, 4) + "-" + pad(c.month, 2) + "-" + pad(c.day, 2)
        if c.hour != 0 || c.minute != 0 || c.second != 0 || c.nanosecond != 0 {
            s += " " + pad(c.hour, 2) + ":" + pad(c.minute, 2)
            if c.second != 0 || c.nanosecond != 0 { s += ":" + pad(c.second, 2) }
        }
        return s
    }

    /// `d` as an Int64 nanosecond count, held inside the range (a Double of Int64.max rounds up past it,
    /// and axis padding can step beyond the last representable datetime).
    static func nanos(_ d: Double) -> Int64 {
        guard d.isFinite else { return 0 }
        let limit = 9_223_372_036_854_774_784.0  // the largest Double below 2^63
        return Int64(min(max(d, -limit), limit))
    }

    static func pad(_ v: Int, _ width: Int) -> String {
        let s = String(v)
        return String(repeating: "0", count: max(0, width - s.count)) + s
    }
}
