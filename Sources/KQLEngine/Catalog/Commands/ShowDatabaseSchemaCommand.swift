import Columnar
import KQLSyntax

/// `.show database X schema` (one row for the database, one per table, one per column:
/// `DatabaseName, TableName, ColumnName, ColumnType, IsDefaultTable, IsDefaultColumn, PrettyName, Version,
/// Folder, DocString`, column types as .NET names) and its `as json` form (one row, `DatabaseSchema`: the
/// `{"Databases":{"X":{"Name":"X","Tables":{...},...}}}` document ADX's reference shows), which
/// `.show databases (X, ...) schema as json` and `.show databases schema as json` answer too.
enum ShowDatabaseSchemaCommand {
    static func run(_ names: [NameSyntax], asJSON: Bool, _ database: any Database) throws(KQLError) -> Table {
        let name = ManagementCommands.databaseName(database)
        // The engine serves one database: a name other than its own is unknown.
        for n in names where n.name != name {
            throw KQLError(
                .unknownName, "there is no database '\(n.name)'", span: n.span,
                hint: "this engine's database is '\(name)'; `.show databases` lists it")
        }
        let tables = database.tableNames.compactMap { t in database.table(named: t).map { (t, $0.schema) } }
        return asJSON ? json(name, tables) : rows(name, tables)
    }

    private static func rows(_ db: String, _ tables: [(String, Schema)]) -> Table {
        var rows: [[Value]] = [
            [
                .string(db), .string(""), .string(""), .string(""), .bool(false), .bool(false), .string(""),
                .string("v1.0"),
                .string(""), .string(""),
            ]
        ]
        for (t, schema) in tables {
            rows.append([
                .string(db), .string(t), .string(""), .string(""), .bool(true), .bool(false), .string(""), .string(""),
                .string(""), .string(""),
            ])
            for f in schema.fields {
                rows.append([
                    .string(db), .string(t), .string(f.name), .string(f.type.dotNetName), .bool(true), .bool(false),
                    .string(""), .string(""), .string(""), .string(""),
                ])
            }
        }
        let names = [
            "DatabaseName", "TableName", "ColumnName", "ColumnType", "IsDefaultTable", "IsDefaultColumn", "PrettyName",
            "Version",
            "Folder", "DocString",
        ]
        let types: [ScalarType] = [
            .string, .string, .string, .string, .bool, .bool, .string, .string, .string, .string,
        ]
        return Table(names.indices.map { c in (names[c], Column(type: types[c], values: rows.map { $0[c] })) })
    }

    private static func json(_ db: String, _ tables: [(String, Schema)]) -> Table {
        let tableBag = PropertyBag(
            tables.map { (t, schema) in
                (
                    t,
                    Dynamic.bag(
                        PropertyBag([
                            ("Name", .string(t)), ("DefaultColumn", .null),
                            ("OrderedColumns", ShowTableSchemaCommand.orderedColumns(schema)),
                            ("Folder", .null), ("DocString", .null),
                        ]))
                )
            })
        let entry = Dynamic.bag(
            PropertyBag([
                ("Name", .string(db)), ("Tables", .bag(tableBag)), ("ExternalTables", .bag(PropertyBag())),
                ("MaterializedViews", .bag(PropertyBag())), ("PrettyName", .null), ("MajorVersion", .long(1)),
                ("MinorVersion", .long(0)),
                ("Functions", .bag(PropertyBag())), ("DatabaseAccessMode", .string("ReadWrite")),
            ]))
        let document = Dynamic.bag(PropertyBag([("Databases", .bag(PropertyBag([(db, entry)])))]))
        return Table([("DatabaseSchema", Column(strings: [document.jsonText]))])
    }
}
