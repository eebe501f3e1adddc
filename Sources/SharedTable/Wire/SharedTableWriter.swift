import Columnar
import Foundation

/// Writes a `Table` (or a slice of its rows) into a shared region in the `SharedTableLayout` format.
///
/// Large buffers that live in memfds go by reference when a `SharedBlocks` is given (no copy at all);
/// the rest are copied with one `memcpy` each; the only per-row work is patching nulls (NaN / NaT)
/// and re-basing string offsets of a copied slice.
public enum SharedTableWriter {
    /// Buffers smaller than this are copied even when they could be referenced: a copy that small
    /// costs less than the child's mapping of another block.
    public static let minimumReferenceBytes = 64 << 10

    /// Writes rows `rows` (all by default) of `table` into `region`, growing it as needed; returns the bytes used.
    ///
    /// With `blocks`, large buffers that live in memfds are not copied: the region references them
    /// (see `SharedTableLayout`), `blocks` numbers their memfds and keeps them alive, and the reader
    /// needs those memfds too.
    @discardableResult
    public static func write(
        _ table: Table, rows: Range<Int>? = nil, into region: SharedRegion,
        blocks: SharedBlocks? = nil
    ) throws(SharedTableError) -> Int {
        let rows = rows ?? 0..<table.rowCount
        precondition(rows.lowerBound >= 0 && rows.upperBound <= table.rowCount, "row range outside the table")
        // Boxed types become the string/real layouts first; everything else is copied straight from the column.
        let staged: [Column] = table.columns.map { stage($0, rows) }
        var sizings: [ColumnSizing] = []
        sizings.reserveCapacity(staged.count)
        for (field, column) in zip(table.schema.fields, staged) {
            // Staged (boxed) columns already hold exactly the slice.
            let r =
                column.count == rows.count && (field.type == .decimal || field.type == .dynamic)
                ? 0..<column.count : rows
            let nulls = nullCount(column, r)
            var dataBytes = 0
            if SharedTableLayout.usesStringLayout(field.type) {
                let o = column.offsets
                dataBytes = r.isEmpty ? 0 : Int(o[r.upperBound] - o[r.lowerBound])
            }
            var sizing = ColumnSizing(name: field.name, type: field.type, nullCount: nulls, dataBytes: dataBytes)
            if let blocks { reference(column, rows: r, nullCount: nulls, into: &sizing, blocks: blocks) }
            sizings.append(sizing)
        }
        let plan = SharedTablePlan(rowCount: rows.count, sizings: sizings)
        try region.ensureCapacity(plan.totalBytes)
        guard let base = region.base else {
            throw SharedTableError(.system(call: "mmap", errno: 0), "region is not mapped")
        }
        region.noteWritten(plan.totalBytes)
        plan.writeHeader(at: base)
        for (i, extent) in plan.columns.enumerated() {
            let column = staged[i]
            let r =
                column.count == rows.count && (extent.type == .decimal || extent.type == .dynamic)
                ? 0..<column.count : rows
            writeColumn(column, rows: r, extent: extent, base: base)
        }
        return plan.totalBytes
    }

    /// Sets the references of the buffers of `column`'s rows `r` that can go by reference: they
    /// live in a memfd, are large, are laid out as on the wire, and need no patching (a `real` or
    /// temporal column with nulls carries NaN/NaT at them on the wire, which the engine's buffer lacks).
    static func reference(
        _ column: Column, rows r: Range<Int>, nullCount: Int, into sizing: inout ColumnSizing, blocks: SharedBlocks
    ) {
        let n = r.count
        guard n > 0 else { return }
        func place(_ buffer: DataBuffer?, _ offset: Int, _ count: Int, alignment: Int) -> (DataBuffer, Int, Int)? {
            guard let buffer, count >= minimumReferenceBytes, offset + count <= buffer.byteCount,
                let location = buffer.sharedLocation(), (location.offset + offset) % alignment == 0
            else { return nil }
            return (buffer, offset, count)
        }
        if nullCount > 0, r.lowerBound % 8 == 0,
            let v = place(column.validity, r.lowerBound / 8, Validity.byteCount(for: n), alignment: 1)
        {
            sizing.validityReference = blocks.reference(v.0, byteOffset: v.1, count: v.2)
        }
        if SharedTableLayout.usesStringLayout(sizing.type) {
            // Offsets and bytes go together: the referenced offsets index the whole data buffer.
            guard column.type == .string, let o = place(column.values, r.lowerBound * 8, (n + 1) * 8, alignment: 8),
                let data = column.data, data.sharedLocation() != nil,
                let valuesReference = blocks.reference(o.0, byteOffset: o.1, count: o.2),
                let dataReference = blocks.reference(data, count: data.byteCount)
            else { return }
            sizing.valuesReference = valuesReference
            sizing.dataReference = dataReference
            return
        }
        let patched: Set<ScalarType> = [.real, .decimal, .datetime, .timespan]
        guard nullCount == 0 || !patched.contains(sizing.type), column.type == sizing.type else { return }
        let width = SharedTableLayout.valueWidth(sizing.type)
        if let v = place(column.values, r.lowerBound * width, n * width, alignment: 8) {
            sizing.valuesReference = blocks.reference(v.0, byteOffset: v.1, count: v.2)
        }
    }

    /// Decimal and dynamic columns have no flat layout in memory; give them the wire's.
    static func stage(_ column: Column, _ rows: Range<Int>) -> Column {
        switch column.type {
        case .decimal:
            var b = ColumnBuilder(type: .real, capacity: rows.count)
            for i in rows {
                if column.isNull(i) {
                    b.appendNull()
                } else if case .decimal(let d) = column.value(i) {
                    b.append(real: NSDecimalNumber(decimal: d).doubleValue)
                } else {
                    b.appendNull()
                }
            }
            return b.finish()
        case .dynamic:
            var b = ColumnBuilder(type: .string, capacity: rows.count)
            for i in rows {
                if column.isNull(i) {
                    b.appendNull()
                } else if case .dynamic(let d) = column.value(i) {
                    b.append(string: d.jsonText)
                } else {
                    b.appendNull()
                }
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
        if let v = extent.validity, extent.validityBlock == 0, let src = column.validity {
            copyBits(from: src.pointer, start: rows.lowerBound, count: n, to: base + v.lowerBound)
        }
        // Referenced buffers are already where the reader looks.
        guard extent.valuesBlock == 0 else { return }
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
