import Columnar

/// `make_timespan(hour, minute)`, `(hour, minute, second)` or `(day, hour, minute, second)`:
/// the timespan of those fields (`second` may be fractional).
struct MakeTimespanFunction: ScalarFunction {
    let name = "make_timespan"
    func returnType(_ args: [ArgumentInfo]) throws(FunctionError) -> ScalarType {
        try Signature.check(name, args, [.number], arity: 2...4); return .timespan
    }
    func evaluate(_ args: [ColumnarValue], context: FunctionContext) throws(FunctionError) -> ColumnarValue {
        try Kernel.boxed(args, out: .timespan, rows: context.rowCount) { (r: [Value]) -> Value in
            let parts = r.map { Numeric.double($0) }
            guard !parts.contains(where: { $0 == nil }) else { return .null }
            let p = parts.map { $0! }
            var days = 0.0, h = 0.0, m = 0.0, s = 0.0
            switch p.count {
            case 2: (h, m) = (p[0], p[1])
            case 3: (h, m, s) = (p[0], p[1], p[2])
            default: (days, h, m, s) = (p[0], p[1], p[2], p[3])
            }
            let total = ((days * 24 + h) * 60 + m) * 60 + s
            // Rounded to a tick, as Kusto's timespans are; null past the nanosecond range.
            return CheckedMath.rounded(total * 1e7).flatMap { CheckedMath.multiply($0, 100) }.map(Value.timespan)
                ?? .null
        }
    }
}
