/// The autocorrelation of a series about its mean, the measure behind the period scores.
///
/// `r(L) = (Σ_t x[t]·x[t+L] / pairs(L)) / (Σ_t x[t]² / count)` with x the series minus its mean:
/// the lag-L covariance over the pairs that exist, divided by the variance. Missing elements take
/// no part. Non-integer lags interpolate linearly between the neighbouring integer lags.
struct Autocorrelation {
    /// The centred values, 0 where missing.
    private let centred: [Double]
    /// Whether each element is present; empty when all are.
    private let present: [Bool]
    /// Σ x² / count; 0 for a constant or empty series.
    let variance: Double

    init(_ values: [Double], missing: (Int) -> Bool, missingCount: Int) {
        let n = values.count
        var sum = 0.0
        var count = 0
        for i in 0..<n where !missing(i) { sum += values[i]; count += 1 }
        let mean = count > 0 ? sum / Double(count) : 0
        var centred = [Double](repeating: 0, count: n)
        var squares = 0.0
        for i in 0..<n where !missing(i) {
            centred[i] = values[i] - mean
            squares += centred[i] * centred[i]
        }
        self.centred = centred
        self.present = missingCount == 0 ? [] : (0..<n).map { !missing($0) }
        self.variance = count > 0 ? squares / Double(count) : 0
    }

    init(_ series: NumericSeries) {
        self.init(series.values, missing: series.isMissing, missingCount: series.missingCount)
    }

    var count: Int { centred.count }

    /// r(L) for an integer lag; nil when no pair of points is L apart or the series is constant.
    func at(_ lag: Int) -> Double? {
        let n = centred.count
        guard lag >= 0, lag < n, variance > 0 else { return nil }
        var total = 0.0
        var pairs = 0
        centred.withUnsafeBufferPointer { x in
            if present.isEmpty {
                for t in 0..<(n - lag) { total += x[t] * x[t + lag] }
                pairs = n - lag
            } else {
                for t in 0..<(n - lag) where present[t] && present[t + lag] {
                    total += x[t] * x[t + lag]
                    pairs += 1
                }
            }
        }
        guard pairs > 0 else { return nil }
        return total / Double(pairs) / variance
    }

    /// r(L) for a lag that may be fractional.
    func at(fractional lag: Double) -> Double? {
        let low = lag.rounded(.down)
        let fraction = lag - low
        guard low >= 0, low < Double(count) else { return nil }
        let l = Int(low)
        if fraction == 0 { return at(l) }
        guard let a = at(l), let b = at(l + 1) else { return nil }
        return a + (b - a) * fraction
    }
}
