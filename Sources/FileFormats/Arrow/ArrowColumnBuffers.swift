import Columnar

/// The buffers of one KQL column's rows in Arrow's layout (``ArrowWriter`` lists the types): the
/// validity bitmap (empty when no row is null), then the values, or offsets and UTF-8 data.
enum ArrowColumnBuffers {
    static func buffers(_ column: Column, rows: Range<Int>, nulls: Int, name: String) throws(FileFormatError)
        -> [[UInt8]]
    {
        var validity: [UInt8] = []
        if nulls > 0 {
            validity = [UInt8](repeating: 0, count: (rows.count + 7) / 8)
            for (k, r) in rows.enumerated() where !column.isNull(r) { validity[k >> 3] |= 1 << UInt8(k & 7) }
        }
        var data: [UInt8] = []
        func append<T: FixedWidthInteger>(_ v: T) {
            withUnsafeBytes(of: v.littleEndian) { data.append(contentsOf: $0) }
        }
        switch column.type {
        case .bool:
            data = [UInt8](repeating: 0, count: (rows.count + 7) / 8)
            for (k, r) in rows.enumerated() where !column.isNull(r) && column.bools[r] != 0 {
                data[k >> 3] |= 1 << UInt8(k & 7)
            }
        case .int: for r in rows { append(column.isNull(r) ? 0 : column.ints[r]) }
        case .long, .datetime, .timespan: for r in rows { append(column.isNull(r) ? 0 : column.longs[r]) }
        case .real: for r in rows { append(column.isNull(r) ? 0 : column.reals[r].bitPattern) }
        case .guid:
            for r in rows {
                if column.isNull(r) {
                    data.append(contentsOf: [UInt8](repeating: 0, count: 16))
                } else {
                    withUnsafeBytes(of: column.guid(r).uuid) { data.append(contentsOf: $0) }
                }
            }
        case .decimal:
            for r in rows {
                guard !column.isNull(r) else { append(Int128(0)); continue }
                guard case .decimal(let d) = column.value(r), let unscaled = ParquetPageWriter.unscaled(d) else {
                    throw FileFormatError(
                        .outOfRange, "column '\(name)': the decimal \(column.value(r)) does not fit Decimal128(38, 18)",
                        hint: "round it or convert the column to real before exporting")
                }
                append(unscaled)
            }
        case .string, .dynamic:
            var offsets: [UInt8] = []
            func offset(_ n: Int) {
                withUnsafeBytes(of: Int32(truncatingIfNeeded: n).littleEndian) { offsets.append(contentsOf: $0) }
            }
            offset(0)
            for r in rows {
                if !column.isNull(r) {
                    if column.type == .string {
                        data.append(contentsOf: column.utf8(r))
                    } else {
                        data.append(contentsOf: column.value(r).asDynamic.jsonText.utf8)
                    }
                }
                guard data.count <= Int(Int32.max) else {
                    throw FileFormatError(
                        .outOfRange, "column '\(name)': more than 2 GiB of text in one record batch",
                        hint: "export fewer rows at a time")
                }
                offset(data.count)
            }
            return [validity, offsets, data]
        }
        return [validity, data]
    }
}
