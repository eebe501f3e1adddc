import Testing
import SeriesAnalysis

/// `series_decompose`, `series_decompose_anomalies`, `series_decompose_forecast` and `series_outliers`.
@Suite struct DecompositionTests {
    /// The pages' generator: five weeks of hourly points with weekly seasonality (weekdays
    /// `weekday` , weekends `weekend`), a daily dip, an optional trend t/72, dips of 8 at
    /// t = 150, 200, 780 and spikes of 8 at t = 300, 400, 600; `rand()` from a fixed seed.
    static func pageSeries(weekend: Double, trend: Bool, seed: UInt64) -> NumericSeries {
        var rng = SplitMix64(seed: seed)
        var y: [Double] = []
        for t in 1...(24 * 7 * 5) {
            let hour = Double((t % 24) / 10)
            var v = 2 * rng.unit() + ((t / 24) % 7 >= 5 ? weekend : 15.0) - hour * hour
            if trend { v += Double(t) / 72.0 }
            if [150, 200, 780].contains(t) { v -= 8 }
            if [300, 400, 600].contains(t) { v += 8 }
            y.append(v)
        }
        return NumericSeries(reals: y)
    }

    /// The positions (0-based) of the inserted outliers.
    static let inserted: Set<Int> = [149, 199, 779, 299, 399, 599]

