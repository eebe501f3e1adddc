/// `series_seasonal`, and the seasonal step of `series_decompose`: the median of the points in the
/// same phase of the period.
///
/// The page's examples fix the details: phases count from the first element, an even number of
/// points has the mean of the middle two as median (`[1,3,5,2,4,6,…]` with period 3 gives 1.5, 3.5,
/// 5.5), and auto-detection uses `series_periods_detect` with a 0.7 score threshold, returning zeros
/// when nothing reaches it.
public enum SeasonalComponent {
    /// The score a detected period needs for `series_seasonal` to use it.
    public static let detectionThreshold = 0.7

    /// The seasonal component of `series` for `period` bins, or for the detected period when nil.
    /// A period below 1 means no seasonality: zeros.
    public static func compute(_ series: NumericSeries, period: Int? = nil) -> NumericSeries {
        let n = series.count
        let chosen: Int
        if let period {
            chosen = period
        } else if let found = SeriesPeriods.strongest(series.values, missing: MissingMask(series)),
            found.score >= detectionThreshold
        {
            chosen = found.period
        } else {
            chosen = 0
        }
        guard chosen >= 1 else { return NumericSeries(reals: [Double](repeating: 0, count: n)) }
        let medians = phaseMedians(series.values, count: n, period: chosen, missing: MissingMask(series))
        var out = [Double](repeating: 0, count: n)
        var anyMissing = false
        for i in 0..<n {
            out[i] = medians[i % chosen]
            if out[i].isNaN { anyMissing = true }
        }
        return anyMissing ? NumericSeries(reals: out.map { $0.isNaN ? nil : $0 }) : NumericSeries(reals: out)
    }

    /// The median of `values[phase], values[phase + period], …` over the first `count` values, for
    /// each phase below `min(period, values.count)` (the phases a series of that length reaches, so a
    /// huge period allocates nothing huge); NaN for a phase with no present value.
    static func phaseMedians(_ values: [Double], count: Int, period: Int, missing: MissingMask) -> [Double] {
        var medians = [Double](repeating: .nan, count: min(period, values.count))
        var scratch = [Double]()
        scratch.reserveCapacity(count / max(period, 1) + 1)
        for phase in 0..<min(period, count) {
            scratch.removeAll(keepingCapacity: true)
            var i = phase
            while i < count {
                if !missing(i) { scratch.append(values[i]) }
                i += period
            }
            medians[phase] = Quantiles.median(&scratch)
        }
        return medians
    }
}
