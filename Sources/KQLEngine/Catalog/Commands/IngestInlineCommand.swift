import Columnar
import KQLSyntax

/// `.ingest inline into table T [with (format=csv|tsv|json, ignoreFirstRecord=true)] <| data`: parses the
/// data with the table's schema and appends it. The table must exist (as in Azure Data Explorer).
///
/// Answers `ExtentId:guid, RowCount:long` (see ``ManagementCommands/writeResult(rowCount:)``).
enum IngestInlineCommand {
    static func run(_ name: NameSyntax, options: [OptionSyntax], data: String, _ database: any Database)
        throws(KQLError) -> Table
    {
        let table = try ManagementCommands.existingTable(name, database)
        let opts = try CommandOptions(options, known: ["format", "ignorefirstrecord"], command: ".ingest inline")
        var text = data
        if try opts.flag("ignoreFirstRecord") {
            text = String(text.drop { $0 != "\n" }.dropFirst())
        }
        let source = "inline data for \(name.name)"
        // Only the text formats can be written inline, so the format is read straight into its reader.
        let rows: Table
        switch (opts["format"] ?? "csv").lowercased() {
        case "csv": rows = try TableTextReader.readDelimited(text, format: .csv, schema: table.schema, source: source)
        case "tsv", "tsve":
            rows = try TableTextReader.readDelimited(text, format: .tsv, schema: table.schema, source: source)
        case "json", "multijson", "jsonl": rows = try JSONLinesReader.read(text, source: source, schema: table.schema)
        case let other:
            throw KQLError(
                .unsupported, "ingestion format '\(other)' is not supported", span: opts.span("format"),
                hint: "use format=csv, tsv or json (one JSON object per line)")
        }
        do {
            try database.write(name.name, table: rows, replace: false)
        } catch {
            throw ManagementCommands.pointing(error, at: name.span)
        }
        return ManagementCommands.writeResult(rowCount: rows.rowCount)
    }
}
