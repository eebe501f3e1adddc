import Columnar
import Foundation
import KQLSyntax

/// Maps rows of key columns to dense group ids, in first-seen order; used by summarize, distinct and join.
///
/// One interner can be fed several tables (join interns the left keys, then the right keys) so equal
/// keys get equal ids across them. Null keys form their own group (a string null is the empty string,
/// as KQL strings have no null).
final class KeyInterner {
    private enum ColumnTable {
        case long(LongKeyTable)
        case bytes(BytesKeyTable)
        case boxed([Value: Int32])
    }
    private var tables: [ColumnTable]
    private var nullIDs: [Int32?]
    private var counts: [Int]
    private let combiners: [LongKeyTable]
    let types: [ScalarType]

    init(types: [ScalarType], expected: Int = 16) {
        self.types = types
        tables = types.map { t in
            switch t {
            case .bool, .int, .long, .real, .datetime, .timespan:
                return .long(LongKeyTable(expected: min(expected, 1 << 20)))
            case .string, .guid: return .bytes(BytesKeyTable(expected: min(expected, 1 << 16)))
            case .decimal, .dynamic: return .boxed([:])
            }
        }
        nullIDs = types.map { _ in nil }
        counts = types.map { _ in 0 }
        combiners = types.dropFirst().map { _ in LongKeyTable(expected: min(expected, 1 << 20)) }
    }

    /// Distinct keys seen so far.
    var groupCount: Int {
        if types.isEmpty { return 1 }
        return combiners.last?.count ?? counts[0]
    }

    /// The group id of every row of `columns` (one column per key).
    func intern(_ columns: [Column]) -> [Int32] {
        let n = columns.first?.count ?? 0
        guard !columns.isEmpty else { return [Int32](repeating: 0, count: n) }
        var ids = internColumn(0, columns[0])
        for k in 1..<columns.count {
            let next = internColumn(k, columns[k])
            let table = combiners[k - 1]
            for i in 0..<n {
                ids[i] = table.intern(UInt64(UInt32(bitPattern: ids[i])) << 32 | UInt64(UInt32(bitPattern: next[i])))
            }
        }
        return ids
    }

    /// `intern(columns)` a block of `QueryBudget.rowsPerCheck` rows at a time, the budget's deadline and
    /// cancellation checked between blocks, so summarize, distinct and join stop promptly on millions
    /// of keys. The ids are the same as one call's; an interner left by a cancelled call is dropped.
    func intern(_ columns: [Column], checking budget: QueryBudget) throws(KQLError) -> [Int32] {
        let n = columns.first?.count ?? 0
        let size = QueryBudget.rowsPerCheck
        // Numeric keys intern at a few nanoseconds a row: up to 256 blocks' worth they end within the half
        // second a cancelled query has, and blocks would only slow them (bench engine's summarize by key).
        let numeric = tables.allSatisfy { if case .long = $0 { true } else { false } }
        guard n > size, !numeric || n > 256 * size else { return intern(columns) }
        // Direct lookup is decided on the whole column, as one call decides it.
        for (k, c) in columns.enumerated() {
            if case .long(let table) = tables[k], c.type != .real, c.type != .bool, c.type != .int {
                KeyInterner.considerDirectRange(table, c.longs)
            }
        }
        var ids: [Int32] = []
        ids.reserveCapacity(n)
        var start = 0
        while start < n {
            try budget.checkDeadline()
            let block = start..<min(start + size, n)
            ids.append(contentsOf: intern(columns.map { $0.morsel(block) }))
            start = block.upperBound
        }
        return ids
    }

