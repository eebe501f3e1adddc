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
/// The second header line gives each column's type; numbers are right-aligned; a null prints as
/// `null` (an empty string prints as nothing); cells wider than `maxCellWidth` end in `…`.
public enum TextTableFormatter {
    public static func text(_ table: Table, maxCellWidth: Int = 48) -> String {
        let fields = table.schema.fields
        var cells: [[String]] = Array(repeating: [], count: fields.count)
        // Column names come from data too (a CSV header, a script's result): escaped like cells.
        let names = fields.map { DisplayText.escaped($0.name) }
        var widths = fields.indices.map { max(names[$0].count, fields[$0].type.rawValue.count) }
        for (c, column) in table.columns.enumerated() {
            cells[c].reserveCapacity(table.rowCount)
            for r in 0..<table.rowCount {
                let text = DisplayText.truncated(DisplayText.cell(column, r) ?? "null", to: maxCellWidth)
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
        for r in 0..<table.rowCount {
            out += line(cells.map { $0[r] }, rightAligned: numeric)
        }
        out += "(\(table.rowCount) \(table.rowCount == 1 ? "row" : "rows"))\n"
        return out
    }
}
