import Foundation

/// The per-value rules between the fixed-width types, shared by the value and the column paths.
///
/// Every kernel returns nil where ADX gives null: a number out of the target's range (`toint(3000000000)`,
/// `tolong(1e300)`), NaN or an infinity to an integer. Nothing here wraps: the column loops call these
/// and keep Swift's checked arithmetic.
public enum CastKernel {
    /// Ticks (100 ns) between 0001-01-01, where KQL counts a datetime's ticks from (`datetime.md`),
    /// and the Unix epoch, where Sandpiper stores datetimes in nanoseconds.
    public static let epochTicks: Int64 = 621_355_968_000_000_000

    @inlinable public static func long(fromReal x: Double) -> Int64? { CheckedMath.truncated(x) }
    @inlinable public static func int(fromLong x: Int64) -> Int32? { Int32(exactly: x) }
    @inlinable public static func int(fromReal x: Double) -> Int32? { long(fromReal: x).flatMap { Int32(exactly: $0) } }
    @inlinable public static func bool(fromReal x: Double) -> Bool? { x.isNaN ? nil : x != 0 }

    /// A datetime (ns since 1970) as KQL's ticks since 0001-01-01.
    @inlinable public static func ticks(fromDatetime t: Int64) -> Int64 {
        CheckedMath.floorDiv(t, 100) + epochTicks  // |t / 100| < 9.3e16, so the sum stays far below Int64.max
    }

    /// A timespan (ns) as ticks, truncated toward zero.
    @inlinable public static func ticks(fromTimespan t: Int64) -> Int64 { t / 100 }

    /// A count of ticks as a timespan in nanoseconds; nil past the nanosecond range.
    @inlinable public static func timespan(fromTicks x: Int64) -> Int64? { CheckedMath.multiply(x, 100) }
    @inlinable public static func timespan(fromRealTicks x: Double) -> Int64? { CheckedMath.rounded(x * 100) }

    /// A decimal as a real (nearest).
    public static func real(fromDecimal d: Decimal) -> Double { NSDecimalNumber(decimal: d).doubleValue }

    /// A real as a decimal; nil for NaN, infinities and magnitudes `Decimal` cannot hold.
    public static func decimal(fromReal x: Double) -> Decimal? {
        guard x.isFinite else { return nil }
        let d = Decimal(x)
        return d.isNaN ? nil : d
    }

    /// A decimal truncated toward zero to a long; nil out of range.
    public static func long(fromDecimal d: Decimal) -> Int64? {
        guard !d.isNaN, d >= Decimal(Int64.min), d <= Decimal(Int64.max) else { return nil }
        var magnitude = d < 0 ? -d : d, whole = Decimal()
        NSDecimalRound(&whole, &magnitude, 0, .down)  // floor of the magnitude: truncation toward zero
        return Int64((d < 0 ? -whole : whole).description)
    }
}
