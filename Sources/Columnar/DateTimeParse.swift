extension DateTimeFormat {
    private static let monthNames = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ]

    /// Parses the datetime forms KQL accepts: ISO 8601 (`2024-01-31`, `2024-01-31 10:00`,
    /// `2024-01-31T10:00:00.1234567Z`, with `+hh:mm` offsets), RFC 822/1123
    /// (`Sat, 8 Nov 2014 15:05:02 GMT`), `yyyy/MM/dd` and month-first `MM-dd-yyyy`. Returns nil when nothing matches
    /// or the instant is outside the representable range.
    public static func parse(_ text: String) -> Int64? {
        let s = text.trimmingSpaces
        guard !s.isEmpty else { return nil }
        if let v = parseISO(Array(s.utf8)) { return v }
        if let v = parseMonthFirst(Array(s.utf8)) { return v }
        return parseRFC(s)
    }

    /// `MM-dd-yyyy` and `MM/dd/yyyy`, optionally followed by a time as in ISO 8601: the month-first order of
    /// .NET's invariant culture, which the reference's examples use (`todatetime('12-02-2022')` is
    /// 2022-12-02). Read by moving the year to the front.
    private static func parseMonthFirst(_ b: [UInt8]) -> Int64? {
        func digits(from i: Int) -> Int {
            var j = i
            while j < b.count, b[j] >= 0x30, b[j] <= 0x39 { j += 1 }
            return j - i
        }
        let m = digits(from: 0)
        guard (1...2).contains(m), m < b.count, b[m] == UInt8(ascii: "-") || b[m] == UInt8(ascii: "/") else {
            return nil
        }
        let sep = b[m]
        let d = digits(from: m + 1)
        guard (1...2).contains(d), m + 1 + d < b.count, b[m + 1 + d] == sep else { return nil }
        let yearStart = m + 2 + d
        guard digits(from: yearStart) == 4 else { return nil }
        let iso =
            Array(b[yearStart..<(yearStart + 4)]) + [sep] + Array(b[0..<m]) + [sep] + Array(b[(m + 1)..<(m + 1 + d)])
            + Array(b[(yearStart + 4)...])
        return parseISO(iso)
    }

    private static func parseISO(_ b: [UInt8]) -> Int64? {
        var i = 0
        func number(_ minDigits: Int, _ maxDigits: Int) -> Int? {
            var v = 0, n = 0
            while i < b.count, n < maxDigits, b[i] >= 0x30, b[i] <= 0x39 {
                v = v * 10 + Int(b[i] - 0x30); i += 1; n += 1
            }
            return n >= minDigits ? v : nil
        }
        func eat(_ c: Character) -> Bool {
            if i < b.count, b[i] == c.asciiValue! { i += 1; return true }
            return false
        }
        guard let year = number(4, 4) else { return nil }
        let sep: Character = eat("-") ? "-" : (eat("/") ? "/" : " ")
        guard sep != " ", let month = number(1, 2), eat(sep), let day = number(1, 2) else { return nil }
        var c = Civil(year: year, month: month, day: day)
        var offsetSeconds = 0
        if i < b.count, b[i] == UInt8(ascii: "T") || b[i] == UInt8(ascii: " ") {
            i += 1
            guard let h = number(1, 2), eat(":"), let m = number(1, 2) else { return nil }
            c.hour = h; c.minute = m
            if eat(":") {
                guard let sec = number(1, 2) else { return nil }
                c.second = sec
                if eat(".") || eat(",") {
                    var frac = 0, digits = 0
                    while i < b.count, b[i] >= 0x30, b[i] <= 0x39 {
                        if digits < 9 { frac = frac * 10 + Int(b[i] - 0x30); digits += 1 }
                        i += 1
                    }
                    guard digits > 0 else { return nil }
                    for _ in digits..<9 { frac *= 10 }
                    c.nanosecond = frac
                }
            }
            while i < b.count, b[i] == 0x20 { i += 1 }
            if eat("Z") || eat("z") {
            } else if i < b.count, b[i] == UInt8(ascii: "+") || b[i] == UInt8(ascii: "-") {
                let sign = b[i] == UInt8(ascii: "-") ? -1 : 1
                i += 1
                guard let oh = number(2, 2) else { return nil }
                _ = eat(":")
                let om = number(2, 2) ?? 0
                offsetSeconds = sign * (oh * 3600 + om * 60)
            } else if i + 3 <= b.count,
                String(decoding: b[i..<(i + 3)], as: UTF8.self).uppercased() == "GMT"
                    || String(decoding: b[i..<min(i + 3, b.count)], as: UTF8.self).uppercased() == "UTC"
            {
                i += 3
            }
        }
        guard i == b.count else { return nil }
        return nanos(c, offsetSeconds: offsetSeconds)
    }

    private static let weekdayNames: Set<String> = [
        "sun", "mon", "tue", "wed", "thu", "fri", "sat",
        "sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
    ]

    // RFC 822/1123: "[Sat, ]8 Nov 2014 15:05:02 [GMT|+hhmm]"; RFC 850: "[Saturday, ]08-Nov-14 15:05[:02] [GMT]".
    private static func parseRFC(_ s: String) -> Int64? {
        var parts = s.replacingCommas.split(separator: " ").map(String.init)
        if let f = parts.first, weekdayNames.contains(f.lowercased()) { parts.removeFirst() }
        if let f = parts.first, f.contains("-") {
            let date = f.split(separator: "-", omittingEmptySubsequences: false).map(String.init)
            guard date.count == 3 else { return nil }
            parts.replaceSubrange(0..<1, with: date)
        }
        guard parts.count >= 3, let day = Int(parts[0]),
            let mi = monthNames.firstIndex(of: parts[1].prefix(3).lowercased()), var year = Int(parts[2])
        else { return nil }
        if year < 100 { year += year < 50 ? 2000 : 1900 }
        var c = Civil(year: year, month: mi + 1, day: day)
        var offset = 0
        if parts.count >= 4 {
            let t = parts[3].split(separator: ":").compactMap { Int($0) }
            guard t.count >= 2 else { return nil }
            c.hour = t[0]; c.minute = t[1]; c.second = t.count > 2 ? t[2] : 0
        }
        if parts.count >= 5 {
            let z = parts[4]
            if let f = z.first, f == "+" || f == "-", z.count == 5, let hhmm = Int(z.dropFirst()) {
                offset = (f == "-" ? -1 : 1) * ((hhmm / 100) * 3600 + (hhmm % 100) * 60)
            } else if !["GMT", "UTC", "Z", "UT"].contains(z.uppercased()) {
                return nil
            }
        }
        guard parts.count <= 5 else { return nil }
        return nanos(c, offsetSeconds: offset)
    }
}

extension String {
    var trimmingSpaces: String {
        var s = Substring(self)
        while let f = s.first, f.isWhitespace { s.removeFirst() }
        while let l = s.last, l.isWhitespace { s.removeLast() }
        return String(s)
    }

    var replacingCommas: String { String(map { $0 == "," ? " " : $0 }) }
}
