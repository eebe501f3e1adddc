import Columnar

/// `x between (low .. high)` and `!between`: inclusive range tests over numbers, datetimes and
/// timespans. For a datetime `x`, `high` may be a timespan meaning `low + high`. A null operand gives null.
struct BetweenOperator: ScalarFunction {
    let negated: Bool
    var name: String { negated ? "!between" : "between" }

    func returnType(_ args: [ArgumentInfo]) throws(FunctionError) -> ScalarType {
        try Signature.count(name, args, 3...3)
        let t = args.map(\.type)
        let ok =
            (t.allSatisfy { $0.isNumeric || $0 == .dynamic })
            || (t[0] == .datetime && t[1] == .datetime && (t[2] == .datetime || t[2] == .timespan))
            || t.allSatisfy { $0 == .timespan } || t.allSatisfy { $0 == .string }
        guard ok else {
            throw FunctionError(
                .type, "\(name) cannot compare \(t[0].rawValue) with the range \(t[1].rawValue) .. \(t[2].rawValue)")
        }
        return .bool
    }

    func evaluate(_ args: [ColumnarValue], context: FunctionContext) throws(FunctionError) -> ColumnarValue {
        let n = context.rowCount
        var (x, lo, hi) = (args[0], args[1], args[2])
        if x.type == .datetime && hi.type == .timespan {
            // `low + span` past the datetime range is still a bound: every datetime lies on one side of
            // it, so the sum saturates instead of becoming null.
            hi = Kernel.binary(lo, hi, Int64.self, Int64.self, out: .datetime, rows: n) { l, s in
                CheckedMath.add(l, s) ?? (s > 0 ? .max : .min)
            }
        }
        let neg = negated
        if let t1 = Numeric.common(x.type, lo.type), let t = Numeric.common(t1, hi.type),
            t == .long || t == .int || t == .real
        {
            let w: ScalarType = t == .real ? .real : .long
            let (a, b, c) = (
                Numeric.cast(x, to: w, rows: n), Numeric.cast(lo, to: w, rows: n), Numeric.cast(hi, to: w, rows: n)
            )
            if w == .real { return Self.ternary(a, b, c, Double.self, rows: n, negated: neg) }
            return Self.ternary(a, b, c, Int64.self, rows: n, negated: neg)
        }
        if [x.type, lo.type, hi.type].allSatisfy({ $0 == .datetime || $0 == .timespan }) {
            return Self.ternary(x, lo, hi, Int64.self, rows: n, negated: neg)
        }
        return try Kernel.boxed([x, lo, hi], out: .bool, rows: n) { (r: [Value]) -> Value in
            guard let p = ValueOrder.compare(r[0], r[1]), let q = ValueOrder.compare(r[0], r[2]) else { return .null }
            return .bool((p >= 0 && q <= 0) != neg)
        }
    }

    private static func ternary<T: FixedValue & Comparable>(
        _ a: ColumnarValue, _ b: ColumnarValue, _ c: ColumnarValue,
        _: T.Type, rows: Int, negated: Bool
    ) -> ColumnarValue {
        let x = FixedArgument<T>(a), lo = FixedArgument<T>(b), hi = FixedArgument<T>(c)
        let allConstant = x.isConstant && lo.isConstant && hi.isConstant
        return Kernel.rows(allConstant: allConstant, rows: rows) { i in
            if x.isNull(i) || lo.isNull(i) || hi.isNull(i) { return nil }
            let v = x[i]
            return (v >= lo[i] && v <= hi[i]) != negated
        }
    }
}
