import Foundation
import Columnar

/// `percentile(x, p)` / `percentiles(x, p1, p2, ...)`: the nearest-rank percentile of the group's
/// non-null values — the smallest value with at least p% of the values at or below it (p = 0 is
/// the minimum). Computed exactly by sorting, where Kusto estimates with T-Digest, so results are
/// always members of the data. Each result is a column named `percentile_x_p` (a fractional p
/// such as 99.5 is written `99_5`) of `x`'s type; null for an empty group.
struct PercentileAggregate: AggregateFunction {
    let multiple: Bool
    var name: String { multiple ? "percentiles" : "percentile" }

    func percents(_ args: [ArgumentInfo]) throws(FunctionError) -> [Double] {
        try args.indices.dropFirst().map { (i: Int) throws(FunctionError) -> Double in
            let c = try Signature.constant(name, args, i, "percentile")
            guard let p = Numeric.double(c), p >= 0, p <= 100 else {
                throw FunctionError(.argument, "\(name)() percentile must be a number between 0 and 100, got \(c.text)", argument: i)
            }
            return p
        }
    }

    static func label(_ p: Double) -> String {
        RealFormat.string(p).replacingOccurrences(of: ".", with: "_")
    }

    func outputColumns(_ args: [ArgumentInfo], star: [Field]) throws(FunctionError) -> [Field] {
        if multiple {
            try Signature.check(name, args, [.any, .number], arity: 2...64)
        } else {
            try Signature.check(name, args, [.any, .number])
        }
        let base = AggregateSupport.name("percentile", args)
        let t = args[0].type == .int ? .long : args[0].type
        return try percents(args).map { Field(base + "_" + Self.label($0), t) }
    }

    /// The nearest-rank element of ascending `sorted` for percent `p`.
    static func nearestRank<T>(_ sorted: [T], _ p: Double) -> T? {
        guard !sorted.isEmpty else { return nil }
        let rank = Int((p / 100 * Double(sorted.count)).rounded(.up))
        return sorted[max(0, min(sorted.count - 1, rank - 1))]
    }

    func aggregate(_ args: [ColumnarValue], star: [Column], groups: GroupIndex,
                   context: FunctionContext) throws(FunctionError) -> [Column] {
        let ps = try percents(args.map { ArgumentInfo(type: $0.type, constant: $0.constantValue) })
        let n = AggregateSupport.rows(groups)
        let t = args[0].type == .int ? .long : args[0].type
        switch t {
        case .long, .datetime, .timespan, .real:
            let isReal = t == .real
            let x = isReal ? args[0] : Numeric.cast(args[0], to: t == .real ? .real : .long, rows: n)
            var lists = [[Double]](repeating: [], count: groups.groupCount)
            var longLists = [[Int64]](repeating: [], count: groups.groupCount)
            if isReal {
                let a = FixedArgument<Double>(x)
                for (i, g) in groups.groupIDs.enumerated() where !a.isNull(i) && !a[i].isNaN { lists[Int(g)].append(a[i]) }
                lists = lists.map { $0.sorted() }
                return ps.map { p in Column(reals: lists.map { Self.nearestRank($0, p) ?? .nan },
                                            valid: lists.map { !$0.isEmpty }) }
            }
            let a = FixedArgument<Int64>(args[0].type == .int ? x : args[0])
            for (i, g) in groups.groupIDs.enumerated() where !a.isNull(i) { longLists[Int(g)].append(a[i]) }
            longLists = longLists.map { $0.sorted() }
            return ps.map { p in Column(type: t, int64s: longLists.map { Self.nearestRank($0, p) ?? 0 },
                                        valid: longLists.map { !$0.isEmpty }) }
        default:
            let vals = AggregateSupport.valuesByGroup(args[0], groups).map { $0.sorted(by: ValueOrder.sortedAscending) }
            return ps.map { p in AggregateSupport.column(vals.map { Self.nearestRank($0, p) ?? .null }, t) }
        }
    }
}
