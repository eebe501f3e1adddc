import Columnar
import SeriesAnalysis

/// `series_outliers(series [, kind [, ignore_val [, min_percentile [, max_percentile]]]])`: a Tukey's-fences
/// score per point (`ctukey` by default, with percentiles 10/90 or custom ones in [2, 98]; `tukey` uses
/// 25/75). Nulls and `ignore_val` points score 0.
enum SeriesOutliersFunction {
    static let function = SeriesFunction(
        "series_outliers", "Tukey's-fences outlier score of every point of a series.",
        arity: 1...5, kinds: [.dynamic, .string, .number, .number, .number]
    ) {
        (r: SeriesRow) throws(FunctionError) -> Value in
        guard let s = SeriesArgument.series(r[0]) else { return .dynamic(.null) }
        var m = try method(SeriesArgument.string(r[1]) ?? "ctukey", argument: 1)
        if case .customTukey = m {
            m = .customTukey(
                minPercentile: SeriesArgument.double(r[3]) ?? 10, maxPercentile: SeriesArgument.double(r[4]) ?? 90)
        }
        let method = m
        return SeriesArgument.dynamic(
            try SeriesArgument.run { () throws(SeriesAnalysisError) in
                try SeriesOutliers.scores(s, method: method, ignoreValue: SeriesArgument.double(r[2]))
            })
    }

    /// The `kind` / `AD_method` argument.
    static func method(_ kind: String, argument: Int) throws(FunctionError) -> SeriesOutliers.Method {
        switch kind {
        case "ctukey": return .default
        case "tukey": return .tukey
        default:
            throw FunctionError(
                .seriesArgument, "the outlier method must be 'ctukey' or 'tukey', not '\(kind)'", argument: argument)
        }
    }
}
