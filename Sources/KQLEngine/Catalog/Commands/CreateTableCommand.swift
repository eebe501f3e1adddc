import Columnar
import KQLSyntax

/// `.create table T (a:long, b:string)`: creates an empty table (nothing happens when it exists with
/// the same schema) and answers like `.show table T schema`.
enum CreateTableCommand {
    static func run(_ name: NameSyntax, columns: [ColumnDeclarationSyntax], _ database: any Database) throws(KQLError)
        -> Table
    {
        guard !columns.isEmpty else {
            throw KQLError(
                .command, "a table needs at least one column", span: name.span,
                hint: "declare columns: `.create table \(name.name) (Id:long, Name:string)`")
        }
        var seen = Set<String>()
        for c in columns where !seen.insert(c.name.name).inserted {
            throw KQLError(
                .command, "column '\(c.name.name)' is declared twice", span: c.name.span, hint: "rename one of them")
        }
        let schema = Schema(columns.map { Field($0.name.name, $0.type) })
        do {
            try database.createTable(name.name, schema: schema)
        } catch {
            throw ManagementCommands.pointing(error, at: name.span)
        }
        return ShowTableSchemaCommand.result(name.name, schema: ShowTableSchemaCommand.csl(schema), database)
    }
}
