import Columnar

/// `startofday/week/month/year(date [, offset])` and `endof...`: the first (last, to the 100-ns
/// tick) instant of the day, week (Sunday-based), month or year of `date`, moved by `offset` units;
/// null when that instant is outside the datetime range.
struct StartOfFunction: ScalarFunction {
    enum Unit { case day, week, month, year }
    let name: String
    let unit: Unit
    let end: Bool

    static let startofday = StartOfFunction(name: "startofday", unit: .day, end: false)
    static let startofweek = StartOfFunction(name: "startofweek", unit: .week, end: false)
    static let startofmonth = StartOfFunction(name: "startofmonth", unit: .month, end: false)
    static let startofyear = StartOfFunction(name: "startofyear", unit: .year, end: false)
    static let endofday = StartOfFunction(name: "endofday", unit: .day, end: true)
    static let endofweek = StartOfFunction(name: "endofweek", unit: .week, end: true)
    static let endofmonth = StartOfFunction(name: "endofmonth", unit: .month, end: true)
    static let endofyear = StartOfFunction(name: "endofyear", unit: .year, end: true)

    func returnType(_ args: [ArgumentInfo]) throws(FunctionError) -> ScalarType {
        try Signature.check(name, args, [.datetime, .integer], arity: 1...2); return .datetime
    }

    /// The start of the unit `offset` units after the one holding `t`.
    func start(_ t: Int64, _ offset: Int64) -> Int64? {
        switch unit {
        case .day: return CalendarMath.startOfDay(t, plusDays: offset)
        case .week:
            return CheckedMath.multiply(offset, 7).flatMap { CheckedMath.subtract($0, CalendarMath.weekday(t)) }
                .flatMap { CalendarMath.startOfDay(t, plusDays: $0) }
        case .month: return CalendarMath.addMonths(t, offset, toFirstDay: true)
        case .year:
            return CheckedMath.multiply(offset, 12).flatMap {
                CalendarMath.addMonths(t, $0, toFirstDay: true, toFirstMonth: true)
            }
        }
    }

    func evaluate(_ args: [ColumnarValue], context: FunctionContext) throws(FunctionError) -> ColumnarValue {
        let n = context.rowCount
        let offset = args.count > 1 ? Numeric.cast(args[1], to: .long, rows: n) : .scalar(.long(0), .long)
        let end = self.end
        return Kernel.binary(args[0], offset, Int64.self, Int64.self, out: .datetime, rows: n) { t, k in
            // The end of a unit is one tick before the start of the next.
            end
                ? CheckedMath.add(k, 1).flatMap { self.start(t, $0) }.flatMap {
                    CheckedMath.subtract($0, CalendarMath.tick)
                }
                : self.start(t, k)
        }
    }
}
