import Columnar
import KQLSyntax

/// `.show tables`: one row per table, `TableName:string, DatabaseName:string` (Azure Data Explorer also
/// reports `Folder` and `DocString`, which local tables do not have).
enum ShowTablesCommand {
    static func run(_ database: any Database) -> Table {
        let db = ManagementCommands.databaseName(database)
        return ManagementCommands.stringTable(["TableName", "DatabaseName"], database.tableNames.map { [$0, db] })
    }
}
