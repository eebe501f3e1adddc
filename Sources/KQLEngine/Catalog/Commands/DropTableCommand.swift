import Columnar
import KQLSyntax

/// `.drop table T [ifexists]`: removes the table and answers with the tables that remain
/// (`TableName, DatabaseName`), as Azure Data Explorer does. A table whose file cannot be read can be
/// dropped too (its file is removed).
enum DropTableCommand {
    static func run(_ name: NameSyntax, ifExists: Bool, _ database: any Database) throws(KQLError) -> Table {
        let present = database.table(named: name.name) != nil || database.unavailableReason(forTable: name.name) != nil
        if !present {
            if !ifExists { _ = try ManagementCommands.existingTable(name, database) }
        } else {
            do {
                try database.dropTable(name.name)
            } catch {
                throw ManagementCommands.pointing(error, at: name.span)
            }
        }
        return ShowTablesCommand.run(database)
    }
}
