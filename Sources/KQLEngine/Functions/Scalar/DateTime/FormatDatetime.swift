import Columnar

/// `format_datetime(date, format)`: `date` rendered with .NET-style specifiers: `y yy yyyy`,
/// `M MM`, `d dd`, `h hh` (12-hour), `H HH`, `m mm`, `s ss`, `f`..`fffffff`, `F`..`FFFFFFF`
/// (trailing zeros dropped), `tt`; other characters are copied.
struct FormatDatetimeFunction: ScalarFunction {
    let name = "format_datetime"
    func returnType(_ args: [ArgumentInfo]) throws(FunctionError) -> ScalarType {
        try Signature.check(name, args, [.datetime, .string]); return .string
    }

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

    static func format(_ t: Int64, _ format: String) -> String {
        let c = DateTimeFormat.civil(t)
        let chars = Array(format)
        var out = ""
        var i = 0
        while i < chars.count {
            let ch = chars[i]
            var run = 1
            while i + run < chars.count && chars[i + run] == ch { run += 1 }
            switch ch {
            case "y": out += run >= 3 ? pad(c.year, run) : pad(c.year % 100, run)
            case "M": out += pad(c.month, min(run, 2))
            case "d": out += pad(c.day, min(run, 2))
            case "h": out += pad(c.hour % 12 == 0 ? 12 : c.hour % 12, min(run, 2))
            case "H": out += pad(c.hour, min(run, 2))
            case "m": out += pad(c.minute, min(run, 2))
            case "s": out += pad(c.second, min(run, 2))
            case "f": out += fraction(c.nanosecond, run, trim: false)
            case "F": out += fraction(c.nanosecond, run, trim: true)
            case "t": out += run >= 2 ? (c.hour < 12 ? "AM" : "PM") : (c.hour < 12 ? "A" : "P")
            default: out += String(repeating: ch, count: run)
            }
            i += run
        }
        return out
    }

    func evaluate(_ args: [ColumnarValue], context: FunctionContext) throws(FunctionError) -> ColumnarValue {
        try Kernel.boxed(args, out: .string, rows: context.rowCount) { (r: [Value]) -> Value in
            guard case .datetime(let t) = ValueOrder.unwrap(r[0]) else { return .string("") }
            return .string(Self.format(t, r[1].text))
        }
    }
}
