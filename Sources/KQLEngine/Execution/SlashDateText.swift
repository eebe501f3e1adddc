import Columnar

/// `MM/dd/yyyy[ HH:mm[:ss[.fffffff]]]` text (as ADX traces print datetimes), rewritten to ISO 8601 so the
/// common datetime parser reads it. Used where KQL converts extracted text to datetime (`parse`).
enum SlashDateText {
    private static let shape = try? CompiledRegex(
        #"^\s*(\d{1,2})/(\d{1,2})/(\d{4})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2})(\.\d{1,7})?)?)?\s*$"#)

    /// The datetime written in month/day/year form, or nil when `s` is not in that form.
    static func parse(_ s: String) -> Int64? {
        guard let shape else { return nil }
        var text = s
        guard let (m, bytes) = text.withUTF8({ t in shape.firstMatch(in: t, groups: 8).map { ($0, Array(t)) } }) else {
            return nil
        }
        func group(_ i: Int) -> String? { m.range(i).map { String(decoding: bytes[$0], as: UTF8.self) } }
        guard let month = group(1).flatMap({ Int($0) }), let day = group(2).flatMap({ Int($0) }), let year = group(3)
        else { return nil }
        var iso = "\(year)-\(pad(month))-\(pad(day))"
        if let h = group(4).flatMap({ Int($0) }), let minute = group(5) {
            iso += "T\(pad(h)):\(minute):\(group(6) ?? "00")\(group(7) ?? "")Z"
        }
        return DateTimeFormat.parse(iso)
    }

    private static func pad(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
}
