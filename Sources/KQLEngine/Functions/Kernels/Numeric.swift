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

    static func double(_ d: Decimal) -> Double { NSDecimalNumber(decimal: d).doubleValue }

    /// A real as a decimal; nil for NaN, infinities and magnitudes Foundation's `Decimal` cannot hold.
    static func decimal(_ d: Double) -> Decimal? {
        guard d.isFinite else { return nil }
        let x = Decimal(d)
        return x.isNaN ? nil : x
    }

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
        case .real(let x): return CheckedMath.truncated(x)
        case .decimal(let d): return long(.real(double(d)))
        case .dynamic(.long(let x)): return x
        case .dynamic(.real(let x)): return long(.real(x))
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

    /// A numeric argument converted to `type` (`int`, `long`, `real` or `decimal`), keeping nulls.
    static func cast(_ v: ColumnarValue, to type: ScalarType, rows: Int) -> ColumnarValue {
        if v.type == type { return v }
        switch (v.type, type) {
        case (.int, .long): return Kernel.unary(v, Int32.self, out: .long, rows: rows) { Int64($0) }
        case (.int, .real): return Kernel.unary(v, Int32.self, out: .real, rows: rows) { Double($0) }
        case (.long, .real): return Kernel.unary(v, Int64.self, out: .real, rows: rows) { Double($0) }
        case (.long, .int): return Kernel.unary(v, Int64.self, out: .int, rows: rows) { Int32(exactly: $0) }
        case (.real, .long): return Kernel.unary(v, Double.self, out: .long, rows: rows) { long(.real($0)) }
        case (.bool, .long): return Kernel.unary(v, Bool.self, out: .long, rows: rows) { Int64($0 ? 1 : 0) }
        case (.bool, .real): return Kernel.unary(v, Bool.self, out: .real, rows: rows) { $0 ? 1.0 : 0.0 }
        default:
            // Decimal and dynamic sources, and decimal targets, go through boxed values.
            return (try? Kernel.boxed([v], out: type, rows: rows) { (r: [Value]) -> Value in
                convert(r[0], to: type)
            }) ?? .scalar(.null, type)
        }
    }

    /// A boxed value converted to a numeric `type`, or null.
    static func convert(_ v: Value, to type: ScalarType) -> Value {
        if v.isNull { return .null }
        switch type {
        case .int: return long(v).flatMap { Int32(exactly: $0) }.map { .int($0) } ?? .null
        case .long: return long(v).map { .long($0) } ?? .null
        case .real: return double(v).map { .real($0) } ?? .null
        case .decimal:
            if case .dynamic(let d) = v {
                switch d {
                case .long(let x): return .decimal(Decimal(x))
                case .real(let x): return decimal(x).map { .decimal($0) } ?? .null
                case .decimal(let x): return .decimal(x)
                default: return .null
                }
            }
            return decimal(v).map { .decimal($0) } ?? .null
        default: return .null
        }
    }
}
