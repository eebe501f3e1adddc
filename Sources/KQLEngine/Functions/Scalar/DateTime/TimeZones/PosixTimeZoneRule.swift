import Columnar

/// A POSIX TZ string as TZif footers carry it (`CET-1CEST,M3.5.0,M10.5.0/3`): a standard offset and,
/// optionally, a daylight offset with the yearly dates it starts and ends (RFC 8536 section 3.3, POSIX
/// `TZ`, with the TZif extension of rule times from -167 to 167 hours).
struct PosixTimeZoneRule: Sendable {
    /// A rule date: a day of the year in one of POSIX's three forms, and the local time of day.
    enum Day: Sendable {
        /// `Jn`: day 1...365, never counting February 29.
        case julianNoLeap(Int)
        /// `n`: day 0...365, counting February 29.
        case zeroBased(Int)
        /// `Mm.w.d`: weekday `d` (0 = Sunday) of week `w` (5 = the last) of month `m`.
        case monthWeekDay(month: Int, week: Int, weekday: Int)
    }

    /// UTC offsets in seconds (east positive, unlike the string's west-positive sign).
    let standardOffset: Int64
    let daylight: (offset: Int64, start: Day, startTime: Int64, end: Day, endTime: Int64)?

    /// Parses `text`; nil when it does not follow the grammar.
    init?(_ text: String) {
        var p = Parser(Array(text.utf8))
        guard p.name(), let std = p.offset() else { return nil }
        standardOffset = -std
        if p.atEnd { daylight = nil; return }
        guard p.name() else { return nil }
        var dst = standardOffset + 3600
        if !p.peek(",") {
            guard let o = p.offset() else { return nil }
            dst = -o
        }
        if p.atEnd {
            // No rule: POSIX leaves it to the implementation; glibc and tzcode use the US rules.
            daylight = (
                dst, .monthWeekDay(month: 3, week: 2, weekday: 0), 7200, .monthWeekDay(month: 11, week: 1, weekday: 0),
                7200
            )
            return
        }
        guard p.take(","), let start = p.day() else { return nil }
        let startTime = p.take("/") ? p.offset() : 7200
        guard let startTime, p.take(","), let end = p.day() else { return nil }
        let endTime = p.take("/") ? p.offset() : 7200
        guard let endTime, p.atEnd else { return nil }
        daylight = (dst, start, startTime, end, endTime)
    }

    /// The UTC offset at `seconds` since the epoch.
    func offset(atUTC seconds: Int64) -> Int32 {
        guard let d = daylight else { return Int32(clamping: standardOffset) }
        let year = DateTimeFormat.date(days: Int(CalendarMath.floorDiv(seconds + standardOffset, 86_400))).year
        // Start is given in standard local time, end in daylight local time.
        let start = Self.localSeconds(d.start, year: year) + d.startTime - standardOffset
        let end = Self.localSeconds(d.end, year: year) + d.endTime - d.offset
        let inDaylight = start < end ? (seconds >= start && seconds < end) : !(seconds >= end && seconds < start)
        return Int32(clamping: inDaylight ? d.offset : standardOffset)
    }

    /// Seconds since the epoch of local midnight starting `day` in `year`.
    static func localSeconds(_ day: Day, year: Int) -> Int64 {
        let jan1 = DateTimeFormat.days(year: year, month: 1, day: 1)
        let days: Int
        switch day {
        case .julianNoLeap(let n):
            days = jan1 + n - 1 + (DateTimeFormat.isLeapYear(year) && n >= 60 ? 1 : 0)
        case .zeroBased(let n):
            days = jan1 + n
        case .monthWeekDay(let m, let w, let wd):
            let first = DateTimeFormat.days(year: year, month: m, day: 1)
            // 1970-01-01 was a Thursday (weekday 4).
            let firstWeekday = ((first % 7) + 7 + 4) % 7
            var day = 1 + (wd - firstWeekday + 7) % 7 + (w - 1) * 7
            let length = DateTimeFormat.daysInMonth(year: year, month: m)
            while day > length { day -= 7 }
            days = first + day - 1
        }
        return Int64(days) * 86_400
    }

    /// A cursor over the TZ string's bytes.
    private struct Parser {
        let s: [UInt8]
        var i = 0
        init(_ s: [UInt8]) { self.s = s }

        var atEnd: Bool { i >= s.count }

        func peek(_ c: Character) -> Bool { i < s.count && s[i] == c.asciiValue! }

        mutating func take(_ c: Character) -> Bool {
            guard peek(c) else { return false }
            i += 1
            return true
        }

        /// A zone abbreviation: three or more letters, or `<...>` holding letters, digits and signs.
        mutating func name() -> Bool {
            if take("<") {
                while i < s.count, s[i] != UInt8(ascii: ">") { i += 1 }
                return take(">")
            }
            let start = i
            while i < s.count, (s[i] >= 65 && s[i] <= 90) || (s[i] >= 97 && s[i] <= 122) { i += 1 }
            return i - start >= 3
        }

        mutating func number(maxDigits: Int) -> Int? {
            let start = i
            var v = 0
            while i < s.count, i - start < maxDigits, s[i] >= 48, s[i] <= 57 { v = v * 10 + Int(s[i] - 48); i += 1 }
            return i > start ? v : nil
        }

        /// `[+-]hh[:mm[:ss]]` in seconds, the sign as written.
        mutating func offset() -> Int64? {
            var sign: Int64 = 1
            if take("-") { sign = -1 } else { _ = take("+") }
            guard let h = number(maxDigits: 3), h <= 167 else { return nil }
            var total = Int64(h) * 3600
            if take(":") {
                guard let m = number(maxDigits: 2), m < 60 else { return nil }
                total += Int64(m) * 60
                if take(":") {
                    guard let sec = number(maxDigits: 2), sec < 60 else { return nil }
                    total += Int64(sec)
                }
            }
            return sign * total
        }

        mutating func day() -> Day? {
            if take("J") {
                guard let n = number(maxDigits: 3), (1...365).contains(n) else { return nil }
                return .julianNoLeap(n)
            }
            if take("M") {
                guard let m = number(maxDigits: 2), (1...12).contains(m), take("."),
                    let w = number(maxDigits: 1), (1...5).contains(w), take("."),
                    let d = number(maxDigits: 1), d <= 6
                else { return nil }
                return .monthWeekDay(month: m, week: w, weekday: d)
            }
            guard let n = number(maxDigits: 3), n <= 365 else { return nil }
            return .zeroBased(n)
        }
    }
}
