import Columnar

/// `datetime_diff(part, date1, date2)`: `date1 - date2` counted in whole `part` boundaries crossed
/// (both dates truncated to the unit first; weeks start on Sunday; years, quarters and months
/// count calendar boundaries). Null when the count does not fit a long (nanoseconds across 1677–2262).
struct DatetimeDiffFunction: ScalarFunction {
    let name = "datetime_diff"
    func returnType(_ args: [ArgumentInfo]) throws(FunctionError) -> ScalarType {
        try Signature.check(name, args, [.string, .datetime, .datetime])
        if let p = args[0].constant?.text, CalendarMath.fixedUnit(p) == nil, CalendarMath.monthUnit(p) == nil {
            throw FunctionError(.argument, "datetime_diff(): unknown part '\(p)'", argument: 0)
        }
        return .long
    }

    static func diff(_ part: String, _ a: Int64, _ b: Int64) -> Int64? {
        if let m = CalendarMath.monthUnit(part) {
            let x = DateTimeFormat.civil(a), y = DateTimeFormat.civil(b)
            let ma = Int64(x.year) * 12 + Int64(x.month - 1), mb = Int64(y.year) * 12 + Int64(y.month - 1)
            return CalendarMath.floorDiv(ma, m) - CalendarMath.floorDiv(mb, m)
        }
        if part.lowercased() == "week" {
            // Counted in days, where nothing overflows (the week's Sunday may precede the datetime range).
            return (CalendarMath.weekStartDay(a) - CalendarMath.weekStartDay(b)) / 7
        }
        guard let u = CalendarMath.fixedUnit(part) else { return nil }
        return CheckedMath.subtract(CalendarMath.floorDiv(a, u), CalendarMath.floorDiv(b, u))
    }

    func evaluate(_ args: [ColumnarValue], context: FunctionContext) throws(FunctionError) -> ColumnarValue {
        if let p = args[0].constantValue?.text {
            return Kernel.binary(args[1], args[2], Int64.self, Int64.self, out: .long, rows: context.rowCount) {
                Self.diff(p, $0, $1)
            }
        }
        return try Kernel.boxed(args, out: .long, rows: context.rowCount) { (r: [Value]) -> Value in
            guard case .datetime(let a) = ValueOrder.unwrap(r[1]), case .datetime(let b) = ValueOrder.unwrap(r[2])
            else { return .null }
            return Self.diff(r[0].text, a, b).map(Value.long) ?? .null
        }
    }
}
