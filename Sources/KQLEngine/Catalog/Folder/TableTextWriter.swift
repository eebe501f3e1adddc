import Columnar

/// Writes a table as the text of a folder-database file, in a form the readers load back unchanged.
///
/// CSV/TSV start with a typed header (`Id:long,Name:string`) so types survive; datetimes have seven
/// fraction digits, reals their shortest round-trip form, dynamic values compact JSON. JSON Lines write
/// one object per row; datetimes, timespans, guids and decimals become JSON strings there, so a
/// `timespan` or `decimal` column comes back as `string` (use CSV for exact types).
public enum TableTextWriter {
    public static func text(of table: Table, format: FolderFileFormat) -> String {
        switch format {
        case .csv, .tsv: return delimited(table, delimiter: format == .tsv ? "\t" : ",")
        case .jsonl: return jsonLines(table)
        }
    }

    static func delimited(_ table: Table, delimiter: Character) -> String {
        var out = CSVWriter.line(table.schema.fields.map { "\($0.name):\($0.type.rawValue)" }, delimiter: delimiter)
        for r in 0..<table.rowCount {
            out += CSVWriter.line(table.columns.map { CellParser.text($0.value(r)) }, delimiter: delimiter)
        }
        return out
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
