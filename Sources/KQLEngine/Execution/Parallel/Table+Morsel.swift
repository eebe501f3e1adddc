import Columnar

extension Table {
    /// Rows `range` of the table, sharing its buffers where the layout allows (``Column/morsel(_:)``).
    func morsel(_ range: Range<Int>) -> Table {
        var t = Table(schema: schema, columns: columns.map { $0.morsel(range) }, rowCount: range.count)
        t.visualization = visualization
        return t
    }

    /// The tables' rows one after the other; all have the first one's schema.
    static func concatenating(_ parts: [Table]) -> Table {
        let first = parts[0]
        if parts.count == 1 { return first }
        let columns = first.schema.fields.indices.map { c in
            Column.concat(parts.map { $0.columns[c] }, type: first.schema.fields[c].type)
        }
        var t = Table(schema: first.schema, columns: columns, rowCount: parts.reduce(0) { $0 + $1.rowCount })
        t.visualization = first.visualization
        return t
    }
}

extension Column {
    /// Rows `range` of the column. When the range starts on a byte of the validity bitmap, fixed-width
    /// values, the bitmap and string bytes are views into this column's buffers (which they keep alive),
    /// and only string offsets are rebased (they start at 0 in every column); otherwise, and for boxed
    /// types, the rows are copied.
    func morsel(_ range: Range<Int>) -> Column {
        guard range.lowerBound % 8 == 0, objects == nil, let values, range.count > 0 else { return slice(range) }
        let n = range.count
        func view(_ buffer: DataBuffer, from offset: Int, bytes: Int) -> DataBuffer {
            DataBuffer(adopting: buffer.pointer + offset, byteCount: bytes) { _, _ in
                withExtendedLifetime(buffer) {}
            }
        }
        let bitmap = validity.map { view($0, from: range.lowerBound / 8, bytes: (n + 7) / 8) }
        if type == .string {
            guard let data else { return slice(range) }
            let o = offsets
            let start = o[range.lowerBound], end = o[range.upperBound]
            let rebased = DataBuffer(byteCount: (n + 1) * 8)
            let r = rebased.typed(Int64.self, count: n + 1)
            for i in 0...n { r[i] = o[range.lowerBound + i] - start }
            return Column(
                type: .string, count: n, validity: bitmap, values: rebased,
                data: view(data, from: Int(start), bytes: Int(end - start)))
        }
        guard let width = type.fixedWidth else { return slice(range) }
        return Column(
            type: type, count: n, validity: bitmap,
            values: view(values, from: range.lowerBound * width, bytes: n * width))
    }
}
