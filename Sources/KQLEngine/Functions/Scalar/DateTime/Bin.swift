import Columnar
import Foundation

/// `bin(value, size)` / `floor(value, size)`: `value` rounded down to a multiple of `size`.
/// Numbers keep their type; datetimes bin by a timespan aligned to the Unix epoch; timespans by a
/// timespan. A null, zero or negative size gives null, and so does a bin that starts before the
/// type's minimum (`bin(long_min, 3)`).
struct BinFunction: ScalarFunction {
    let name: String

    func returnType(_ args: [ArgumentInfo]) throws(FunctionError) -> ScalarType {
        try Signature.count(name, args, 2...2)
        switch (args[0].type, args[1].type) {
        case (.datetime, .timespan): return .datetime
        case (.timespan, .timespan): return .timespan
        case (let a, let b) where a.isNumeric && b.isNumeric:
            return a == .int ? (b == .real ? .real : .long) : (Numeric.common(a, b) ?? a)
        default:
            throw FunctionError(
                .type,
                "\(name)() expects a number with a numeric size, or a datetime or timespan with a timespan size; got \(args[0].type.rawValue) and \(args[1].type.rawValue)"
            )
        }
    }

    func evaluate(_ args: [ColumnarValue], context: FunctionContext) throws(FunctionError) -> ColumnarValue {
        let n = context.rowCount
        let out = try returnType(args.map { ArgumentInfo(type: $0.type) })
        switch out {
        case .datetime, .timespan:
            return Kernel.binary(args[0], args[1], Int64.self, Int64.self, out: out, rows: n) { v, s in
                s > 0 ? CheckedMath.floor(v, step: s) : nil
            }
        case .long:
            return Kernel.binary(
                Numeric.cast(args[0], to: .long, rows: n), Numeric.cast(args[1], to: .long, rows: n),
                Int64.self, Int64.self, out: .long, rows: n
            ) { v, s in
                s > 0 ? CheckedMath.floor(v, step: s) : nil
            }
        case .real:
            return Kernel.binary(
                Numeric.cast(args[0], to: .real, rows: n), Numeric.cast(args[1], to: .real, rows: n),
                Double.self, Double.self, out: .real, rows: n
            ) { v, s in
                s > 0 ? Foundation.floor(v / s) * s : nil
            }
        default:
            return try Kernel.boxed(args, out: .decimal, rows: n) { (r: [Value]) -> Value in
                guard let v = Numeric.decimal(r[0]), let s = Numeric.decimal(r[1]), s > 0 else { return .null }
                var q = v / s, f = Decimal()
                NSDecimalRound(&f, &q, 0, .down)
                if f > q { f -= 1 }
                return .decimal(f * s)
            }
        }
    }
}
