import Columnar
import Foundation
import KQLSyntax

/// Compares rows of evaluated sort keys: typed comparisons per key, nulls placed first or last per key.
struct RowComparator {
    struct Key {
        let column: Column
        let ascending: Bool
        let nullsFirst: Bool
    }
    let keys: [Key]

    /// The sign of row `a` against row `b` on one key, as stored (before direction is applied).
    @inline(__always)
    private static func compareValues(_ c: Column, _ a: Int, _ b: Int) -> Int {
        switch c.type {
        case .long, .datetime, .timespan:
            let x = c.longs[a], y = c.longs[b]
            return x < y ? -1 : (x > y ? 1 : 0)
        case .int:
            let x = c.ints[a], y = c.ints[b]
            return x < y ? -1 : (x > y ? 1 : 0)
        case .real:
            let x = c.reals[a], y = c.reals[b]
            if x.isNaN || y.isNaN { return x.isNaN == y.isNaN ? 0 : (x.isNaN ? -1 : 1) }
            return x < y ? -1 : (x > y ? 1 : 0)
        case .bool:
            return Int(c.bools[a]) - Int(c.bools[b])
        case .string:
            let x = c.utf8(a), y = c.utf8(b)
            let n = min(x.count, y.count)
            if n > 0 {
                let r = memcmp(x.baseAddress!, y.baseAddress!, n)
                if r != 0 { return r < 0 ? -1 : 1 }
            }
            return x.count < y.count ? -1 : (x.count > y.count ? 1 : 0)
        case .guid:
            let r = memcmp(c.values!.pointer + a * 16, c.values!.pointer + b * 16, 16)
            return r < 0 ? -1 : (r > 0 ? 1 : 0)
        case .decimal:
            guard case .decimal(let x) = c.value(a), case .decimal(let y) = c.value(b) else { return 0 }
            return x < y ? -1 : (x > y ? 1 : 0)
        case .dynamic:
            return RowComparator.compareDynamic(c.value(a).asDynamic, c.value(b).asDynamic)
        }
    }

    /// Dynamic values: numbers by value, strings as text, other kinds by their JSON text.
    static func compareDynamic(_ a: Dynamic, _ b: Dynamic) -> Int {
        func number(_ d: Dynamic) -> Double? {
            switch d {
            case .long(let v): return Double(v)
            case .real(let v): return v
            default: return nil
            }
        }
        if let x = number(a), let y = number(b) { return x < y ? -1 : (x > y ? 1 : 0) }
        let x: String, y: String
        if case .string(let s) = a { x = s } else { x = a.jsonText }
        if case .string(let s) = b { y = s } else { y = b.jsonText }
        return x < y ? -1 : (x > y ? 1 : 0)
    }

    /// One numeric key without nulls: sort (key, row) pairs instead of calling the general comparator.
    private func sortedBySingleNumericKey(count: Int, checking budget: QueryBudget?) throws(KQLError) -> [Int]? {
        guard keys.count == 1, let k = keys.first, k.column.validity == nil else { return nil }
        let c = k.column
        var pairs: [(Double, Int)] = []
        var longPairs: [(Int64, Int)] = []
        switch c.type {
        case .long, .datetime, .timespan:
            let v = c.longs
            longPairs = (0..<count).map { (k.ascending ? v[$0] : ~v[$0], $0) }
        case .int:
            let v = c.ints
            longPairs = (0..<count).map { (k.ascending ? Int64(v[$0]) : ~Int64(v[$0]), $0) }
        case .real:
            let v = c.reals
            guard !v.contains(where: \.isNaN) else { return nil }
            pairs = (0..<count).map { (k.ascending ? v[$0] : -v[$0], $0) }
            try RowComparator.sort(&pairs, checking: budget) { $0.0 < $1.0 || ($0.0 == $1.0 && $0.1 < $1.1) }
            return pairs.map(\.1)
        default:
            return nil
        }
        // `~x` reverses the order of 64-bit integers without overflow, so descending is ascending on `~x`.
        try RowComparator.sort(&longPairs, checking: budget) { $0.0 < $1.0 || ($0.0 == $1.0 && $0.1 < $1.1) }
        return longPairs.map(\.1)
    }

    /// Sorts `items` by `less`; with a budget, its deadline and cancellation switch are checked every
    /// `QueryBudget.rowsPerCheck` comparisons, so a long sort stops at Ctrl-C or its time limit.
    @inline(__always)
    private static func sort<T>(
        _ items: inout [T], checking budget: QueryBudget?, by less: (T, T) -> Bool
    ) throws(KQLError) {
        guard let budget else { return items.sort(by: less) }
        var comparisons = 0
        do {
            try items.sort { (a, b) throws(KQLError) -> Bool in
                try budget.checkDeadline(every: &comparisons)
                return less(a, b)
            }
        } catch let error as KQLError {
            throw error
        } catch {
            throw KQLError(.runtime, "the sort failed: \(error)")
        }
    }

    /// True when row `a` sorts before row `b`.
    @inline(__always)
    func less(_ a: Int, _ b: Int) -> Bool {
        for k in keys {
            let c = k.column
            let na = c.isNull(a), nb = c.isNull(b)
            if na || nb {
                if na == nb { continue }
                return na == k.nullsFirst
            }
            let r = RowComparator.compareValues(c, a, b)
            if r != 0 { return k.ascending ? r < 0 : r > 0 }
        }
        return false
    }

    /// Row indices in sorted order; equal rows keep their input order.
    func sortedIndices(count: Int) -> [Int] {
        // Without a budget nothing throws.
        if let fast = try? sortedBySingleNumericKey(count: count, checking: nil) { return fast }
        var idx = Array(0..<count)
        // Sort by (key, original position) so the result does not depend on the sort's stability.
        idx.sort { a, b in less(a, b) || (!less(b, a) && a < b) }
        return idx
    }

    /// `sortedIndices(count:)` for an operator: every `QueryBudget.rowsPerCheck` comparisons the budget's
    /// deadline and cancellation switch are checked, so a long sort stops at Ctrl-C or its time limit.
    func sortedIndices(count: Int, checking budget: QueryBudget) throws(KQLError) -> [Int] {
        if let fast = try sortedBySingleNumericKey(count: count, checking: budget) { return fast }
        var idx = Array(0..<count)
        try RowComparator.sort(&idx, checking: budget) { a, b in less(a, b) || (!less(b, a) && a < b) }
        return idx
    }
}
