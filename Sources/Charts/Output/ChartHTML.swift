import Columnar

/// A self-contained HTML page of a chart: the SVG inline (no script, no outside resource) and the
/// result's rows as a table under it, so the numbers behind the picture can be read.
enum ChartHTML {
    /// Rows shown in the table; a longer result says how many were left out.
    static let rowLimit = 1000

    static func page(model: ChartModel, table: Table, style: ChartStyle) -> String {
        let title = model.title ?? (table.visualization?.kind ?? "chart")
        var html = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <title>\(escape(title))</title>
            <style>
            body { font-family: "DejaVu Sans", "Liberation Sans", Arial, sans-serif; margin: 24px; color: #222; }
            table { border-collapse: collapse; font-size: 13px; margin-top: 16px; }
            th, td { border: 1px solid #ccc; padding: 3px 8px; text-align: left; vertical-align: top; }
            th { background: #f2f2f2; }
            td.number { text-align: right; font-variant-numeric: tabular-nums; }
            .type { color: #777; font-weight: normal; }
            .note { color: #555; font-size: 13px; }
            </style>
            </head>
            <body>

            """
        html += "<figure>\n" + model.svg(style: style) + "</figure>\n"
        html += table.rowCount == 0 ? "<p class=\"note\">The result has no rows.</p>\n" : rows(table)
        return html + "</body>\n</html>\n"
    }

    static func rows(_ table: Table) -> String {
        var out = "<table>\n<thead><tr>"
        for (name, column) in zip(table.schema.names, table.columns) {
            out += "<th>\(escape(name)) <span class=\"type\">\(escape(column.type.rawValue))</span></th>"
        }
        out += "</tr></thead>\n<tbody>\n"
        let numeric = table.columns.map { [.int, .long, .real, .decimal].contains($0.type) }
        for r in 0..<min(table.rowCount, rowLimit) {
            out += "<tr>"
            for (c, column) in table.columns.enumerated() {
                out += numeric[c] ? "<td class=\"number\">" : "<td>"
                out += escape(column.value(r).text) + "</td>"
            }
            out += "</tr>\n"
        }
        out += "</tbody>\n</table>\n"
        if table.rowCount > rowLimit {
            out += "<p class=\"note\">The first \(rowLimit) of \(table.rowCount) rows.</p>\n"
        }
        return out
    }

    static func escape(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for ch in s {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default: out.append(ch)
            }
        }
        return out
    }
}
