/// `datetime` values are nanoseconds since 1970-01-01T00:00:00Z in an `Int64`, so they cross into
/// pandas `datetime64[ns]` unchanged. That covers 1677-09-21 to 2262-04-11; anything outside is rejected.
public enum DateTimeFormat {
    public static let nanosPerSecond: Int64 = 1_000_000_000
    public static let nanosPerDay: Int64 = 86_400 * nanosPerSecond

    /// Broken-down UTC time.
    public struct Civil: Sendable, Hashable {
        public var year: Int, month: Int, day: Int
        public var hour: Int, minute: Int, second: Int
        /// Nanoseconds within the second.
        public var nanosecond: Int
        public init(
            year: Int, month: Int, day: Int, hour: Int = 0, minute: Int = 0, second: Int = 0, nanosecond: Int = 0
        ) {
            self.year = year; self.month = month; self.day = day
            self.hour = hour; self.minute = minute; self.second = second; self.nanosecond = nanosecond
        }
    }

    /// Days since the epoch of a proleptic Gregorian date (Hinnant's algorithm).
    public static func days(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// The date of a day number since the epoch.
    public static func date(days z0: Int) -> (year: Int, month: Int, day: Int) {
        let z = z0 + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }

    /// Splits nanoseconds since the epoch into UTC fields.
    public static func civil(_ nanos: Int64) -> Civil {
        var days = nanos / nanosPerDay
        var rem = nanos % nanosPerDay
        if rem < 0 { rem += nanosPerDay; days -= 1 }
        let (y, m, d) = date(days: Int(days))
        let secs = Int(rem / nanosPerSecond)
        return Civil(
            year: y, month: m, day: d, hour: secs / 3600, minute: secs / 60 % 60, second: secs % 60,
            nanosecond: Int(rem % nanosPerSecond))
    }

    /// Nanoseconds since the epoch, or nil when the fields are invalid or outside the representable range.
    public static func nanos(_ c: Civil) -> Int64? { nanos(c, offsetSeconds: 0) }

    /// Nanoseconds since the epoch of `c` read in a zone `offsetSeconds` east of UTC, or nil when the
    /// fields are invalid or the instant is outside the representable range.
    public static func nanos(_ c: Civil, offsetSeconds: Int) -> Int64? {
        // KQL's calendar spans years 1 to 9999; checking that first keeps the day arithmetic small.
        guard (1...9999).contains(c.year), (1...12).contains(c.month), c.day >= 1,
            c.day <= daysInMonth(year: c.year, month: c.month),
            (0...23).contains(c.hour), (0...59).contains(c.minute), (0...60).contains(c.second),
            (0..<1_000_000_000).contains(c.nanosecond)
        else { return nil }
        var day = Int64(days(year: c.year, month: c.month, day: c.day))
        guard (-400_000...400_000).contains(offsetSeconds) else { return nil }
        var within =
            Int64(c.hour * 3600 + c.minute * 60 + c.second - offsetSeconds) * nanosPerSecond + Int64(c.nanosecond)
        // The offset may move the instant to a neighbouring day; the time of day is kept in 0..<1 day.
        day += CheckedMath.floorDiv(within, nanosPerDay)
        within = CheckedMath.floorMod(within, nanosPerDay)
        // The earliest representable day (1677-09-21) starts before Int64.min: take its midnight from
        // the next day so that only instants that really do not fit overflow.
        if day < 0 { day += 1; within -= nanosPerDay }
        guard let midnight = CheckedMath.multiply(day, nanosPerDay) else { return nil }
        return CheckedMath.add(midnight, within)
    }

    public static func isLeapYear(_ y: Int) -> Bool { (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 }

    public static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 2: return isLeapYear(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// ISO 8601 in UTC with a `Z`. `fractionDigits` nil prints seven digits only when the fraction
    /// is not zero (KQL's `tostring`); a number prints exactly that many (7 is the REST API's form).
    public static func iso8601(_ nanos: Int64, fractionDigits: Int? = nil) -> String {
        let c = civil(nanos)
        var s =
            pad(c.year, 4) + "-" + pad(c.month, 2) + "-" + pad(c.day, 2) + "T"
            + pad(c.hour, 2) + ":" + pad(c.minute, 2) + ":" + pad(c.second, 2)
        let ticks = c.nanosecond / 100
        let digits = fractionDigits ?? (ticks == 0 ? 0 : 7)
        if digits > 0 {
            s += "." + String(pad(ticks, 7).prefix(digits))
        }
        return s + "Z"
    }

    static func pad(_ v: Int, _ width: Int) -> String {
        let s = String(abs(v))
        return (v < 0 ? "-" : "") + String(repeating: "0", count: max(0, width - s.count)) + s
    }
}