    /// "series_decompose finds and automatically detects the seasonality": the weekly period.
    @Test func detectsWeeklySeasonality() throws {
        let y = Self.pageSeries(weekend: 10, trend: false, seed: 1)
        let d = try SeriesDecomposition(y)
        #expect(d.period == 168)
        // The outliers stand out in the residual.
        let largest = d.residual.values.indices.sorted { abs(d.residual.values[$0]) > abs(d.residual.values[$1]) }
            .prefix(6)
        #expect(Set(largest) == Self.inserted)
        for i in 0..<y.count { #expect(abs(d.baseline[i] - d.seasonal[i] - d.trend[i]) < 1e-12) }
    }

    /// "Now, only the outliers you inserted in the data will be detected" (threshold 2.5, linefit).
    @Test func anomaliesWithTrendAndHigherThreshold() throws {
        for seed: UInt64 in 1...5 {
            let y = Self.pageSeries(weekend: 5, trend: true, seed: seed)
            let a = try SeriesAnomalies(y, threshold: 2.5, seasonality: .default, trend: .lineFit)
            let flagged = Set(a.flags.indices.filter { a.flags[$0] != 0 })
            #expect(flagged == Self.inserted, "seed \(seed)")
            for i in [149, 199, 779] { #expect(a.flags[i] == -1) }
            for i in [299, 399, 599] { #expect(a.flags[i] == 1) }
        }
    }

    /// The page's note: with neither seasonality nor trend the baseline is 0 and the residual is x.
    @Test func nothingToExtract() throws {
        let y = series([3, 1, 4, 1, 5])
        let d = try SeriesDecomposition(y, seasonality: .none, trend: .none)
        #expect(d.baseline == [0, 0, 0, 0, 0] && d.residual.values == [3, 1, 4, 1, 5])
        #expect(try SeriesAnomalies.forecast(y, points: 2, seasonality: .none, trend: .none) == [0, 0, 0, 0, 0])
    }

    /// A periodic series without trend, derived by hand: the phase medians are the pattern and the
    /// average of the deseasonal series is 0, so the forecast continues the pattern exactly.
    @Test func forecastContinuesThePattern() throws {
        let pattern: [Double] = [5, 9, 4, 7, 1, 8]
        let values = (0..<60).map { pattern[$0 % 6] }
        // The last 12 points are "empty" (0) as make-series leaves them, and not learnt from.
        var input = values
        for i in 48..<60 { input[i] = 0 }
        let forecast = try SeriesAnomalies.forecast(NumericSeries(reals: input), points: 12, seasonality: .period(6))
        #expect(forecast == values)
        // Auto-detection finds the 6 too.
        #expect(try SeriesAnomalies.forecast(NumericSeries(reals: input), points: 12) == values)
    }

    /// A linear trend alone: linefit extrapolates it over the test points.
    @Test func forecastExtrapolatesTheLine() throws {
        var input = (1...30).map { 2 * Double($0) + 1 }
        for i in 25..<30 { input[i] = 0 }
        let forecast = try SeriesAnomalies.forecast(
            NumericSeries(reals: input), points: 5, seasonality: .none, trend: .lineFit)
        expectClose(forecast, (1...30).map { 2 * Double($0) + 1 })
    }

    @Test func hugePeriodAndTestPoints() throws {
        let y = series([1, 2, 3, 4])
        #expect(
            try SeriesDecomposition(y, seasonality: .period(Int(Int32.max)), trend: .none).seasonal == [1, 2, 3, 4])
        #expect(try SeriesAnomalies.forecast(y, points: Int.max, seasonality: .none) == [0, 0, 0, 0])
    }

    @Test func arguments() throws {
        #expect(try SeriesDecomposition.Seasonality(argument: -1) == .detect(threshold: 0.6))
        #expect(try SeriesDecomposition.Seasonality(argument: 0) == .none)
        #expect(try SeriesDecomposition.Seasonality(argument: 168) == .period(168))
        #expect(throws: SeriesAnalysisError.self) { try SeriesDecomposition.Seasonality(argument: -2) }
        #expect(try SeriesDecomposition.Trend(argument: "linefit") == .lineFit)
        #expect(throws: SeriesAnalysisError.self) { try SeriesDecomposition.Trend(argument: "spline") }
        #expect(throws: SeriesAnalysisError.self) { try SeriesDecomposition(series([1]), testPoints: -1) }
    }

    /// Tukey's fences, derived by hand. Values 1…9 and 30: the 25th/75th percentiles (positions
    /// 2.25 and 6.75 of the sorted ten) are 3.25 and 7.75, R = 4.5, so 30 scores (30 − 7.75)/4.5.
    @Test func tukeyScores() throws {
        let s = series([1, 2, 3, 4, 5, 6, 7, 8, 9, 30])
        let t = try SeriesOutliers.scores(s, method: .tukey)
        expectClose(
            t,
            [
                (1 - 3.25) / 4.5, (2 - 3.25) / 4.5, (3 - 3.25) / 4.5, 0, 0, 0, 0, (8 - 7.75) / 4.5, (9 - 7.75) / 4.5,
                (30 - 7.75) / 4.5,
            ])
        // ctukey's 10th/90th: positions 0.9 and 8.1 → 1.9 and 9 + 0.1·21 = 11.1, R = 9.2.
        let c = try SeriesOutliers.scores(s)
        expectClose(c, [(1 - 1.9) / 9.2, 0, 0, 0, 0, 0, 0, 0, 0, (30 - 11.1) / 9.2])
    }

    /// "The score of nulls and ignore values is set to 0" and they take no part in the percentiles.
    @Test func outliersIgnoreNullsAndIgnoreValue() throws {
        let with = try SeriesOutliers.scores(
            series([1, 2, 3, 4, 5, 6, 7, 8, 9, 30, nil, -1]), method: .tukey, ignoreValue: -1)
        let without = try SeriesOutliers.scores(series([1, 2, 3, 4, 5, 6, 7, 8, 9, 30]), method: .tukey)
        #expect(Array(with.values.prefix(10)) == without.values)
        #expect(with.values[10] == 0 && with.values[11] == 0)
        #expect(throws: SeriesAnalysisError.self) {
            try SeriesOutliers.scores(series([1]), method: .customTukey(minPercentile: 1, maxPercentile: 90))
        }
        #expect(throws: SeriesAnalysisError.self) {
            try SeriesOutliers.scores(series([1]), method: .customTukey(minPercentile: 60, maxPercentile: 40))
        }
    }
}
