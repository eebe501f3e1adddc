import Columnar
import KQLSyntax

/// Reads delimited text (CSV/TSV) and JSON Lines into tables: with a header (folder files) or against a
/// known schema (`.ingest inline`). Errors are `E_DATA` with `where:line` and what to do.
public enum TableTextReader {
    /// A delimited file whose first record is a header: `name:type` fields fix the column types,
    /// plain names get the type their cells suggest (``CellParser/inferType(_:)``).
    public static func readDelimited(_ text: String, format: FolderFileFormat, source: String) throws(KQLError) -> Table {
        let records = try parseRecords(text, format: format, source: source)
        guard let header = records.first else {
            throw KQLError(.data, "\(source): the file is empty",
                           hint: "write a header line of column names (for example `Id:long,Name:string`), or delete the file")
        }
        var names: [String] = [], declared: [ScalarType?] = []
        for (i, field) in header.fields.enumerated() {
            let (name, type) = splitHeaderField(field.text)
            guard !name.isEmpty else {
                throw KQLError(.data, "\(source):\(header.line): column \(i + 1) of the header has no name",
                               hint: "give every column a name in the first line, e.g. `Id:long,Name:string`")
            }
            guard !names.contains(name) else {
                throw KQLError(.data, "\(source):\(header.line): the header names column '\(name)' twice",
                               hint: "rename one of the columns")
            }
            names.append(name); declared.append(type)
        }
        let body = Array(records.dropFirst())
        for r in body where r.fields.count != names.count {
            throw KQLError(.data, "\(source):\(r.line): the record has \(r.fields.count) fields, the header has \(names.count)",
                           hint: "quote fields that contain the delimiter (\"a,b\") and check for missing or extra fields")
        }
        var fields: [Field] = [], columns: [Column] = []
        for (c, name) in names.enumerated() {
            let type = declared[c] ?? CellParser.inferType(body.lazy.map { $0.fields[c].text })
            fields.append(Field(name, type))
            columns.append(try column(type: type, name: name, cells: body.map { ($0.fields[c].text, $0.line) }, source: source))
        }
        return Table(schema: Schema(fields), columns: columns, rowCount: body.count)
    }

    /// Delimited records without a header, each read against `schema` (`.ingest inline`).
    public static func readDelimited(_ text: String, format: FolderFileFormat, schema: Schema, source: String) throws(KQLError) -> Table {
        let records = try parseRecords(text, format: format, source: source)
        for r in records where r.fields.count != schema.fields.count {
            throw KQLError(.data, "\(source):\(r.line): the record has \(r.fields.count) fields, the table has \(schema.fields.count) columns",
                           hint: "give one field per column (\(schema.fields.map(\.name).joined(separator: ", "))); quote fields that contain the delimiter")
        }
        var columns: [Column] = []
        for (c, f) in schema.fields.enumerated() {
            columns.append(try column(type: f.type, name: f.name, cells: records.map { ($0.fields[c].text, $0.line) }, source: source))
        }
        return Table(schema: schema, columns: columns, rowCount: records.count)
    }

    /// Splits `Name:type` at its last colon when what follows is a KQL type name.
    static func splitHeaderField(_ text: String) -> (String, ScalarType?) {
        let trimmed = text.trimmingWhitespace
        if let colon = trimmed.lastIndex(of: ":"),
           let type = ScalarType(kqlName: String(trimmed[trimmed.index(after: colon)...]).trimmingWhitespace) {
            return (String(trimmed[..<colon]).trimmingWhitespace, type)
        }
        return (trimmed, nil)
    }

    private static func parseRecords(_ text: String, format: FolderFileFormat, source: String) throws(KQLError) -> [CSVRecord] {
        do {
            return try CSVReader.records(text, delimiter: format.delimiter)
        } catch {
            throw KQLError(.data, "\(source):\(error.line):\(error.column): \(error.reason)",
                           hint: "fix the \(format.rawValue.uppercased()) text at that line (RFC 4180 quoting)")
        }
    }

    static func column(type: ScalarType, name: String, cells: [(String, Int)], source: String) throws(KQLError) -> Column {
        var builder = ColumnBuilder(type: type, capacity: cells.count)
        for (text, line) in cells {
            guard let v = CellParser.parse(text, as: type) else {
                throw KQLError(.data, "\(source):\(line): '\(text.prefix(60))' in column \(name) is not a \(type)",
                               hint: "fix the value, or declare the column as string in the header (`\(name):string`)")
            }
            builder.append(v)
        }
        return builder.finish()
    }
}

fileprivate extension String {
    var trimmingWhitespace: String {
        var s = Substring(self)
        while let f = s.first, f.isWhitespace { s.removeFirst() }
        while let l = s.last, l.isWhitespace { s.removeLast() }
        return String(s)
    }
}
