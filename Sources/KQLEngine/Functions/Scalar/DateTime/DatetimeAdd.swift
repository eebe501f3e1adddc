import Columnar

/// `datetime_add(part, amount, date)`: `date` moved by `amount` units of `part` (year, quarter,
/// month, week, day, hour, minute, second, millisecond, microsecond, nanosecond); calendar units
/// clamp the day to the target month. A result outside the datetime range is null.
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
            if let m = CalendarMath.monthUnit(part) {
                return CheckedMath.multiply(k, m).flatMap { CalendarMath.addMonths(t, $0) }.map(Value.datetime) ?? .null
            }
            guard let u = CalendarMath.fixedUnit(part) else { return .null }
            return CheckedMath.multiply(k, u).flatMap { CheckedMath.add(t, $0) }.map(Value.datetime) ?? .null
        }
    }
}
