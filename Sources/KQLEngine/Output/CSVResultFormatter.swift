import Columnar

/// CSV output: a header of column names, then one RFC 4180 record per row. Values are written as the
/// folder database reads them back (datetimes ISO 8601 with seven fraction digits, dynamic as JSON);
/// a null is an empty field.
public enum CSVResultFormatter {
    public static func text(_ table: Table) -> String {
        var out = CSVWriter.line(table.schema.fields.map(\.name))
        for r in 0..<table.rowCount {
            out += CSVWriter.line(table.columns.map { CellParser.text($0.value(r)) })
        }
        return out
    }
}
