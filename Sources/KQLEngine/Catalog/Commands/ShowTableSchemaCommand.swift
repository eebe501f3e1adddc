import Columnar
import KQLSyntax

/// `.show table T schema [as json]`: one row, `TableName, Schema, DatabaseName, Folder, DocString`
/// (all strings), as Azure Data Explorer answers. `Schema` is the CSL form `a:long,b:string`, or with
/// `as json` the JSON form `{"Name":"T","OrderedColumns":[{"Name":"a","Type":"System.Int64","CslType":"long"}]}`.
enum ShowTableSchemaCommand {
    static func run(_ name: NameSyntax, asJSON: Bool, _ database: any Database) throws(KQLError) -> Table {
        let table = try ManagementCommands.existingTable(name, database)
        let schema = asJSON ? json(name.name, table.schema) : csl(table.schema)
        return result(name.name, schema: schema, database)
    }

    static func result(_ name: String, schema: String, _ database: any Database) -> Table {
        ManagementCommands.stringTable(
            ["TableName", "Schema", "DatabaseName", "Folder", "DocString"],
            [[name, schema, ManagementCommands.databaseName(database), "", ""]])
    }

    /// `a:long,b:string`.
    static func csl(_ schema: Schema) -> String {
        schema.fields.map { "\($0.name):\($0.type.rawValue)" }.joined(separator: ",")
    }

    static func json(_ name: String, _ schema: Schema) -> String {
        Dynamic.bag(PropertyBag([("Name", .string(name)), ("OrderedColumns", orderedColumns(schema))])).jsonText
    }

    /// `[{"Name":"a","Type":"System.Int64","CslType":"long"}, ...]`, as ADX's schema documents list columns.
    static func orderedColumns(_ schema: Schema) -> Dynamic {
        .array(
            schema.fields.map { f in
                Dynamic.bag(
                    PropertyBag([
                        ("Name", .string(f.name)), ("Type", .string(f.type.dotNetName)),
                        ("CslType", .string(f.type.rawValue)),
                    ]))
            })
    }
}
