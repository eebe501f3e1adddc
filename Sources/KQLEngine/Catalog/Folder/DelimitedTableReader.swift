import Columnar
import KQLSyntax

/// Reads CSV/TSV into a table field by field, so memory follows the table, not the text: a first pass
/// reads the header, checks every record's field count and UTF-8, and infers the types the header does
/// not declare; a second pass parses each field straight into its column's builder (string fields are
/// copied as bytes, never as a `String` of their own). With a known schema (inline ingestion) there is
/// no header and a single pass. Errors are `E_DATA` with `source:line`, as ``TableTextReader`` documents.
enum DelimitedTableReader {
    /// A file whose first record is a header.
    static func read(_ bytes: TextBytes, format: FolderFileFormat, source: String) throws(KQLError) -> Table {
        try read(bytes, format: format, source: source, skipBadRows: false).table
    }

    /// A file whose first record is a header; with `skipBadRows`, records with the wrong number of fields,
    /// invalid UTF-8 or a value that does not fit its declared type are left out and counted, rather than
    /// failing the file (a broken quote still does: where the records end is then unknown).
    static func read(
        _ bytes: TextBytes, format: FolderFileFormat, source: String,
        skipBadRows: Bool
    ) throws(KQLError) -> (table: Table, skipped: SkippedRows) {
        let delimiter = format == .csv ? DelimiterSniffer.delimiter(of: try bytes.prefix(64 << 10)) : format.delimiter
        var survey = Survey(source: source, format: format)
        survey.skipBadRows = skipBadRows
        try scan(bytes, delimiter: delimiter, into: &survey)
        guard let header = survey.header else {
            throw KQLError(
                .data, "\(source): the file is empty",
                hint: "write a header line of column names (for example `Id:long,Name:string`), or delete the file")
        }
        let types = zip(header.declared, survey.inferences).map { $0 ?? $1.type }
        let schema = Schema(zip(header.names, types).map { Field($0, $1) })
        var builder = Builder(schema: schema, rows: survey.rows, source: source, format: format, skipFirstRecord: true)
        builder.badRecords = survey.badRecords
        try scan(bytes, delimiter: delimiter, into: &builder)
        return (try builder.finish(), survey.skipped)
    }

    /// Records without a header, each read against `schema`.
    static func read(_ bytes: TextBytes, format: FolderFileFormat, schema: Schema, source: String) throws(KQLError)
        -> Table
    {
        var builder = Builder(schema: schema, rows: 0, source: source, format: format, skipFirstRecord: false)
        try scan(bytes, delimiter: format.delimiter, into: &builder)
        return try builder.finish()
    }

    private static func scan<S: CSVSink>(_ bytes: TextBytes, delimiter: UInt8, into sink: inout S) throws(KQLError)
    where S.Failure == KQLError {
        var scanner = CSVScanner(delimiter: delimiter)
        try bytes.forEachChunk { (chunk) throws(KQLError) in try scanner.feed(chunk, into: &sink) }
        try scanner.finish(into: &sink)
    }

    static func syntaxError(_ e: CSVError, source: String, format: FolderFileFormat) -> KQLError {
        KQLError(
            .data, "\(source):\(e.line):\(e.column): \(e.reason)",
            hint: "fix the \(format.rawValue.uppercased()) text at that line (RFC 4180 quoting)", cause: e)
    }

    static func notUTF8(source: String, line: Int) -> KQLError {
        KQLError(
            .data, "cannot read \(source) as UTF-8 text: the record at line \(line) is not valid UTF-8",
            hint: "save the file as UTF-8, or move it out of the database folder")
    }

    /// The column names and declared types of a header record.
    struct Header {
        var names: [String] = []
        var declared: [ScalarType?] = []
    }

    /// The first pass: header, field counts, UTF-8, and the types of undeclared columns.
    private struct Survey: CSVSink {
        let source: String
        let format: FolderFileFormat
        var header: Header?
        var pending = Header()
        var seen = Set<String>()
        var inferences: [CellParser.TypeInference] = []
        var rows = 0
        var fieldsInRecord = 0
        /// Leave bad records out (``badRecords``) instead of failing.
        var skipBadRows = false
        /// With `skipBadRows`: the current record's fields (its types are inferred only once it is good),
        /// whether it is already known bad, the data records so far, and the bad ones by index.
        var recordFields: [String] = []
        var recordBad = false
        var records = 0
        var badRecords = Set<Int>()
        var skipped = SkippedRows()

        init(source: String, format: FolderFileFormat) { self.source = source; self.format = format }

