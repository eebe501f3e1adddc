import Columnar
import KQLSyntax

/// `.show tables`: one row per table, `TableName, DatabaseName, Folder, DocString` (all strings), as Azure
/// Data Explorer answers; local tables have no folder or documentation, so those are empty. When a folder
/// holds files that are not tables (unreadable, or of an unknown format), they are listed too, and a `Note`
/// column says why; the tables' notes are empty.
enum ShowTablesCommand {
    static func run(_ database: any Database) -> Table {
        let db = ManagementCommands.databaseName(database)
        let notes = database.notes
        let columns = ["TableName", "DatabaseName", "Folder", "DocString"]
        guard !notes.isEmpty else {
            return ManagementCommands.stringTable(columns, database.tableNames.map { [$0, db, "", ""] })
        }
        return ManagementCommands.stringTable(
            columns + ["Note"],
            database.tableNames.map { [$0, db, "", "", ""] } + notes.map { [$0.name, db, "", "", $0.note] })
    }
}
