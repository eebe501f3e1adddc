import Columnar

/// Calendar arithmetic on nanosecond datetimes (UTC, proleptic Gregorian), shared by the
/// `startof*`, `endof*`, `datetime_*` and `bin` functions.
enum CalendarMath {
    static let tick: Int64 = 100
    static let second: Int64 = 1_000_000_000
    static let day: Int64 = 86_400 * second

    /// Floor division (toward negative infinity), so pre-1970 instants bin correctly.
    @inline(__always) static func floorDiv(_ a: Int64, _ b: Int64) -> Int64 {
        let q = a / b
        return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q
    }

    /// Nanoseconds of one fixed-length unit named as `datetime_add`/`datetime_diff` spell it.
    static func fixedUnit(_ part: String) -> Int64? {
        switch part.lowercased() {
        case "week": return 7 * day
        case "day": return day
        case "hour": return 3600 * second
        case "minute": return 60 * second
        case "second": return second
        case "millisecond": return 1_000_000
        case "microsecond": return 1_000
        case "nanosecond": return 1
        default: return nil
        }
    }

    /// Months in a calendar unit (`year`, `quarter`, `month`), or nil.
    static func monthUnit(_ part: String) -> Int64? {
        switch part.lowercased() {
        case "year": return 12
        case "quarter": return 3
        case "month": return 1
        default: return nil
        }
    }

    /// `t` plus `months` calendar months, the day clamped to the target month's length; nil outside
    /// the datetime range. `toFirstDay` (and `toFirstMonth`) first move `t` to midnight of the first
    /// day of its month (year), so `startofmonth(d, k)` never passes through an instant before 1677.
    static func addMonths(_ t: Int64, _ months: Int64, toFirstDay: Bool = false, toFirstMonth: Bool = false) -> Int64? {
        var c = DateTimeFormat.civil(t)
        if toFirstMonth { c.month = 1 }
        if toFirstDay { c = DateTimeFormat.Civil(year: c.year, month: c.month, day: 1) }
        // The civil year of a representable instant is within 1677...2262, so only `months` can overflow.
        guard let total = CheckedMath.add(Int64(c.year) * 12 + Int64(c.month - 1), months),
            total > 0, total < 12 * 10_000
        else { return nil }
        c.year = Int(total / 12); c.month = Int(total % 12) + 1
        c.day = min(c.day, DateTimeFormat.daysInMonth(year: c.year, month: c.month))
        return DateTimeFormat.nanos(c)
    }

    /// Midnight of the day `days` days after `t`'s day; nil outside the datetime range (the first
    /// representable day, 1677-09-21, has no representable midnight).
    static func startOfDay(_ t: Int64, plusDays days: Int64 = 0) -> Int64? {
        CheckedMath.add(floorDiv(t, day), days).flatMap { CheckedMath.multiply($0, day) }
    }

    /// The day number (days since 1970-01-01) of the Sunday that starts `t`'s week; always fits,
    /// even when that Sunday's midnight precedes the datetime range.
    static func weekStartDay(_ t: Int64) -> Int64 { floorDiv(t, day) - weekday(t) }

    /// Days since Sunday (0-6).
    static func weekday(_ t: Int64) -> Int64 { ((floorDiv(t, day) + 4) % 7 + 7) % 7 }

    /// Day of the year, 1-based.
    static func dayOfYear(_ t: Int64) -> Int64 {
        let c = DateTimeFormat.civil(t)
        return floorDiv(t, day) - Int64(DateTimeFormat.days(year: c.year, month: 1, day: 1)) + 1
    }

    /// ISO 8601 week number (weeks start Monday; week 1 holds the year's first Thursday).
    static func isoWeek(_ t: Int64) -> Int64 { weekNumber(t, anchor: 3) }

    /// The number of the Monday-to-Sunday week holding `t`, where week 1 of a year is the week holding its
    /// first day `anchor` days after Monday (3, Thursday, for ISO 8601; 2, Wednesday, for `weekofyear`):
    /// a week belongs to the year of its anchor day.
    static func weekNumber(_ t: Int64, anchor: Int64) -> Int64 {
        let d = floorDiv(t, day)
        let weekday = ((d + 3) % 7 + 7) % 7  // 0 = Monday (1970-01-01 was a Thursday)
        let anchorDay = d - weekday + anchor
        let year = DateTimeFormat.date(days: Int(anchorDay)).year
        let jan1 = Int64(DateTimeFormat.days(year: year, month: 1, day: 1))
        return (anchorDay - jan1) / 7 + 1
    }
}
