/// `series_outliers`: a Tukey's-fences score for every point.
///
/// With `lo` and `hi` the low and high percentiles of the series (25/75 for `tukey`, 10/90 by
/// default for `ctukey`, which accepts any pair in [2, 98]) and `R = hi − lo`, a point above `hi`
/// scores `(x − hi)/R`, below `lo` scores `(x − lo)/R` (negative), and in between 0 — so a score
/// above k (1.5 on the page) is exactly a point beyond Tukey's fence `hi + k·R`. Nulls and
/// `ignoreValue` points score 0 and take no part in the percentiles, as the page says. Percentiles
/// interpolate linearly between the closest ranks. When R is 0 a point off the common value scores
/// ±infinity.
public enum SeriesOutliers {
    /// Which percentiles bound the normal range.
    public enum Method: Sendable, Hashable {
        /// The traditional 25th/75th percentiles.
        case tukey
        /// Custom percentiles, each in [2, 98]; 10/90 by default.
        case customTukey(minPercentile: Double = 10, maxPercentile: Double = 90)

        /// The method `series_outliers` and `series_decompose_anomalies` use by default (`ctukey`).
        public static let `default` = Method.customTukey()

        var bounds: (low: Double, high: Double) {
            switch self {
            case .tukey: (25, 75)
            case .customTukey(let low, let high): (low, high)
            }
        }

        func validate() throws(SeriesAnalysisError) {
            let (low, high) = bounds
            guard low >= 2, low <= 98, high >= 2, high <= 98 else {
                throw .argument("series_outliers' percentiles must be in [2.0, 98.0], not \(low) and \(high)")
            }
            guard low < high else {
                throw .argument("series_outliers' min_percentile (\(low)) must be below its max_percentile (\(high))")
            }
        }
    }

    /// The score of every point of `series`.
    public static func scores(
        _ series: NumericSeries, method: Method = .default,
        ignoreValue: Double? = nil
    ) throws(SeriesAnalysisError) -> NumericSeries {
        try method.validate()
        let n = series.count
        var excluded = MissingMask(series)
        if let ignoreValue {
            excluded = MissingMask(excluded: (0..<n).map { series.isMissing($0) || series.values[$0] == ignoreValue })
        }
        var out = [Double](repeating: 0, count: n)
        score(series.values, count: n, reference: n, excluded: excluded, method: method, into: &out)
        return NumericSeries(reals: out)
    }

    /// Scores `values[0..<count]` into `out`, with percentiles taken over the first `reference`
    /// values (the training part of a decomposition); excluded points score 0.
    static func score(
        _ values: [Double], count: Int, reference: Int, excluded: MissingMask,
        method: Method, into out: inout [Double]
    ) {
        var sorted = [Double]()
        sorted.reserveCapacity(reference)
        for i in 0..<reference where !excluded(i) && !values[i].isNaN { sorted.append(values[i]) }
        guard !sorted.isEmpty else {
            for i in 0..<count { out[i] = 0 }
            return
        }
        let (lowP, highP) = method.bounds
        let (low, high) = Quantiles.percentiles(&sorted, lowP, highP)
        let range = high - low
        values.withUnsafeBufferPointer { x in
            for i in 0..<count {
                if excluded(i) { out[i] = 0; continue }
                let v = x[i]
                if v > high {
                    out[i] = range > 0 ? (v - high) / range : .infinity
                } else if v < low {
                    out[i] = range > 0 ? (v - low) / range : -.infinity
                } else {
                    out[i] = 0
                }
            }
        }
    }
}
