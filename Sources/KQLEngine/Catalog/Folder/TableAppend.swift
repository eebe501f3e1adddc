import Columnar
import KQLSyntax

/// Appending rows to a stored table, shared by the databases: columns match by position and type
/// (as `.append` does in Azure Data Explorer); the stored table's names are kept.
enum TableAppend {
    static func appending(_ table: Table, to existing: Table, name: String) throws(KQLError) -> Table {
        guard existing.schema.fields.map(\.type) == table.schema.fields.map(\.type) else {
            throw KQLError(
                .command,
                "cannot append to '\(name)': its columns are \(describe(existing.schema)), the data has \(describe(table.schema))",
                hint: "project the data to the table's schema first")
        }
        let columns = zip(existing.columns, table.columns).map { Column.concat([$0, $1], type: $0.type) }
        return Table(schema: existing.schema, columns: columns, rowCount: existing.rowCount + table.rowCount)
    }

    static func describe(_ schema: Schema) -> String {
        schema.fields.map { "\($0.name):\($0.type)" }.joined(separator: ", ")
    }
}
