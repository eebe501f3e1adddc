import Columnar

/// `bin_at(value, size, fixed_point)`: `value` rounded down to a multiple of `size` counted from
/// `fixed_point` (numbers, or datetimes/timespans with a timespan size). The fixed point may lie
/// anywhere in the type's range; a bin that would start before the minimum is null.
struct BinAtFunction: ScalarFunction {
    let name = "bin_at"
    func returnType(_ args: [ArgumentInfo]) throws(FunctionError) -> ScalarType {
        try Signature.check(
            name, args,
            [
                .oneOf([.int, .long, .real, .decimal, .datetime, .timespan], "a number, datetime or timespan"),
                .oneOf([.int, .long, .real, .decimal, .timespan], "a number or timespan"), .any,
            ])
        switch args[0].type {
        case .datetime, .timespan: return args[0].type
        case .int, .long: return args[1].type == .real || args[2].type == .real ? .real : .long
        default: return .real
        }
    }
    func evaluate(_ args: [ColumnarValue], context: FunctionContext) throws(FunctionError) -> ColumnarValue {
        let out = try returnType(args.map { ArgumentInfo(type: $0.type) })
        return try Kernel.boxedStrict(args, out: out, rows: context.rowCount) { (r: [Value]) -> Value in
            let v = ValueOrder.unwrap(r[0]), size = ValueOrder.unwrap(r[1]), at = ValueOrder.unwrap(r[2])
            switch (v, size, at) {
            case (.datetime(let x), .timespan(let s), .datetime(let f)):
                guard s > 0 else { return .null }
                return CheckedMath.floor(x, step: s, origin: f).map(Value.datetime) ?? .null
            case (.timespan(let x), .timespan(let s), .timespan(let f)):
                guard s > 0 else { return .null }
                return CheckedMath.floor(x, step: s, origin: f).map(Value.timespan) ?? .null
            default:
                if out == .long, let x = Numeric.long(v), let s = Numeric.long(size), let f = Numeric.long(at) {
                    guard s > 0 else { return .null }
                    return CheckedMath.floor(x, step: s, origin: f).map(Value.long) ?? .null
                }
                guard let x = Numeric.double(v), let s = Numeric.double(size), let f = Numeric.double(at), s > 0 else {
                    return .null
                }
                return .real(f + ((x - f) / s).rounded(.down) * s)
            }
        }
    }
}
