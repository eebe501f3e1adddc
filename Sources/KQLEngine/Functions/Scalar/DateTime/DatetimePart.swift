import Columnar

/// `datetime_part(part, date)`: one field of `date` as an int: Year, Quarter, Month,
/// week_of_year (ISO 8601), Day, DayOfYear, Hour, Minute, Second, Millisecond, Microsecond, Nanosecond.
struct DatetimePartFunction: ScalarFunction {
    let name = "datetime_part"
    static let parts = [
        "year", "quarter", "month", "week_of_year", "week", "day", "dayofyear", "hour", "minute", "second",
        "millisecond", "microsecond", "nanosecond",
    ]

    func returnType(_ args: [ArgumentInfo]) throws(FunctionError) -> ScalarType {
        try Signature.check(name, args, [.string, .datetime])
        if let p = args[0].constant?.text, !Self.parts.contains(p.lowercased()) {
            throw FunctionError(.argument, "datetime_part(): unknown part '\(p)'", argument: 0)
        }
        return .int
    }

    static func part(_ p: String, _ t: Int64) -> Int64? {
        let c = DateTimeFormat.civil(t)
        switch p.lowercased() {
        case "year": return Int64(c.year)
        case "quarter": return Int64((c.month - 1) / 3 + 1)
        case "month": return Int64(c.month)
        case "week_of_year", "week": return CalendarMath.isoWeek(t)
        case "day": return Int64(c.day)
        case "dayofyear": return CalendarMath.dayOfYear(t)
        case "hour": return Int64(c.hour)
        case "minute": return Int64(c.minute)
        case "second": return Int64(c.second)
        case "millisecond": return Int64(c.nanosecond / 1_000_000)
        case "microsecond": return Int64(c.nanosecond / 1_000)
        case "nanosecond": return Int64(c.nanosecond)
        default: return nil
        }
    }

    func evaluate(_ args: [ColumnarValue], context: FunctionContext) throws(FunctionError) -> ColumnarValue {
        try Kernel.boxed(args, out: .int, rows: context.rowCount) { (r: [Value]) -> Value in
            guard case .datetime(let t) = ValueOrder.unwrap(r[1]), let v = Self.part(r[0].text, t) else { return .null }
            return .int(Int32(v))
        }
    }
}
