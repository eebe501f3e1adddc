import Foundation

/// The one-argument element-wise functions: `series_abs`, `series_sign`, `series_ceiling`,
/// `series_floor`, `series_exp`, `series_log`, `series_sin`, `series_cos`, `series_tan`,
/// `series_asin`, `series_acos`, `series_atan`.
///
/// Each page: "any non-numeric element yields a null element value". The pages' examples show
/// which keep longs: `series_abs` and `series_sign` of a long are longs (`[-6,0,8]` → `[-1,0,1]`),
/// `series_ceiling`/`series_floor` of the long `1` is `1.0`, and the rest are reals.
public enum ElementwiseFunction: Sendable, Hashable, CaseIterable {
    case abs, sign, ceiling, floor, exp, log, sin, cos, tan, asin, acos, atan

    /// Applies the function to every element.
    public func apply(_ series: NumericSeries) -> NumericSeries {
        if series.missingCount == 0, !series.kinds.contains(.long) || !keepsLongs {
            var out = [Double](repeating: 0, count: series.count)
            series.values.withUnsafeBufferPointer { x in
                out.withUnsafeMutableBufferPointer { o in
                    for i in 0..<o.count { o[i] = real(x[i]) }
                }
            }
            return NumericSeries(reals: out)
        }
        return NumericSeries(building: series.count) { i in apply(series[i]) }
    }

    /// Whether a long argument gives a long result.
    private var keepsLongs: Bool { self == .abs || self == .sign }

    func apply(_ element: NumericSeries.Element) -> NumericSeries.Element {
        switch element {
        case .missing:
            return .missing
        case .long(let v) where self == .abs:
            return v == .min ? .real(Double(v).magnitude) : .long(Swift.abs(v))
        case .long(let v) where self == .sign:
            return .long(v.signum())
        case .long(let v):
            return .real(real(Double(v)))
        case .real(let v):
            return .real(real(v))
        }
    }

    @inline(__always)
    private func real(_ x: Double) -> Double {
        switch self {
        case .abs: Swift.abs(x)
        case .sign: x.isNaN ? x : (x > 0 ? 1 : (x < 0 ? -1 : 0))
        case .ceiling: x.rounded(.up)
        case .floor: x.rounded(.down)
        case .exp: Foundation.exp(x)
        case .log: Foundation.log(x)
        case .sin: Foundation.sin(x)
        case .cos: Foundation.cos(x)
        case .tan: Foundation.tan(x)
        case .asin: Foundation.asin(x)
        case .acos: Foundation.acos(x)
        case .atan: Foundation.atan(x)
        }
    }
}
