import KQLEngine

/// Without `--db` the database lives in memory: a function `.create function` stores there lasts for
/// this one command. The user is told so, rather than finding it gone in the next command.
enum StoredFunctionNotice {
    /// The notice for standard error, or nil when the database keeps its functions (or has none).
    static func text(_ database: any Database) -> String? {
        let names = database.functionNames
        guard !database.isPersistent, !names.isEmpty else { return nil }
        let list = names.prefix(5).joined(separator: ", ") + (names.count > 5 ? ", …" : "")
        return
            "notice: stored function\(names.count == 1 ? "" : "s") \(list) \(names.count == 1 ? "is" : "are") kept for this command only; "
            + "pass --db DIR to keep \(names.count == 1 ? "it" : "them") in DIR/functions\n"
    }
}
