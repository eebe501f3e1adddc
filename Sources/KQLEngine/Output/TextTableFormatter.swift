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
/// `… 999,960 more rows; use --format csv or --max-rows 0`. A table wider than `maxTableWidth` (0: no
/// limit; the terminal's width when printing to one) has its widest columns cut until it fits, and the
/// columns past the last that fits left out, with a notice under it saying how to see everything.
public enum TextTableFormatter {
    /// Columns are not cut narrower than this when a table is fitted to a width (room for `ab…`).
    static let narrowestColumn = 5

    public static func text(_ table: Table, maxCellWidth: Int = 48, maxRows: Int = 0, maxTableWidth: Int = 0) -> String
    {
        let shown = maxRows > 0 ? min(maxRows, table.rowCount) : table.rowCount
        let fields = table.schema.fields
        var cells: [[String]] = Array(repeating: [], count: fields.count)
        // Column names come from data too (a CSV header, a script's result): escaped like cells.
        var names = fields.map { DisplayText.escaped($0.name) }
        var types = fields.map(\.type.rawValue)
        var widths = fields.indices.map { max(names[$0].count, types[$0].count) }
        for (c, column) in table.columns.enumerated() {
            cells[c].reserveCapacity(shown)
            for r in 0..<shown {
                let text = DisplayText.truncated(TableCellText.text(column, r), to: maxCellWidth)
                widths[c] = max(widths[c], text.count)
                cells[c].append(text)
            }
        }
        let fit = fitted(widths, to: maxTableWidth)
        let cut = fit != widths
        if cut {
            widths = fit
            names = names.prefix(fit.count).enumerated().map { DisplayText.truncated($1, to: fit[$0]) }
            types = types.prefix(fit.count).enumerated().map { DisplayText.truncated($1, to: fit[$0]) }
            cells = cells.prefix(fit.count).enumerated().map { c, column in
                column.contains { $0.count > fit[c] } ? column.map { DisplayText.truncated($0, to: fit[c]) } : column
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
        let left = Array(repeating: false, count: widths.count)
        let numeric = fields.prefix(widths.count).map { DisplayText.isNumeric($0.type) }
        var out = line(names, rightAligned: numeric)
        out += line(types, rightAligned: numeric)
        out += line(widths.map { String(repeating: "-", count: $0) }, rightAligned: left)
        for r in 0..<shown {
            out += line(cells.map { $0[r] }, rightAligned: numeric)
        }
        if cut {
            let hidden = fields.count - widths.count
            out +=
                (hidden > 0
                    ? "… \(hidden) more column\(hidden == 1 ? "" : "s") not shown; "
                    : "… columns cut to fit \(maxTableWidth) characters; ")
                + "use --max-width 0 (.width 0 in the shell) or --format csv to see everything\n"
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

    /// Column widths that fit a line of `limit` characters (0: no limit) with two spaces between columns:
    /// the widest column is narrowed first, one character at a time, down to `narrowestColumn`; when even
    /// that is too wide, the columns past the last that fits are left out (the first column always stays).
    static func fitted(_ widths: [Int], to limit: Int) -> [Int] {
        guard limit > 0, !widths.isEmpty else { return widths }
        func total(_ w: [Int]) -> Int { w.reduce(0, +) + 2 * (w.count - 1) }
        var w = widths
        var excess = total(w) - limit
        guard excess > 0 else { return widths }
        // Narrow the widest columns level by level (many columns of one width shrink together).
        while excess > 0 {
            guard let widest = w.max(), widest > narrowestColumn else { break }
            let next = max(w.filter { $0 < widest }.max() ?? narrowestColumn, narrowestColumn)
            let at = w.indices.filter { w[$0] == widest }
            // Taking each of them down to `next` removes this much; take only what is needed.
            let available = (widest - next) * at.count
            if available <= excess {
                for i in at { w[i] = next }
                excess -= available
            } else {
                let each = excess / at.count, extra = excess % at.count
                for (k, i) in at.enumerated() { w[i] = widest - each - (k < extra ? 1 : 0) }
                excess = 0
            }
        }
        while w.count > 1, total(w) > limit { w.removeLast() }
        return w
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
