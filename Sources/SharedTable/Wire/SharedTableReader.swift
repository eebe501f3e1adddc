import Columnar
import Foundation

/// Reads a table from a shared region, adopting its buffers as column storage without copying.
///
/// Every adopted buffer keeps `owner` (a `RegionLease` or the region itself) alive; the mapping is
/// released (or the region returned to its pool) when the last column using it goes away. A buffer
/// the table references in a block of `blocks` (a result column the script left unmodified) is the
/// engine's own buffer again. Adopted buffers say where they live in the region's memfd, so a later
/// `python()` call can pass them on by reference too.
/// `decimal` (Float64 on the wire) and `dynamic` (JSON text) are converted into boxed storage.
public enum SharedTableReader {
    /// Reads the table in the first `length` bytes (all of it by default) of `lease`'s region, whose
    /// references point into `blocks`.
    public static func read(_ lease: RegionLease, length: Int? = nil, blocks: SharedBlocks? = nil)
        throws(SharedTableError) -> Table
    {
        let mapped = lease.region.base == nil ? 0 : lease.region.capacity
        return try read(
            base: lease.region.base, length: min(length ?? mapped, mapped), owner: lease, fd: lease.region.fd,
            blocks: blocks)
    }

    /// Reads the table in `region`, which the columns keep alive.
    public static func read(_ region: SharedRegion) throws(SharedTableError) -> Table {
        try read(base: region.base, length: region.base == nil ? 0 : region.capacity, owner: region, fd: region.fd)
    }

    /// Reads the table at `base` (a mapping of `length` bytes, of memfd `fd` when given) kept alive by
    /// `owner`; references point into `blocks`.
    public static func read(
        base: UnsafeMutableRawPointer?, length: Int, owner: AnyObject & Sendable, fd: Int32? = nil,
        blocks: SharedBlocks? = nil
    ) throws(SharedTableError) -> Table {
        guard let base else { throw SharedTableError.corrupt("region is empty") }
        let header = try SharedTableHeader(base: base, length: length, blockLengths: blocks?.blockLengths ?? [])
        let n = header.rowCount
        var fields: [Field] = []
        var columns: [Column] = []
        for e in header.columns {
            func adopt(_ r: Range<Int>, _ block: Int) throws(SharedTableError) -> DataBuffer {
                if block != 0 {
                    guard let b = blocks?.buffer(block: block, range: r) else {
                        throw .corrupt(
                            "column \(e.name) references bytes \(r) of block \(block), which hold no input buffer")
                    }
                    return b
                }
                return DataBuffer(
                    adopting: base + r.lowerBound, byteCount: r.count,
                    shared: fd.map { DataBuffer.SharedLocation(fd: $0, offset: r.lowerBound) }
                ) { _, _ in
                    withExtendedLifetime(owner) {}
                }
            }
            let validity =
                e.nullCount > 0
                ? try e.validity.map { r throws(SharedTableError) in try adopt(r, e.validityBlock) } : nil
            let column: Column
            if e.valuesBlock != 0 || e.dataBlock != 0 {
                // Only fixed-width values come back by reference (strings are new Python objects).
                guard !SharedTableLayout.usesStringLayout(e.type), e.type != .decimal else {
                    throw .corrupt("column \(e.name) of type \(e.type.rawValue) references an input block")
                }
                var values = try adopt(e.values, e.valuesBlock)
                if e.type == .bool {
                    // The engine's bytes are 0 or 1; anything else is normalized in a copy, never in place.
                    let p = values.pointer.assumingMemoryBound(to: UInt8.self)
                    if (0..<n).contains(where: { p[$0] > 1 }) {
                        let copy = DataBuffer(copying: UnsafeRawBufferPointer(start: values.pointer, count: n))
                        let q = copy.pointer.assumingMemoryBound(to: UInt8.self)
                        for i in 0..<n where q[i] > 1 { q[i] = 1 }
                        values = copy
                    }
                }
                fields.append(Field(e.name, e.type))
                columns.append(Column(type: e.type, count: n, validity: validity, values: values))
                continue
            }
            switch e.type {
            case .string:
                try checkOffsets(base, e, rows: n)
                column = Column(
                    type: .string, count: n, validity: validity, values: try adopt(e.values, 0),
                    data: try adopt(e.data ?? 0..<0, 0))
            case .dynamic:
                try checkOffsets(base, e, rows: n)
                column = try dynamics(base, e, rows: n)
            case .decimal:
                let p = (base + e.values.lowerBound).assumingMemoryBound(to: Double.self)
                var b = ColumnBuilder(type: .decimal, capacity: n)
                for i in 0..<n {
                    // NaN and the infinities have no decimal form: they read as null.
                    if let v = e.validity, !Validity.isValid(base + v.lowerBound, i) {
                        b.appendNull()
                    } else if p[i].isFinite {
                        b.append(decimal: Decimal(p[i]))
                    } else {
                        b.appendNull()
                    }
                }
                column = b.finish()
            case .bool:
                // Any non-zero byte is true on the wire; the engine expects exactly 0 or 1.
                let p = (base + e.values.lowerBound).assumingMemoryBound(to: UInt8.self)
                for i in 0..<n where p[i] > 1 { p[i] = 1 }
                column = Column(type: .bool, count: n, validity: validity, values: try adopt(e.values, 0))
            default:
                column = Column(type: e.type, count: n, validity: validity, values: try adopt(e.values, 0))
            }
            fields.append(Field(e.name, e.type))
            columns.append(column)
        }
        return Table(schema: Schema(fields), columns: columns, rowCount: n)
    }

