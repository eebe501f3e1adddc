import Columnar
import Foundation

/// `round(x [, precision])`: `x` rounded half away from zero to `precision` decimal digits
/// (default 0; negative rounds to tens, hundreds...). Integers stay integers.
struct RoundFunction: ScalarFunction {
    let name = "round"
    func returnType(_ args: [ArgumentInfo]) throws(FunctionError) -> ScalarType {
        try Signature.check(name, args, [.number, .integer], arity: 1...2)
        let t = args[0].type
        return t == .dynamic ? .real : t
    }

    static func round(_ x: Double, _ digits: Int64) -> Double {
        let d = max(-300, min(300, digits))
        let scale = pow(10.0, Double(Swift.abs(d)))
        if d >= 0 { return (x * scale).rounded(.toNearestOrAwayFromZero) / scale }
        return (x / scale).rounded(.toNearestOrAwayFromZero) * scale
    }

    func evaluate(_ args: [ColumnarValue], context: FunctionContext) throws(FunctionError) -> ColumnarValue {
        let n = context.rowCount
        let t = try returnType(args.map { ArgumentInfo(type: $0.type) })
        let digits: ColumnarValue = args.count > 1 ? Numeric.cast(args[1], to: .long, rows: n) : .scalar(.long(0), .long)
        switch t {
        case .int, .long:
            let x = Numeric.cast(args[0], to: .long, rows: n)
            let r = Kernel.binary(x, digits, Int64.self, Int64.self, out: .long, rows: n) { v, d -> Int64? in
                d >= 0 ? v : Int64(exactly: Self.round(Double(v), d))
            }
            return Numeric.cast(r, to: t, rows: n)
        case .decimal:
            return try Kernel.boxed([args[0], digits], out: .decimal, rows: n) { (r: [Value]) -> Value in
                guard case .decimal(var d) = r[0], let p = Numeric.long(r[1]) else { return .null }
                var out = Decimal()
                NSDecimalRound(&out, &d, Int(max(-100, min(100, p))), .plain)
                return .decimal(out)
            }
        default:
            let x = Numeric.cast(args[0], to: .real, rows: n)
            return Kernel.binary(x, digits, Double.self, Int64.self, out: .real, rows: n) { Self.round($0, $1) }
        }
    }
}
