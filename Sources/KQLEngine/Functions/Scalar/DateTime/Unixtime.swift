import Columnar

/// `unixtime_seconds_todatetime(n)` and the milli-, micro- and nanosecond forms: the datetime `n`
/// units after 1970-01-01 (reals keep their fraction); null when out of range.
struct UnixtimeFunction: ScalarFunction {
    let name: String
    let unit: Int64
    static let seconds = UnixtimeFunction(name: "unixtime_seconds_todatetime", unit: 1_000_000_000)
    static let milliseconds = UnixtimeFunction(name: "unixtime_milliseconds_todatetime", unit: 1_000_000)
    static let microseconds = UnixtimeFunction(name: "unixtime_microseconds_todatetime", unit: 1_000)
    static let nanoseconds = UnixtimeFunction(name: "unixtime_nanoseconds_todatetime", unit: 1)

    func returnType(_ args: [ArgumentInfo]) throws(FunctionError) -> ScalarType {
        try Signature.check(name, args, [.number]); return .datetime
    }
    func evaluate(_ args: [ColumnarValue], context: FunctionContext) throws(FunctionError) -> ColumnarValue {
        let n = context.rowCount, unit = self.unit
        if args[0].type == .real || args[0].type == .decimal || args[0].type == .dynamic {
            return Kernel.unary(Numeric.cast(args[0], to: .real, rows: n), Double.self, out: .datetime, rows: n) { x in
                CheckedMath.rounded(x * Double(unit))
            }
        }
        return Kernel.unary(Numeric.cast(args[0], to: .long, rows: n), Int64.self, out: .datetime, rows: n) { x in
            CheckedMath.multiply(x, unit)
        }
    }
}
