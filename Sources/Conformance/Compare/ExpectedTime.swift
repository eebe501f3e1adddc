import Foundation
import Columnar

/// A datetime or timespan as a document writes it, with the precision the writing implies.
///
/// Datetimes: ISO 8601 in any of its common spellings (`2024-01-01`, `2024-01-01T00:00:00Z`,
/// `2024-01-01 00:00:00.0000000`), RFC 1123, US `1/2/2024 3:04:05 PM`, or wrapped as
/// `datetime(...)`. Timespans: `1.00:00:00`, `00:00:00.5000000`, `1d`, `90m`, or `timespan(...)`.
/// The last written component sets the precision: `2024-01-01 10:00` matches any instant in that minute.
struct ExpectedTime: Equatable {
    /// Nanoseconds (since the epoch for datetimes).
    var nanos: Int64
    /// Nanoseconds covered by the last written component (1 when every digit down to ticks is written).
    var step: Int64

    static func datetime(_ text: String) -> ExpectedTime? {
        let t = unwrap(text, ["datetime", "date"])
        if let v = DateTimeFormat.parse(t) { return ExpectedTime(nanos: v, step: datetimeStep(t)) }
        return usDateTime(t)
    }

    static func timespan(_ text: String) -> ExpectedTime? {
        let t = unwrap(text, ["timespan", "time"])
        guard let v = TimespanFormat.parse(t) else { return nil }
        guard t.contains(":") else { return ExpectedTime(nanos: v, step: 1) }
        let fields = t.split(separator: ":")
        if fields.count == 2 { return ExpectedTime(nanos: v, step: 60 * DateTimeFormat.nanosPerSecond) }
        let seconds = fields.last ?? ""
        if let dot = seconds.firstIndex(of: ".") {
            let digits = seconds[seconds.index(after: dot)...].prefix { $0.isNumber }.count
            return ExpectedTime(nanos: v, step: stepFor(fractionDigits: digits))
        }
        return ExpectedTime(nanos: v, step: DateTimeFormat.nanosPerSecond)
    }

    /// Whether `actual` is this value at the written precision (truncated or rounded).
    func matches(_ actual: Int64) -> Bool {
        if actual == nanos { return true }
        guard step > 1 else { return false }
        let (diff, overflow) = actual.subtractingReportingOverflow(nanos)
        if overflow { return false }
        return (diff >= 0 && diff < step) || diff.magnitude <= UInt64(step / 2)
    }

    static func unwrap(_ text: String, _ names: [String]) -> String {
        let t = text.trimmed
        for name in names where t.lowercased().hasPrefix(name + "(") && t.hasSuffix(")") {
            return String(t.dropFirst(name.count + 1).dropLast()).trimmed
        }
        return t
    }

    static func stepFor(fractionDigits: Int) -> Int64 {
        var step: Int64 = DateTimeFormat.nanosPerSecond
        for _ in 0..<min(fractionDigits, 9) { step /= 10 }
        return max(1, step)
    }

    static func datetimeStep(_ t: String) -> Int64 {
        // Find the time part after the date (`T` or a space), ignoring a zone suffix.
        let body = t.replacingOccurrences(of: "T", with: " ")
        let parts = body.split(separator: " ")
        guard parts.count >= 2, parts[1].contains(":") else {
            return t.contains(":") ? DateTimeFormat.nanosPerSecond : DateTimeFormat.nanosPerDay
        }
        let time = parts[1].prefix { $0 != "Z" && $0 != "z" && $0 != "+" && $0 != "-" }
        let fields = time.split(separator: ":")
        if fields.count == 2 { return 60 * DateTimeFormat.nanosPerSecond }
        if let dot = time.firstIndex(where: { $0 == "." || $0 == "," }) {
            return stepFor(fractionDigits: time[time.index(after: dot)...].prefix { $0.isNumber }.count)
        }
        return DateTimeFormat.nanosPerSecond
    }

    /// `M/d/yyyy[ h:mm[:ss][ AM|PM]]`, as the Kusto.Explorer and Azure portal grids show datetimes.
    static func usDateTime(_ t: String) -> ExpectedTime? {
        let parts = t.split(separator: " ").map(String.init)
        guard let date = parts.first else { return nil }
        let d = date.split(separator: "/").compactMap { Int($0) }
        guard d.count == 3, d[2] >= 1000 else { return nil }
        var civil = DateTimeFormat.Civil(year: d[2], month: d[0], day: d[1])
        var step = DateTimeFormat.nanosPerDay
        if parts.count >= 2 {
            let tm = parts[1].split(separator: ":").compactMap { Int($0) }
            guard tm.count >= 2 else { return nil }
            civil.hour = tm[0]; civil.minute = tm[1]; civil.second = tm.count > 2 ? tm[2] : 0
            step = tm.count > 2 ? DateTimeFormat.nanosPerSecond : 60 * DateTimeFormat.nanosPerSecond
            if parts.count >= 3 {
                let ampm = parts[2].uppercased()
                guard ampm == "AM" || ampm == "PM", (1...12).contains(civil.hour) else { return nil }
                civil.hour = civil.hour % 12 + (ampm == "PM" ? 12 : 0)
            }
        }
        guard parts.count <= 3, let v = DateTimeFormat.nanos(civil) else { return nil }
        return ExpectedTime(nanos: v, step: step)
    }
}
