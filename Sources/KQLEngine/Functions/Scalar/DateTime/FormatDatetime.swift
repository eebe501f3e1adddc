import Columnar

/// `format_datetime(date, format)`: `date` rendered with .NET-style specifiers: `y yy yyyy`,
/// `M MM`, `d dd`, `h hh` (12-hour), `H HH`, `m mm`, `s ss`, `f`..`fffffff`, `F`..`FFFFFFF`
/// (trailing zeros dropped), `tt`; other characters are copied.
struct FormatDatetimeFunction: ScalarFunction {
    let name = "format_datetime"
    func returnType(_ args: [ArgumentInfo]) throws(FunctionError) -> ScalarType {
        try Signature.check(name, args, [.datetime, .string]); return .string
    }

    static func format(_ t: Int64, _ format: String) -> String {
        let c = DateTimeFormat.civil(t)
        let pad = FormatSpecifiers.pad
        return FormatSpecifiers.render(format) { ch, run in
            switch ch {
            case "y": return run >= 3 ? pad(c.year, run) : pad(c.year % 100, run)
            case "M": return pad(c.month, min(run, 2))
            case "d": return pad(c.day, min(run, 2))
            case "h": return pad(c.hour % 12 == 0 ? 12 : c.hour % 12, min(run, 2))
            case "H": return pad(c.hour, min(run, 2))
            case "m": return pad(c.minute, min(run, 2))
            case "s": return pad(c.second, min(run, 2))
            case "f": return FormatSpecifiers.fraction(c.nanosecond, run, trim: false)
            case "F": return FormatSpecifiers.fraction(c.nanosecond, run, trim: true)
            case "t": return run >= 2 ? (c.hour < 12 ? "AM" : "PM") : (c.hour < 12 ? "A" : "P")
            default: return nil
            }
        }
    }

    func evaluate(_ args: [ColumnarValue], context: FunctionContext) throws(FunctionError) -> ColumnarValue {
        try Kernel.boxed(args, out: .string, rows: context.rowCount) { (r: [Value]) -> Value in
            guard case .datetime(let t) = ValueOrder.unwrap(r[0]) else { return .string("") }
            return .string(Self.format(t, r[1].text))
        }
    }
}
