/// Overflow-checked arithmetic on the engine's 64-bit values (longs, and datetimes and timespans as
/// nanoseconds): a result that does not fit is nil, which callers turn into KQL's null or a coded error —
/// never a wrapped value, never a trap.
public enum CheckedMath {
    @inlinable public static func add(_ a: Int64, _ b: Int64) -> Int64? {
        let (r, o) = a.addingReportingOverflow(b)
        return o ? nil : r
    }

    @inlinable public static func subtract(_ a: Int64, _ b: Int64) -> Int64? {
        let (r, o) = a.subtractingReportingOverflow(b)
        return o ? nil : r
    }

    @inlinable public static func multiply(_ a: Int64, _ b: Int64) -> Int64? {
        let (r, o) = a.multipliedReportingOverflow(by: b)
        return o ? nil : r
    }

    /// `-a`; nil for `Int64.min`, whose negation does not fit.
    @inlinable public static func negate(_ a: Int64) -> Int64? { subtract(0, a) }

    /// `x` as a `Double` truncated toward zero, or nil when it is NaN, infinite or outside `Int64`.
    /// Exact at the edges (`Int64(exactly:)` accepts -2^63 and refuses 2^63), unlike a magnitude test.
    @inlinable public static func truncated(_ x: Double) -> Int64? { Int64(exactly: x.rounded(.towardZero)) }

    /// `x` rounded to the nearest whole number (halves away from zero), or nil when that does not fit.
    @inlinable public static func rounded(_ x: Double) -> Int64? { Int64(exactly: x.rounded()) }

    /// `x / m` rounded toward negative infinity, for `m > 0` (never overflows).
    @inlinable public static func floorDiv(_ x: Int64, _ m: Int64) -> Int64 {
        let q = x / m
        return x % m < 0 ? q - 1 : q
    }

    /// `x` modulo `m` in `0..<m`, for `m > 0` (the remainder of floor division; never overflows).
    @inlinable public static func floorMod(_ x: Int64, _ m: Int64) -> Int64 {
        let r = x % m
        // r is in (-m, m): adding m to a negative r stays below m.
        return r < 0 ? r + m : r
    }

    /// The largest `origin + k·step` (k whole) not above `x`, for `step > 0`; nil when it is below `Int64.min`.
    ///
    /// Computed as `x - ((x - origin) mod step)` with the difference taken modulo `step`, so `x - origin`
    /// itself never has to fit: a grid anchored at 2262 still bins an instant of 1677.
    @inlinable public static func floor(_ x: Int64, step: Int64, origin: Int64 = 0) -> Int64? {
        // Both remainders are in 0..<step, so their difference is in (-step, step) and cannot overflow.
        var d = floorMod(x, step) - floorMod(origin, step)
        if d < 0 { d += step }
        return subtract(x, d)
    }

    /// How far `b` is above `a` (for `a <= b`): every such distance fits `UInt64`, even min to max.
    @inlinable public static func distance(from a: Int64, to b: Int64) -> UInt64 {
        // Two's complement: the wrapped difference of the bit patterns is the exact distance mod 2^64,
        // and the true distance is below 2^64.
        UInt64(bitPattern: b) &- UInt64(bitPattern: a)
    }
}

/// A running sum of `Int64` values that stays exact however far it strays: the sum modulo 2^64 and
/// how many times it wrapped. The true sum is `wrapped + 2^64 · wraps`, representable exactly when
/// the wraps cancel — so `[max, 1, -1]` sums to max, and `[max, 1]` to nothing (null).
public struct ExactSum: Sendable {
    public var wrapped: Int64 = 0
    /// Net wraps (+1 past max, -1 past min); at most one per addition, so it never overflows an `Int`.
    public var wraps = 0

    public init() {}

    @inlinable public mutating func add(_ x: Int64) {
        let (r, o) = wrapped.addingReportingOverflow(x)
        wrapped = r
        if o { wraps += x < 0 ? -1 : 1 }
    }

    /// The sum, or nil when it does not fit `Int64`.
    @inlinable public var value: Int64? { wraps == 0 ? wrapped : nil }
}
