import Columnar
import Foundation

/// Reads a table from a shared region, adopting its buffers as column storage without copying.
///
/// Every adopted buffer keeps `owner` (a `RegionLease` or the region itself) alive; the mapping is
/// released (or the region returned to its pool) when the last column using it goes away.
/// `decimal` (Float64 on the wire) and `dynamic` (JSON text) are converted into boxed storage.
public enum SharedTableReader {
    /// Reads the table in `lease`'s region.
    public static func read(_ lease: RegionLease) throws(SharedTableError) -> Table {
        try read(base: lease.region.base, length: lease.region.base == nil ? 0 : lease.region.capacity, owner: lease)
    }

    /// Reads the table in `region`, which the columns keep alive.
    public static func read(_ region: SharedRegion) throws(SharedTableError) -> Table {
        try read(base: region.base, length: region.base == nil ? 0 : region.capacity, owner: region)
    }

    /// Reads the table at `base` (a mapping of `length` bytes) kept alive by `owner`.
    public static func read(base: UnsafeMutableRawPointer?, length: Int, owner: AnyObject & Sendable) throws(SharedTableError) -> Table {
        guard let base else { throw SharedTableError.corrupt("region is empty") }
        let header = try SharedTableHeader(base: base, length: length)
        let n = header.rowCount
        var fields: [Field] = []
        var columns: [Column] = []
        for e in header.columns {
            func adopt(_ r: Range<Int>) -> DataBuffer {
                DataBuffer(adopting: base + r.lowerBound, byteCount: r.count) { _, _ in withExtendedLifetime(owner) {} }
            }
            let validity = e.nullCount > 0 ? e.validity.map(adopt) : nil
            let column: Column
            switch e.type {
            case .string:
                try checkOffsets(base, e, rows: n)
                column = Column(type: .string, count: n, validity: validity, values: adopt(e.values), data: adopt(e.data ?? 0..<0))
            case .dynamic:
                try checkOffsets(base, e, rows: n)
                column = try dynamics(base, e, rows: n)
            case .decimal:
                let p = (base + e.values.lowerBound).assumingMemoryBound(to: Double.self)
                var b = ColumnBuilder(type: .decimal, capacity: n)
                for i in 0..<n {
                    if let v = e.validity, !Validity.isValid(base + v.lowerBound, i) { b.appendNull() } else { b.append(decimal: Decimal(p[i])) }
                }
                column = b.finish()
            case .bool:
                // Any non-zero byte is true on the wire; the engine expects exactly 0 or 1.
                let p = (base + e.values.lowerBound).assumingMemoryBound(to: UInt8.self)
                for i in 0..<n where p[i] > 1 { p[i] = 1 }
                column = Column(type: .bool, count: n, validity: validity, values: adopt(e.values))
            default:
                column = Column(type: e.type, count: n, validity: validity, values: adopt(e.values))
            }
            fields.append(Field(e.name, e.type))
            columns.append(column)
        }
        return Table(schema: Schema(fields), columns: columns, rowCount: n)
    }

    /// String offsets must be non-decreasing and inside the data buffer, or a reader could run off the mapping.
    static func checkOffsets(_ base: UnsafeMutableRawPointer, _ e: ColumnExtent, rows n: Int) throws(SharedTableError) {
        let o = (base + e.values.lowerBound).assumingMemoryBound(to: Int64.self)
        let limit = Int64(e.data?.count ?? 0)
        guard o[0] == 0 else { throw .corrupt("offsets of \(e.name) do not start at 0") }
        var previous: Int64 = 0
        for i in 1...max(n, 1) where i <= n {
            let v = o[i]
            guard v >= previous, v <= limit else { throw .corrupt("offset \(i) of \(e.name) is \(v), outside 0...\(limit)") }
            previous = v
        }
    }

    static func dynamics(_ base: UnsafeMutableRawPointer, _ e: ColumnExtent, rows n: Int) throws(SharedTableError) -> Column {
        let o = (base + e.values.lowerBound).assumingMemoryBound(to: Int64.self)
        let data = base + (e.data?.lowerBound ?? 0)
        var b = ColumnBuilder(type: .dynamic, capacity: n)
        for i in 0..<n {
            if let v = e.validity, !Validity.isValid(base + v.lowerBound, i) { b.appendNull(); continue }
            let text = String(decoding: UnsafeRawBufferPointer(start: data + Int(o[i]), count: Int(o[i + 1] - o[i])), as: UTF8.self)
            do {
                b.append(dynamic: try Dynamic.parseJSON(text))
            } catch {
                throw .corrupt("row \(i) of dynamic column \(e.name) is not JSON (\(error.description))")
            }
        }
        return b.finish()
    }
}
