import Foundation

/// The element-wise arithmetic of `series_add`, `series_subtract`, `series_multiply`,
/// `series_divide` and `series_pow`.
///
/// ADX's rule, from each page's *Returns*: the result is as long as the longer input; a position
/// where either side is missing, non-numeric or past the end of the shorter array is null. Two
/// longs add, subtract and multiply to a long (wrapping on overflow, as KQL's `long` does); any
/// real makes the element real. `series_divide` and `series_pow` always give reals (the divide page:
/// "the result series is of double type, even if the inputs are integers"; 2/0 is +inf).
public enum ArithmeticOperator: Sendable, Hashable, CaseIterable {
    case add, subtract, multiply, divide, power

    /// Applies the operator position by position.
    public func apply(_ lhs: SeriesOperand, _ rhs: SeriesOperand) throws(SeriesAnalysisError) -> NumericSeries {
        let n = try SeriesOperand.resultLength(lhs, rhs)
        if case .series(let a) = lhs, case .series(let b) = rhs, a.count == n, b.count == n,
            a.missingCount == 0, b.missingCount == 0,
            self == .divide || self == .power || !a.kinds.contains(.long) || !b.kinds.contains(.long)
        {
            return applyReals(a.values, b.values)
        }
        return NumericSeries(building: n) { i in combine(lhs.element(at: i), rhs.element(at: i)) }
    }

    /// The fast path: two complete series of the same length whose result is real.
    private func applyReals(_ a: [Double], _ b: [Double]) -> NumericSeries {
        var out = [Double](repeating: 0, count: a.count)
        a.withUnsafeBufferPointer { x in
            b.withUnsafeBufferPointer { y in
                out.withUnsafeMutableBufferPointer { o in
                    for i in 0..<o.count { o[i] = real(x[i], y[i]) }
                }
            }
        }
        return NumericSeries(reals: out)
    }

    @inline(__always)
    private func real(_ a: Double, _ b: Double) -> Double {
        switch self {
        case .add: a + b
        case .subtract: a - b
        case .multiply: a * b
        case .divide: a / b
        case .power: Foundation.pow(a, b)
        }
    }

    /// One position of the result.
    func combine(_ a: NumericSeries.Element, _ b: NumericSeries.Element) -> NumericSeries.Element {
        switch (a, b) {
        case (.missing, _), (_, .missing):
            return .missing
        case (.long(let x), .long(let y)):
            switch self {
            case .add: return .long(x &+ y)
            case .subtract: return .long(x &- y)
            case .multiply: return .long(x &* y)
            case .divide, .power: return .real(real(Double(x), Double(y)))
            }
        default:
            return .real(real(a.doubleValue!, b.doubleValue!))
        }
    }
}
