import Columnar
import KQLSyntax

/// `.set`, `.append`, `.set-or-append` and `.set-or-replace T <| query`: runs the query and stores its
/// result.
///
/// - `.set` creates the table and fails when it exists;
/// - `.append` appends to an existing table (columns must match by position and type);
/// - `.set-or-append` creates or appends;
/// - `.set-or-replace` creates or replaces the contents; the table takes the query's schema.
///
/// Answers `ExtentId:guid, RowCount:long` (see ``ManagementCommands/writeResult(rowCount:)``). Azure Data
/// Explorer's ingestion properties (`with (...)`) other than the ones listed in `accepted` are refused.
enum SetOrAppendCommand {
    /// Properties that change nothing for a local table and are accepted so ADX scripts run unchanged.
    static let accepted: Set<String> = ["distributed", "async", "folder", "docstring", "persistdetails"]

    static func run(
        verb: String, _ name: NameSyntax, options: [OptionSyntax], query: ExpressionSyntax,
        _ database: any Database, runQuery: (ExpressionSyntax) throws(KQLError) -> Table
    ) throws(KQLError) -> Table {
        _ = try CommandOptions(options, known: accepted, command: ".\(verb)")
        let exists = database.table(named: name.name) != nil
        let replace: Bool
        switch verb.lowercased() {
        case "set":
            guard !exists else {
                throw KQLError(
                    .command, "table '\(name.name)' already exists", span: name.span,
                    hint: "use `.append`, `.set-or-append` or `.set-or-replace` to change an existing table")
            }
            replace = true
        case "append":
            _ = try ManagementCommands.existingTable(name, database)
            replace = false
        case "set-or-append": replace = false
        case "set-or-replace": replace = true
        default:
            throw KQLError(
                .unsupported, "`.\(verb)` is not a supported command", span: name.span,
                hint: "use .set, .append, .set-or-append or .set-or-replace")
        }
        var result = try runQuery(query)
        result.visualization = nil
        do {
            try database.write(name.name, table: result, replace: replace)
        } catch {
            throw ManagementCommands.pointing(error, at: name.span)
        }
        return ManagementCommands.writeResult(rowCount: result.rowCount)
    }
}
