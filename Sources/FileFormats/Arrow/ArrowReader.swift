import Columnar
import Foundation

/// Reads an Arrow IPC file into a ``Table``: the file format (`ARROW1` magic, which Feather v2 is) or the
/// stream format, one column per top-level field, the record batches in order, dictionary batches (and
/// delta dictionaries) applied, and buffers compressed with LZ4_FRAME or ZSTD.
///
/// Written from the Arrow columnar format specification and its FlatBuffers schemas (`Schema.fbs`,
/// `Message.fbs`, `File.fbs`). The file format holds a stream between its magic and its footer, so both are
/// read as a stream of messages. Every length and offset is checked before it is followed, and what a file
/// can make the reader allocate is bounded by ``ArrowLimits``. Types map as ``ArrowField/kqlType`` says.
public enum ArrowReader {
    static let magic: [UInt8] = Array("ARROW1".utf8)

    /// Reads the file at `path` (mapped, not copied).
    public static func read(file path: String, limits: ArrowLimits = ArrowLimits()) throws(FileFormatError) -> Table {
        try withMappedFile(path) { (b) throws(FileFormatError) in try read(bytes: b, source: path, limits: limits) }
    }

    /// Reads an Arrow file or stream held in memory; `source` names it in errors.
    public static func read(bytes: UnsafeRawBufferPointer, source: String, limits: ArrowLimits = ArrowLimits())
        throws(FileFormatError) -> Table
    {
        var offset = 0
        var end = bytes.count
        if bytes.count >= 6, Array(bytes[0..<6]) == magic {
            guard bytes.count >= 18, Array(bytes[(bytes.count - 6)...]) == magic else {
                throw FileFormatError.malformed(source, at: bytes.count, "an Arrow file without its footer (cut off?)")
            }
            let footer = Int(bytes.little(bytes.count - 10, as: Int32.self))
            guard footer >= 0, footer <= bytes.count - 18 else {
                throw FileFormatError.malformed(source, at: bytes.count - 10, "a footer of \(footer) bytes")
            }
            offset = 8
            end = bytes.count - 10 - footer
        } else if bytes.count >= 4, Array(bytes[0..<4]) == Array("FEA1".utf8) {
            throw FileFormatError(
                .unsupported, "\(source): a Feather version 1 file, which this reader does not read",
                hint: "write it again as Feather version 2 (pyarrow.feather.write_feather(..., version=2))")
        }
        let memory = ArrowMemory()
        var values = ArrowValues(file: source)
        var fields: [ArrowField]?
        var builders: [ColumnBuilder] = []
        var rows = 0
        while let message = try ArrowMessage.next(bytes, at: &offset, end: end, file: source) {
            switch message.kind {
            case .schema:
                guard fields == nil else { continue }
                let f = try ArrowField.fields(of: message.header)
                try checkSupported(f, file: source)
                fields = f
                builders = f.map { ColumnBuilder(type: $0.kqlType) }
            case .dictionaryBatch:
                guard let fields else {
                    throw FileFormatError.malformed(source, at: offset, "a dictionary before the schema")
                }
                try readDictionary(message, fields: fields, into: &values, limits: limits, memory: memory)
            case .recordBatch:
                guard let fields else {
                    throw FileFormatError.malformed(source, at: offset, "a record batch before the schema")
                }
                let header = try ArrowBatchHeader(message.header)
                var decoder = ArrowBatchDecoder(
                    header: header, body: message.body, bodyOffset: message.bodyOffset, file: source, limits: limits,
                    memory: memory)
                let arrays = try decoder.arrays(fields)
                let n = Int(header.length)
                guard n <= limits.maxRows - rows else {
                    throw FileFormatError.malformed(source, at: message.bodyOffset, "more than \(limits.maxRows) rows")
                }
                for (c, array) in arrays.enumerated() {
                    try append(array, rows: n, to: &builders[c], values: values)
                }
                rows += n
            }
        }
        guard let fields else { throw FileFormatError.malformed(source, at: 0, "an Arrow file without a schema") }
        return Table(zip(fields, builders).map { ($0.name, $1.finish()) })
    }

    /// Types the reader does not convert are refused by name before any data is read.
    private static func checkSupported(_ fields: [ArrowField], file: String) throws(FileFormatError) {
        var stack = fields.map { ($0, $0.name) }
        while let (f, top) = stack.popLast() {
            if case .other(let name) = f.type {
                throw FileFormatError(
                    .unsupported, "\(file): column '\(top)' has the Arrow type \(name), which Sandpiper does not read",
                    hint: "cast the column to a supported type (a string, a number, a list or a struct) before writing")
            }
            stack.append(contentsOf: f.children.map { ($0, top) })
        }
    }

    /// A dictionary batch: the values of the one field whose dictionary it is, replacing or (delta) extending it.
    private static func readDictionary(
        _ message: ArrowMessage, fields: [ArrowField], into values: inout ArrowValues, limits: ArrowLimits,
        memory: ArrowMemory
    ) throws(FileFormatError) {
        let id = try message.header.scalar(0, default: Int64(0))
        guard let data = try message.header.table(1) else {
            throw FileFormatError.malformed(values.file, at: message.bodyOffset, "a dictionary batch without data")
        }
        var stack = fields
        var found: ArrowField?
        while let f = stack.popLast() {
            if f.dictionary?.id == id { found = f; break }
            stack.append(contentsOf: f.children)
        }
        guard var field = found else {
            throw FileFormatError.malformed(values.file, at: message.bodyOffset, "dictionary \(id) of no column")
        }
        field.dictionary = nil
        let header = try ArrowBatchHeader(data)
        var decoder = ArrowBatchDecoder(
            header: header, body: message.body, bodyOffset: message.bodyOffset, file: values.file, limits: limits,
            memory: memory)
        let array = try decoder.arrays([field])[0]
        var items: [Value] = try message.header.bool(2) ? values.dictionaries[id] ?? [] : []
        guard Int(header.length) <= limits.maxValues - items.count else {
            throw FileFormatError.malformed(values.file, at: message.bodyOffset, "a dictionary of too many values")
        }
        for i in 0..<Int(header.length) { items.append(try values.value(array, i)) }
        values.dictionaries[id] = items
    }

    /// Appends the first `rows` values of a top-level array to its column.
    private static func append(_ a: ArrowArray, rows: Int, to b: inout ColumnBuilder, values: ArrowValues)
        throws(FileFormatError)
    {
        guard a.field.dictionary == nil else {
            for i in 0..<rows { b.append(try values.value(a, i)) }
            return
        }
        switch a.field.type {
        case .int(64, true), .float(64), .timestamp(1, _):
            let data = a.buffers[0]
            for i in 0..<rows {
                if a.isNull(i) {
                    b.appendNull()
                } else if a.field.type == .float(bits: 64) {
                    b.append(real: Double(bitPattern: data.little(8 * i, as: UInt64.self)))
                } else {
                    b.append(long: data.little(8 * i, as: Int64.self))
                }
            }
        case .utf8 where a.field.extensionName != "arrow.json":
            for i in 0..<rows {
                if a.isNull(i) { b.appendNull(); continue }
                let bytes = try values.bytes(a, i)
                guard String(validating: bytes, as: UTF8.self) != nil else {
                    b.append(try values.value(a, i)); continue
                }
                b.append(utf8: bytes)
            }
        default:
            for i in 0..<rows { b.append(try values.value(a, i)) }
        }
    }
}
