import Columnar
import SeriesAnalysis

/// `tdigest(x [, weight])`: the t-digest of the group's values (exact up to 1000 distinct values, as
/// the page's results list them), as a dynamic value that `tdigest_merge` combines and
/// `percentile_tdigest` queries. Named `tdigest_x`.
struct TDigestAggregate: AggregateFunction {
    let name = "tdigest"

    func outputColumns(_ args: [ArgumentInfo], star: [Field]) throws(FunctionError) -> [Field] {
        try Signature.check(
            name, args,
            [
                .oneOf([.int, .long, .real, .decimal, .datetime, .timespan], "a number, datetime or timespan"),
                .integer,
            ], arity: 1...2)
        return [Field(AggregateSupport.name(name, args), .dynamic)]
    }

    func aggregate(
        _ args: [ColumnarValue], star: [Column], groups: GroupIndex,
        context: FunctionContext
    ) throws(FunctionError) -> [Column] {
        let digests = Self.digests(args[0], weight: args.count > 1 ? args[1] : nil, groups: groups)
        let type = args[0].type
        return [
            AggregateSupport.column(
                digests.map { $0.totalWeight == 0 ? .dynamic(.null) : SketchCodec.dynamic($0, type: type) },
                .dynamic)
        ]
    }

    /// One digest per group; rows with a null value or a non-positive weight add nothing.
    static func digests(_ x: ColumnarValue, weight: ColumnarValue?, groups: GroupIndex, mask: [Bool]? = nil)
        -> [TDigest]
    {
        var out = [TDigest](repeating: TDigest(), count: groups.groupCount)
        for (i, g) in groups.groupIDs.enumerated() where mask?[i] ?? true {
            guard let v = SketchCodec.double(x.value(i)), !v.isNaN else { continue }
            var w: Int64 = 1
            if let weight {
                guard let wv = SeriesArgument.long(weight.value(i)), wv > 0 else { continue }
                w = wv
            }
            out[Int(g)].add(v, weight: w)
        }
        return out
    }
}

/// `tdigest_merge(digest)` (aggregate; alias `merge_tdigest`): the union of the group's `tdigest()`
/// values. Named `merge_tdigests_x`, as the page shows.
struct TDigestMergeAggregate: AggregateFunction {
    let name: String

    func outputColumns(_ args: [ArgumentInfo], star: [Field]) throws(FunctionError) -> [Field] {
        try Signature.check(name, args, [.dynamic])
        // The tdigest_merge page names the result `merge_tdigests_x`.
        return [Field(AggregateSupport.name("merge_tdigests", args), .dynamic)]
    }

    func aggregate(
        _ args: [ColumnarValue], star: [Column], groups: GroupIndex,
        context: FunctionContext
    ) throws(FunctionError) -> [Column] {
        var merged = [(digest: TDigest, type: ScalarType)?](repeating: nil, count: groups.groupCount)
        for (i, g) in groups.groupIDs.enumerated() {
            guard let d = try SketchCodec.tdigest(args[0].value(i)) else { continue }
            if merged[Int(g)] == nil { merged[Int(g)] = d } else { merged[Int(g)]!.digest.merge(d.digest) }
        }
        return [
            AggregateSupport.column(
                merged.map { $0.map { SketchCodec.dynamic($0.digest, type: $0.type) } ?? .dynamic(.null) },
                .dynamic)
        ]
    }
}
