/// `series_stats` and `series_stats_dynamic`: summary statistics of a series.
///
/// With `ignoreNonFinite` false (the default) a series holding a null, NaN or infinity has null
/// statistics, as the pages say; with true those elements are left out and the indexes still count
/// positions in the whole series. Variance and stdev are the sample ones (the page's example:
/// 812.457 for 15 values is Σ(x − mean)² / 14); a single value has variance 0.
public struct SeriesStatistics: Sendable, Hashable {
    /// The smallest value.
    public var min: Double?
    /// The first position of the minimum.
    public var minIndex: Int?
    /// The largest value.
    public var max: Double?
    /// The first position of the maximum.
    public var maxIndex: Int?
    /// The mean.
    public var avg: Double?
    /// The sample variance (divided by count − 1).
    public var variance: Double?
    /// The sample standard deviation.
    public var stdev: Double?
    /// The sum.
    public var sum: Double?
    /// How many values the statistics are over (`len` of `series_stats_dynamic`); nil when null.
    public var count: Int?

    /// The statistics of `series`.
    public init(_ series: NumericSeries, ignoreNonFinite: Bool = false) {
        let n = series.count
        var used = 0
        var lo = Double.infinity, hi = -Double.infinity
        var loIndex = -1, hiIndex = -1
        var total = 0.0
        for i in 0..<n {
            let v = series.values[i]
            if series.isMissing(i) || !v.isFinite {
                if ignoreNonFinite { continue }
                return
            }
            used += 1
            total += v
            if v < lo { lo = v; loIndex = i }
            if v > hi { hi = v; hiIndex = i }
        }
        guard used > 0 else { return }
        let mean = total / Double(used)
        var squares = 0.0
        for i in 0..<n where !series.isMissing(i) && series.values[i].isFinite {
            let d = series.values[i] - mean
            squares += d * d
        }
        let variance = used > 1 ? squares / Double(used - 1) : 0
        self.min = lo; minIndex = loIndex
        self.max = hi; maxIndex = hiIndex
        avg = mean
        self.variance = variance
        stdev = variance.squareRoot()
        sum = total
        count = used
    }
}
