/// One argument of an element-wise series function: a series, or a scalar that KQL broadcasts to
/// every position (`series_multiply(10, s)`, `series_greater_equals(scores, 1.5)`).
public enum SeriesOperand: Sendable, Hashable {
    case series(NumericSeries)
    case scalar(NumericSeries.Element)

    /// The series' length, or nil for a scalar.
    var length: Int? {
        if case .series(let s) = self { return s.count }
        return nil
    }

    /// The element at `index`; missing past the end of a shorter series (ADX's rule for arrays of
    /// different lengths).
    @inline(__always)
    func element(at index: Int) -> NumericSeries.Element {
        switch self {
        case .scalar(let e): return e
        case .series(let s): return index < s.count ? s[index] : .missing
        }
    }

    /// The length of an element-wise result: the longest series operand.
    static func resultLength(_ operands: SeriesOperand...) throws(SeriesAnalysisError) -> Int {
        let lengths = operands.compactMap(\.length)
        guard let longest = lengths.max() else {
            throw .argument(
                "an element-wise series function needs at least one dynamic array argument",
                hint: "use the scalar operator (+, -, <, ...) for two scalars")
        }
        return longest
    }
}
