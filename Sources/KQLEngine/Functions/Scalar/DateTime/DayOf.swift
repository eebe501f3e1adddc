import Columnar

/// `dayofweek(d)` (a timespan: days since the preceding Sunday), `dayofmonth(d)`, `dayofyear(d)`,
/// `getyear(d)`, `getmonth(d)`, `hourofday(d)`, `week_of_year(d)`, `weekofyear(d)` (ints).
struct DayOfFunction: ScalarFunction {
    let name: String
    let out: ScalarType
    let f: @Sendable (Int64) -> Int64

    static let dayofweek = DayOfFunction(name: "dayofweek", out: .timespan) {
        CalendarMath.weekday($0) * CalendarMath.day
    }
    static let dayofmonth = DayOfFunction(name: "dayofmonth", out: .int) { Int64(DateTimeFormat.civil($0).day) }
    static let dayofyear = DayOfFunction(name: "dayofyear", out: .int) { CalendarMath.dayOfYear($0) }
    static let getyear = DayOfFunction(name: "getyear", out: .int) { Int64(DateTimeFormat.civil($0).year) }
    static let getmonth = DayOfFunction(name: "getmonth", out: .int) { Int64(DateTimeFormat.civil($0).month) }
    /// `monthofyear(d)`: the same as `getmonth`.
    static let monthofyear = DayOfFunction(name: "monthofyear", out: .int) { Int64(DateTimeFormat.civil($0).month) }
    /// `week_of_year(d)`: the ISO 8601 week number (week 1 holds the year's first Thursday).
    static let week_of_year = DayOfFunction(name: "week_of_year", out: .int) { CalendarMath.isoWeek($0) }
    /// `weekofyear(d)`: the reference's obsolete variant, whose week 1 holds the year's first Wednesday.
    static let weekofyear = DayOfFunction(name: "weekofyear", out: .int) { CalendarMath.weekNumber($0, anchor: 2) }
    static let hourofday = DayOfFunction(name: "hourofday", out: .int) { Int64(DateTimeFormat.civil($0).hour) }

    func returnType(_ args: [ArgumentInfo]) throws(FunctionError) -> ScalarType {
        try Signature.check(name, args, [.datetime]); return out
    }
    func evaluate(_ args: [ColumnarValue], context: FunctionContext) throws(FunctionError) -> ColumnarValue {
        let f = self.f
        let a = args[0].type == .datetime ? args[0] : try ToDatetimeHelper.cast(args[0], rows: context.rowCount)
        if out == .int {
            return Kernel.unary(a, Int64.self, out: .int, rows: context.rowCount) { Int32(exactly: f($0)) }
        }
        return Kernel.unary(a, Int64.self, out: out, rows: context.rowCount) { f($0) }
    }
}

/// Dynamic arguments of datetime functions converted to datetime.
enum ToDatetimeHelper {
    static func cast(_ v: ColumnarValue, rows: Int) throws(FunctionError) -> ColumnarValue {
        try Kernel.boxed([v], out: .datetime, rows: rows) { (r: [Value]) -> Value in Cast.explicit(r[0], to: .datetime)
        }
    }
}
