import Columnar
import KQLSyntax

/// `.show tables`: one row per table, `TableName:string, DatabaseName:string` (Azure Data Explorer also
/// reports `Folder` and `DocString`, which local tables do not have). When a folder holds files that are
/// not tables (unreadable, or of an unknown format), they are listed too, and a `Note` column says why;
/// the tables' notes are empty.
enum ShowTablesCommand {
    static func run(_ database: any Database) -> Table {
        let db = ManagementCommands.databaseName(database)
        let notes = database.notes
        guard !notes.isEmpty else {
            return ManagementCommands.stringTable(["TableName", "DatabaseName"], database.tableNames.map { [$0, db] })
        }
        return ManagementCommands.stringTable(["TableName", "DatabaseName", "Note"],
                                              database.tableNames.map { [$0, db, ""] } + notes.map { [$0.name, db, $0.note] })
    }
}
