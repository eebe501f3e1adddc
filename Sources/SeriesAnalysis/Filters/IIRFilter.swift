/// `series_iir`: an infinite impulse response filter.
///
/// The page's recursion: `y[i] = (Σ_{j<nb} b[j]·x[i−j] − Σ_{1≤j<na} a[j]·y[i−j]) / a[0]`, with
/// `b` the numerators and `a` the denominators; terms before the start are 0. `a[0]` must not be
/// zero. An output that depends, directly or through the recursion, on a missing element is missing.
public enum IIRFilter {
    /// Filters `series`.
    public static func apply(
        _ series: NumericSeries, numerators b: [Double],
        denominators a: [Double]
    ) throws(SeriesAnalysisError) -> NumericSeries {
        guard !b.isEmpty, !a.isEmpty else {
            throw .argument("series_iir needs at least one numerator and one denominator coefficient")
        }
        guard a[0] != 0 else {
            throw .argument(
                "series_iir's first denominator coefficient is 0",
                hint: "the recursion divides by denominators[0]; scale the coefficients so it is not 0")
        }
        let n = series.count
        var y = [Double](repeating: 0, count: n)
        let a0 = a[0]
        series.valuesWithMissingAsZero.withUnsafeBufferPointer { x in
            y.withUnsafeMutableBufferPointer { out in
                for i in 0..<n {
                    var acc = 0.0
                    for j in 0..<min(b.count, i + 1) { acc += b[j] * x[i - j] }
                    if a.count > 1 {
                        for j in 1..<min(a.count, i + 1) { acc -= a[j] * out[i - j] }
                    }
                    out[i] = acc / a0
                }
            }
        }
        guard series.missingCount > 0 else { return NumericSeries(reals: y) }
        var tainted = [Bool](repeating: false, count: n)
        for i in 0..<n {
            var t = false
            for j in 0..<min(b.count, i + 1) where b[j] != 0 && series.isMissing(i - j) { t = true }
            if !t, a.count > 1 {
                for j in 1..<min(a.count, i + 1) where a[j] != 0 && tainted[i - j] { t = true }
            }
            tainted[i] = t
        }
        return NumericSeries(reals: (0..<n).map { tainted[$0] ? nil : y[$0] })
    }
}
