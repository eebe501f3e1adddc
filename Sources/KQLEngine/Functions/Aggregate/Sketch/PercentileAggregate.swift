import Foundation
import Columnar
import SeriesAnalysis

/// `percentile(x, p)`, `percentiles(x, p1, ...)`, `percentiles_array(x, p1, ... | dynamic([...]))` and
/// their weighted forms `percentilew(x, w, p)`, `percentilesw(x, w, p1, ...)`, `percentilesw_array(...)`:
/// the nearest-rank percentile of the group's weighted values — the smallest value with at least p% of
/// the weight at or below it (p = 0 is the minimum).
///
/// As in ADX, a group of at most 1000 distinct values is answered exactly (its t-digest keeps every
/// value); a larger one is estimated by a t-digest, whose rank error the `percentiles` page caps at 1%
/// (docs/time-series.md gives the measured error). The scalar forms give one column per percentile
/// named `percentile_x_p` (99.5 written `99_5`) of `x`'s type; the array forms one dynamic column
/// (`percentiles_x`, or `percentile_x` for `percentilesw_array`, as the pages show). Rows with a null value, or a weight that is null or not positive, add nothing.
struct PercentileAggregate: AggregateFunction {
    enum Form { case single, multiple, array }
    let form: Form
    let weighted: Bool

    var name: String {
        switch form {
        case .single: return weighted ? "percentilew" : "percentile"
        case .multiple: return weighted ? "percentilesw" : "percentiles"
        case .array: return weighted ? "percentilesw_array" : "percentiles_array"
        }
    }

    private var first: Int { weighted ? 2 : 1 }

    func percents(_ args: [ArgumentInfo]) throws(FunctionError) -> [Double] {
        var out: [Double] = []
        for i in first..<args.count {
            let c = try Signature.constant(name, args, i, "percentile")
            let items: [Value]
            if form == .array, case .dynamic(.array(let a)) = c { items = a.map { .dynamic($0) } } else { items = [c] }
            for v in items {
                guard let p = Numeric.double(ValueOrder.unwrap(v)), p >= 0, p <= 100 else {
                    throw FunctionError(
                        .argument, "\(name)() percentile must be a number between 0 and 100, got \(v.text)", argument: i
                    )
                }
                out.append(p)
            }
        }
        return out
    }

    static func label(_ p: Double) -> String {
        RealFormat.string(p).replacingOccurrences(of: ".", with: "_")
    }

    func outputColumns(_ args: [ArgumentInfo], star: [Field]) throws(FunctionError) -> [Field] {
        var kinds: [ArgumentKind] = [.any]
        if weighted { kinds.append(.integer) }
        kinds.append(
            form == .array ? .oneOf([.int, .long, .real, .decimal], "a number or a dynamic array of numbers") : .number)
        let arity = form == .single ? kinds.count...kinds.count : kinds.count...64
        try Signature.check(name, args, kinds, arity: arity)
        let ps = try percents(args)
        // The pages name the arrays `percentiles_x` (percentiles_array) and `percentile_x` (percentilesw_array).
        if form == .array {
            return [Field(AggregateSupport.name(weighted ? "percentile" : "percentiles", args), .dynamic)]
        }
        let base = AggregateSupport.name("percentile", args)
        let t = args[0].type == .int ? .long : args[0].type
        return ps.map { Field(base + "_" + Self.label($0), t) }
    }

    func aggregate(
        _ args: [ColumnarValue], star: [Column], groups: GroupIndex,
        context: FunctionContext
    ) throws(FunctionError) -> [Column] {
        let ps = try percents(args.map { ArgumentInfo(type: $0.type, constant: $0.constantValue) })
        let t = args[0].type == .int ? .long : args[0].type
        let weights = weighted ? args[1] : nil
        // results[g][k]: percentile k of group g.
        var results = [[Value]](repeating: [], count: groups.groupCount)
        switch t {
        case .long, .datetime, .timespan, .real, .decimal, .bool:
            var lists = [[(value: Value, key: Double, weight: Int64)]](repeating: [], count: groups.groupCount)
            for (i, g) in groups.groupIDs.enumerated() {
                let v = ValueOrder.unwrap(args[0].value(i))
                guard !v.isNull, let key = SketchCodec.double(v), !key.isNaN else { continue }
                var w: Int64 = 1
                if let weights { guard let x = SeriesArgument.long(weights.value(i)), x > 0 else { continue }; w = x }
                lists[Int(g)].append((v, key, w))
            }
            for g in 0..<groups.groupCount { results[g] = Self.percentiles(lists[g], ps, type: t) }
        default:
            // Strings and other ordered values: exact nearest rank by KQL's value order.
            let vals = AggregateSupport.valuesByGroup(args[0], groups).map { $0.sorted(by: ValueOrder.sortedAscending) }
            for g in 0..<groups.groupCount {
                results[g] = ps.map { p in
                    vals[g].isEmpty
                        ? .null
                        : vals[g][
                            max(0, min(vals[g].count - 1, Int((p / 100 * Double(vals[g].count)).rounded(.up)) - 1))]
                }
            }
        }
        if form == .array {
            return [
                AggregateSupport.column(
                    results.map { r in
                        r.allSatisfy(\.isNull) ? .dynamic(.null) : .dynamic(.array(r.map(\.asDynamic)))
                    }, .dynamic)
            ]
        }
        return ps.indices.map { k in AggregateSupport.column(results.map { $0[k] }, t) }
    }

    /// The percentiles of one group: exact nearest rank over at most `TDigest.exactCapacity` distinct
    /// values, a t-digest estimate beyond.
    static func percentiles(_ list: [(value: Value, key: Double, weight: Int64)], _ ps: [Double], type: ScalarType)
        -> [Value]
    {
        guard !list.isEmpty else { return ps.map { _ in .null } }
        let sorted = list.sorted { $0.key < $1.key }
        var distinct = 1
        for i in 1..<sorted.count where sorted[i].key != sorted[i - 1].key { distinct += 1 }
        if distinct <= TDigest.exactCapacity {
            var total: Int64 = 0
            for x in sorted { total = total.addingReportingOverflow(x.weight).overflow ? .max : total + x.weight }
            return ps.map { p in
                let rank = max(1, (p * Double(total) / 100).rounded(.up))
                var cumulative = 0.0
                for x in sorted {
                    cumulative += Double(x.weight)
                    if cumulative >= rank { return x.value }
                }
                return sorted[sorted.count - 1].value
            }
        }
        var digest = TDigest()
        for x in sorted { digest.add(x.key, weight: x.weight) }
        return ps.map { SketchCodec.value(digest.percentile($0), type) }
    }
}
