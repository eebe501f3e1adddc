import Columnar
import SeriesAnalysis

/// The scalar functions over `hll()` and `tdigest()` values: `dcount_hll`, `hll_merge`, `merge_tdigest`
/// (`tdigest_merge`), `percentile_tdigest`, `percentiles_array_tdigest`, `rank_tdigest` and
/// `percentrank_tdigest`. A value that is not a sketch is `E_SKETCH_FORMAT`; a null sketch gives null.
enum SketchFunctions {
    static let all = FunctionFamily("sketch", functions.map { .scalar($0, example: examples[$0.name] ?? "") })

    private static let examples: [String: String] = [
        "dcount_hll": "range x from 1 to 100 step 1 | summarize h = hll(x) | project dcount_hll(h)",
        "hll_merge":
            "range x from 1 to 100 step 1 | summarize a = hll_if(x, x < 60), b = hll_if(x, x > 40) | project hll_merge(a, b)",
        "merge_tdigest":
            "range x from 1 to 100 step 1 | summarize a = tdigest(x), b = tdigest(x * 2) | project merge_tdigest(a, b)",
        "tdigest_merge":
            "range x from 1 to 100 step 1 | summarize a = tdigest(x), b = tdigest(x * 2) | project tdigest_merge(a, b)",
        "percentile_tdigest":
            "range x from 1 to 100 step 1 | summarize t = tdigest(x) | project percentile_tdigest(t, 90)",
        "percentiles_array_tdigest":
            "range x from 1 to 100 step 1 | summarize t = tdigest(x) | project percentiles_array_tdigest(t, 25, 75)",
        "percentile_array_tdigest":
            "range x from 1 to 100 step 1 | summarize t = tdigest(x) | project percentile_array_tdigest(t, 25, 75)",
        "rank_tdigest": "range x from 1 to 100 step 1 | summarize t = tdigest(x) | project rank_tdigest(t, 50)",
        "percentrank_tdigest":
            "range x from 1 to 100 step 1 | summarize t = tdigest(x) | project percentrank_tdigest(t, 50)",
    ]

    private static let functions: [SeriesFunction] = [
        SeriesFunction(
            "dcount_hll", "Distinct count estimated from an hll() value.", arity: 1...1, kinds: [.dynamic],
            out: .long
        ) { (r: SeriesRow) throws(FunctionError) -> Value in
            try SketchCodec.hll(r[0]).map { .long($0.estimate) } ?? .null
        },
        SeriesFunction("hll_merge", "Merges hll() values.", arity: 2...64, kinds: [.dynamic]) {
            (r: SeriesRow) throws(FunctionError) -> Value in
            var merged: HyperLogLog?
            for k in 0..<r.count {
                guard let h = try SketchCodec.hll(r[k]) else { continue }
                if merged == nil {
                    merged = h
                } else {
                    try SeriesArgument.run { () throws(SeriesAnalysisError) in try merged!.merge(h) }
                }
            }
            return merged.map(SketchCodec.dynamic) ?? .dynamic(.null)
        },
        mergeTDigest("merge_tdigest"), mergeTDigest("tdigest_merge"),
        SeriesFunction(
            "percentile_tdigest", "A percentile from a tdigest() value.", arity: 2...3,
            kinds: [.dynamic, .number, .string]
        ) { (r: SeriesRow) throws(FunctionError) -> Value in
            guard let (d, t) = try SketchCodec.tdigest(r[0]), let p = SeriesArgument.double(r[1]) else {
                return .dynamic(.null)
            }
            return .dynamic(SketchCodec.value(d.percentile(p), try resultType(r, 2) ?? t).asDynamic)
        },
        percentilesArray("percentiles_array_tdigest"), percentilesArray("percentile_array_tdigest"),
        SeriesFunction(
            "rank_tdigest", "The number of values at or below a value, from a tdigest() value.", arity: 2...2,
            kinds: [.dynamic, .any], out: .long
        ) { (r: SeriesRow) throws(FunctionError) -> Value in
            guard let (d, _) = try SketchCodec.tdigest(r[0]), let v = SketchCodec.double(r[1]) else { return .null }
            return d.rank(of: v).map { .long(Int64($0.rounded())) } ?? .null
        },
        SeriesFunction(
            "percentrank_tdigest", "The percentage of values at or below a value, from a tdigest() value.",
            arity: 2...2, kinds: [.dynamic, .any], out: .real
        ) { (r: SeriesRow) throws(FunctionError) -> Value in
            guard let (d, _) = try SketchCodec.tdigest(r[0]), let v = SketchCodec.double(r[1]) else { return .null }
            return SeriesArgument.real(d.percentRank(of: v))
        },
    ]

    private static func mergeTDigest(_ name: String) -> SeriesFunction {
        SeriesFunction(name, "Merges tdigest() values.", arity: 1...64, kinds: [.dynamic]) {
            (r: SeriesRow) throws(FunctionError) -> Value in
            var merged: (digest: TDigest, type: ScalarType)?
            for k in 0..<r.count {
                guard let d = try SketchCodec.tdigest(r[k]) else { continue }
                if merged == nil { merged = d } else { merged!.digest.merge(d.digest) }
            }
            return merged.map { SketchCodec.dynamic($0.digest, type: $0.type) } ?? .dynamic(.null)
        }
    }

    private static func percentilesArray(_ name: String) -> SeriesFunction {
        SeriesFunction(
            name, "Several percentiles from a tdigest() value, as an array.", arity: 2...64,
            kinds: [.dynamic, .any]
        ) { (r: SeriesRow) throws(FunctionError) -> Value in
            guard let (d, t) = try SketchCodec.tdigest(r[0]) else { return .dynamic(.null) }
            var ps: [Double] = [], type = t
            for k in 1..<r.count {
                if case .dynamic(.array(let items)) = r[k] {
                    ps += items.compactMap { SeriesArgument.double(.dynamic($0)) }
                } else if k == r.count - 1, k > 1, case .string = r[k], let literal = try resultType(r, k) {
                    type = literal
                } else if let p = SeriesArgument.double(r[k]) {
                    ps.append(p)
                }
            }
            return .dynamic(.array(ps.map { SketchCodec.value(d.percentile($0), type).asDynamic }))
        }
    }

    /// The `typeof(...)` argument at `k` (the binder passes the type's name), when given.
    private static func resultType(_ r: SeriesRow, _ k: Int) throws(FunctionError) -> ScalarType? {
        guard let name = SeriesArgument.string(r[k]) else { return nil }
        guard let t = ScalarType(rawValue: name) else {
            throw FunctionError(.type, "expected a type such as typeof(long), got '\(name)'", argument: k)
        }
        return t
    }
}
