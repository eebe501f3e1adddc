import Columnar

/// Aligned text tables for people:
///
/// ```
/// x     Name
/// long  string
/// ----  ------
///    1  a
/// null  b
/// (2 rows)
/// ```
///
/// The second header line gives each column's type; numbers are right-aligned; cells read as
/// ``TableCellText`` says (a null prints as `null`, the string "null" as `"null"`, an empty string as
/// nothing, reals with at most 15 significant digits); cells wider than `maxCellWidth` end in `…`
/// (0: no limit). Past `maxRows` rows (0: no limit) the rest are counted, not printed:
/// `… 999,960 more rows; use --format csv or --max-rows 0`.
public enum TextTableFormatter {
    public static func text(_ table: Table, maxCellWidth: Int = 48, maxRows: Int = 0) -> String {
        let shown = maxRows > 0 ? min(maxRows, table.rowCount) : table.rowCount
        let fields = table.schema.fields
        var cells: [[String]] = Array(repeating: [], count: fields.count)
        // Column names come from data too (a CSV header, a script's result): escaped like cells.
        let names = fields.map { DisplayText.escaped($0.name) }
        var widths = fields.indices.map { max(names[$0].count, fields[$0].type.rawValue.count) }
        for (c, column) in table.columns.enumerated() {
            cells[c].reserveCapacity(shown)
            for r in 0..<shown {
                let text = DisplayText.truncated(TableCellText.text(column, r), to: maxCellWidth)
                widths[c] = max(widths[c], text.count)
                cells[c].append(text)
            }
        }
        func line(_ values: [String], rightAligned: [Bool]) -> String {
            var parts: [String] = []
            for (c, v) in values.enumerated() {
                let pad = String(repeating: " ", count: widths[c] - v.count)
                parts.append(rightAligned[c] ? pad + v : (c == values.count - 1 ? v : v + pad))
            }
            return parts.joined(separator: "  ") + "\n"
        }
        let left = Array(repeating: false, count: fields.count)
        let numeric = fields.map { DisplayText.isNumeric($0.type) }
        var out = line(names, rightAligned: numeric)
        out += line(fields.map(\.type.rawValue), rightAligned: numeric)
        out += line(widths.map { String(repeating: "-", count: $0) }, rightAligned: left)
        for r in 0..<shown {
            out += line(cells.map { $0[r] }, rightAligned: numeric)
        }
        if shown < table.rowCount {
            let more = table.rowCount - shown
            out +=
                "… \(grouped(more)) more row\(more == 1 ? "" : "s"); "
                + "use --format csv or --max-rows 0\n"
        }
        out += "(\(table.rowCount) \(table.rowCount == 1 ? "row" : "rows"))\n"
        return out
    }

    /// `n` with commas between groups of three digits (`999,960`).
    static func grouped(_ n: Int) -> String {
        var digits = String(n), out = ""
        while digits.count > 3 {
            out = "," + digits.suffix(3) + out
            digits.removeLast(3)
        }
        return digits + out
    }
}
