import Columnar
import Foundation

/// Estimates of the bytes columns, tables and values hold, for the memory budget (``QueryBudget``) and
/// the result size limit.
///
/// Flat buffers count exactly. A `dynamic` column counts one reference per row: copying rows (gather,
/// join, mv-expand) copies references to values that stay shared, so that is what an operator
/// allocates for it. The functions that build large dynamic values (`range()`, `make_list`, ...)
/// charge the values themselves, in full (``deep(_:)``).
enum MemorySize {
    /// Bytes of one boxed `dynamic` node beyond its slot: the box (header and payload).
    static let dynamicBox = 32

    /// The bytes `column` holds.
    static func of(_ column: Column) -> Int {
        var total = sum(
            sum(column.validity?.byteCount ?? 0, column.values?.byteCount ?? 0), column.data?.byteCount ?? 0)
        switch column.objects {
        case .decimals(let d)?: total = sum(total, product(d.count, MemoryLayout<Decimal?>.stride))
        case .dynamics(let d)?: total = sum(total, product(d.count, MemoryLayout<Dynamic>.stride))
        case nil: break
        }
        return total
    }

    /// The bytes of `table`'s columns.
    static func of(_ table: Table) -> Int {
        table.columns.reduce(0) { sum($0, of($1)) }
    }

    /// The bytes `output` holds in columns it does not share with `input` (an operator that passes a
    /// column through, as `project` and `extend` do, allocated nothing for it).
    static func added(by output: Table, beyond input: Table?) -> Int {
        var inputBuffers = Set<ObjectIdentifier>()
        var inputObjects = Set<UnsafeRawPointer>()
        for c in input?.columns ?? [] {
            for b in [c.validity, c.values, c.data] { if let b { inputBuffers.insert(ObjectIdentifier(b)) } }
            if let p = objectsAddress(c) { inputObjects.insert(p) }
        }
        var total = 0
        for c in output.columns {
            if let p = objectsAddress(c), inputObjects.contains(p) { continue }
            if c.objects == nil,
                [c.validity, c.values, c.data].allSatisfy({
                    $0.map { inputBuffers.contains(ObjectIdentifier($0)) } ?? true
                })
            {
                continue
            }
            total = sum(total, of(c))
        }
        return total
    }

    /// The average bytes a row of `column` takes (rounded up), for operators that copy rows.
    static func perRow(_ column: Column) -> Int {
        guard column.count > 0 else { return column.type.fixedWidth ?? 8 }
        let total = of(column)
        return total / column.count + (total % column.count == 0 ? 0 : 1)
    }

    /// The average bytes a row of `table` takes.
    static func perRow(_ table: Table) -> Int {
        table.columns.reduce(0) { sum($0, perRow($1)) }
    }

    /// The bytes of one value as a cell (fixed width, a string's UTF-8 bytes, a dynamic value in full).
    static func of(_ value: Value) -> Int {
        switch value {
        case .null: return 0
        case .bool: return 1
        case .int: return 4
        case .long, .real, .datetime, .timespan: return 8
        case .guid, .decimal: return 16
        case .string(let s): return s.utf8.count
        case .dynamic(let d): return deep(d)
        }
    }

    /// A `dynamic` value in full, walked without recursion (nesting depth comes from user data).
    static func deep(_ value: Dynamic) -> Int {
        var total = 0
        var pending = [value]
        while let d = pending.popLast() {
            total = sum(total, shallow(d))
            switch d {
            case .array(let items): pending.append(contentsOf: items)
            case .bag(let bag): pending.append(contentsOf: bag.values)
            default: break
            }
        }
        return total
    }

    /// One node: its box, a string's bytes, an array's or bag's slots and keys (not the values inside).
    static func shallow(_ value: Dynamic) -> Int {
        switch value {
        case .null: return 0
        case .bool, .long, .real, .datetime, .timespan, .guid, .decimal: return dynamicBox
        case .string(let s): return dynamicBox + s.utf8.count
        case .array(let items): return sum(dynamicBox, product(items.count, MemoryLayout<Dynamic>.stride))
        case .bag(let bag):
            var keys = 0
            for k in bag.keys { keys = sum(keys, sum(16, k.utf8.count)) }
            return sum(dynamicBox, sum(keys, product(bag.count, MemoryLayout<Dynamic>.stride)))
        }
    }

    private static func objectsAddress(_ c: Column) -> UnsafeRawPointer? {
        switch c.objects {
        case .decimals(let d)?: return d.withUnsafeBufferPointer { $0.baseAddress.map(UnsafeRawPointer.init) }
        case .dynamics(let d)?: return d.withUnsafeBufferPointer { $0.baseAddress.map(UnsafeRawPointer.init) }
        case nil: return nil
        }
    }

    /// `a + b`, or `Int.max` when that overflows (a size too large to allocate anyway).
    static func sum(_ a: Int, _ b: Int) -> Int {
        let (r, o) = a.addingReportingOverflow(b)
        return o ? .max : r
    }

    /// `a * b`, or `Int.max` when that overflows.
    static func product(_ a: Int, _ b: Int) -> Int {
        let (r, o) = a.multipliedReportingOverflow(by: b)
        return o ? .max : r
    }
}
