import Columnar
import Foundation

/// `MM/dd/yyyy[ HH:mm[:ss[.fffffff]]]` text (as ADX traces print datetimes), rewritten to ISO 8601 so the
/// common datetime parser reads it. Used where KQL converts extracted text to datetime (`parse`).
enum SlashDateText {
    private static let shape = try? NSRegularExpression(
        pattern: #"^\s*(\d{1,2})/(\d{1,2})/(\d{4})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2})(\.\d{1,7})?)?)?\s*$"#)

    /// The datetime written in month/day/year form, or nil when `s` is not in that form.
    static func parse(_ s: String) -> Int64? {
        guard let shape else { return nil }
        let ns = s as NSString
        guard let m = shape.firstMatch(in: s, range: NSRange(location: 0, length: ns.length)) else { return nil }
        func group(_ i: Int) -> String? {
            let r = m.range(at: i)
            return r.location == NSNotFound ? nil : ns.substring(with: r)
        }
        guard let month = group(1).flatMap({ Int($0) }), let day = group(2).flatMap({ Int($0) }), let year = group(3) else { return nil }
        var iso = "\(year)-\(pad(month))-\(pad(day))"
        if let h = group(4).flatMap({ Int($0) }), let minute = group(5) {
            iso += "T\(pad(h)):\(minute):\(group(6) ?? "00")\(group(7) ?? "")Z"
        }
        return DateTimeFormat.parse(iso)
    }

    private static func pad(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
}
