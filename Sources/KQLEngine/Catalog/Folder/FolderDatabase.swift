import Columnar
import Foundation
import KQLSyntax
import Synchronization

/// A folder used as a database (`--db DIR`): each `.csv`, `.tsv` or `.jsonl` file is a table named
/// after the file (without its extension).
///
/// Opening reads every table, so a malformed file is reported at once (`E_DATA` with file:line).
/// Column types come from a typed header (`Id:long,Name:string`) or are inferred from the cells.
/// Writes replace a table's file atomically (``AtomicFile``): a crash leaves the old or the new
/// contents, never a torn file. New tables are written as CSV with a typed header, so they read back
/// with the same types; existing tables keep their file's format.
public final class FolderDatabase: Database {
    /// The folder's path.
    public let path: String
    private let state: Mutex<[String: Entry]>

    struct Entry: Sendable {
        var table: Table
        var file: String
        var format: FolderFileFormat
    }

    /// Opens `path`, reading every table file in it.
    public init(path: String) throws(KQLError) {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw KQLError(.command, "the database folder '\(path)' does not exist",
                           hint: "create it first (mkdir), or pass an existing folder to --db")
        }
        self.path = path
        let files: [String]
        do {
            files = try FileManager.default.contentsOfDirectory(atPath: path).sorted()
        } catch {
            throw KQLError(.command, "cannot list the database folder '\(path)': \(error.localizedDescription)",
                           hint: "check the folder's permissions")
        }
        var entries: [String: Entry] = [:]
        for file in files where !file.hasPrefix(".") {
            let url = URL(fileURLWithPath: file)
            guard let format = FolderFileFormat(fileExtension: url.pathExtension) else { continue }
            let name = url.deletingPathExtension().lastPathComponent
            let full = path + "/" + file
            if let other = entries[name] {
                throw KQLError(.data, "two files hold table '\(name)': \(other.file) and \(full)",
                               hint: "rename or remove one of them")
            }
            entries[name] = Entry(table: try Self.load(full, format: format), file: full, format: format)
        }
        state = Mutex(entries)
    }

    /// Reads a table file, streaming (memory follows the table, not the file's text).
    static func load(_ file: String, format: FolderFileFormat) throws(KQLError) -> Table {
        switch format {
        case .csv, .tsv: return try TableTextReader.readDelimited(file: file, format: format)
        case .jsonl: return try JSONLinesReader.read(file: file)
        }
    }

    public var tableNames: [String] { state.withLock { $0.keys.sorted() } }

    public func table(named name: String) -> Table? { state.withLock { $0[name]?.table } }

    public func createTable(_ name: String, schema: Schema) throws(KQLError) {
        try Self.validate(name)
        try state.withLock { (entries) throws(KQLError) in
            if let existing = entries[name] {
                guard existing.table.schema == schema else {
                    throw KQLError(.command, "table '\(name)' already exists with a different schema",
                                   hint: "drop it first with `.drop table \(name)`, or use another name")
                }
                return
            }
            try store(name, Table.empty(schema), entry: nil, into: &entries)
        }
    }

    public func write(_ name: String, table: Table, replace: Bool) throws(KQLError) {
        try Self.validate(name)
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
        try state.withLock { (entries) throws(KQLError) in
            guard let entry = entries[name] else {
                throw KQLError(.unknownName, "there is no table '\(name)'", hint: "`.show tables` lists the tables")
            }
            try AtomicFile.remove(entry.file)
            entries[name] = nil
        }
    }

    private func store(_ name: String, _ table: Table, entry: Entry?, into entries: inout [String: Entry]) throws(KQLError) {
        let format = entry?.format ?? .csv
        let file = entry?.file ?? path + "/" + name + "." + format.fileExtension
        try AtomicFile.write(TableTextWriter.text(of: table, format: format), to: file)
        entries[name] = Entry(table: table, file: file, format: format)
    }

    /// Table names become file names: refuse the ones that would escape the folder or be hidden.
    static func validate(_ name: String) throws(KQLError) {
        guard !name.isEmpty, !name.hasPrefix("."), !name.contains("/"), !name.contains("\0"), name.utf8.count <= 200 else {
            throw KQLError(.command, "'\(name)' cannot be a table name in a folder database",
                           hint: "use a name without '/', not starting with '.', at most 200 bytes")
        }
    }
}
