import Columnar
import Foundation

/// Reads a Parquet file into a ``Table``: one column per top-level field of its schema, flat fields as
/// their KQL type (``ParquetLeafKind``) and nested ones as `dynamic` (``ParquetNestedAssembly``), every
/// row group in order.
///
/// Written from the Apache Parquet format specification (`parquet.thrift` and the encodings document):
/// data pages v1 and v2, dictionary pages, the PLAIN, RLE/bit-packed, dictionary, DELTA and
/// BYTE_STREAM_SPLIT encodings, and uncompressed, snappy, gzip and zstd pages. Every offset and length a
/// file declares is checked against the file before it is followed, and what a file can make the reader
/// allocate is bounded by ``ParquetLimits``.
public enum ParquetReader {
    static let magic: [UInt8] = Array("PAR1".utf8)

    /// Reads the file at `path` (mapped, not copied).
    public static func read(file path: String, limits: ParquetLimits = ParquetLimits()) throws(FileFormatError) -> Table
    {
        try withMappedFile(path) { (b) throws(FileFormatError) in try read(bytes: b, source: path, limits: limits) }
    }

    /// Reads a Parquet file held in memory; `source` names it in errors.
    public static func read(bytes: UnsafeRawBufferPointer, source: String, limits: ParquetLimits = ParquetLimits())
        throws(FileFormatError) -> Table
    {
        let size = bytes.count
        guard size >= 12, Array(bytes[0..<4]) == magic, Array(bytes[(size - 4)...]) == magic else {
            throw FileFormatError.malformed(source, at: 0, "not a Parquet file (it must start and end with PAR1)")
        }
        let footerLength = Int(bytes.loadUnaligned(fromByteOffset: size - 8, as: UInt32.self).littleEndian)
        guard footerLength <= size - 12 else {
            throw FileFormatError.malformed(
                source, at: size - 8, "a footer of \(footerLength) bytes in a file of \(size)")
        }
        let dataEnd = size - 8 - footerLength
        var thrift = ThriftCompactReader(
            ByteReader(UnsafeRawBufferPointer(rebasing: bytes[dataEnd..<(size - 8)]), base: dataEnd, file: source))
        let meta = try thrift.fileMetaData()
        let schema = try ParquetSchema(meta.schema, file: source)

        var leaves: [ParquetLeafData] = []
        var kinds: [ParquetLeafKind] = []
        let timespans = timespanColumns(meta)
        for node in schema.leafNodes {
            let e = schema.nodes[node].element
            let kind = try ParquetLeafKind(e, file: source)
            let isTimespan =
                kind == .long && e.type == .int64 && schema.root.children.contains(node) && timespans.contains(e.name)
            kinds.append(isTimespan ? .timespan(nanos: 100) : kind)
            leaves.append(ParquetLeafData(values: ParquetLeafValues(type: e.type!, width: Int(e.typeLength))))
        }
        var reader = ParquetColumnChunkReader(file: bytes, source: source, limits: limits)
        var rows = 0
        for group in meta.rowGroups {
            guard group.columns.count == leaves.count else {
                throw FileFormatError.malformed(
                    source, at: dataEnd, "a row group of \(group.columns.count) columns in a schema of \(leaves.count)")
            }
            guard group.numRows >= 0, group.numRows <= Int64(limits.maxValues - rows) else {
                throw FileFormatError.malformed(source, at: dataEnd, "a row group of \(group.numRows) rows")
            }
            for (i, chunk) in group.columns.enumerated() {
                let n = schema.nodes[schema.leafNodes[i]]
                guard chunk.type == n.element.type else {
                    throw FileFormatError.malformed(
                        source, at: Int(clamping: chunk.dataPageOffset),
                        "column \(i) stored as \(chunk.type), declared \(n.element.type.map { "\($0)" } ?? "none")")
                }
                try reader.read(chunk, maxDef: n.defLevel, maxRep: n.repLevel, dataEnd: dataEnd, into: &leaves[i])
            }
            rows += Int(group.numRows)
        }
        let columns = leaves.indices.map { i in
            ParquetLeafColumn(
                name: schema.nodes[schema.leafNodes[i]].element.name, kind: kinds[i],
                maxDef: schema.nodes[schema.leafNodes[i]].defLevel, maxRep: schema.nodes[schema.leafNodes[i]].repLevel,
                data: leaves[i], source: source)
        }
        // Every leaf holds as many values as its levels say are present (the decoders guarantee it; the
        // nested assembly's lookups by entry rely on it).
        for leaf in columns {
            let top = UInt8(leaf.maxDef)
            let present =
                leaf.maxDef == 0 ? leaf.data.entries : leaf.data.defLevels.reduce(0) { $0 + ($1 == top ? 1 : 0) }
            guard present == leaf.data.values.count,
                leaf.maxRep == 0 || leaf.data.repLevels.count == leaf.data.entries
            else {
                throw FileFormatError.malformed(
                    source, at: dataEnd,
                    "column '\(leaf.name)' holds \(leaf.data.values.count) values where its levels say \(present)")
            }
        }
        let isFlat = { (node: ParquetSchema.Node) in node.isLeaf && node.element.repetition != .repeated }
        let nestedLeaves = Set(
            schema.root.children.filter { !isFlat(schema.nodes[$0]) }.flatMap { schema.nodes[$0].leaves })
        let nested = ParquetNestedAssembly(schema: schema, leaves: columns, nested: nestedLeaves, source: source)
        var named: [(String, Column)] = []
        for child in schema.root.children {
            let node = schema.nodes[child]
            let column: Column
            if isFlat(node) {
                let leaf = columns[node.leaves.lowerBound]
                guard leaf.data.entries == rows else {
                    throw FileFormatError.malformed(
                        source, at: dataEnd, "column '\(leaf.name)' holds \(leaf.data.entries) values, not \(rows)")
                }
                column = try leaf.column()
            } else {
                column = try nested.column(child, rows: rows)
            }
            named.append((node.element.name, column))
        }
        return Table(named)
    }

    /// The key under which Sandpiper's writer lists the columns that hold `timespan` ticks (Parquet has no
    /// duration type), so they read back as `timespan`; other readers see 64-bit integers.
    static let timespanKey = "sandpiper.timespan_columns"

    private static func timespanColumns(_ meta: ParquetFileMetaData) -> Set<String> {
        guard let text = meta.keyValues.first(where: { $0.key == timespanKey })?.value,
            let names = try? JSONDecoder().decode([String].self, from: Data(text.utf8))
        else { return [] }
        return Set(names)
    }
}
