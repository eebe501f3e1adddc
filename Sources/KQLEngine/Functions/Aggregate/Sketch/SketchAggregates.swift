/// The aggregates built on HyperLogLog and t-digest: distinct counts, percentiles and the sketches themselves
/// (`hll`, `tdigest`) with their merges. The scalar functions that read the sketches are `SketchFunctions`.
enum SketchAggregates {
    static let all = FunctionFamily(
        "sketch",
        [
            .aggregate(
                DcountAggregate(conditional: false), "An estimate of the number of distinct values in the group.",
                example: "range x from 1 to 5 step 1 | summarize dcount(x % 2)"),
            .aggregate(
                DcountAggregate(conditional: true),
                "An estimate of the distinct values over the rows where a predicate holds.",
                example: "range x from 1 to 5 step 1 | summarize dcountif(x, x > 2)"),
            .aggregate(
                HllAggregate(), "The group's values as a HyperLogLog sketch, for dcount_hll() or hll_merge().",
                example: "range x from 1 to 100 step 1 | summarize h = hll(x) | project dcount_hll(h)"),
            .aggregate(
                ConditionalAggregate(name: "hll_if", base: HllAggregate(), predicateIndex: 1),
                "A HyperLogLog sketch of the values of rows where a predicate holds.",
                example: "range x from 1 to 100 step 1 | summarize h = hll_if(x, x > 50) | project dcount_hll(h)"),
            .aggregate(
                HllMergeAggregate(), "The group's HyperLogLog sketches merged into one.",
                example: "range x from 1 to 100 step 1 | summarize h = hll(x) by k = x % 2 | summarize hll_merge(h)"),
            .aggregate(
                TDigestAggregate(), "The group's values as a t-digest sketch, for percentile_tdigest() and its kin.",
                example: "range x from 1 to 100 step 1 | summarize t = tdigest(x) | project percentile_tdigest(t, 50)"),
            .aggregate(
                TDigestMergeAggregate(name: "tdigest_merge"), "The group's t-digest sketches merged into one.",
                example:
                    "range x from 1 to 100 step 1 | summarize t = tdigest(x) by k = x % 2 | summarize tdigest_merge(t)"),
            .aggregate(
                TDigestMergeAggregate(name: "merge_tdigest"), "The group's t-digest sketches merged into one.",
                example:
                    "range x from 1 to 100 step 1 | summarize t = tdigest(x) by k = x % 2 | summarize merge_tdigest(t)"),
            .aggregate(
                PercentileAggregate(form: .single, weighted: false),
                "An estimate of a percentile of the group's values.",
                example: "range x from 1 to 100 step 1 | summarize percentile(x, 50)"),
            .aggregate(
                PercentileAggregate(form: .multiple, weighted: false),
                "Estimates of several percentiles of the group's values.",
                example: "range x from 1 to 100 step 1 | summarize percentiles(x, 25, 50, 75)"),
            .aggregate(
                PercentileAggregate(form: .array, weighted: false), "Estimates of several percentiles, as one array.",
                example: "range x from 1 to 100 step 1 | summarize percentiles_array(x, 25, 50, 75)"),
            .aggregate(
                PercentileAggregate(form: .single, weighted: true),
                "A percentile of values each counted `weight` times.",
                example: "range x from 1 to 10 step 1 | summarize percentilew(x, x, 50)"),
            .aggregate(
                PercentileAggregate(form: .multiple, weighted: true), "Several percentiles of weighted values.",
                example: "range x from 1 to 10 step 1 | summarize percentilesw(x, x, 25, 50, 75)"),
            .aggregate(
                PercentileAggregate(form: .array, weighted: true),
                "Several percentiles of weighted values, as one array.",
                example: "range x from 1 to 10 step 1 | summarize percentilesw_array(x, x, 25, 50, 75)"),
        ])
}
