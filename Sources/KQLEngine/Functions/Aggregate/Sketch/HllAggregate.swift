import Columnar
import SeriesAnalysis

/// `hll(x [, accuracy])`: the HyperLogLog sketch of the group's distinct non-null values, as a dynamic
/// value that `hll_merge` combines and `dcount_hll` counts (`hll_if` is the conditional form). Named `hll_x`.
struct HllAggregate: AggregateFunction {
    let name = "hll"

    func outputColumns(_ args: [ArgumentInfo], star: [Field]) throws(FunctionError) -> [Field] {
        try Signature.check(name, args, [.any, .integer], arity: 1...2)
        if args.count > 1 {
            _ = try SketchCodec.accuracy(try Signature.constant(name, args, 1, "accuracy"), argument: 1)
        }
        return [Field(AggregateSupport.name(name, args), .dynamic)]
    }

    func aggregate(
        _ args: [ColumnarValue], star: [Column], groups: GroupIndex,
        context: FunctionContext
    ) throws(FunctionError) -> [Column] {
        let sketches = try Self.sketches(
            args[0], accuracy: args.count > 1 ? args[1].constantValue : nil, groups: groups)
        return [AggregateSupport.column(sketches.map(SketchCodec.dynamic), .dynamic)]
    }

    /// One sketch per group.
    /// The budget's deadline and cancellation are checked as rows go, so `dcount` over millions stops.
    static func sketches(
        _ x: ColumnarValue, accuracy: Value?, groups: GroupIndex, budget: QueryBudget = .unlimited
    ) throws(FunctionError) -> [HyperLogLog] {
        let a = try SketchCodec.accuracy(accuracy, argument: 1)
        var out = [HyperLogLog](repeating: HyperLogLog(accuracy: a), count: groups.groupCount)
        var steps = 0
        if x.type == .long || x.type == .datetime || x.type == .timespan {
            let f = FixedArgument<Int64>(x)
            for (i, g) in groups.groupIDs.enumerated() where !f.isNull(i) {
                try budget.checkDeadlineInFunction(every: &steps)
                out[Int(g)].add(long: f[i])
            }
            return out
        }
        for (i, g) in groups.groupIDs.enumerated() {
            try budget.checkDeadlineInFunction(every: &steps)
            SketchCodec.add(x.value(i), to: &out[Int(g)])
        }
        return out
    }
}

/// `hll_merge(hll)` (aggregate): the union of the group's `hll()` values; sketches of different
/// accuracy do not merge (`E_SKETCH_MISMATCH`). Named `hll_merge_x`.
struct HllMergeAggregate: AggregateFunction {
    let name = "hll_merge"

    func outputColumns(_ args: [ArgumentInfo], star: [Field]) throws(FunctionError) -> [Field] {
        try Signature.check(name, args, [.dynamic])
        return [Field(AggregateSupport.name(name, args), .dynamic)]
    }

    func aggregate(
        _ args: [ColumnarValue], star: [Column], groups: GroupIndex,
        context: FunctionContext
    ) throws(FunctionError) -> [Column] {
        var merged = [HyperLogLog?](repeating: nil, count: groups.groupCount)
        for (i, g) in groups.groupIDs.enumerated() {
            guard let h = try SketchCodec.hll(args[0].value(i)) else { continue }
            if merged[Int(g)] == nil { merged[Int(g)] = h; continue }
            try SeriesArgument.run { () throws(SeriesAnalysisError) in try merged[Int(g)]!.merge(h) }
        }
        return [AggregateSupport.column(merged.map { $0.map(SketchCodec.dynamic) ?? .dynamic(.null) }, .dynamic)]
    }
}

/// `dcount(x [, accuracy])` / `dcountif(x, predicate [, accuracy])`: the number of distinct non-null
/// values, estimated by HyperLogLog at the accuracy level (0–4, default 1) with the errors of the
/// page's table, and exact up to 1000 values at the default level (8000 at level 2), as ADX documents.
/// Named `dcount_x` / `dcountif_x`.
struct DcountAggregate: AggregateFunction {
    let conditional: Bool
    var name: String { conditional ? "dcountif" : "dcount" }

    func outputColumns(_ args: [ArgumentInfo], star: [Field]) throws(FunctionError) -> [Field] {
        if conditional {
            try Signature.check(name, args, [.any, .bool, .integer], arity: 2...3)
        } else {
            try Signature.check(name, args, [.any, .integer], arity: 1...2)
        }
        let k = conditional ? 2 : 1
        if args.count > k {
            _ = try SketchCodec.accuracy(try Signature.constant(name, args, k, "accuracy"), argument: k)
        }
        return [Field(AggregateSupport.name(name, args), .long)]
    }

    func aggregate(
        _ args: [ColumnarValue], star: [Column], groups: GroupIndex,
        context: FunctionContext
    ) throws(FunctionError) -> [Column] {
        let k = conditional ? 2 : 1
        let accuracy = args.count > k ? args[k].constantValue : nil
        var x = args[0], g = groups
        if conditional {
            let n = AggregateSupport.rows(groups)
            let mask = AggregateSupport.mask(args[1], rows: n)
            let kept = (0..<n).filter { mask[$0] }
            if case .column(let c) = x { x = .column(c.gather(kept)) }
            g = GroupIndex(groupIDs: kept.map { groups.groupIDs[$0] }, groupCount: groups.groupCount)
        }
        return [
            Column(
                int64s: try HllAggregate.sketches(x, accuracy: accuracy, groups: g, budget: context.budget).map(
                    \.estimate))
        ]
    }
}
