import Foundation

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

    /// A cell's text as the reader sees it: trimmed, a link reduced to its text, one surrounding code span or
    /// bold marker removed, and HTML line breaks (`<br>`, how a pipe table writes a multi-line value such as
    /// indented JSON) read as the line breaks they show.
    public static func normalize(_ cell: String) -> String {
        var s = cell
        for br in ["<br>", "<br/>", "<br />"] where s.contains(br) { s = s.replacingOccurrences(of: br, with: "\n") }
        s = s.trimmed
        // A cell that is one link, `[text](target)`, shows its text.
        if s.hasPrefix("["), s.hasSuffix(")"), let close = s.range(of: "](") {
            let text = s[s.index(after: s.startIndex)..<close.lowerBound]
            let target = s[close.upperBound..<s.index(before: s.endIndex)]
            if !text.contains("]"), !target.contains(where: { $0 == "(" || $0 == ")" || $0.isWhitespace }) {
                s = String(text)
            }
        }
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
