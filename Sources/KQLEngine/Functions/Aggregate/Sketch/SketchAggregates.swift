/// The aggregates built on HyperLogLog and t-digest, the list the function registry includes.
enum SketchAggregates {
    static let all: [any AggregateFunction] = [
        DcountAggregate(conditional: false), DcountAggregate(conditional: true),
        HllAggregate(), ConditionalAggregate(name: "hll_if", base: HllAggregate(), predicateIndex: 1), HllMergeAggregate(),
        TDigestAggregate(), TDigestMergeAggregate(name: "tdigest_merge"), TDigestMergeAggregate(name: "merge_tdigest"),
        PercentileAggregate(form: .single, weighted: false), PercentileAggregate(form: .multiple, weighted: false),
        PercentileAggregate(form: .array, weighted: false), PercentileAggregate(form: .single, weighted: true),
        PercentileAggregate(form: .multiple, weighted: true), PercentileAggregate(form: .array, weighted: true),
    ]
}
