import Columnar
import KQLSyntax

/// The table and column names a folder database can write and read back. The writer refuses a name
/// the reader would not return unchanged (`E_COMMAND`, naming it), so a write can never leave a file
/// that stops the folder from opening.
enum FolderNames {
    /// The table a file in the folder holds: `Sales.csv` holds `Sales` (the extension picks the format);
    /// nil for hidden files and other extensions.
    static func table(ofFile fileName: String) -> (name: String, format: FolderFileFormat)? {
        guard !fileName.hasPrefix("."), let dot = fileName.lastIndex(of: "."),
            let format = FolderFileFormat(fileExtension: String(fileName[fileName.index(after: dot)...]))
        else { return nil }
        let name = String(fileName[..<dot])
        return name.isEmpty ? nil : (name, format)
    }

    /// Refuses a table name that cannot be a file name here or would not read back as itself.
    static func checkTable(_ name: String, format: FolderFileFormat) throws(KQLError) {
        let fits =
            !name.isEmpty && !name.hasPrefix(".") && !name.contains("/") && !name.contains("\0")
            && name.utf8.count <= 200
        guard fits, let back = table(ofFile: name + "." + format.fileExtension), back.name == name else {
            throw KQLError(
                .command,
                "'\(name.prefix(60))\(name.count > 60 ? "…" : "")' cannot be a table name in a folder database",
                hint: "use a name without '/', not starting with '.', at most 200 bytes")
        }
    }

    /// Refuses a schema whose columns the file's header (or JSON keys) would not give back: no columns,
    /// an empty name, or a name the header cannot carry.
    static func checkColumns(_ schema: Schema, table: String, format: FolderFileFormat) throws(KQLError) {
        if format != .jsonl, schema.fields.isEmpty {
            throw KQLError(
                .command,
                "table '\(table)' has no columns, and a \(format.rawValue.uppercased()) file needs at least one",
                hint: "project at least one column before storing the result")
        }
        var seen = Set<String>()
        for f in schema.fields {
            guard !f.name.isEmpty else {
                throw KQLError(
                    .command, "table '\(table)' cannot store a column with an empty name",
                    hint: "name it, e.g. `project-rename Name = ['']` or `extend ['a name'] = ...`")
            }
            guard seen.insert(f.name).inserted else {
                throw KQLError(
                    .command, "table '\(table)' names column '\(f.name)' twice", hint: "rename one of the columns")
            }
        }
        guard format == .csv || format == .tsv else { return }
        // Read the header back exactly as the reader will, and compare.
        let header = TableTextWriter.header(schema, delimiter: format == .tsv ? "\t" : ",")
        let records = (try? CSVReader.records(header, delimiter: format.delimiter)) ?? []
        let read =
            records.count == 1
            ? records[0].fields.map { TableTextReader.splitHeaderField($0.text, quoted: $0.quoted) } : []
        for (i, f) in schema.fields.enumerated() where i >= read.count || read[i].0 != f.name || read[i].1 != f.type {
            throw KQLError(
                .command,
                "column '\(f.name.prefix(60))' of table '\(table)' would not read back from a \(format.rawValue.uppercased()) header",
                hint: "rename the column (project-rename) before storing it")
        }
    }
}
