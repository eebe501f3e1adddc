/// `series_fir`: a finite impulse response filter.
///
/// Output `i` is `Σ_j filter[j] · x[i − j]` — the current point and the ones before it, which
/// suits streaming data. With `center`, the window moves forward by `(m − 1) / 2` points (integer
/// division, m the filter length) so it sits on both sides of the point and the output keeps the
/// series' phase (the page's 5-point moving average keeps its peak in place). Points before the
/// start and after the end count as 0. `normalize` divides the coefficients by their sum; when
/// absent it is true unless a coefficient is negative, and an explicit true with a negative
/// coefficient makes the result null, as the page says (so does a zero sum). An output that
/// depends on a missing element is missing.
public enum FIRFilter {
    /// Filters `series`; nil when the page says the result is null.
    public static func apply(
        _ series: NumericSeries, filter: [Double], normalize: Bool? = nil,
        center: Bool = false
    ) -> NumericSeries? {
        let m = filter.count
        guard m > 0, filter.allSatisfy(\.isFinite) else { return nil }
        let hasNegative = filter.contains { $0 < 0 }
        var coefficients = filter
        if normalize ?? !hasNegative {
            if hasNegative { return nil }
            let sum = filter.reduce(0, +)
            guard sum != 0 else { return nil }
            for j in 0..<m { coefficients[j] /= sum }
        }
        let n = series.count
        let shift = center ? (m - 1) / 2 : 0
        var out = [Double](repeating: 0, count: n)
        series.valuesWithMissingAsZero.withUnsafeBufferPointer { x in
            coefficients.withUnsafeBufferPointer { f in
                out.withUnsafeMutableBufferPointer { y in
                    for i in 0..<n {
                        // Input index i + shift − j must lie in 0..<n.
                        let jLow = max(0, i + shift - (n - 1))
                        let jHigh = min(m - 1, i + shift)
                        var acc = 0.0
                        if jLow <= jHigh {
                            for j in jLow...jHigh { acc += f[j] * x[i + shift - j] }
                        }
                        y[i] = acc
                    }
                }
            }
        }
        guard series.missingCount > 0 else { return NumericSeries(reals: out) }
        var result = [Double?](repeating: nil, count: n)
        for i in 0..<n {
            var tainted = false
            let jLow = max(0, i + shift - (n - 1)), jHigh = min(m - 1, i + shift)
            if jLow <= jHigh {
                for j in jLow...jHigh where coefficients[j] != 0 && series.isMissing(i + shift - j) {
                    tainted = true
                    break
                }
            }
            result[i] = tainted ? nil : out[i]
        }
        return NumericSeries(reals: result)
    }
}