        mutating func field(_ bytes: UnsafeRawBufferPointer, quoted: Bool, line: Int) throws(KQLError) {
            guard TextBytes.isValidUTF8(bytes) else {
                guard skipBadRows, header != nil else { throw notUTF8(source: source, line: line) }
                recordBad = true
                fieldsInRecord += 1
                return
            }
            let c = fieldsInRecord
            fieldsInRecord += 1
            if skipBadRows, let header {
                if c < header.names.count { recordFields.append(String(decoding: bytes, as: UTF8.self)) }
                return
            }
            guard let header else {
                let (name, type) = TableTextReader.splitHeaderField(
                    String(decoding: bytes, as: UTF8.self), quoted: quoted)
                guard !name.isEmpty else {
                    throw KQLError(
                        .data, "\(source):\(line): column \(c + 1) of the header has no name",
                        hint: "give every column a name in the first line, e.g. `Id:long,Name:string`")
                }
                guard seen.insert(name).inserted else {
                    throw KQLError(
                        .data, "\(source):\(line): the header names column '\(name)' twice",
                        hint: "rename one of the columns")
                }
                pending.names.append(name); pending.declared.append(type)
                return
            }
            guard c < header.names.count else { return }  // the count is checked at the record's end
            if header.declared[c] == nil, !inferences[c].isSettled, !bytes.isEmpty {
                inferences[c].add(String(decoding: bytes, as: UTF8.self))
            }
        }

        mutating func endRecord(line: Int) throws(KQLError) {
            defer { fieldsInRecord = 0; recordFields.removeAll(keepingCapacity: true); recordBad = false }
            guard let header else {
                header = pending
                inferences = Array(repeating: CellParser.TypeInference(), count: pending.names.count)
                return
            }
            if skipBadRows {
                defer { records += 1 }
                let fits =
                    !recordBad && fieldsInRecord == header.names.count
                    && recordFields.indices.allSatisfy { c in
                        header.declared[c].map {
                            recordFields[c].isEmpty || CellParser.parse(recordFields[c], as: $0) != nil
                        } ?? true
                    }
                guard fits else {
                    badRecords.insert(records)
                    skipped.count += 1
                    if skipped.firstLine == 0 { skipped.firstLine = line }
                    return
                }
                for (c, text) in recordFields.enumerated()
                where header.declared[c] == nil && !inferences[c].isSettled && !text.isEmpty {
                    inferences[c].add(text)
                }
                rows += 1
                return
            }
            guard fieldsInRecord == header.names.count else {
                throw KQLError(
                    .data,
                    "\(source):\(line): the record has \(fieldsInRecord) fields, the header has \(header.names.count)",
                    hint: "quote fields that contain the delimiter (\"a,b\") and check for missing or extra fields")
            }
            rows += 1
        }

        func failure(_ error: CSVError) -> KQLError { syntaxError(error, source: source, format: format) }
    }

    /// The building pass: each field parsed into its column.
    private struct Builder: CSVSink {
        let schema: Schema
        let source: String
        let format: FolderFileFormat
        var builders: [ColumnBuilder]
        var skipping: Bool
        var fieldsInRecord = 0
        var rows = 0
        /// Data records to leave out, by index (the survey found them bad), and the current record's index.
        var badRecords = Set<Int>()
        var record = 0

        init(schema: Schema, rows: Int, source: String, format: FolderFileFormat, skipFirstRecord: Bool) {
            self.schema = schema; self.source = source; self.format = format
            builders = schema.fields.map { ColumnBuilder(type: $0.type, capacity: rows) }
            skipping = skipFirstRecord
        }

        mutating func field(_ bytes: UnsafeRawBufferPointer, quoted: Bool, line: Int) throws(KQLError) {
            if skipping || (!badRecords.isEmpty && badRecords.contains(record)) { return }
            let c = fieldsInRecord
            fieldsInRecord += 1
            guard c < builders.count else { return }  // the count is checked at the record's end
            guard TextBytes.isValidUTF8(bytes) else { throw notUTF8(source: source, line: line) }
            let field = schema.fields[c]
            if field.type == .string {
                builders[c].append(utf8: bytes)
                return
            }
            let text = String(decoding: bytes, as: UTF8.self)
            guard let v = CellParser.parse(text, as: field.type) else {
                throw KQLError(
                    .data, "\(source):\(line): '\(text.prefix(60))' in column \(field.name) is not a \(field.type)",
                    hint: "fix the value, or declare the column as string in the header (`\(field.name):string`)")
            }
            builders[c].append(v)
        }

        mutating func endRecord(line: Int) throws(KQLError) {
            defer { fieldsInRecord = 0 }
            if skipping { skipping = false; return }
            defer { record += 1 }
            if !badRecords.isEmpty, badRecords.contains(record) { return }
            guard fieldsInRecord == builders.count else {
                let names = schema.fields.map(\.name).joined(separator: ", ")
                throw KQLError(
                    .data,
                    "\(source):\(line): the record has \(fieldsInRecord) fields, the table has \(builders.count) columns",
                    hint: "give one field per column (\(names)); quote fields that contain the delimiter")
            }
            rows += 1
        }

        func failure(_ error: CSVError) -> KQLError { syntaxError(error, source: source, format: format) }

        func finish() throws(KQLError) -> Table {
            Table(schema: schema, columns: builders.map { $0.finish() }, rowCount: rows)
        }
    }
}

/// The records a reader left out (``DelimitedTableReader/read(_:format:source:skipBadRows:)``): how many,
/// and the line of the first (0 when none).
public struct SkippedRows: Sendable, Equatable {
    public var count = 0
    public var firstLine = 0
}
