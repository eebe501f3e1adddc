/// `series_fill_linear`: linear interpolation of the placeholders between their nearest
/// non-placeholder neighbours.
///
/// The page's rules: placeholders at the start and end take the nearest value when `fillEdges` is
/// true (the default) and are kept otherwise; a series made only of placeholders is filled with
/// `constant` (0 by default, a real: the example shows `[0.0,0.0,0.0,0.0]`), and a null `constant`
/// keeps it as it is. When every value is a long the interpolated values are longs — the example's
/// `73.5`, `32.667` and `24.333` become `73`, `32` and `24`, so the fraction is truncated.
/// Non-placeholder elements are never changed.
public enum SeriesFillLinear {
    /// Fills the placeholders of `series` by linear interpolation.
    public static func fill(
        _ series: NumericSeries, placeholder: MissingPlaceholder = .null,
        fillEdges: Bool = true,
        constant: NumericSeries.Element = .real(0)
    ) -> NumericSeries {
        let n = series.count
        // Anchors: elements that are neither placeholders nor missing.
        var first = -1, last = -1
        var integral = true
        for i in 0..<n where !placeholder.matches(series, i) && !series.isMissing(i) {
            if first < 0 { first = i }
            last = i
            if series.kinds[i] != .long { integral = false }
        }
        if first < 0 {
            return NumericSeries(building: n) { i in placeholder.matches(series, i) ? constant : series[i] }
        }
        var out = series.elements
        if fillEdges {
            for i in 0..<first where placeholder.matches(series, i) { out[i] = series[first] }
            for i in (last + 1)..<n where placeholder.matches(series, i) { out[i] = series[last] }
        }
        var left = first
        var i = first + 1
        while i <= last {
            if placeholder.matches(series, i) || series.isMissing(i) {
                i += 1
                continue
            }
            if i > left + 1 {
                let a = series.values[left], b = series.values[i]
                let span = Double(i - left)
                for k in (left + 1)..<i where placeholder.matches(series, k) {
                    let v = a + (b - a) * Double(k - left) / span
                    out[k] = integral ? .long(Int64(v)) : .real(v)
                }
            }
            left = i
            i += 1
        }
        return NumericSeries(out)
    }
}
