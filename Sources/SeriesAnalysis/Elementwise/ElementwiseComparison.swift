/// The element-wise comparisons `series_equals`, `series_not_equals`, `series_greater`,
/// `series_greater_equals`, `series_less` and `series_less_equals`.
///
/// As for arithmetic, the result is as long as the longer input and a missing, non-numeric or
/// absent element on either side gives null. Two longs compare exactly; otherwise as doubles.
public enum ComparisonOperator: Sendable, Hashable, CaseIterable {
    case equals, notEquals, greater, greaterOrEqual, less, lessOrEqual

    /// Compares position by position; nil elements are nulls.
    public func apply(_ lhs: SeriesOperand, _ rhs: SeriesOperand) throws(SeriesAnalysisError) -> [Bool?] {
        let n = try SeriesOperand.resultLength(lhs, rhs)
        var out = [Bool?](repeating: nil, count: n)
        for i in 0..<n { out[i] = compare(lhs.element(at: i), rhs.element(at: i)) }
        return out
    }

    func compare(_ a: NumericSeries.Element, _ b: NumericSeries.Element) -> Bool? {
        switch (a, b) {
        case (.missing, _), (_, .missing):
            return nil
        case (.long(let x), .long(let y)):
            return test(x, y)
        default:
            return test(a.doubleValue!, b.doubleValue!)
        }
    }

    @inline(__always)
    private func test<T: Comparable>(_ x: T, _ y: T) -> Bool {
        switch self {
        case .equals: x == y
        case .notEquals: x != y
        case .greater: x > y
        case .greaterOrEqual: x >= y
        case .less: x < y
        case .lessOrEqual: x <= y
        }
    }
}
