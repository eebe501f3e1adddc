/// Cell-level text rules of pipe tables.
public enum MarkdownTableCells {
    /// Splits a table row on unescaped pipes, dropping the optional outer pipes and trimming each cell.
    ///
    /// A pipe escaped as `\|` stays in the cell (without its backslash); pipes inside a code span still
    /// split, as in GitHub's renderer, unless escaped.
    public static func split(_ row: String) -> [String] {
        var cells: [String] = []
        var current = ""
        var escaped = false
        for ch in row.trimmed {
            if escaped {
                // `\|` is a pipe in the cell; `\_` and `\*` are markdown escapes (the ADX pages write column
                // names such as `series\_periods\_detect\_y\_periods`); anything else keeps its backslash.
                if ch != "|", ch != "_", ch != "*" { current.append("\\") }
                current.append(ch)
                escaped = false
            } else if ch == "\\" {
                escaped = true
            } else if ch == "|" {
                cells.append(current)
                current = ""
            } else {
                current.append(ch)
            }
        }
        if escaped { current.append("\\") }
        cells.append(current)
        let t = row.trimmed
        if t.hasPrefix("|"), !cells.isEmpty { cells.removeFirst() }
        if t.hasSuffix("|"), !t.hasSuffix("\\|"), !cells.isEmpty { cells.removeLast() }
        return cells.map { normalize($0) }
    }

    /// A cell's text as the reader sees it: trimmed, one surrounding code span or bold marker removed, and
    /// `<br>` (the only line break a pipe table can hold, which the pages use inside long JSON) read as a space.
    public static func normalize(_ cell: String) -> String {
        var s = cell.contains("<br>") ? cell.replacingOccurrences(of: "<br>", with: " ").trimmed : cell.trimmed
        for marker in ["**", "`"] where s.count >= 2 * marker.count && s.hasPrefix(marker) && s.hasSuffix(marker) {
            let inner = s.dropFirst(marker.count).dropLast(marker.count)
            if !inner.contains(marker) { s = String(inner).trimmed }
        }
        return s
    }

    /// `...`, `…` and longer runs of dots.
    public static func isEllipsis(_ text: String) -> Bool {
        let t = text.trimmed
        return t == "…" || (t.count >= 3 && t.allSatisfy { $0 == "." })
    }
}
