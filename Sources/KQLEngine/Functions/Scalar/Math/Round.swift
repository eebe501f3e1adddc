import Columnar
import Foundation

/// `round(x [, precision])`: `x` rounded half away from zero to `precision` decimal digits
/// (default 0; negative rounds to tens, hundreds...). Integers stay integers, rounded exactly (not
/// through a real); one that rounds past the type's range is null.
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

    /// `v` rounded half away from zero to a multiple of 10^-digits (for digits < 0), exactly.
    static func round(_ v: Int64, _ digits: Int64) -> Int64? {
        guard digits < 0 else { return v }
        // |v| < 10^19, so rounding to 10^19 or more gives 0, or 10^19 (null) from 5·10^18 up when digits is -19.
        guard digits > -19 else {
            return digits == -19 && v.magnitude >= 5_000_000_000_000_000_000 ? nil : 0
        }
        var p: Int64 = 1
        for _ in 0..<(-digits) { p *= 10 }  // at most 10^18: fits
        let q = v / p, r = v % p
        // r.magnitude < p <= 10^18, so doubling it cannot overflow.
        let away = r.magnitude * 2 >= p.magnitude ? (v < 0 ? q - 1 : q + 1) : q
        return CheckedMath.multiply(away, p)
    }

    func evaluate(_ args: [ColumnarValue], context: FunctionContext) throws(FunctionError) -> ColumnarValue {
        let n = context.rowCount
        let t = try returnType(args.map { ArgumentInfo(type: $0.type) })
        let digits: ColumnarValue =
            args.count > 1 ? Numeric.cast(args[1], to: .long, rows: n) : .scalar(.long(0), .long)
        switch t {
        case .int, .long:
            let x = Numeric.cast(args[0], to: .long, rows: n)
            let r = Kernel.binary(x, digits, Int64.self, Int64.self, out: .long, rows: n) { Self.round($0, $1) }
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
