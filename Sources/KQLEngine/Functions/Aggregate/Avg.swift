import Columnar
import Foundation

/// `avg(x)` / `avgif(x, predicate)`: the mean of non-null values per group, as real (timespans
/// average to a timespan); null for a group with none. Named `avg_x` / `avgif_x`.
struct AvgAggregate: AggregateFunction {
    let conditional: Bool
    var name: String { conditional ? "avgif" : "avg" }

    func resultType(_ t: ScalarType) -> ScalarType { t == .timespan || t == .decimal ? t : .real }

    func outputColumns(_ args: [ArgumentInfo], star: [Field]) throws(FunctionError) -> [Field] {
        let kind = ArgumentKind.oneOf([.int, .long, .real, .decimal, .timespan], "a number or a timespan")
        try Signature.check(name, args, conditional ? [kind, .bool] : [kind])
        return [Field(AggregateSupport.name(name, args), resultType(args[0].type))]
    }

    func aggregate(
        _ args: [ColumnarValue], star: [Column], groups: GroupIndex,
        context: FunctionContext
    ) throws(FunctionError) -> [Column] {
        let n = AggregateSupport.rows(groups)
        let mask = conditional ? AggregateSupport.mask(args[1], rows: n) : nil
        let t = resultType(args[0].type)
        if t == .decimal {
            let vals = AggregateSupport.valuesByGroup(args[0], groups, mask: mask)
            return [
                AggregateSupport.column(
                    vals.map { v in
                        v.isEmpty ? .null : .decimal(v.compactMap(Numeric.decimal).reduce(0, +) / Decimal(v.count))
                    }, .decimal)
            ]
        }
        let x = FixedArgument<Double>(
            Numeric.cast(
                args[0].type == .timespan
                    ? Kernel.unary(args[0], Int64.self, out: .long, rows: n) { $0 } : args[0], to: .real, rows: n))
        var sums = [Double](repeating: 0, count: groups.groupCount)
        var counts = [Int](repeating: 0, count: groups.groupCount)
        for (i, g) in groups.groupIDs.enumerated() where !x.isNull(i) && (mask?[i] ?? true) {
            sums[Int(g)] += x[i]; counts[Int(g)] += 1
        }
        let valid = counts.map { $0 > 0 }
        if t == .timespan {
            // The mean of timespans is a timespan; only the real sum's rounding can put it a hair past
            // the range (the mean of max and max reads 2^63), so it is clamped back rather than lost.
            return [
                Column(
                    type: .timespan,
                    int64s: zip(sums, counts).map { s, c in
                        c > 0 ? CheckedMath.rounded(s / Double(c)) ?? (s < 0 ? .min : .max) : 0
                    }, valid: valid)
            ]
        }
        return [Column(reals: zip(sums, counts).map { s, c in c > 0 ? s / Double(c) : .nan }, valid: valid)]
    }
}
