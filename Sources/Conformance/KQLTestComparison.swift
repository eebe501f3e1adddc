import Columnar
import KQLEngine

/// The canonical text of results, as `.kqltest` files write them, and the comparison of both sides.
public enum KQLTestComparison {
    /// `name:type` of every column, tab-separated.
    public static func header(_ table: Table) -> String {
        table.schema.fields.map { "\($0.name):\($0.type.rawValue)" }.joined(separator: "\t")
    }

    /// A cell in KQL's `tostring` form, except that a `dynamic` value is always compact JSON (a dynamic
    /// string keeps its quotes, so it cannot be mistaken for a `string`); `null` for a null; tabs,
    /// newlines and CRs written `\t`, `\n`, `\r`.
    public static func cell(_ value: Value) -> String {
        if value.isNull { return "null" }
        if case .dynamic(let d) = value { return DisplayText.escaped(d.jsonText) }
        return DisplayText.escaped(value.text)
    }

    /// Every row of `table` as tab-separated canonical cells.
    public static func rows(_ table: Table) -> [String] {
        (0..<table.rowCount).map { r in table.columns.map { cell($0.value(r)) }.joined(separator: "\t") }
    }

    /// Nil when `actual` matches `expected`, else a readable diff (`-` expected, `+` actual).
    public static func difference(
        expected: KQLTestRecord.ExpectedTable, actual: Table,
        mode: KQLTestRecord.SortMode
    ) -> String? {
        let actualHeader = header(actual)
        var want = expected.rows, got = rows(actual)
        if mode == .rowsort { want.sort(); got.sort() }
        if actualHeader == expected.header, want == got { return nil }
        var out = ""
        if actualHeader != expected.header {
            out += "header differs:\n- \(expected.header)\n+ \(actualHeader)\n"
        }
        if want != got {
            out += "rows differ (expected \(want.count), got \(got.count)\(mode == .rowsort ? ", both sorted" : "")):\n"
            out += lineDiff(want, got)
        }
        return out
    }

    /// A line diff by longest common subsequence, at most `limit` lines shown.
    static func lineDiff(_ a: [String], _ b: [String], limit: Int = 40) -> String {
        // Large tables: compare position by position to keep the cost bounded.
        guard a.count * b.count <= 4_000_000 else {
            var out = ""
            for i in 0..<max(a.count, b.count) where (i < a.count ? a[i] : nil) != (i < b.count ? b[i] : nil) {
                if i < a.count { out += "- \(a[i])\n" }
                if i < b.count { out += "+ \(b[i])\n" }
                if out.count > 4000 { break }
            }
            return out
        }
        var lcs = Array(repeating: Array(repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in stride(from: a.count - 1, through: 0, by: -1) {
            for j in stride(from: b.count - 1, through: 0, by: -1) {
                lcs[i][j] = a[i] == b[j] ? lcs[i + 1][j + 1] + 1 : max(lcs[i + 1][j], lcs[i][j + 1])
            }
        }
        var lines: [String] = []
        var i = 0, j = 0
        while i < a.count || j < b.count {
            if i < a.count, j < b.count, a[i] == b[j] {
                lines.append("  \(a[i])"); i += 1; j += 1
            } else if j < b.count, i == a.count || lcs[i][j + 1] >= lcs[i + 1][j] {
                lines.append("+ \(b[j])"); j += 1
            } else {
                lines.append("- \(a[i])"); i += 1
            }
        }
        if lines.count > limit { lines = Array(lines.prefix(limit)) + ["  ... (\(lines.count - limit) more lines)"] }
        return lines.joined(separator: "\n") + "\n"
    }
}
