/// `series_decompose`: seasonal + trend + residual.
///
/// The page's order of steps: (1) the seasonal component — the median of the points in the same
/// phase of the period (`SeasonalComponent`), or 0 without seasonality; (2) the deseasonal series
/// x − seasonal; (3) the trend of the deseasonal series — its average, its least-squares line
/// (x = 1…n, as `series_fit_line`) or 0; (4) baseline = seasonal + trend; (5) residual =
/// x − baseline. The last `testPoints` points take no part in learning the components, which are
/// extended over them (the line is extrapolated, the phases continue): that is the forecast.
///
/// Auto-detection runs `series_periods_detect`'s search over periods 4…n/2 of the learning part
/// minus its least-squares line, and takes the best period whose score reaches the threshold (0.6 by
/// default). With a `linefit` trend the phase medians are also taken of the detrended series; steps
/// (2)–(5) are as the page says. Both are choices of this implementation, for series with a trend:
/// a trend raises the autocorrelation at every short lag and hides the period, and phase medians of
/// a rising series pick up the level of its middle period, leaving a sawtooth of ± half a period's
/// rise in the residual. The pages' trend examples need neither to happen: with `avg` the weekly
/// baseline is found but "doesn't contain the trend", so some inserted outliers are missed; with
/// `linefit` and threshold 2.5 "only the outliers you inserted" are flagged. Missing points are left
/// out of every median, average and fit; their residual is missing.
public struct SeriesDecomposition: Sendable, Hashable {
    /// How the seasonal component is found.
    public enum Seasonality: Sendable, Hashable {
        /// Detect the period (`-1`); use it when its score reaches `threshold`.
        case detect(threshold: Double = 0.6)
        /// A given period in bins (a positive integer).
        case period(Int)
        /// No seasonal component (`0`).
        case none

        /// Auto-detection with the page's default threshold.
        public static let `default` = Seasonality.detect()

        /// The KQL argument: -1 detects, 0 is none, a positive number is the period.
        public init(argument: Int64, threshold: Double = 0.6) throws(SeriesAnalysisError) {
            switch argument {
            case -1: self = .detect(threshold: threshold)
            case 0: self = .none
            case 1...Int64(Int32.max): self = .period(Int(argument))
            default:
                throw .argument(
                    "Seasonality must be -1 (detect), 0 (none) or a positive number of bins, not \(argument)")
            }
        }
    }

    /// How the trend component is found.
    public enum Trend: String, Sendable, Hashable, CaseIterable {
        /// The average of the deseasonal series (`avg`, the default).
        case average = "avg"
        /// A least-squares line through the deseasonal series (`linefit`).
        case lineFit = "linefit"
        /// No trend component (`none`).
        case none = "none"

        /// The KQL argument (`avg`, `linefit`, `none`).
        public init(argument: String) throws(SeriesAnalysisError) {
            guard let trend = Trend(rawValue: argument) else {
                throw .argument("Trend must be 'avg', 'linefit' or 'none', not '\(argument)'")
            }
            self = trend
        }
    }

    /// seasonal + trend.
    public var baseline: [Double]
    /// The per-phase medians, repeated; 0 without seasonality.
    public var seasonal: [Double]
    /// The trend component; 0 with `none`.
    public var trend: [Double]
    /// x − baseline; nil where x is missing.
    public var residual: NumericSeries
    /// The period used; 0 when there is no seasonal component.
    public var period: Int

    /// Decomposes `series`.
    public init(
        _ series: NumericSeries, seasonality: Seasonality = .default, trend: Trend = .average,
        testPoints: Int = 0
    ) throws(SeriesAnalysisError) {
        guard testPoints >= 0 else {
            throw .argument("Test_points must not be negative, not \(testPoints)")
        }
        if case .period(let p) = seasonality, p < 1 {
            throw .argument("a seasonal period must be a positive number of bins, not \(p)")
        }
        let n = series.count
        let learn = max(0, n - testPoints)
        let values = series.values
        let missing = MissingMask(series)

        // 1. Seasonal component: the period is searched in the linearly detrended learning part; the
        // phase medians are taken of the detrended series when the trend is a line.
        var detrended = values
        if seasonality != .none {
            SeriesDecomposition.detrend(&detrended, count: learn, missing: missing)
        }
        let seasonSource = trend == .lineFit ? detrended : values
        var period = 0
        switch seasonality {
        case .none: period = 0
        case .period(let p): period = p
        case .detect(let threshold):
            let part = Array(detrended.prefix(learn))
            if let found = SeriesPeriods.strongest(part, missing: missing),
                found.score >= threshold
            {
                period = found.period
            }
        }
        var seasonal = [Double](repeating: 0, count: n)
        if period > 0 {
            let medians = SeasonalComponent.phaseMedians(seasonSource, count: learn, period: period, missing: missing)
            for i in 0..<n {
                let m = medians[i % period]
                seasonal[i] = m.isNaN ? 0 : m
            }
        }

        // 2–3. Trend of the deseasonal series, learnt on the first `learn` points.
        var trendValues = [Double](repeating: 0, count: n)
        switch trend {
        case .none:
            break
        case .average:
            var total = 0.0, used = 0
            for i in 0..<learn where !missing(i) { total += values[i] - seasonal[i]; used += 1 }
            let level = used > 0 ? total / Double(used) : 0
            for i in 0..<n { trendValues[i] = level }
        case .lineFit:
            let line = SeriesDecomposition.line(values, minus: seasonal, count: learn, missing: missing)
            for i in 0..<n { trendValues[i] = line.slope * Double(i + 1) + line.intercept }
        }

        // 4–5. Baseline and residual.
        var baseline = [Double](repeating: 0, count: n)
        var residual = [Double](repeating: 0, count: n)
        for i in 0..<n {
            baseline[i] = seasonal[i] + trendValues[i]
            residual[i] = values[i] - baseline[i]
        }
        self.baseline = baseline
        self.seasonal = seasonal
        self.trend = trendValues
        self.period = period
        if series.missingCount == 0 {
            self.residual = NumericSeries(reals: residual)
        } else {
            self.residual = NumericSeries(reals: (0..<n).map { missing($0) ? nil : residual[$0] })
        }
    }

    /// The least-squares line through `values − minus` over the first `count` points (x = i + 1);
    /// a flat line at the mean for a single point, 0 for none.
    static func line(
        _ values: [Double], minus offset: [Double]?, count: Int,
        missing: MissingMask
    ) -> (slope: Double, intercept: Double) {
        var m = 0
        var sx = 0.0, sy = 0.0
        @inline(__always) func y(_ i: Int) -> Double { offset.map { values[i] - $0[i] } ?? values[i] }
        for i in 0..<count where !missing(i) { m += 1; sx += Double(i + 1); sy += y(i) }
        guard m > 0 else { return (0, 0) }
        let mx = sx / Double(m), my = sy / Double(m)
        var sxx = 0.0, sxy = 0.0
        for i in 0..<count where !missing(i) {
            let dx = Double(i + 1) - mx
            sxx += dx * dx
            sxy += dx * (y(i) - my)
        }
        let slope = sxx > 0 ? sxy / sxx : 0
        return (slope, my - slope * mx)
    }

    /// Removes the least-squares line from the first `count` values in place.
    static func detrend(_ values: inout [Double], count: Int, missing: MissingMask) {
        let fit = line(values, minus: nil, count: count, missing: missing)
        for i in 0..<count where !missing(i) { values[i] -= fit.slope * Double(i + 1) + fit.intercept }
    }
}
