import ArgumentParser
import KQLEngine
import KQLSyntax

/// How `--db` reads its folder.
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
}
