/// `timespan` values are signed nanosecond counts in an `Int64` (pandas `timedelta64[ns]`).
public enum TimespanFormat {
    public static let nanosPerTick: Int64 = 100

    /// KQL's text form `[-][d.]hh:mm:ss[.fffffff]`, as `tostring` and the REST API print it.
    public static func string(_ nanos: Int64) -> String {
        let negative = nanos < 0
        let magnitude = nanos.magnitude
        let ticks = magnitude / 100
        let totalSeconds = ticks / 10_000_000
        let fraction = ticks % 10_000_000
        let days = totalSeconds / 86_400
        let h = totalSeconds / 3600 % 24, m = totalSeconds / 60 % 60, s = totalSeconds % 60
        var out = negative ? "-" : ""
        if days > 0 { out += "\(days)." }
        out += two(h) + ":" + two(m) + ":" + two(s)
        if fraction > 0 {
            let f = String(fraction)
            out += "." + String(repeating: "0", count: 7 - f.count) + f
        }
        return out
    }

    private static func two(_ v: UInt64) -> String { v < 10 ? "0\(v)" : "\(v)" }

    /// Nanoseconds per unit for KQL's timespan suffixes (`d h m s ms microsecond tick` and long forms).
    public static func unitNanos(_ unit: String) -> Int64? {
        switch unit.lowercased() {
        case "d", "day", "days": return 86_400_000_000_000
        case "h", "hr", "hrs", "hour", "hours": return 3_600_000_000_000
        case "m", "min", "minute", "minutes": return 60_000_000_000
        case "s", "sec", "second", "seconds": return 1_000_000_000
        case "ms", "milli", "millis", "millisecond", "milliseconds": return 1_000_000
        case "microsecond", "microseconds": return 1_000
        case "tick", "ticks": return 100
        case "nanosecond", "nanoseconds": return 1
        default: return nil
        }
    }

    /// Parses `[-][d.]hh:mm[:ss[.fffffff]]`, or a number with a unit suffix (`1.5h`, `30m`, `100ms`).
    public static func parse(_ text: String) -> Int64? {
        var s = Substring(text.trimmingSpaces)
        guard !s.isEmpty else { return nil }
        var sign: Int64 = 1
        if s.first == "-" { sign = -1; s = s.dropFirst() } else if s.first == "+" { s = s.dropFirst() }
        if s.contains(":") {
            var days: Int64 = 0
            var rest = s
            let colon = s.firstIndex(of: ":")!
            if let dot = s[..<colon].firstIndex(of: ".") {
                guard let d = Int64(s[..<dot]), d >= 0 else { return nil }
                days = d
                rest = s[s.index(after: dot)...]
            }
            let fields = rest.split(separator: ":", omittingEmptySubsequences: false)
            guard fields.count == 2 || fields.count == 3,
                let h = Int64(fields[0]), let m = Int64(fields[1]), h >= 0, m >= 0, m < 60
            else { return nil }
            var secNanos: Int64 = 0
            if fields.count == 3 {
                let sec = fields[2]
                let parts = sec.split(separator: ".", omittingEmptySubsequences: false)
                guard parts.count <= 2, let whole = Int64(parts[0]), whole >= 0, whole < 60 else { return nil }
                secNanos = whole * 1_000_000_000
                if parts.count == 2 {
                    let digits = parts[1].prefix(9)
                    guard !digits.isEmpty, digits.allSatisfy({ ("0"..."9").contains($0) }), let f = Int64(digits) else {
                        return nil
                    }
                    var scale: Int64 = 1
                    for _ in digits.count..<9 { scale *= 10 }
                    secNanos += f * scale
                }
            }
            // Every field is non-negative, so the only failure is a total past Int64.max (null, not a trap).
            guard let hours = CheckedMath.multiply(days, 24).flatMap({ CheckedMath.add($0, h) }),
                let minutes = CheckedMath.multiply(hours, 60).flatMap({ CheckedMath.add($0, m) }),
                let total = CheckedMath.multiply(minutes, 60_000_000_000).flatMap({ CheckedMath.add($0, secNanos) })
            else { return nil }
            return sign * total
        }
        var numberEnd = s.startIndex
        while numberEnd < s.endIndex, s[numberEnd].isNumber || s[numberEnd] == "." {
            numberEnd = s.index(after: numberEnd)
        }
        guard numberEnd > s.startIndex, let value = Double(s[..<numberEnd]) else { return nil }
        let unit = s[numberEnd...].trimmingCharacters()
        guard let perUnit = unitNanos(unit.isEmpty ? "d" : unit) else { return nil }
        return nanos(value, perUnit: perUnit).flatMap { CheckedMath.multiply(sign, $0) }
    }

    /// `value` units of `perUnit` nanoseconds, rounded to a nanosecond; nil when it does not fit.
    /// Whole values multiply exactly; fractions go through `Double`.
    public static func nanos(_ value: Double, perUnit: Int64) -> Int64? {
        if let whole = Int64(exactly: value) { return CheckedMath.multiply(whole, perUnit) }
        return CheckedMath.rounded(value * Double(perUnit))
    }
}

extension Substring {
    func trimmingCharacters() -> String { String(self).trimmingSpaces }
}