    private func internColumn(_ k: Int, _ c: Column) -> [Int32] {
        let n = c.count
        if case .long(let table) = tables[k], c.type != .real, c.type != .bool, c.type != .int {
            KeyInterner.considerDirectRange(table, c.longs)
            if c.validity == nil {
                // Every id is written by the batch call: no need to zero the array first.
                let ids = [Int32](unsafeUninitializedCapacity: n) { o, made in
                    if n > 0 { table.intern(c.longs.baseAddress!, count: n, into: o.baseAddress!) }
                    made = n
                }
                counts[k] = table.count
                return ids
            }
        }
        var out = [Int32](repeating: 0, count: n)
        switch tables[k] {
        case .long(let table):
            out.withUnsafeMutableBufferPointer { o in
                let validity = c.validity
                func run<T>(_ values: UnsafeBufferPointer<T>, _ key: (T) -> UInt64) {
                    if let validity {
                        let v = validity.pointer
                        for i in 0..<n {
                            o[i] = Validity.isValid(v, i) ? table.intern(key(values[i])) : -2
                        }
                    } else {
                        for i in 0..<n { o[i] = table.intern(key(values[i])) }
                    }
                }
                switch c.type {
                case .bool: run(c.bools) { UInt64($0) }
                case .int: run(c.ints) { UInt64(bitPattern: Int64($0)) }
                case .real: run(c.reals) { $0 == 0 ? 0 : ($0.isNaN ? Double.nan.bitPattern : $0.bitPattern) }
                default: run(c.longs) { UInt64(bitPattern: $0) }
                }
            }
            if c.validity != nil {
                // Nulls were marked -2 above; they get one id of their own, distinct from every value.
                var nid: Int32? = nullIDs[k]
                for i in 0..<n where out[i] == -2 {
                    if nid == nil { nid = table.reserveID(); nullIDs[k] = nid }
                    out[i] = nid!
                }
            }
            counts[k] = table.count
        case .bytes(let table):
            if c.type == .string {
                for i in 0..<n {
                    out[i] = table.intern(
                        c.validity == nil || !c.isNull(i) ? c.utf8(i) : UnsafeRawBufferPointer(start: nil, count: 0))
                }
            } else {
                for i in 0..<n {
                    if c.isNull(i) {
                        out[i] = table.intern(UnsafeRawBufferPointer(start: nil, count: 0))
                    } else {
                        out[i] = table.intern(UnsafeRawBufferPointer(start: c.values!.pointer + i * 16, count: 16))
                    }
                }
            }
            counts[k] = table.count
        case .boxed(var dict):
            for i in 0..<n {
                let v = c.value(i)
                if let id = dict[v] {
                    out[i] = id
                } else {
                    let id = Int32(dict.count); dict[v] = id; out[i] = id
                }
            }
            counts[k] = dict.count
            tables[k] = .boxed(dict)
        }
        return out
    }

    /// Turns on direct lookup in a still-empty table when the first batch of integer keys spans a small
    /// range: at most `LongKeyTable.maxDirectSize` values and at most four slots per row (or 64 Ki).
    /// Null slots (0 in the layout) may widen the range a little; they never reach the table.
    private static func considerDirectRange(_ table: LongKeyTable, _ values: UnsafeBufferPointer<Int64>) {
        guard table.count == 0, !table.hasDirectRange, let p = values.baseAddress, values.count > 0 else { return }
        var lo = p[0], hi = p[0]
        for i in 0..<values.count { let v = p[i]; lo = Swift.min(lo, v); hi = Swift.max(hi, v) }
        let (span, overflow) = hi.subtractingReportingOverflow(lo)
        guard !overflow, span < Int64(Swift.min(LongKeyTable.maxDirectSize, Swift.max(1 << 16, values.count * 4)))
        else { return }
        table.useDirectRange(min: lo, max: hi)
    }

    /// Rows where any key is null (strings never are): such rows match nothing in a join.
    static func nullRows(_ columns: [Column]) -> [Bool]? {
        var mask: [Bool]?
        for c in columns where c.type != .string {
            guard c.validity != nil || c.type == .dynamic || c.type == .decimal else { continue }
            if mask == nil { mask = [Bool](repeating: false, count: c.count) }
            for i in 0..<c.count where c.isNull(i) { mask![i] = true }
        }
        return mask
    }
}
