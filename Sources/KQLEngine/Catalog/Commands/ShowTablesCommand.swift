import Columnar
import KQLSyntax

/// `.show tables`: one row per table, `TableName, DatabaseName, Folder, DocString` (all strings), as
/// Azure Data Explorer answers; local tables have no folder or documentation, so those are empty.
enum ShowTablesCommand {
    static func run(_ database: any Database) -> Table {
        let db = ManagementCommands.databaseName(database)
        return ManagementCommands.stringTable(["TableName", "DatabaseName", "Folder", "DocString"], database.tableNames.map { [$0, db, "", ""] })
    }
}
