import Foundation
import Columnar
import KQLSyntax

extension Binder {
    /// Binds `externaldata (schema) [uris] [with (format=..., ignoreFirstRecord=...)]` over local files: each
    /// path (or `file://` URL) must lie, once symbolic links are resolved, under the working directory or
    /// the `--db` folder; a network URL is refused, since Sandpiper fetches nothing. The files are read now,
    /// against the declared schema, in the format the `format` property or the file's extension names
    /// (CSV by default, as in ADX; TSV; JSON Lines), and their rows follow one another.
    func bindExternalData(_ x: ExternalDataSyntax, span: SourceSpan, scope: Scope) throws(KQLError) -> BoundQuery {
        let schema = Schema(x.columns.map { Field($0.name.name, $0.type) })
        var format: FolderFileFormat?
        var skipFirst = false
        for p in x.properties {
            let value: Value
            if case .name(let n) = p.value {
                value = .string(n.name)
            } else {
                guard let v = try bindScalar(p.value, schema: Schema([]), scope: scope).constantValue else {
                    throw KQLError(.argument, "externaldata property '\(p.name)' must be a constant", span: p.span)
                }
                value = v
            }
            switch p.name.lowercased() {
            case "format":
                guard case .string(let f) = value, let known = Binder.externalFormat(f) else {
                    throw KQLError(
                        .unsupported, "externaldata reads csv, tsv and json (JSON Lines) files, not '\(value.text)'",
                        span: p.span)
                }
                format = known
            case "ignorefirstrecord":
                guard case .bool(let b) = value else {
                    throw KQLError(.argument, "ignoreFirstRecord must be true or false", span: p.span)
                }
                skipFirst = b
            default:
                throw KQLError(
                    .unsupported,
                    "externaldata property '\(p.name)' is not supported; format and ignoreFirstRecord are", span: p.span
                )
            }
        }
        var table = Table(
            schema: schema, columns: schema.fields.map { ColumnBuilder(type: $0.type, capacity: 0).finish() },
            rowCount: 0)
        for uri in x.uris {
            guard case .string(let text)? = try bindScalar(uri, schema: Schema([]), scope: scope).constantValue else {
                throw KQLError(
                    .argument, "an externaldata source must be a constant string (a path or a file:// URL)",
                    span: uri.span)
            }
            let path = try externalPath(text, span: uri.span)
            let fileFormat = format ?? Binder.externalFormat((path as NSString).pathExtension) ?? .csv
            guard let data = FileManager.default.contents(atPath: path) else {
                throw KQLError(
                    .data, "cannot read \(path)", span: uri.span, hint: "check that the file exists and can be read")
            }
            try budget.charge(data.count, for: "externaldata")
            var body = String(decoding: data, as: UTF8.self)
            if skipFirst, let newline = body.firstIndex(of: "\n") {
                body = String(body[body.index(after: newline)...])
            } else if skipFirst {
                body = ""
            }
            let bytes = TextBytes(text: body)
            let part =
                fileFormat == .jsonl
                ? try JSONLinesReader.read(bytes, source: path, schema: schema)
                : try DelimitedTableReader.read(bytes, format: fileFormat, schema: schema, source: path)
            table = table.rowCount == 0 ? part : try TableAppend.appending(part, to: table, name: "externaldata")
        }
        return BoundQuery(source: .rows(table), schema: schema)
    }

    /// The local file a source names, checked to lie under the working directory or the `--db` folder.
    private func externalPath(_ text: String, span: SourceSpan) throws(KQLError) -> String {
        var path = text.trimmingCharacters(in: .whitespaces)
        if let scheme = path.range(of: "://").map({ String(path[..<$0.lowerBound]).lowercased() }) {
            guard scheme == "file", let url = URL(string: path), url.isFileURL else {
                throw KQLError(
                    .unsupported,
                    "externaldata reads local files only: '\(scheme)://' would fetch data over the network, which Sandpiper never does",
                    span: span,
                    hint: "download the file and name its path under the working directory or the --db folder")
            }
            path = url.path
        } else if path.contains(";") || path.hasPrefix("h@") {
            throw KQLError(
                .unsupported, "externaldata reads local files only, not storage connection strings", span: span,
                hint: "name a path under the working directory or the --db folder")
        }
        let (resolved, allowed) = LocalFilePaths.resolve(path, database: database)
        guard allowed else {
            throw KQLError(
                .argument,
                "externaldata may read files under the working directory or the --db folder only, not \(resolved)",
                span: span,
                hint: "copy the file there, or run from its folder")
        }
        return resolved
    }

    /// The reader for a format name or file extension (`csv`, `tsv`/`tsve`, `json`/`multijson`/`jsonl`), or nil.
    static func externalFormat(_ name: String) -> FolderFileFormat? {
        switch name.lowercased() {
        case "csv", "txt": return .csv
        case "tsv", "tsve": return .tsv
        case "json", "jsonl", "ndjson", "multijson": return .jsonl
        default: return nil
        }
    }
}
