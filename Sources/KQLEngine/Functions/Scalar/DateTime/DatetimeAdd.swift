import Columnar

/// `datetime_add(part, amount, date)`: `date` moved by `amount` units of `part` (year, quarter,
/// month, week, day, hour, minute, second, millisecond, microsecond, nanosecond); calendar units
/// clamp the day to the target month.
struct DatetimeAddFunction: ScalarFunction {
    let name = "datetime_add"
    func returnType(_ args: [ArgumentInfo]) throws(FunctionError) -> ScalarType {
        try Signature.check(name, args, [.string, .integer, .datetime])
        if let p = args[0].constant?.text, CalendarMath.fixedUnit(p) == nil, CalendarMath.monthUnit(p) == nil {
            throw FunctionError(.argument, "datetime_add(): unknown part '\(p)'", argument: 0)
        }
        return .datetime
    }
    func evaluate(_ args: [ColumnarValue], context: FunctionContext) throws(FunctionError) -> ColumnarValue {
        try Kernel.boxed(args, out: .datetime, rows: context.rowCount) { (r: [Value]) -> Value in
            guard case .datetime(let t) = ValueOrder.unwrap(r[2]), let k = Numeric.long(r[1]) else { return .null }
            let part = r[0].text
            if let m = CalendarMath.monthUnit(part) { return CalendarMath.addMonths(t, k &* m).map(Value.datetime) ?? .null }
            guard let u = CalendarMath.fixedUnit(part) else { return .null }
            let (v, o) = k.multipliedReportingOverflow(by: u)
            let (s, o2) = t.addingReportingOverflow(v)
            return o || o2 ? .null : .datetime(s)
        }
    }
}
