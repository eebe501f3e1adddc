import Columnar
import FileFormats
import Foundation
import KQLSyntax

/// `.export [async] [compressed] to csv|tsv|json|parquet|arrow (h@"path") [with (...)] <| query`: runs the query
/// and writes its result to one local file, answering `Path:string, NumRecords:long` as Azure Data
/// Explorer does for each artifact.
///
/// The path names a file, or a folder (an existing one, or one written with a trailing `/`) in which the
/// file is named `<namePrefix>_1.<format>` as ADX names its artifacts. It must lie under the working
/// directory or the `--db` folder (``LocalFilePaths``). `async` runs synchronously here. The file is
/// written atomically: a failure leaves no partial file. Properties as in ADX: `includeHeaders`
/// (`none`, the default, `all`, `firstFile`) for CSV/TSV, `fileExtension`, `namePrefix`, `compressionType`
/// (Parquet: `snappy` by default, `gzip`, `zstd`, `none`; Arrow: `none` by default or `zstd`; CSV/TSV/JSON
/// with `compressed`: `gzip`),
/// `parquetRowGroupSize` (100,000), `parquetDatetimePrecision` (`millisecond`, the default, or `microsecond`),
/// and the ones that change nothing locally (`encoding=UTF8NoBOM`, `distribution`, `distributed`,
/// `persistDetails`, `sizeLimit`).
enum ExportCommand {
    static let known: Set<String> = [
        "includeheaders", "fileextension", "nameprefix", "compressiontype", "parquetrowgroupsize",
        "parquetdatetimeprecision", "encoding", "distribution", "distributed", "persistdetails", "sizelimit",
    ]

    static func run(
        _ export: ExportSyntax, _ database: any Database, runQuery: (ExpressionSyntax) throws(KQLError) -> Table
    ) throws(KQLError) -> Table {
        let options = try CommandOptions(export.options, known: known, command: ".export")
        let format = export.format.name.lowercased()
        guard ["csv", "tsv", "json", "parquet", "arrow"].contains(format) else {
            throw KQLError(
                .unsupported, "`.export` writes csv, tsv, json, parquet or arrow, not '\(export.format.name)'",
                span: export.format.span, hint: "use .export to csv|tsv|json|parquet|arrow (h@\"path\") <| query")
        }
        if let encoding = options["encoding"], encoding.lowercased() != "utf8nobom" {
            throw KQLError(
                .unsupported, "`.export` writes UTF-8 without a byte-order mark only", span: options.span("encoding"),
                hint: "remove encoding=\(encoding), or use encoding=UTF8NoBOM")
        }
        let path = try target(export, format: format, options: options, database)
        var table = try runQuery(export.query)
        table.visualization = nil
        let bytes = try contents(table, format: format, compressed: export.compressed, options: options)
        try AtomicFile.write(bytes: bytes, to: path)
        return Table([
            ("Path", Column(strings: [path])),
            ("NumRecords", Column(type: .long, int64s: [Int64(table.rowCount)])),
        ])
    }

    /// The file to write: the path itself, or a file named as ADX names artifacts in the folder it names.
    private static func target(
        _ export: ExportSyntax, format: String, options: CommandOptions, _ database: any Database
    )
        throws(KQLError) -> String
    {
        guard export.paths.count == 1, case .literal(.string(let text), _, let span) = export.paths[0] else {
            throw KQLError(
                .argument,
                "`.export` writes one local file: give one path as a string, as in (h@\"out/result.\(format)\")",
                span: export.paths.first?.span ?? export.format.span,
                hint: "Sandpiper writes locally; several connection strings would spread the rows over several stores")
        }
        var path = text.trimmingCharacters(in: .whitespaces)
        if path.contains("://") || path.contains(";") {
            throw KQLError(
                .unsupported, "`.export` writes local files only, not to storage connection strings", span: span,
                hint: "name a path under the working directory or the --db folder")
        }
        var isDirectory: ObjCBool = false
        if path.hasSuffix("/")
            || (FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue)
        {
            let ext = options["fileExtension"].map { $0.hasPrefix(".") ? String($0.dropFirst()) : $0 } ?? format
            let gz = export.compressed && format != "parquet" && format != "arrow" ? ".gz" : ""
            path = (path as NSString).appendingPathComponent("\(options["namePrefix"] ?? "export")_1.\(ext)\(gz)")
        }
        let (resolved, allowed) = LocalFilePaths.resolve(path, database: database)
        guard allowed else {
            throw KQLError(
                .argument, "`.export` may write under the working directory or the --db folder only, not \(resolved)",
                span: span, hint: "choose a path there, or run from the folder you want to write in")
        }
        var parentIsDirectory: ObjCBool = false
        let parent = (resolved as NSString).deletingLastPathComponent
        guard FileManager.default.fileExists(atPath: parent, isDirectory: &parentIsDirectory),
            parentIsDirectory.boolValue
        else {
            throw KQLError(
                .command, "cannot export to \(resolved): the folder \(parent) does not exist", span: span,
                hint: "create it first (mkdir -p)")
        }
        return resolved
    }

    private static func contents(_ table: Table, format: String, compressed: Bool, options: CommandOptions)
        throws(KQLError) -> [UInt8]
    {
        if format == "parquet" {
            var parquet = ParquetWriter.Options()
            if let c = options["compressionType"] { parquet.compression = c }
            if let p = options["parquetDatetimePrecision"] { parquet.datetimePrecision = p }
            if let text = options["parquetRowGroupSize"] {
                guard let n = Int(text), n > 0 else {
                    throw KQLError(
                        .argument, "parquetRowGroupSize must be a positive number of rows, not '\(text)'",
                        span: options.span("parquetRowGroupSize"))
                }
                parquet.rowGroupSize = n
            }
            do { return try ParquetWriter.bytes(of: table, options: parquet) } catch {
                throw KQLError(error.code, error.message, hint: error.hint)
            }
        }
        if format == "arrow" {
            let arrow = ArrowWriter.Options(compression: options["compressionType"] ?? "none")
            do { return try ArrowWriter.bytes(of: table, options: arrow) } catch {
                throw KQLError(error.code, error.message, span: options.span("compressionType"), hint: error.hint)
            }
        }
        var text: String
        if format == "json" {
            text = TableTextWriter.jsonLines(table)
        } else {
            let delimiter: Character = format == "tsv" ? "\t" : ","
            switch (options["includeHeaders"] ?? "none").lowercased() {
            case "none": text = ""
            case "all", "firstfile": text = CSVWriter.line(table.schema.names, delimiter: delimiter)
            case let other:
                throw KQLError(
                    .argument, "includeHeaders must be none, all or firstFile, not '\(other)'",
                    span: options.span("includeHeaders"))
            }
            for r in 0..<table.rowCount {
                text += CSVWriter.line(table.columns.map { CellParser.text($0.value(r)) }, delimiter: delimiter)
            }
        }
        guard compressed else { return Array(text.utf8) }
        let type = (options["compressionType"] ?? "gzip").lowercased()
        guard type == "gzip" else {
            throw KQLError(
                .argument, "a compressed \(format) export is gzip, not '\(type)'",
                span: options.span("compressionType"), hint: "use compressionType=gzip")
        }
        guard let gzip = Deflate.compress(Array(text.utf8), .gzip) else {
            throw KQLError(
                .command, "zlib could not compress the \(format) export", hint: "export without `compressed`")
        }
        return gzip
    }
}
