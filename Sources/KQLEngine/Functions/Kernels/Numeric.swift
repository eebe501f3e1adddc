import Columnar
import Foundation

/// KQL's numeric types, widening and casts between them.
///
/// Widening follows KQL: `int` < `long` < `real`, and `decimal` wins over all of them.
enum Numeric {
    /// The type both operands widen to, or nil when either is not numeric.
    static func common(_ a: ScalarType, _ b: ScalarType) -> ScalarType? {
        guard a.isNumeric, b.isNumeric else { return nil }
        if a == .decimal || b == .decimal { return .decimal }
        if a == .real || b == .real { return .real }
        if a == .long || b == .long { return .long }
        return .int
    }

    static func double(_ d: Decimal) -> Double { CastKernel.real(fromDecimal: d) }

    /// A real as a decimal; nil for NaN, infinities and magnitudes Foundation's `Decimal` cannot hold.
    static func decimal(_ d: Double) -> Decimal? { CastKernel.decimal(fromReal: d) }

    /// A boxed number as `Double` (nil for null and non-numbers).
    static func double(_ v: Value) -> Double? {
        switch v {
        case .int(let x): return Double(x)
        case .long(let x): return Double(x)
        case .real(let x): return x
        case .decimal(let d): return double(d)
        case .dynamic(.long(let x)): return Double(x)
        case .dynamic(.real(let x)): return x
        case .dynamic(.decimal(let d)): return double(d)
        default: return nil
        }
    }

    /// A boxed number as `Int64`, truncating reals (nil for null, non-numbers and out-of-range reals).
    static func long(_ v: Value) -> Int64? {
        switch v {
        case .int(let x): return Int64(x)
        case .long(let x): return x
        case .real(let x): return CastKernel.long(fromReal: x)
        case .decimal(let d): return CastKernel.long(fromDecimal: d)
        case .dynamic(.long(let x)): return x
        case .dynamic(.real(let x)): return CastKernel.long(fromReal: x)
        default: return nil
        }
    }

    /// A boxed number as `Decimal`.
    static func decimal(_ v: Value) -> Decimal? {
        switch v {
        case .int(let x): return Decimal(Int(x))
        case .long(let x): return Decimal(x)
        case .real(let x): return decimal(x)
        case .decimal(let d): return d
        default: return nil
        }
    }

    /// A numeric argument converted to `type` (`int`, `long`, `real` or `decimal`), keeping nulls,
    /// by the one cast table (`Cast`): out of range is null, never a wrapped number.
    static func cast(_ v: ColumnarValue, to type: ScalarType, rows: Int) -> ColumnarValue {
        if v.type == type { return v }
        switch v {
        case .column(let c): return .column(Cast.explicit(c, to: type))
        case .scalar(let x, _): return .scalar(Cast.explicit(x, to: type), type)
        }
    }

    /// A boxed value converted to a numeric `type`, or null.
    static func convert(_ v: Value, to type: ScalarType) -> Value {
        type.isNumeric ? Cast.explicit(v, to: type) : .null
    }
}
