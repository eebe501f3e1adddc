/// `series_periods_detect` and `series_periods_validate`.
///
/// The pages give the constraints (a period has at least 4 points and at most half the series;
/// scores lie in [0, 1]; validate takes up to 16 periods) and examples, not the formula. The score
/// used here reproduces the examples: a period p scores the smaller of the autocorrelations at lags
/// p and 2p (see `Autocorrelation`), clipped to [0, 1] — the pattern must repeat at least twice.
/// On the pages' 60-point traffic series it gives 0.8412 for 14 (the pages show "0.84, truncated")
/// and 0 for 10; it detects 6 and 5 bins in `series_seasonal`'s first two examples and nothing in
/// the 12-point third (6 bins leaves no lag-12 pair), as that page shows.
///
/// Detection proposes candidates the AUTOPERIOD way: each local maximum k of the periodogram (the
/// squared DFT of the centred series, k = 1…n/2) stands for periods between n/(k+1) and n/(k−1);
/// within that range (and the caller's) the autocorrelation is climbed from n/k to its local peak,
/// whose lag is the candidate period. Candidates with a positive score are returned by descending
/// score (then ascending period), padded with zeros to `count`.
public enum SeriesPeriods {
    /// Periods with their scores, in matching positions.
    public struct Result: Sendable, Hashable {
        /// Periods in bins, best first; 0 pads the unused positions.
        public var periods: [Double]
        /// Each period's score in [0, 1].
        public var scores: [Double]
    }

    /// The shortest period the algorithm considers, in bins.
    public static let minimumPeriod = 4.0
    /// The longest output `series_periods_detect` produces (a series has at most n/2 periods).
    public static let maximumDetectedPeriods = 10_000
    /// At most this many periods can be validated at once.
    public static let maximumValidatedPeriods = 16

    /// The `count` most significant periods between `minPeriod` and `maxPeriod` bins.
    public static func detect(
        _ series: NumericSeries, minPeriod: Double, maxPeriod: Double,
        count: Int
    ) throws(SeriesAnalysisError) -> Result {
        guard count >= 0, count <= maximumDetectedPeriods else {
            throw .argument(
                "series_periods_detect's num_periods must be between 0 and \(maximumDetectedPeriods), not \(count)")
        }
        guard minPeriod.isFinite, maxPeriod.isFinite else {
            throw .argument("series_periods_detect's min_period and max_period must be finite numbers")
        }
        let found = candidates(
            Autocorrelation(series), values: series.values, missing: MissingMask(series),
            minPeriod: minPeriod, maxPeriod: maxPeriod)
        var periods = found.prefix(count).map { Double($0.period) }
        var scores = found.prefix(count).map(\.score)
        while periods.count < count { periods.append(0); scores.append(0) }
        return Result(periods: periods, scores: scores)
    }

    /// The score of each given period (0 outside [4, n/2]).
    public static func validate(_ series: NumericSeries, periods: [Double]) throws(SeriesAnalysisError) -> [Double] {
        guard !periods.isEmpty, periods.count <= maximumValidatedPeriods else {
            throw .argument(
                "series_periods_validate takes 1 to \(maximumValidatedPeriods) periods, not \(periods.count)")
        }
        let acf = Autocorrelation(series)
        return periods.map { score(acf, period: $0) }
    }

    /// The score of one period: min(r(p), r(2p)) clipped to [0, 1].
    static func score(_ acf: Autocorrelation, period: Double) -> Double {
        let n = Double(acf.count)
        guard period.isFinite, period >= minimumPeriod, period <= n / 2, 2 * period <= n - 1,
            let once = acf.at(fractional: period), let twice = acf.at(fractional: 2 * period)
        else { return 0 }
        let s = min(once, twice)
        return s.isNaN ? 0 : min(1, max(0, s))
    }

    /// The top period and its score, as decomposition's auto-detection uses it.
    static func strongest(_ values: [Double], missing: MissingMask) -> (period: Int, score: Double)? {
        let acf = Autocorrelation(values, missing: missing)
        return candidates(
            acf, values: values, missing: missing, minPeriod: minimumPeriod,
            maxPeriod: Double(values.count) / 2
        ).first
    }

    /// Every candidate period with a positive score, best first.
    static func candidates(
        _ acf: Autocorrelation, values: [Double], missing: MissingMask,
        minPeriod: Double, maxPeriod: Double
    ) -> [(period: Int, score: Double)] {
        let n = values.count
        let low = max(minPeriod, minimumPeriod)
        let high = min(maxPeriod, Double(n) / 2, Double(n - 1) / 2)
        guard n >= 9, acf.variance > 0, low <= high else { return [] }
        // Periodogram of the centred series (missing elements at the mean).
        var mean = 0.0, present = 0
        for i in 0..<n where !missing(i) { mean += values[i]; present += 1 }
        mean /= Double(present)
        var centred = [Double](repeating: 0, count: n)
        for i in 0..<n where !missing(i) { centred[i] = values[i] - mean }
        let spectrum = RealFourierTransform.spectrum(centred)
        let half = n / 2
        var power = [Double](repeating: 0, count: half + 2)
        for k in 1...half { power[k] = spectrum.re[k] * spectrum.re[k] + spectrum.im[k] * spectrum.im[k] }
        var best: [Int: Double] = [:]
        for k in 1...half {
            let left = k > 1 ? power[k - 1] : -1
            let right = k < half ? power[k + 1] : -1
            guard power[k] > left, power[k] >= right else { continue }
            let lagLow = Int(max(Double(n) / Double(k + 1), low).rounded(.up))
            let lagHigh = Int(min(k > 1 ? Double(n) / Double(k - 1) : .infinity, high).rounded(.down))
            guard lagLow <= lagHigh else { continue }
            let start = min(max(Int((Double(n) / Double(k)).rounded()), lagLow), lagHigh)
            let lag = climb(acf, from: start, within: lagLow...lagHigh)
            let s = score(acf, period: Double(lag))
            if s > 0, s > best[lag] ?? 0 { best[lag] = s }
        }
        return best.map { (period: $0.key, score: $0.value) }
            .sorted { $0.score != $1.score ? $0.score > $1.score : $0.period < $1.period }
    }

    /// Hill-climbs the autocorrelation from `start` to a local maximum inside `range`.
    private static func climb(_ acf: Autocorrelation, from start: Int, within range: ClosedRange<Int>) -> Int {
        var lag = start
        var value = acf.at(lag) ?? -.infinity
        while true {
            let down = range.contains(lag - 1) ? acf.at(lag - 1) ?? -.infinity : -.infinity
            let up = range.contains(lag + 1) ? acf.at(lag + 1) ?? -.infinity : -.infinity
            if down > value, down >= up {
                lag -= 1; value = down
            } else if up > value {
                lag += 1; value = up
            } else {
                return lag
            }
        }
    }
}