    /// String offsets must start at 0, never decrease, stay inside the data buffer and fall on character
    /// boundaries, and the data must be UTF-8, or a reader could run off the mapping or build a string
    /// the engine's text functions do not expect.
    static func checkOffsets(_ base: UnsafeMutableRawPointer, _ e: ColumnExtent, rows n: Int) throws(SharedTableError) {
        let o = (base + e.values.lowerBound).assumingMemoryBound(to: Int64.self)
        let count = e.data?.count ?? 0
        let data = UnsafePointer((base + (e.data?.lowerBound ?? 0)).assumingMemoryBound(to: UInt8.self))
        guard o[0] == 0 else { throw .corrupt("offsets of \(e.name) do not start at 0") }
        guard UTF8Check.isValid(data, count: count) else { throw .corrupt("the text of column \(e.name) is not UTF-8") }
        let limit = Int64(count)
        var previous: Int64 = 0
        for i in 1...max(n, 1) where i <= n {
            let v = o[i]
            guard v >= previous, v <= limit else {
                throw .corrupt("offset \(i) of \(e.name) is \(v), outside \(previous)...\(limit)")
            }
            guard UTF8Check.isBoundary(data, count: count, at: Int(v)) else {
                throw .corrupt("offset \(i) of \(e.name) cuts a character in two")
            }
            previous = v
        }
    }

    static func dynamics(_ base: UnsafeMutableRawPointer, _ e: ColumnExtent, rows n: Int) throws(SharedTableError)
        -> Column
    {
        let o = (base + e.values.lowerBound).assumingMemoryBound(to: Int64.self)
        let data = base + (e.data?.lowerBound ?? 0)
        var b = ColumnBuilder(type: .dynamic, capacity: n)
        for i in 0..<n {
            if let v = e.validity, !Validity.isValid(base + v.lowerBound, i) { b.appendNull(); continue }
            let text = String(
                decoding: UnsafeRawBufferPointer(start: data + Int(o[i]), count: Int(o[i + 1] - o[i])), as: UTF8.self)
            do {
                b.append(dynamic: try Dynamic.parseJSON(text))
            } catch {
                throw .corrupt("row \(i) of dynamic column \(e.name) is not JSON (\(error.description))")
            }
        }
        return b.finish()
    }
}
