import Columnar

/// `datetime_utc_to_local(utc, zone)` and `datetime_local_to_utc(local, zone)`: a datetime moved between
/// UTC and the wall-clock time of an IANA zone, by the offset the system tz database gives for that
/// instant. Local times in a daylight-saving gap or overlap take the offset after the transition
/// (`TimeZoneRules.utc(fromLocal:)`). A zone name the database does not know is an error when it is a
/// constant and a null row otherwise; a result outside the datetime range is null.
struct DatetimeZoneConversionFunction: ScalarFunction {
    let name: String
    let toLocal: Bool
    static let utcToLocal = DatetimeZoneConversionFunction(name: "datetime_utc_to_local", toLocal: true)
    static let localToUtc = DatetimeZoneConversionFunction(name: "datetime_local_to_utc", toLocal: false)

    func returnType(_ args: [ArgumentInfo]) throws(FunctionError) -> ScalarType {
        try Signature.check(name, args, [.datetime, .string])
        if let zone = args[1].constant, !zone.isNull, TimeZoneDatabase.shared.zone(zone.text) == nil {
            throw FunctionError(
                .argument, "\(name)(): unknown time zone '\(zone.text)'", argument: 1,
                hint:
                    "use an IANA zone name such as 'Europe/Paris' or 'US/Pacific' (see the reference's list of time zones)"
            )
        }
        return .datetime
    }

    func evaluate(_ args: [ColumnarValue], context: FunctionContext) throws(FunctionError) -> ColumnarValue {
        let toLocal = self.toLocal
        return try Kernel.boxed(args, out: .datetime, rows: context.rowCount) { (r: [Value]) -> Value in
            guard case .datetime(let t) = ValueOrder.unwrap(r[0]), let zone = TimeZoneDatabase.shared.zone(r[1].text)
            else {
                return .null
            }
            let second = DateTimeFormat.nanosPerSecond
            let whole = CalendarMath.floorDiv(t, second), fraction = t - whole * second
            let moved = toLocal ? whole + Int64(zone.offset(atUTC: whole)) : zone.utc(fromLocal: whole)
            return CheckedMath.multiply(moved, second).flatMap { CheckedMath.add($0, fraction) }.map(Value.datetime)
                ?? .null
        }
    }
}
