import Columnar
import SeriesAnalysis

/// `series_decompose(series [, seasonality, trend, test_points, seasonality_threshold])`: the series as
/// baseline (seasonal + trend), seasonal (per-phase medians), trend (average, line or none) and residual.
enum SeriesDecomposeFunctions {
    static let decompose = SeriesMultiFunction(
        "series_decompose", "Decomposes a series into seasonal, trend and residual components.", arity: 1...5,
        kinds: [.dynamic, .integer, .string, .integer, .number],
        columns: ["baseline", "seasonal", "trend", "residual"].map { Field($0, .dynamic) }
    ) { (r: SeriesRow) throws(FunctionError) -> [Value] in
        guard let s = SeriesArgument.series(r[0]) else { return [Value](repeating: .dynamic(.null), count: 4) }
        let o = try options(r, seasonality: 1, trend: 2, testPoints: 3, threshold: 4)
        let d = try SeriesArgument.run { () throws(SeriesAnalysisError) in
            try SeriesDecomposition(s, seasonality: o.seasonality, trend: o.trend, testPoints: o.testPoints)
        }
        return [
            SeriesArgument.reals(d.baseline), SeriesArgument.reals(d.seasonal), SeriesArgument.reals(d.trend),
            SeriesArgument.dynamic(d.residual),
        ]
    }

    /// The decomposition arguments shared with the anomalies and forecast functions, at their positions.
    static func options(
        _ r: SeriesRow, seasonality: Int, trend: Int, testPoints: Int?,
        threshold: Int
    ) throws(FunctionError) -> (
        seasonality: SeriesDecomposition.Seasonality,
        trend: SeriesDecomposition.Trend, testPoints: Int
    ) {
        let season = SeriesArgument.long(r[seasonality]) ?? -1
        let limit = SeriesArgument.double(r[threshold]) ?? 0.6
        let s = try SeriesArgument.run { () throws(SeriesAnalysisError) in
            try SeriesDecomposition.Seasonality(argument: season, threshold: limit)
        }
        let t = try SeriesArgument.run { () throws(SeriesAnalysisError) in
            try SeriesDecomposition.Trend(argument: SeriesArgument.string(r[trend]) ?? "avg")
        }
        let points = testPoints.flatMap { SeriesArgument.long(r[$0]) } ?? 0
        guard points >= 0, points <= Int64(Int32.max) else {
            throw FunctionError(
                .seriesArgument, "Test_points must be a non-negative number of points, not \(points)",
                argument: testPoints)
        }
        return (s, t, Int(points))
    }
}
