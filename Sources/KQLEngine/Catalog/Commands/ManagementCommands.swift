import Columnar
import Foundation
import KQLSyntax

/// Runs management commands (`.show tables`, `.create table`, `.ingest inline`, `.set-or-append`, the
/// stored function commands, ...)
/// against a database. The engine parses the command and passes a closure that runs a query.
///
/// Each command returns a small table, shaped like Azure Data Explorer's answer where that makes
/// sense locally (see each command's type for its columns).
public enum ManagementCommands {
    /// Executes `command`; `runQuery` evaluates the query of `.set`/`.append` commands, and
    /// `validateFunction` binds a function definition (`.create function` without `skipvalidation`).
    public static func execute(
        _ command: CommandSyntax, in database: any Database,
        runQuery: (ExpressionSyntax) throws(KQLError) -> Table,
        validateFunction: (FunctionDefinitionSyntax, String) throws(KQLError) -> Void
    ) throws(KQLError) -> Table {
        switch command.kind {
        case .showTables:
            return ShowTablesCommand.run(database)
        case .showTableSchema(let table, let asJSON):
            return try ShowTableSchemaCommand.run(table, asJSON: asJSON, database)
        case .createTable(let table, let columns):
            return try CreateTableCommand.run(table, columns: columns, database)
        case .dropTable(let table, let ifExists):
            return try DropTableCommand.run(table, ifExists: ifExists, database)
        case .ingestInline(let table, let options, let data):
            return try IngestInlineCommand.run(table, options: options, data: data, database)
        case .setOrAppend(let verb, let table, let options, let query):
            return try SetOrAppendCommand.run(
                verb: verb, table, options: options, query: query, database, runQuery: runQuery)
        case .export(let export):
            return try ExportCommand.run(export, database, runQuery: runQuery)
        case .showFunctions:
            return FunctionCommands.showAll(database)
        case .showFunction(let name):
            return try FunctionCommands.show(name, database)
        case .createFunction(let f):
            return try FunctionCommands.create(f, span: command.span, database, validate: validateFunction)
        case .dropFunctions(let names, let several, let ifExists):
            return try FunctionCommands.drop(names, several: several, ifExists: ifExists, database)
        case .showVersion:
            return ShowServiceCommands.version()
        case .showCluster:
            return ShowServiceCommands.cluster()
        case .showMaterializedViews:
            return ShowServiceCommands.materializedViews()
        case .showDatabases(let entities):
            return ShowDatabasesCommand.run(entities: entities, database)
        case .showDatabaseSchema(let databases, let asJSON):
            return try ShowDatabaseSchemaCommand.run(databases, asJSON: asJSON, database)
        }
    }

    /// The name reported in `DatabaseName` columns: the folder's name for a folder database.
    static func databaseName(_ database: any Database) -> String {
        if let folder = database as? FolderDatabase {
            return String(folder.path.split(separator: "/").last ?? "db")
        }
        return "Sandpiper"
    }

    /// The table `name` or an `E_UNKNOWN_NAME` error pointing at it.
    static func existingTable(_ name: NameSyntax, _ database: any Database) throws(KQLError) -> Table {
        if database.table(named: name.name) == nil, let reason = database.unavailableReason(forTable: name.name) {
            throw reason
        }
        guard let table = database.table(named: name.name) else {
            throw KQLError(
                .unknownName, "there is no table '\(name.name)'", span: name.span,
                hint: "create it with `.create table \(name.name) (Column:type, ...)`; `.show tables` lists the tables")
        }
        return table
    }

    /// A one-row-per-entry table of string columns.
    static func stringTable(_ names: [String], _ rows: [[String]]) -> Table {
        Table(names.enumerated().map { (c, name) in (name, Column(strings: rows.map { $0[c] })) })
    }

    /// The result of the commands that write data: Azure Data Explorer reports the new extent's id;
    /// a local table has no extents, so the id is fresh per write, and `RowCount` says how many rows were added.
    static func writeResult(rowCount: Int) -> Table {
        Table([
            ("ExtentId", Column(type: .guid, values: [.guid(UUID())])),
            ("RowCount", Column(type: .long, int64s: [Int64(rowCount)])),
        ])
    }

    /// `error` pointing at `span` when it does not point anywhere yet.
    static func pointing(_ error: KQLError, at span: SourceSpan) -> KQLError {
        guard error.span == nil else { return error }
        var e = error
        e.span = span
        return e
    }
}
