/// `series_fill_forward`, `series_fill_backward` and `series_fill_const`.
///
/// Each replaces the elements the placeholder designates and keeps every other element as it was,
/// type included ("preserves the original type of the array elements"): a forward or backward fill
/// copies the element it found, a constant fill writes the constant as given (the page's example
/// fills a long array with `0.0`, giving `[111,0.0,36,...]`).
public enum SeriesFill {
    /// Replaces each placeholder with the nearest non-placeholder element on its left; the leftmost
    /// placeholders, which have none, are kept.
    public static func forward(_ series: NumericSeries, placeholder: MissingPlaceholder = .null) -> NumericSeries {
        var last: Int? = nil
        var source = [Int](repeating: -1, count: series.count)
        for i in 0..<series.count {
            if placeholder.matches(series, i) {
                source[i] = last ?? i
            } else {
                source[i] = i
                last = i
            }
        }
        return NumericSeries(building: series.count) { series[source[$0]] }
    }

    /// Replaces each placeholder with the nearest non-placeholder element on its right; the
    /// rightmost placeholders are kept.
    public static func backward(_ series: NumericSeries, placeholder: MissingPlaceholder = .null) -> NumericSeries {
        var next: Int? = nil
        var source = [Int](repeating: -1, count: series.count)
        for i in stride(from: series.count - 1, through: 0, by: -1) {
            if placeholder.matches(series, i) {
                source[i] = next ?? i
            } else {
                source[i] = i
                next = i
            }
        }
        return NumericSeries(building: series.count) { series[source[$0]] }
    }

    /// Replaces each placeholder with `value`.
    public static func constant(
        _ series: NumericSeries, value: NumericSeries.Element,
        placeholder: MissingPlaceholder = .null
    ) -> NumericSeries {
        NumericSeries(building: series.count) { i in placeholder.matches(series, i) ? value : series[i] }
    }
}
