import Columnar

/// `format_timespan(span, format)`: `span` rendered with `d`..`dddddddd` (days, zero-padded to
/// the count), `h hh` / `H HH` (hours of the day), `m mm`, `s ss`, `f`.. and `F`.. (fraction);
/// other characters are copied. A negative span gets a leading `-`.
struct FormatTimespanFunction: ScalarFunction {
    let name = "format_timespan"
    func returnType(_ args: [ArgumentInfo]) throws(FunctionError) -> ScalarType {
        try Signature.check(name, args, [.timespan, .string]); return .string
    }

    static func format(_ t: Int64, _ format: String) -> String {
        let mag = t.magnitude
        let totalSeconds = Int(mag / 1_000_000_000), nanos = Int(mag % 1_000_000_000)
        let days = totalSeconds / 86_400, h = totalSeconds / 3600 % 24, m = totalSeconds / 60 % 60,
            s = totalSeconds % 60
        let pad = FormatSpecifiers.pad
        return FormatSpecifiers.render(format, prefix: t < 0 ? "-" : "") { ch, run in
            switch ch {
            case "d": return pad(days, run)
            case "h", "H": return pad(h, min(run, 2))
            case "m": return pad(m, min(run, 2))
            case "s": return pad(s, min(run, 2))
            case "f": return FormatSpecifiers.fraction(nanos, run, trim: false)
            case "F": return FormatSpecifiers.fraction(nanos, run, trim: true)
            default: return nil
            }
        }
    }

    func evaluate(_ args: [ColumnarValue], context: FunctionContext) throws(FunctionError) -> ColumnarValue {
        try Kernel.boxed(args, out: .string, rows: context.rowCount) { (r: [Value]) -> Value in
            guard case .timespan(let t) = ValueOrder.unwrap(r[0]) else { return .string("") }
            return .string(Self.format(t, r[1].text))
        }
    }
}
