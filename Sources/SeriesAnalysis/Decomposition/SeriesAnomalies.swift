/// `series_decompose_anomalies` and `series_decompose_forecast`.
///
/// Anomalies follow the page's three steps: decompose (`SeriesDecomposition`), score the residual
/// with `series_outliers` and the chosen method (`ctukey` by default), and flag +1 where the score
/// is above `threshold`, −1 where it is below −threshold, 0 elsewhere. The fences are learnt from the
/// residuals of the learning part (all points unless `testPoints` is set); missing points score 0.
/// The forecast is the baseline of a decomposition whose last `points` points are not learnt from.
public struct SeriesAnomalies: Sendable, Hashable {
    /// +1 / −1 / 0 for up / down / no anomaly (`ad_flag`).
    public var flags: [Int64]
    /// The outlier score of each residual (`ad_score`).
    public var scores: [Double]
    /// The decomposition's baseline (`baseline`).
    public var baseline: [Double]

    /// The threshold of the page's default (mild anomalies, k = 1.5).
    public static let defaultThreshold = 1.5

    /// Detects the anomalies of `series`.
    public init(
        _ series: NumericSeries, threshold: Double = defaultThreshold,
        seasonality: SeriesDecomposition.Seasonality = .default,
        trend: SeriesDecomposition.Trend = .average, testPoints: Int = 0,
        method: SeriesOutliers.Method = .default
    ) throws(SeriesAnalysisError) {
        try method.validate()
        let decomposition = try SeriesDecomposition(
            series, seasonality: seasonality, trend: trend, testPoints: testPoints)
        let n = series.count
        let residual = decomposition.residual
        var scores = [Double](repeating: 0, count: n)
        SeriesOutliers.score(
            residual.values, count: n, reference: max(0, n - testPoints),
            excluded: MissingMask(residual), method: method, into: &scores)
        var flags = [Int64](repeating: 0, count: n)
        for i in 0..<n {
            if scores[i] > threshold { flags[i] = 1 } else if scores[i] < -threshold { flags[i] = -1 }
        }
        self.flags = flags
        self.scores = scores
        self.baseline = decomposition.baseline
    }

    /// The forecast of `series`: its baseline learnt without the last `points` points.
    public static func forecast(
        _ series: NumericSeries, points: Int,
        seasonality: SeriesDecomposition.Seasonality = .default,
        trend: SeriesDecomposition.Trend = .average
    ) throws(SeriesAnalysisError) -> [Double] {
        try SeriesDecomposition(series, seasonality: seasonality, trend: trend, testPoints: points).baseline
    }
}
