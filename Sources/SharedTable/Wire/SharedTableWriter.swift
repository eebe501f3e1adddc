import Columnar
import Foundation

/// Writes a `Table` (or a slice of its rows) into a shared region in the `SharedTableLayout` format.
///
/// Fixed-width buffers are copied with one `memcpy` each; the only per-row work is patching nulls
/// (NaN / NaT) and re-basing string offsets of a slice.
public enum SharedTableWriter {
    /// Writes rows `rows` (all by default) of `table` into `region`, growing it as needed; returns the bytes used.
    @discardableResult
    public static func write(_ table: Table, rows: Range<Int>? = nil, into region: SharedRegion) throws(SharedTableError) -> Int {
        let rows = rows ?? 0..<table.rowCount
        precondition(rows.lowerBound >= 0 && rows.upperBound <= table.rowCount, "row range outside the table")
        // Boxed types become the string/real layouts first; everything else is copied straight from the column.
        let staged: [Column] = table.columns.map { stage($0, rows) }
        let sizings = zip(table.schema.fields, staged).map { field, column -> ColumnSizing in
            let nulls = nullCount(column, field.type == .dynamic || field.type == .decimal ? 0..<column.count : rows)
            var dataBytes = 0
            if SharedTableLayout.usesStringLayout(field.type) {
                let r = column.type == field.type && field.type == .string ? rows : 0..<column.count
                let o = column.offsets
                dataBytes = r.isEmpty ? 0 : Int(o[r.upperBound] - o[r.lowerBound])
            }
            return ColumnSizing(name: field.name, type: field.type, nullCount: nulls, dataBytes: dataBytes)
        }
        let plan = SharedTablePlan(rowCount: rows.count, sizings: sizings)
        try region.ensureCapacity(plan.totalBytes)
        guard let base = region.base else { throw SharedTableError(.system(call: "mmap", errno: 0), "region is not mapped") }
        plan.writeHeader(at: base)
        for (i, extent) in plan.columns.enumerated() {
            let column = staged[i]
            // Staged (boxed) columns already hold exactly the slice.
            let r = column.count == rows.count && (extent.type == .decimal || extent.type == .dynamic) ? 0..<column.count : rows
            writeColumn(column, rows: r, extent: extent, base: base)
        }
        return plan.totalBytes
    }

    /// Decimal and dynamic columns have no flat layout in memory; give them the wire's.
    static func stage(_ column: Column, _ rows: Range<Int>) -> Column {
        switch column.type {
        case .decimal:
            var b = ColumnBuilder(type: .real, capacity: rows.count)
            for i in rows {
                if column.isNull(i) { b.appendNull() } else if case .decimal(let d) = column.value(i) {
                    b.append(real: NSDecimalNumber(decimal: d).doubleValue)
                } else { b.appendNull() }
            }
            return b.finish()
        case .dynamic:
            var b = ColumnBuilder(type: .string, capacity: rows.count)
            for i in rows {
                if column.isNull(i) { b.appendNull() } else if case .dynamic(let d) = column.value(i) {
                    b.append(string: d.jsonText)
                } else { b.appendNull() }
            }
            return b.finish()
        default:
            return column
        }
    }

    static func nullCount(_ column: Column, _ rows: Range<Int>) -> Int {
        guard let validity = column.validity else { return 0 }
        if rows.lowerBound == 0 { return Validity.nullCount(validity.pointer, count: rows.upperBound) }
        var n = 0
        for i in rows where !Validity.isValid(validity.pointer, i) { n += 1 }
        return n
    }

    static func writeColumn(_ column: Column, rows: Range<Int>, extent: ColumnExtent, base: UnsafeMutableRawPointer) {
        let n = rows.count
        if let v = extent.validity, let src = column.validity {
            copyBits(from: src.pointer, start: rows.lowerBound, count: n, to: base + v.lowerBound)
        }
        let dst = base + extent.values.lowerBound
        if SharedTableLayout.usesStringLayout(extent.type) {
            let o = column.offsets
            let out = dst.assumingMemoryBound(to: Int64.self)
            let first = n == 0 ? 0 : o[rows.lowerBound]
            if first == 0 {
                memcpy(out, o.baseAddress! + rows.lowerBound, (n + 1) * 8)
            } else {
                for k in 0...n { out[k] = o[rows.lowerBound + k] - first }
            }
            if let d = extent.data, d.count > 0, let data = column.data {
                memcpy(base + d.lowerBound, data.pointer + Int(first), d.count)
            }
            return
        }
        let width = SharedTableLayout.valueWidth(extent.type)
        if n > 0, let values = column.values { memcpy(dst, values.pointer + rows.lowerBound * width, n * width) }
        guard extent.nullCount > 0, let v = extent.validity else { return }
        let bitmap = UnsafeRawPointer(base + v.lowerBound)
        switch extent.type {
        case .real, .decimal:
            let p = dst.assumingMemoryBound(to: Double.self)
            for i in 0..<n where !Validity.isValid(bitmap, i) { p[i] = .nan }
        case .datetime, .timespan:
            let p = dst.assumingMemoryBound(to: Int64.self)
            for i in 0..<n where !Validity.isValid(bitmap, i) { p[i] = SharedTableLayout.nat }
        default:
            break
        }
    }

    /// Copies `count` bits starting at bit `start` of `src` to bit 0 of `dst`.
    static func copyBits(from src: UnsafeRawPointer, start: Int, count: Int, to dst: UnsafeMutableRawPointer) {
        let bytes = Validity.byteCount(for: count)
        if start % 8 == 0 {
            memcpy(dst, src + start / 8, bytes)
        } else {
            dst.initializeMemory(as: UInt8.self, repeating: 0, count: bytes)
            for i in 0..<count where Validity.isValid(src, start + i) { Validity.set(dst, i, true) }
        }
        // Bits past the last row are zero, as Arrow expects.
        if count % 8 != 0 {
            let last = dst.advanced(by: bytes - 1).assumingMemoryBound(to: UInt8.self)
            last.pointee &= UInt8((1 << (count % 8)) - 1)
        }
    }
}
