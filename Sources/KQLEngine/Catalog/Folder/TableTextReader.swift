import Columnar
import KQLSyntax

/// Reads delimited text (CSV/TSV) and JSON Lines into tables: with a header (folder files) or against a
/// known schema (`.ingest inline`). Errors are `E_DATA` with `where:line` and what to do.
public enum TableTextReader {
    /// A delimited file whose first record is a header: `name:type` fields fix the column types,
    /// plain names get the type their cells suggest (``CellParser/inferType(_:)``).
    public static func readDelimited(_ text: String, format: FolderFileFormat, source: String) throws(KQLError) -> Table
    {
        try DelimitedTableReader.read(TextBytes(text: text), format: format, source: source)
    }

    /// A delimited file read from disk, a megabyte at a time (see ``DelimitedTableReader``).
    public static func readDelimited(file path: String, format: FolderFileFormat) throws(KQLError) -> Table {
        try DelimitedTableReader.read(try TextBytes(file: path), format: format, source: path)
    }

    /// Delimited records without a header, each read against `schema` (`.ingest inline`).
    public static func readDelimited(_ text: String, format: FolderFileFormat, schema: Schema, source: String)
        throws(KQLError) -> Table
    {
        try DelimitedTableReader.read(TextBytes(text: text), format: format, schema: schema, source: source)
    }

    /// Splits `Name:type` at its last colon when what follows is a KQL type name. An unquoted field is
    /// trimmed (a hand-written `Id:long, Name:string`); a quoted one is taken as written, so a name with
    /// spaces at its ends (which the writer quotes) reads back unchanged.
    static func splitHeaderField(_ text: String, quoted: Bool = false) -> (String, ScalarType?) {
        let trimmed = quoted ? text : text.trimmingWhitespace
        if let colon = trimmed.lastIndex(of: ":"),
            let type = ScalarType(kqlName: String(trimmed[trimmed.index(after: colon)...]).trimmingWhitespace)
        {
            let name = String(trimmed[..<colon])
            return (quoted ? name : name.trimmingWhitespace, type)
        }
        return (trimmed, nil)
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
