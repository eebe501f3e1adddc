import Columnar
import Foundation
import KQLSyntax

/// `.show databases` and `.show databases entities`, with the columns ADX's management reference gives:
/// one database (the engine's), `IsCurrent` true, and for `entities` one `Table` row per table with its
/// CSL output schema (a database here holds no functions, materialized views or external tables).
enum ShowDatabasesCommand {
    static func run(entities: Bool, _ database: any Database) -> Table {
        entities ? self.entities(database) : databases(database)
    }

    /// `DatabaseName, PersistentStorage, Version, IsCurrent, DatabaseAccessMode, PrettyName,
    /// CurrentUserIsUnrestrictedViewer, DatabaseId, InTransitionTo`.
    static func databases(_ database: any Database) -> Table {
        let name = ManagementCommands.databaseName(database)
        let storage = (database as? FolderDatabase)?.path ?? ""
        let access = database is FolderDatabase ? "ReadWrite" : "ReadWriteEphemeral"
        return Table([
            ("DatabaseName", Column(strings: [name])),
            ("PersistentStorage", Column(strings: [storage])),
            ("Version", Column(strings: ["v1.0"])),
            ("IsCurrent", Column(type: .bool, values: [.bool(true)])),
            ("DatabaseAccessMode", Column(strings: [access])),
            ("PrettyName", Column(type: .string, values: [.null])),
            ("CurrentUserIsUnrestrictedViewer", Column(type: .bool, values: [.bool(false)])),
            ("DatabaseId", Column(type: .guid, values: [.guid(databaseID(name))])),
            ("InTransitionTo", Column(strings: [""])),
        ])
    }

    /// `DatabaseName, EntityType, EntityName, DocString, Folder, CslInputSchema, Content,
    /// CslOutputSchema, Properties`.
    static func entities(_ database: any Database) -> Table {
        let name = ManagementCommands.databaseName(database)
        let tables = database.tableNames.compactMap { t in database.table(named: t).map { (t, $0.schema) } }
        let n = tables.count
        return Table([
            ("DatabaseName", Column(strings: Array(repeating: name, count: n))),
            ("EntityType", Column(strings: Array(repeating: "Table", count: n))),
            ("EntityName", Column(strings: tables.map(\.0))),
            ("DocString", Column(strings: Array(repeating: "", count: n))),
            ("Folder", Column(strings: Array(repeating: "", count: n))),
            ("CslInputSchema", Column(strings: Array(repeating: "", count: n))),
            ("Content", Column(strings: Array(repeating: "", count: n))),
            ("CslOutputSchema", Column(strings: tables.map { ShowTableSchemaCommand.csl($0.1) })),
            ("Properties", Column(type: .dynamic, values: Array(repeating: .dynamic(.bag(PropertyBag())), count: n))),
        ])
    }

    /// A stable id per database name (ADX reports a GUID per database; a local database has none, so
    /// it is derived from the name and stays the same across restarts).
    static func databaseID(_ name: String) -> UUID {
        let (h, g) = Array(name.utf8).withUnsafeBytes { (XXHash64.hash($0, seed: 0), XXHash64.hash($0, seed: 1)) }
        var bytes = [UInt8](repeating: 0, count: 16)
        for i in 0..<8 {
            bytes[i] = UInt8(truncatingIfNeeded: h >> (8 * UInt64(i)));
            bytes[8 + i] = UInt8(truncatingIfNeeded: g >> (8 * UInt64(i)))
        }
        return UUID(
            uuid: (
                bytes[0], bytes[1], bytes[2], bytes[3], bytes[4], bytes[5], bytes[6], bytes[7],
                bytes[8], bytes[9], bytes[10], bytes[11], bytes[12], bytes[13], bytes[14], bytes[15]
            ))
    }
}
