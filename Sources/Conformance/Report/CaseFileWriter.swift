import Columnar
import Foundation

/// `--complete`: records the actual results of examples that nothing pins down (no table in the document,
/// no sidecar expectation) as a `.kqltest` case file, so later runs catch changes. Documents are never written.
public enum CaseFileWriter {
    /// The case-file text for `results` of one document; examples that failed or are pinned down are left out
    /// (failed ones are listed in a comment).
    public static func render(document: String, results: [ExampleResult]) -> String {
        var out = "# Actual results of the examples of \(document) that show no expected table,\n"
        out += "# written by `sandpiper conformance run --complete`. Review before committing.\n"
        for r in results {
            if r.isPinned { continue }
            out += "\n# \(r.example.location) (\(r.example.id))" + (r.sandbox.map { " in sandbox \($0)" } ?? "") + "\n"
            guard r.status == .ran else {
                out += "# not recorded: \(r.status.rawValue)" + (r.error.map { " with \($0.code)" } ?? "") + "\n"
                continue
            }
            out += record(query: r.example.runnableQuery, tables: r.tables, ordered: r.ordered)
        }
        return out
    }

    /// One record: `statement ok` when the query produced no table, else `query nosort|rowsort` with one `----` block per table.
    public static func record(query: String, tables: [Table], ordered: [Bool]) -> String {
        // Records end at a blank line, so the query loses its blank lines (harmless in KQL and in Python code).
        let text = query.split(separator: "\n", omittingEmptySubsequences: false)
            .map(String.init).filter { !$0.trimmed.isEmpty }.joined(separator: "\n")
        guard !tables.isEmpty else { return "statement ok\n\(text)\n" }
        let mode = ordered.count == tables.count && ordered.allSatisfy { $0 } ? "nosort" : "rowsort"
        var out = "query \(mode)\n\(text)\n"
        for t in tables {
            out += "----\n"
            out += t.schema.fields.map { "\($0.name):\($0.type.rawValue)" }.joined(separator: "\t") + "\n"
            for row in t.rows { out += row.map(cell).joined(separator: "\t") + "\n" }
        }
        return out
    }

    /// A cell in the case-file form: KQL's `tostring`, `null` for null, tabs and newlines escaped.
    public static func cell(_ v: Value) -> String {
        if v.isNull { return "null" }
        return v.text.replacingOccurrences(of: "\t", with: "\\t").replacingOccurrences(of: "\n", with: "\\n")
    }

    /// Writes `text` to `path` through a temporary file and a rename, creating the folder.
    public static func write(_ text: String, to path: String) throws(ConformanceError) {
        let url = URL(fileURLWithPath: path)
        do {
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            let tmp = url.deletingLastPathComponent().appendingPathComponent(
                ".\(url.lastPathComponent).\(getpid()).tmp")
            try Data(text.utf8).write(to: tmp)
            if FileManager.default.fileExists(atPath: path) {
                _ = try FileManager.default.replaceItemAt(url, withItemAt: tmp)
            } else {
                try FileManager.default.moveItem(at: tmp, to: url)
            }
        } catch {
            throw ConformanceError(.conformanceInput, "cannot write \(path): \(error.localizedDescription)")
        }
    }
}
