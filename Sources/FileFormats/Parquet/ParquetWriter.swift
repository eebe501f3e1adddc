import Columnar
import Foundation

/// Writes a ``Table`` as a Parquet file that pyarrow, DuckDB and Sandpiper's own reader read back:
/// every column OPTIONAL, PLAIN values in v1 data pages (one per column per row group), definition levels
/// bit-packed, each page compressed with the chosen codec.
///
/// KQL types map to `bool` → BOOLEAN, `int` → INT32, `long` → INT64, `real` → DOUBLE, `datetime` →
/// INT64 TIMESTAMP (UTC; milliseconds by default, as ADX's `.export` writes), `timespan` → INT64 count of
/// 100-ns ticks (Parquet has no duration type), `decimal` → FIXED_LEN_BYTE_ARRAY(16) DECIMAL(38, 18),
/// `guid` → FIXED_LEN_BYTE_ARRAY(16) UUID, `string` → BYTE_ARRAY STRING, `dynamic` → BYTE_ARRAY JSON.
public enum ParquetWriter {
    public struct Options: Sendable {
        /// Page compression: `none`, `snappy`, `gzip` or `zstd`.
        public var compression: String
        public var rowGroupSize: Int
        /// The unit of datetime values: `millisecond`, `microsecond` or `nanosecond`.
        public var datetimePrecision: String

        public init(
            compression: String = "snappy", rowGroupSize: Int = 100_000, datetimePrecision: String = "millisecond"
        ) {
            self.compression = compression; self.rowGroupSize = rowGroupSize; self.datetimePrecision = datetimePrecision
        }
    }

    /// The codecs and datetime units accepted, for messages.
    public static let compressions = ["none", "uncompressed", "snappy", "gzip", "zstd"]
    public static let precisions = ["millisecond", "microsecond", "nanosecond"]

    public static func bytes(of table: Table, options: Options = Options()) throws(FileFormatError) -> [UInt8] {
        let codec: ParquetCodec
        switch options.compression.lowercased() {
        case "none", "uncompressed": codec = .uncompressed
        case "snappy": codec = .snappy
        case "gzip": codec = .gzip
        case "zstd": codec = .zstd
        default:
            throw FileFormatError(
                .argument, "Parquet compression '\(options.compression)' is not supported",
                hint: "use one of \(compressions.joined(separator: ", "))")
        }
        let unit: ParquetTimeUnit
        switch options.datetimePrecision.lowercased() {
        case "millisecond": unit = .millis
        case "microsecond": unit = .micros
        case "nanosecond": unit = .nanos
        default:
            throw FileFormatError(
                .argument, "Parquet datetime precision '\(options.datetimePrecision)' is not supported",
                hint: "use one of \(precisions.joined(separator: ", "))")
        }
        guard options.rowGroupSize > 0 else {
            throw FileFormatError(
                .argument, "a Parquet row group size of \(options.rowGroupSize)", hint: "use a positive number of rows")
        }
        var out = ParquetReader.magic
        var groups: [(rows: Int, chunks: [ChunkInfo])] = []
        var start = 0
        repeat {
            let rows = min(options.rowGroupSize, table.rowCount - start)
            var chunks: [ChunkInfo] = []
            for (c, column) in table.columns.enumerated() {
                let page = try ParquetPageWriter.page(
                    column, rows: start..<start + rows, unit: unit, name: table.schema.fields[c].name)
                let compressed = PageCompression.compress(page.body, codec: codec)
                var header = ThriftCompactWriter()
                header.structBody { h in
                    h.i32(1, ParquetPageType.dataPage.rawValue)
                    h.i32(2, Int32(page.body.count))
                    h.i32(3, Int32(compressed.count))
                    h.structure(5) { d in
                        d.i32(1, Int32(rows))
                        d.i32(2, ParquetEncoding.plain.rawValue)
                        d.i32(3, ParquetEncoding.rle.rawValue)
                        d.i32(4, ParquetEncoding.rle.rawValue)
                    }
                }
                let offset = out.count
                out.append(contentsOf: header.bytes)
                out.append(contentsOf: compressed)
                chunks.append(
                    ChunkInfo(
                        offset: offset, type: page.type, rows: rows, uncompressed: header.bytes.count + page.body.count,
                        compressed: out.count - offset))
            }
            groups.append((rows, chunks))
            start += rows
        } while start < table.rowCount
        var footer = ThriftCompactWriter()
        footer.structBody { f in
            f.i32(1, 1)
            let elements =
                [ParquetSchemaElement?.none]
                + table.schema.fields.map { Optional(ParquetPageWriter.element($0, unit: unit)) }
            f.structList(2, elements) { s, e in
                guard let e else {
                    s.string(4, "schema")
                    s.i32(5, Int32(table.columns.count))
                    return
                }
                ParquetPageWriter.writeElement(e, into: &s)
            }
            f.i64(3, Int64(table.rowCount))
            f.structList(4, groups) { g, group in
                g.structList(1, Array(group.chunks.enumerated())) { c, item in
                    let (i, chunk) = item
                    c.i64(2, Int64(chunk.offset))
                    c.structure(3) { m in
                        m.i32(1, chunk.type.rawValue)
                        m.listHeader(2, count: 2, type: ThriftCompactWriter.FieldType.i32)
                        m.zigzag(Int64(ParquetEncoding.plain.rawValue))
                        m.zigzag(Int64(ParquetEncoding.rle.rawValue))
                        m.listHeader(3, count: 1, type: ThriftCompactWriter.FieldType.binary)
                        let name = table.schema.fields[i].name
                        m.varint(UInt64(name.utf8.count))
                        m.bytes.append(contentsOf: name.utf8)
                        m.i32(4, codec.rawValue)
                        m.i64(5, Int64(chunk.rows))
                        m.i64(6, Int64(chunk.uncompressed))
                        m.i64(7, Int64(chunk.compressed))
                        m.i64(9, Int64(chunk.offset))
                    }
                }
                g.i64(2, Int64(group.chunks.reduce(0) { $0 + $1.uncompressed }))
                g.i64(3, Int64(group.rows))
            }
            let timespans = table.schema.fields.filter { $0.type == .timespan }.map(\.name)
            if !timespans.isEmpty, let json = try? JSONEncoder().encode(timespans) {
                f.structList(5, [(ParquetReader.timespanKey, String(decoding: json, as: UTF8.self))]) { kv, pair in
                    kv.string(1, pair.0)
                    kv.string(2, pair.1)
                }
            }
            f.string(6, "Sandpiper")
        }
        out.append(contentsOf: footer.bytes)
        withUnsafeBytes(of: UInt32(footer.bytes.count).littleEndian) { out.append(contentsOf: $0) }
        out.append(contentsOf: ParquetReader.magic)
        return out
    }

    struct ChunkInfo {
        var offset: Int
        var type: ParquetPhysicalType
        var rows: Int
        var uncompressed: Int
        var compressed: Int
    }
}
