import Columnar
import SeriesAnalysis

/// `series_decompose_anomalies(series [, threshold, seasonality, trend, test_points, ad_method,
/// seasonality_threshold])`: decomposes the series, scores the residual with Tukey's fences (`ctukey`,
/// 10th–90th percentiles, by default; `tukey` for 25th–75th) and flags scores beyond the threshold
/// (1.5 by default) as +1 or -1. Returns ad_flag, ad_score and baseline.
enum SeriesDecomposeAnomaliesFunction {
    static let function = SeriesMultiFunction(
        "series_decompose_anomalies", "Anomalies of a series from its decomposition's residual.", arity: 1...7,
        kinds: [.dynamic, .number, .integer, .string, .integer, .string, .number],
        columns: ["ad_flag", "ad_score", "baseline"].map { Field($0, .dynamic) }
    ) { (r: SeriesRow) throws(FunctionError) -> [Value] in
        guard let s = SeriesArgument.series(r[0]) else { return [Value](repeating: .dynamic(.null), count: 3) }
        let threshold = SeriesArgument.double(r[1]) ?? SeriesAnomalies.defaultThreshold
        let o = try SeriesDecomposeFunctions.options(r, seasonality: 2, trend: 3, testPoints: 4, threshold: 6)
        let method = try SeriesOutliersFunction.method(SeriesArgument.string(r[5]) ?? "ctukey", argument: 5)
        let a = try SeriesArgument.run { () throws(SeriesAnalysisError) in
            try SeriesAnomalies(
                s, threshold: threshold, seasonality: o.seasonality, trend: o.trend,
                testPoints: o.testPoints, method: method)
        }
        return [SeriesArgument.longs(a.flags), SeriesArgument.reals(a.scores), SeriesArgument.reals(a.baseline)]
    }

    /// `series_decompose_forecast(series, points [, seasonality, trend, seasonality_threshold])`: the
    /// baseline learnt without the last `points` points, extended over them.
    static let forecast = SeriesFunction(
        "series_decompose_forecast", "Forecast of a series from its decomposition.",
        arity: 2...5, kinds: [.dynamic, .integer, .integer, .string, .number]
    ) {
        (r: SeriesRow) throws(FunctionError) -> Value in
        guard let s = SeriesArgument.series(r[0]) else { return .dynamic(.null) }
        let o = try SeriesDecomposeFunctions.options(r, seasonality: 2, trend: 3, testPoints: 1, threshold: 4)
        return SeriesArgument.reals(
            try SeriesArgument.run { () throws(SeriesAnalysisError) in
                try SeriesAnomalies.forecast(s, points: o.testPoints, seasonality: o.seasonality, trend: o.trend)
            })
    }
}
