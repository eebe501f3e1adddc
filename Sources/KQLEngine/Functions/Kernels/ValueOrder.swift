import Columnar
import Foundation

/// Ordering and equality of boxed values across KQL types (the slow path for dynamic, guid and
/// decimal values, and for aggregates such as `min` over strings).
enum ValueOrder {
    /// A dynamic scalar unwrapped to the plain value it holds; arrays and bags stay dynamic (the cast
    /// table's rule, so ordering and conversion never disagree on what a dynamic holds).
    static func unwrap(_ v: Value) -> Value { Cast.unwrap(v) }

    /// -1, 0 or 1, or nil when either side is null or the two cannot be compared.
    static func compare(_ a: Value, _ b: Value) -> Int? {
        let x = unwrap(a), y = unwrap(b)
        if x.isNull || y.isNull { return nil }
        switch (x, y) {
        case (.bool(let p), .bool(let q)): return sign(p == q ? 0 : (p ? 1 : -1))
        case (.datetime(let p), .datetime(let q)), (.timespan(let p), .timespan(let q)):
            return p < q ? -1 : (p > q ? 1 : 0)
        case (.string(let p), .string(let q)): return p < q ? -1 : (p > q ? 1 : 0)
        case (.guid(let p), .guid(let q)):
            let s = p.uuidString.lowercased(), t = q.uuidString.lowercased()
            return s < t ? -1 : (s > t ? 1 : 0)
        case (.dynamic(let p), .dynamic(let q)): return p == q ? 0 : nil
        default: break
        }
        guard let xt = x.type, let yt = y.type, xt.isNumeric, yt.isNumeric else { return nil }
        if xt == .decimal || yt == .decimal, let p = Numeric.decimal(x), let q = Numeric.decimal(y) {
            return p < q ? -1 : (p > q ? 1 : 0)
        }
        if xt != .real && yt != .real, let p = Numeric.long(x), let q = Numeric.long(y) {
            return p < q ? -1 : (p > q ? 1 : 0)
        }
        guard let p = Numeric.double(x), let q = Numeric.double(y), !p.isNaN, !q.isNaN else { return nil }
        return p < q ? -1 : (p > q ? 1 : 0)
    }

    private static func sign(_ v: Int) -> Int { v }

    /// Equality as KQL's `==` sees it (numbers compare across types); nil when either side is null.
    static func equal(_ a: Value, _ b: Value) -> Bool? {
        let x = unwrap(a), y = unwrap(b)
        if x.isNull || y.isNull { return nil }
        if let c = compare(x, y) { return c == 0 }
        if case .dynamic(let p) = x, case .dynamic(let q) = y { return p == q }
        return false
    }

    /// A total order for sorting values of one type, nulls first (used by percentiles and sets).
    static func sortedAscending(_ a: Value, _ b: Value) -> Bool {
        if a.isNull { return !b.isNull }
        if b.isNull { return false }
        return (compare(a, b) ?? 0) < 0
    }
}
