import Columnar

/// `make_datetime(year, month, day [, hour, minute [, second]])`: the datetime of those fields
/// (`second` may be fractional); null for an invalid date.
struct MakeDatetimeFunction: ScalarFunction {
    let name = "make_datetime"
    func returnType(_ args: [ArgumentInfo]) throws(FunctionError) -> ScalarType {
        try Signature.check(name, args, [.number], arity: 3...6)
        guard args.count != 4 else { throw FunctionError(.type, "make_datetime() expects 3, 5 or 6 arguments, got 4") }
        return .datetime
    }
    func evaluate(_ args: [ColumnarValue], context: FunctionContext) throws(FunctionError) -> ColumnarValue {
        try Kernel.boxed(args, out: .datetime, rows: context.rowCount) { (r: [Value]) -> Value in
            let ints = r.prefix(5).map { Numeric.long($0) }
            guard !ints.contains(where: { $0 == nil }) else { return .null }
            let sec = r.count > 5 ? Numeric.double(r[5]) : 0
            guard let sec, sec >= 0, sec < 60 else { return .null }
            // Rounded to a tick first, so 59.99999999 s is the next minute rather than an invalid fraction.
            let ticks = Int((sec * 1e7).rounded())
            let c = DateTimeFormat.Civil(
                year: Int(ints[0]!), month: Int(ints[1]!), day: Int(ints[2]!),
                hour: ints.count > 3 ? Int(ints[3]!) : 0, minute: ints.count > 4 ? Int(ints[4]!) : 0,
                second: ticks / 10_000_000, nanosecond: ticks % 10_000_000 * 100)
            return DateTimeFormat.nanos(c).map(Value.datetime) ?? .null
        }
    }
}
