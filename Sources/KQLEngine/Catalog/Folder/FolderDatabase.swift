import Columnar
import FileFormats
import Foundation
import KQLSyntax
import Synchronization

/// A folder used as a database (`--db DIR`): each `.csv`, `.tsv`, `.jsonl`, `.parquet` or `.arrow`/`.feather` file is a table named
/// after the file (without its extension), and each `functions/<Name>.kql` file a stored function
/// (``FolderFunctionStore``).
///
/// Opening reads every table (streaming: memory follows the tables, not the files' text). A malformed
/// file does not stop the folder from opening: its table is unavailable, and a query that names it
/// fails with the file's `E_DATA` error (file:line); other queries run. Writes refuse names the files
/// could not give back (``FolderNames``), so the folder's own writes never leave such a file.
/// Column types come from a typed header (`Id:long,Name:string`) or are inferred from the cells.
/// Writes replace a table's file atomically (``AtomicFile``): a crash leaves the old or the new
/// contents, never a torn file. New tables are written as CSV with a typed header, so they read back
/// with the same types; existing tables keep their file's format.
public final class FolderDatabase: Database {
    /// The folder's path.
    public let path: String
    private let state: Mutex<[String: Entry]>
    /// Tables whose files could not be read, with the reason.
    private let unreadable: Mutex<[String: (file: String, error: KQLError)]>
    /// The stored functions, in `functions/`.
    private let functions: FolderFunctionStore
    /// Files in the folder that hold no table, with the reason.
    private let ignored: [(file: String, reason: String)]
    /// The one file of a database opened from a file (`--db FILE`), or nil for a folder.
    private let onlyFile: String?
    /// The CSV/TSV files whose bad records were left out (`skipBadRows`), with how many.
    public let skippedRows: [(file: String, rows: SkippedRows)]

    struct Entry: Sendable {
        var table: Table
        var file: String
        var format: FolderFileFormat
    }

