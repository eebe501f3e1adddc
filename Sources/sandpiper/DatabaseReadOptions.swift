import ArgumentParser
import KQLEngine
import KQLSyntax

/// How `--db` reads its folder, and what the CLI says afterwards about files it could not use.
struct DatabaseReadOptions: ParsableArguments {
    @Flag(
        help:
            "Leave out CSV/TSV records that do not fit (wrong field count, not UTF-8, a value of the wrong type) and report how many, instead of refusing the file."
    )
    var skipBadRows = false

    /// Opens `path` (a folder, or one table file) as the database.
    func open(_ path: String) throws(KQLError) -> FolderDatabase {
        try FolderDatabase(path: path, skipBadRows: skipBadRows)
    }

    /// Printed on standard error after a query that succeeded: rows left out, and each table that could not
    /// be loaded (a query that names such a table fails with that error instead, so it is reported once).
    static func notices(_ database: any Database) -> String {
        var out = ""
        if let folder = database as? FolderDatabase {
            for (file, rows) in folder.skippedRows {
                out +=
                    "notice: left out \(rows.count) bad row\(rows.count == 1 ? "" : "s") of \(file) (the first at line \(rows.firstLine))\n"
            }
        }
        for (name, note) in database.notes where note.hasPrefix("not loaded: ") {
            out += "warning: table \(name) was \(note); queries that name it fail\n"
        }
        return out
    }
}
