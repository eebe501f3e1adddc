/// The .NET-style format strings of `format_datetime` and `format_timespan`: runs of one specifier
/// letter (`yyyy`, `HH`, `fff`) become a field; characters no field claims are copied.
enum FormatSpecifiers {
    /// `format` with each run of a repeated character given to `field` (character, run length);
    /// a nil answer copies the run as written.
    static func render(_ format: String, prefix: String = "", _ field: (Character, Int) -> String?) -> String {
        let chars = Array(format)
        var out = prefix
        var i = 0
        while i < chars.count {
            let ch = chars[i]
            var run = 1
            while i + run < chars.count && chars[i + run] == ch { run += 1 }
            out += field(ch, run) ?? String(repeating: ch, count: run)
            i += run
        }
        return out
    }

    /// `v` in decimal, zero-padded to `w` digits.
    static func pad(_ v: Int, _ w: Int) -> String {
        let s = String(v)
        return s.count >= w ? s : String(repeating: "0", count: w - s.count) + s
    }

    /// The fraction of a second to `digits` digits; `trim` drops trailing zeros (the `F` form).
    static func fraction(_ nanos: Int, _ digits: Int, trim: Bool) -> String {
        var s = String(pad(nanos / 100, 7).prefix(min(digits, 7)))
        if trim { while s.hasSuffix("0") { s.removeLast() } }
        return s
    }
}