    /// Opens `path`, reading every table file in it. A path that names a file opens that one file as a
    /// database of one table (named after the file); writes may replace that table, not add others.
    ///
    /// With `skipBadRows`, a CSV/TSV record that does not fit (field count, UTF-8, a declared type) is left
    /// out and counted in ``skippedRows`` instead of making its table unavailable.
    public init(path: String, skipBadRows: Bool = false) throws(KQLError) {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw KQLError(
                .command, "the database folder '\(path)' does not exist",
                hint:
                    "create it first (mkdir), or pass an existing folder (or one \(FolderFileFormat.extensions) file) to --db"
            )
        }
        var files: [String]
        if isDirectory.boolValue {
            self.path = path
            onlyFile = nil
            do {
                files = try FileManager.default.contentsOfDirectory(atPath: path).sorted()
            } catch {
                throw KQLError(
                    .command, "cannot list the database folder '\(path)': \(error.localizedDescription)",
                    hint: "check the folder's permissions")
            }
        } else {
            let file = (path as NSString).lastPathComponent
            guard FolderNames.table(ofFile: file) != nil else {
                throw KQLError(
                    .command,
                    "'\(path)' is not a table file: --db reads a folder, or one \(FolderFileFormat.extensions) file",
                    hint: "pass the folder that holds it, or convert it to CSV")
            }
            let parent = (path as NSString).deletingLastPathComponent
            self.path = parent.isEmpty ? "." : parent
            onlyFile = file
            files = [file]
        }
        var entries: [String: Entry] = [:]
        var broken: [String: (file: String, error: KQLError)] = [:]
        var ignored: [(file: String, reason: String)] = []
        var skipped: [(file: String, rows: SkippedRows)] = []
        for file in files {
            guard let (name, format) = FolderNames.table(ofFile: file) else {
                if let reason = Self.ignoredReason(file, in: self.path) { ignored.append((file, reason)) }
                continue
            }
            let full = self.path + "/" + file
            if let other = entries[name]?.file ?? broken[name]?.file {
                entries[name] = nil
                broken[name] = (
                    full,
                    KQLError(
                        .data, "two files hold table '\(name)': \(other) and \(full)",
                        hint: "rename or remove one of them")
                )
                continue
            }
            do {
                let (table, left) = try Self.load(full, format: format, skipBadRows: skipBadRows)
                entries[name] = Entry(table: table, file: full, format: format)
                if left.count > 0 { skipped.append((full, left)) }
            } catch {
                broken[name] = (full, error)
            }
        }
        state = Mutex(entries)
        unreadable = Mutex(broken)
        self.ignored = ignored
        self.skippedRows = skipped
        functions = FolderFunctionStore(database: self.path, inMemory: onlyFile != nil)
    }

    /// Why a file of the folder holds no table, or nil for files that are not meant to (hidden files, the
    /// `functions` folder).
    private static func ignoredReason(_ file: String, in folder: String) -> String? {
        guard !file.hasPrefix(".") else { return nil }
        var isDirectory: ObjCBool = false
        _ = FileManager.default.fileExists(atPath: folder + "/" + file, isDirectory: &isDirectory)
        if isDirectory.boolValue {
            return file == "functions" ? nil : "ignored: a folder (tables are files in the database folder itself)"
        }
        let ext = (file as NSString).pathExtension
        return ext.isEmpty
            ? "ignored: no extension; tables are \(FolderFileFormat.extensions) files"
            : "ignored: .\(ext) is not a table format; tables are \(FolderFileFormat.extensions) files"
    }

    /// Files that hold no table and tables that could not be read, with why, for `.show tables`.
    public var notes: [(name: String, note: String)] {
        let broken = unreadable.withLock { $0 }.sorted { $0.key < $1.key }.map { entry in
            (
                entry.key,
                "not loaded: " + (entry.value.error.message.split(separator: "\n").first.map(String.init) ?? "")
            )
        }
        return broken + ignored.map { ($0.file, $0.reason) }
    }

    /// Reads a table file, streaming (memory follows the table, not the file's text).
    static func load(_ file: String, format: FolderFileFormat, skipBadRows: Bool) throws(KQLError) -> (
        Table, SkippedRows
    ) {
        switch format {
        case .csv, .tsv:
            let r = try DelimitedTableReader.read(
                try TextBytes(file: file), format: format, source: file, skipBadRows: skipBadRows)
            return (r.table, r.skipped)
        case .jsonl: return (try JSONLinesReader.read(file: file), SkippedRows())
        case .parquet:
            do { return (try ParquetReader.read(file: file), SkippedRows()) } catch {
                throw KQLError(error.code, error.message, hint: error.hint)
            }
        case .arrow:
            do { return (try ArrowReader.read(file: file), SkippedRows()) } catch {
                throw KQLError(error.code, error.message, hint: error.hint)
            }
        }
    }

    public var tableNames: [String] { state.withLock { $0.keys.sorted() } }

    public func table(named name: String) -> Table? { state.withLock { $0[name]?.table } }

    public func unavailableReason(forTable name: String) -> KQLError? { unreadable.withLock { $0[name]?.error } }

    /// A write to a table whose file could not be read would replace data the user may want back.
    private func refuseIfUnreadable(_ name: String) throws(KQLError) {
        guard let (file, error) = unreadable.withLock({ $0[name] }) else { return }
        throw KQLError(
            .data, "table '\(name)' cannot be written: its file \(file) could not be read (\(error.message))",
            hint: "fix or remove the file, or `.drop table \(name)` to delete it")
    }

    public func createTable(_ name: String, schema: Schema) throws(KQLError) {
        try refuseIfUnreadable(name)
        try state.withLock { (entries) throws(KQLError) in
            if let existing = entries[name] {
                guard existing.table.schema == schema else {
                    throw KQLError(
                        .command, "table '\(name)' already exists with a different schema",
                        hint: "drop it first with `.drop table \(name)`, or use another name")
                }
                return
            }
            try store(name, Table.empty(schema), entry: nil, into: &entries)
        }
    }

    public func write(_ name: String, table: Table, replace: Bool) throws(KQLError) {
        try refuseIfUnreadable(name)
        try state.withLock { (entries) throws(KQLError) in
            let existing = entries[name]
            var result = table
            if !replace, let existing {
                result = try TableAppend.appending(table, to: existing.table, name: name)
            }
            try store(name, result, entry: existing, into: &entries)
        }
    }

    public func dropTable(_ name: String) throws(KQLError) {
        if let (file, _) = unreadable.withLock({ $0[name] }) {
            try AtomicFile.remove(file)
            unreadable.withLock { $0[name] = nil }
            return
        }
        try state.withLock { (entries) throws(KQLError) in
            guard let entry = entries[name] else {
                throw KQLError(.unknownName, "there is no table '\(name)'", hint: "`.show tables` lists the tables")
            }
            try AtomicFile.remove(entry.file)
            entries[name] = nil
        }
    }

    public var isPersistent: Bool { onlyFile == nil }

    public var functionNames: [String] { functions.names }

    public func function(named name: String) -> StoredFunction? { functions.function(named: name) }

    public func storeFunction(_ function: StoredFunction) throws(KQLError) { try functions.store(function) }

    public func dropFunction(_ name: String) throws(KQLError) { try functions.drop(name) }

    public func unavailableReason(forFunction name: String) -> KQLError? { functions.unavailableReason(name) }

    private func store(_ name: String, _ table: Table, entry: Entry?, into entries: inout [String: Entry])
        throws(KQLError)
    {
        if let onlyFile, entry == nil {
            throw KQLError(
                .command, "cannot create table '\(name)': the database is the one file \(onlyFile)",
                hint: "open the folder with --db DIR to add tables")
        }
        let format = entry?.format ?? .csv
        try FolderNames.checkTable(name, format: format)
        try FolderNames.checkColumns(table.schema, table: name, format: format)
        let file = entry?.file ?? path + "/" + name + "." + format.fileExtension
        try AtomicFile.write(bytes: TableFileWriter.bytes(of: table, format: format), to: file)
        entries[name] = Entry(table: table, file: file, format: format)
    }
}
