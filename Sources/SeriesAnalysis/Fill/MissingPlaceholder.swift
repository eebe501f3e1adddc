/// What a fill function treats as a missing element: the `missing_value_placeholder` argument.
///
/// The default is `double(null)`; the pages say `double(null)`, `long(null)` and `int(null)` mean
/// the same, and a number makes every element equal to it count as missing instead.
public enum MissingPlaceholder: Sendable, Hashable {
    case null
    case value(Double)

    /// True when element `index` of `series` is what the placeholder designates.
    @inline(__always)
    func matches(_ series: NumericSeries, _ index: Int) -> Bool {
        switch self {
        case .null: return series.isMissing(index)
        case .value(let v): return !series.isMissing(index) && series.values[index] == v
        }
    }
}
