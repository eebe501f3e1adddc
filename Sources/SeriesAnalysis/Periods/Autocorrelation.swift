/// The autocorrelation of a series about its mean, the measure behind the period scores.
///
/// `r(L) = (Σ_t x[t]·x[t+L] / pairs(L)) / (Σ_t x[t]² / count)` with x the series minus its mean:
/// the lag-L covariance over the pairs that exist, divided by the variance. Missing elements take
/// no part. Non-integer lags interpolate linearly between the neighbouring integer lags.
///
/// Every lag's sum is computed at once, as the inverse transform of the power spectrum of the
/// zero-padded series (Wiener–Khinchin), in O(n log n); the period search then reads any lag in O(1).
struct Autocorrelation {
    /// Σ x[t]·x[t+L] for every lag L < n.
    private let lagSums: [Double]
    /// The number of pairs at each lag; empty when no element is missing (then n − L).
    private let lagPairs: [Double]
    /// Σ x² / count; 0 for a constant or empty series.
    let variance: Double
    let count: Int

    init(_ values: [Double], missing: MissingMask) {
        let n = values.count
        count = n
        var sum = 0.0
        var present = 0
        for i in 0..<n where !missing(i) { sum += values[i]; present += 1 }
        let mean = present > 0 ? sum / Double(present) : 0
        var centred = [Double](repeating: 0, count: n)
        var squares = 0.0
        for i in 0..<n where !missing(i) {
            centred[i] = values[i] - mean
            squares += centred[i] * centred[i]
        }
        variance = present > 0 ? squares / Double(present) : 0
        lagSums = Autocorrelation.lagProducts(centred)
        if missing.count(in: n) == 0 {
            lagPairs = []
        } else {
            let indicator = (0..<n).map { missing($0) ? 0.0 : 1.0 }
            lagPairs = Autocorrelation.lagProducts(indicator).map { $0.rounded() }
        }
    }

    init(_ series: NumericSeries) {
        self.init(series.values, missing: MissingMask(series))
    }

    /// r(L) for an integer lag; nil when no pair of points is L apart or the series is constant.
    func at(_ lag: Int) -> Double? {
        guard lag >= 0, lag < count, variance > 0 else { return nil }
        let pairs = lagPairs.isEmpty ? Double(count - lag) : lagPairs[lag]
        guard pairs > 0 else { return nil }
        return lagSums[lag] / pairs / variance
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

    /// Σ_t x[t]·x[t+L] for L = 0…n−1: the power spectrum of x padded to a power of two ≥ 2n,
    /// transformed back.
    static func lagProducts(_ x: [Double]) -> [Double] {
        let n = x.count
        guard n > 0 else { return [] }
        var size = 4
        while size < 2 * n { size <<= 1 }
        var padded = [Double](repeating: 0, count: size)
        for i in 0..<n { padded[i] = x[i] }
        let spectrum = RealFourierTransform.spectrum(padded)
        var power = [Double](repeating: 0, count: size / 2 + 1)
        for k in 0...(size / 2) { power[k] = spectrum.re[k] * spectrum.re[k] + spectrum.im[k] * spectrum.im[k] }
        return Array(RealFourierTransform.inverseOfEvenSpectrum(power, length: size).prefix(n))
    }
}
