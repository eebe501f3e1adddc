import Columnar

/// A GitHub-flavored markdown table: column names in the header, numbers right-aligned, `|` escaped,
/// control characters written `\n`/`\t`/`\xHH`; a null cell is empty, as in the Azure Data Explorer docs.
public enum MarkdownFormatter {
    public static func text(_ table: Table) -> String {
        let fields = table.schema.fields
        func row(_ values: [String]) -> String { "| " + values.joined(separator: " | ") + " |\n" }
        var out = row(fields.map { escape(DisplayText.escaped($0.name)) })
        out += "|" + fields.map { DisplayText.isNumeric($0.type) ? "---:|" : "---|" }.joined() + "\n"
        for r in 0..<table.rowCount {
            out += row(table.columns.map { escape(DisplayText.cell($0, r) ?? "") })
        }
        return out
    }

    static func escape(_ s: String) -> String {
        s.contains("|") ? s.split(separator: "|", omittingEmptySubsequences: false).joined(separator: "\\|") : s
    }
}
