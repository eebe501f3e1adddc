import Columnar

/// Writes a table as the text of a folder-database file, in a form the readers load back unchanged.
///
/// CSV/TSV start with a typed header (`Id:long,Name:string`) so types survive; datetimes have seven
/// fraction digits, reals their shortest round-trip form, dynamic values compact JSON. JSON Lines write
/// one object per row; datetimes, timespans, guids and decimals become JSON strings there, so a
/// `timespan` or `decimal` column comes back as `string` (use CSV for exact types).
public enum TableTextWriter {
    static func delimited(_ table: Table, delimiter: Character) -> String {
        var out = header(table.schema, delimiter: delimiter)
        for r in 0..<table.rowCount {
            out += CSVWriter.line(table.columns.map { CellParser.text($0.value(r)) }, delimiter: delimiter)
        }
        return out
    }

    /// The typed header line. A field the reader would change if left unquoted (it trims unquoted header
    /// fields, and skips a byte-order mark at the start of the file) is quoted, so every name reads back.
    static func header(_ schema: Schema, delimiter: Character) -> String {
        let fields = schema.fields.enumerated().map { (i, f) -> String in
            let text = "\(f.name):\(f.type.rawValue)"
            if CSVWriter.needsQuotes(text, delimiter: delimiter) { return CSVWriter.quoted(text) }
            // A CSV header picks the file's delimiter (``DelimiterSniffer``): the other candidates are
            // quoted so a name holding them cannot make the reader split on them.
            if delimiter == ",", text.utf8.contains(where: { DelimiterSniffer.candidates.contains($0) }) {
                return CSVWriter.quoted(text)
            }
            let (name, type) = TableTextReader.splitHeaderField(text)
            let bom = i == 0 && text.utf8.starts(with: [0xEF, 0xBB, 0xBF])
            return name != f.name || type != f.type || bom ? CSVWriter.quoted(text) : text
        }
        return fields.joined(separator: String(delimiter)) + "\n"
    }

    static func jsonLines(_ table: Table) -> String {
        var out = ""
        for r in 0..<table.rowCount {
            out += "{"
            for (c, field) in table.schema.fields.enumerated() {
                if c > 0 { out += "," }
                JSONText.quote(field.name, into: &out)
                out += ":"
                let v = table.columns[c].value(r)
                switch v {
                case .null: out += "null"
                case .bool, .int, .long, .real, .dynamic: out += v.asDynamic.jsonText
                default: JSONText.quote(CellParser.text(v), into: &out)
                }
            }
            out += "}\n"
        }
        return out
    }
}
