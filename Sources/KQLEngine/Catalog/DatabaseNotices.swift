/// What a command line says about a database after a query that succeeded, once per command: stored
/// functions that will not be kept, bad rows left out, and tables that could not be loaded.
public enum DatabaseNotices {
    /// The notices for standard error, each on its own line; empty when there is nothing to say.
    public static func text(_ database: any Database) -> String {
        var out = functionsNotKept(database) ?? ""
        if let folder = database as? FolderDatabase {
            for (file, rows) in folder.skippedRows {
                out +=
                    "notice: left out \(rows.count) bad row\(rows.count == 1 ? "" : "s") of \(file) (the first at line \(rows.firstLine))\n"
            }
        }
        // A query that names such a table fails with that error instead, so it is reported once.
        for (name, note) in database.notes where note.hasPrefix("not loaded: ") {
            out += "warning: table \(name) was \(note); queries that name it fail\n"
        }
        return out
    }

    /// Without `--db` the database lives in memory: a function `.create function` stores there lasts for
    /// this one command. The user is told so, rather than finding it gone in the next command.
    public static func functionsNotKept(_ database: any Database) -> String? {
        let names = database.functionNames
        guard !database.isPersistent, !names.isEmpty else { return nil }
        let list = names.prefix(5).joined(separator: ", ") + (names.count > 5 ? ", …" : "")
        return
            "notice: stored function\(names.count == 1 ? "" : "s") \(list) \(names.count == 1 ? "is" : "are") kept for this command only; "
            + "pass --db DIR to keep \(names.count == 1 ? "it" : "them") in DIR/functions\n"
    }
}
