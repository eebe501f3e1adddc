import CZstd
import Columnar

/// Writes a ``Table`` as an Arrow IPC file (the format of `.arrow` and Feather v2) that pyarrow, DuckDB
/// and Sandpiper's own reader read back: one schema, record batches of at most `batchRows` rows,
/// every column nullable, buffers uncompressed or ZSTD-compressed, and the footer that indexes the batches.
///
/// KQL types map to `bool` → Bool, `int` → Int32, `long` → Int64, `real` → Float64, `datetime` →
/// Timestamp(nanosecond, UTC), `timespan` → Duration(nanosecond), `decimal` → Decimal128(38, 18), `guid` →
/// FixedSizeBinary(16) with the `arrow.uuid` extension, `string` → Utf8, `dynamic` → Utf8 with the
/// `arrow.json` extension (JSON text), so each reads back as the type it was.
public enum ArrowWriter {
    public struct Options: Sendable {
        /// Buffer compression: `none` or `zstd`.
        public var compression: String
        public var batchRows: Int

        public init(compression: String = "none", batchRows: Int = 65_536) {
            self.compression = compression; self.batchRows = batchRows
        }
    }

    /// The codecs accepted, for messages.
    public static let compressions = ["none", "uncompressed", "zstd"]

    public static func bytes(of table: Table, options: Options = Options()) throws(FileFormatError) -> [UInt8] {
        let zstd: Bool
        switch options.compression.lowercased() {
        case "none", "uncompressed": zstd = false
        case "zstd": zstd = true
        default:
            throw FileFormatError(
                .argument, "Arrow compression '\(options.compression)' is not supported",
                hint: "use one of \(compressions.joined(separator: ", ")) (the reader also reads lz4)")
        }
        guard options.batchRows > 0 else {
            throw FileFormatError(
                .argument, "an Arrow record batch size of \(options.batchRows)", hint: "use a positive number of rows")
        }
        let schema = schemaNode(table.schema)
        var out = ArrowReader.magic + [0, 0]
        append(message(header: 1, schema, bodyLength: 0), to: &out)
        var blocks: [(offset: Int, metadata: Int, body: Int)] = []
        var start = 0
        while start < table.rowCount {
            let rows = start..<min(start + options.batchRows, table.rowCount)
            var body: [UInt8] = []
            var nodes: [(Int, Int)] = []
            var buffers: [(Int, Int)] = []
            for (c, column) in table.columns.enumerated() {
                let nulls = rows.reduce(0) { $0 + (column.isNull($1) ? 1 : 0) }
                nodes.append((rows.count, nulls))
                for buffer in try ArrowColumnBuffers.buffers(
                    column, rows: rows, nulls: nulls, name: table.schema.fields[c].name)
                {
                    let stored = zstd && !buffer.isEmpty ? compress(buffer) : buffer
                    buffers.append((body.count, stored.count))
                    body.append(contentsOf: stored)
                    while body.count % 8 != 0 { body.append(0) }
                }
            }
            let header = ArrowBatchHeader.node(
                length: rows.count, nodes: nodes, buffers: buffers, codec: zstd ? 1 : nil)
            let meta = message(header: 3, header, bodyLength: body.count)
            blocks.append((out.count, meta.count, body.count))
            append(meta, to: &out)
            out.append(contentsOf: body)
            start = rows.upperBound
        }
        out.append(contentsOf: [0xFF, 0xFF, 0xFF, 0xFF, 0, 0, 0, 0])
        var raw: [UInt8] = []
        for b in blocks {
            withUnsafeBytes(of: Int64(b.offset).littleEndian) { raw.append(contentsOf: $0) }
            withUnsafeBytes(of: Int32(b.metadata).littleEndian) { raw.append(contentsOf: $0) }
            raw.append(contentsOf: [0, 0, 0, 0])
            withUnsafeBytes(of: Int64(b.body).littleEndian) { raw.append(contentsOf: $0) }
        }
        let footer = FlatBuilder.buffer(
            .table([.i16(4), .node(schema), .node(.structs([], count: 0)), .node(.structs(raw, count: blocks.count))]))
        out.append(contentsOf: footer)
        withUnsafeBytes(of: Int32(footer.count).littleEndian) { out.append(contentsOf: $0) }
        out.append(contentsOf: ArrowReader.magic)
        return out
    }

    /// An encapsulated message's metadata: marker, length, and the `Message` padded to 8 bytes.
    private static func message(header type: UInt8, _ header: FlatNode, bodyLength: Int) -> [UInt8] {
        var flat = FlatBuilder.buffer(.table([.i16(4), .u8(type), .node(header), .i64(Int64(bodyLength))]))
        while flat.count % 8 != 0 { flat.append(0) }
        var out: [UInt8] = [0xFF, 0xFF, 0xFF, 0xFF]
        withUnsafeBytes(of: Int32(flat.count).littleEndian) { out.append(contentsOf: $0) }
        return out + flat
    }

    private static func append(_ bytes: [UInt8], to out: inout [UInt8]) { out.append(contentsOf: bytes) }

    /// A compressed buffer: its uncompressed length, then one zstd frame.
    private static func compress(_ input: [UInt8]) -> [UInt8] {
        var out = [UInt8](repeating: 0, count: 8 + ZSTD_compressBound(input.count))
        let n = input.withUnsafeBytes { b in
            out.withUnsafeMutableBytes { o in
                ZSTD_compress(o.baseAddress! + 8, o.count - 8, b.baseAddress, b.count, 3)
            }
        }
        precondition(ZSTD_isError(n) == 0, "zstd cannot compress into its own bound")
        withUnsafeBytes(of: Int64(input.count).littleEndian) { for i in 0..<8 { out[i] = $0[i] } }
        out.removeLast(out.count - 8 - n)
        return out
    }

    /// The `Schema` table of a KQL schema.
    private static func schemaNode(_ schema: Schema) -> FlatNode {
        let fields: [FlatNode] = schema.fields.map { f in
            let (tag, type): (UInt8, [FlatField?]) =
                switch f.type {
                case .bool: (6, [])
                case .int: (2, [.i32(32), .u8(1)])
                case .long: (2, [.i32(64), .u8(1)])
                case .real: (3, [.i16(2)])
                case .datetime: (10, [.i16(3), .node(.string("UTC"))])
                case .timespan: (18, [.i16(3)])
                case .decimal: (7, [.i32(38), .i32(18), .i32(128)])
                case .guid: (15, [.i32(16)])
                case .string, .dynamic: (5, [])
                }
            let ext = f.type == .guid ? "arrow.uuid" : f.type == .dynamic ? "arrow.json" : nil
            let metadata: FlatField? = ext.map { name in
                .node(
                    .vector([
                        .table([.node(.string("ARROW:extension:name")), .node(.string(name))]),
                        .table([.node(.string("ARROW:extension:metadata")), .node(.string(""))]),
                    ]))
            }
            return .table([
                .node(.string(f.name)), .u8(1), .u8(tag), .node(.table(type)), nil, .node(.vector([])), metadata,
            ])
        }
        return .table([.i16(0), .node(.vector(fields))])
    }
}
