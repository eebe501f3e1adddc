import Columnar
import Foundation

/// `sum(x)` / `sumif(x, predicate)`: the sum of non-null values per group; 0 for a group with
/// none. Integers sum as long, reals as real, timespans as timespan. Named `sum_x` / `sumif_x`.
/// A long or timespan sum is exact: a group whose total does not fit the type is null, never wrapped.
struct SumAggregate: AggregateFunction {
    let conditional: Bool
    var name: String { conditional ? "sumif" : "sum" }

    func resultType(_ t: ScalarType) -> ScalarType { t == .int ? .long : t }

    func outputColumns(_ args: [ArgumentInfo], star: [Field]) throws(FunctionError) -> [Field] {
        try Signature.check(
            name, args,
            conditional
                ? [.oneOf([.int, .long, .real, .decimal, .timespan], "a number or a timespan"), .bool]
                : [.oneOf([.int, .long, .real, .decimal, .timespan], "a number or a timespan")])
        return [Field(AggregateSupport.name(name, args), resultType(args[0].type == .dynamic ? .real : args[0].type))]
    }

    func aggregate(
        _ args: [ColumnarValue], star: [Column], groups: GroupIndex,
        context: FunctionContext
    ) throws(FunctionError) -> [Column] {
        let n = AggregateSupport.rows(groups)
        let mask = conditional ? AggregateSupport.mask(args[1], rows: n) : nil
        let t = args[0].type == .dynamic ? .real : resultType(args[0].type)
        switch t {
        case .long, .timespan:
            let x = FixedArgument<Int64>(t == .timespan ? args[0] : Numeric.cast(args[0], to: .long, rows: n))
            var sums = [ExactSum](repeating: ExactSum(), count: groups.groupCount)
            for (i, g) in groups.groupIDs.enumerated() where !x.isNull(i) && (mask?[i] ?? true) {
                sums[Int(g)].add(x[i])
            }
            return [Column(type: t, int64s: sums.map { $0.value ?? 0 }, valid: sums.map { $0.value != nil })]
        case .real:
            let x = FixedArgument<Double>(Numeric.cast(args[0], to: .real, rows: n))
            var sums = [Double](repeating: 0, count: groups.groupCount)
            if !SumAggregate.addPlain(x, groups, into: &sums, mask) {
                for (i, g) in groups.groupIDs.enumerated() where !x.isNull(i) && (mask?[i] ?? true) {
                    sums[Int(g)] += x[i]
                }
            }
            return [Column(reals: sums)]
        default:
            let vals = AggregateSupport.valuesByGroup(args[0], groups, mask: mask)
            return [
                AggregateSupport.column(vals.map { .decimal($0.compactMap(Numeric.decimal).reduce(0, +)) }, .decimal)
            ]
        }
    }

    /// The common case as a tight loop over the buffers: a real column without nulls and no predicate.
    /// Returns false (having done nothing) otherwise. Rows are added in order, as the general loop does.
    private static func addPlain(
        _ x: FixedArgument<Double>, _ groups: GroupIndex,
        into sums: inout [Double], _ mask: [Bool]?
    ) -> Bool {
        guard mask == nil, x.validity == nil, let base = x.base else { return false }
        let v = base.assumingMemoryBound(to: Double.self)
        groups.groupIDs.withUnsafeBufferPointer { ids in
            sums.withUnsafeMutableBufferPointer { s in
                if s.count == 1 {
                    var total = s[0]
                    for i in 0..<ids.count { total += v[i] }
                    s[0] = total
                } else {
                    // Group ids are in 0..<groupCount (the interner's ids are dense) and `s` has
                    // groupCount slots, so the unchecked buffer access stays in bounds.
                    for i in 0..<ids.count { s[Int(ids[i])] += v[i] }
                }
            }
        }
        return true
    }
}
