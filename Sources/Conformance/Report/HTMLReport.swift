import Charts
import Columnar
import Foundation

/// The HTML report (`conformance run --format html`): one self-contained page with a row per example
/// (location, id, status, time, what went wrong) and, under each example whose query ends in `render`,
/// the chart it asks for, drawn by `Charts` as `sandpiper query --chart` would (or why it cannot be).
public enum HTMLReport {
    /// Chart size in the report: small enough for many on one page.
    static let chartStyle = ChartStyle(width: 720, height: 380)

    public static func render(_ report: RunReport) -> String {
        var html = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <title>Sandpiper conformance report</title>
            <style>
            body { font-family: "DejaVu Sans", "Liberation Sans", Arial, sans-serif; margin: 24px; color: #222; }
            table { border-collapse: collapse; font-size: 13px; }
            th, td { border: 1px solid #ccc; padding: 3px 8px; text-align: left; vertical-align: top; }
            th { background: #f2f2f2; }
            pre { margin: 0; white-space: pre-wrap; font-size: 12px; }
            .matched, .ran { color: #1a7f37; } .expected-fail, .skipped { color: #7d5a00; } .fail, .error { color: #c0262d; font-weight: bold; }
            .chart-error { color: #c0262d; }
            </style>
            </head>
            <body>
            <h1>Conformance report</h1>

            """
        html += "<p>\(escape(report.summaryLine))</p>\n"
        html +=
            "<table>\n<thead><tr><th>example</th><th>id</th><th>status</th><th>time</th><th>details</th></tr></thead>\n<tbody>\n"
        for r in report.results {
            html += "<tr><td>\(escape(r.name))</td><td>\(escape(r.example.id))</td>"
            html += "<td class=\"\(r.status.rawValue)\">\(r.status.rawValue)</td>"
            html += "<td>\(String(format: "%.2fs", r.seconds))</td><td>"
            if r.status != .matched && r.status != .ran {
                html += "<pre>\(escape(TextReport.details(r, matrix: report.sandboxes.count > 1)))</pre>"
            }
            html += charts(r) + "</td></tr>\n"
        }
        html += "</tbody>\n</table>\n"
        if !report.problems.isEmpty {
            html +=
                "<h2>Problems</h2>\n<ul>\n" + report.problems.map { "<li>\(escape($0))</li>\n" }.joined() + "</ul>\n"
        }
        return html + "</body>\n</html>\n"
    }

    /// The charts of an example's results that end in `render`, or why each cannot be drawn.
    static func charts(_ r: ExampleResult) -> String {
        var out = ""
        for table in r.tables {
            guard let visualization = table.visualization else { continue }
            do {
                let model = try ChartModel(table: table, request: try ChartRequest(visualization))
                out +=
                    "<figure>\n" + model.svg(style: chartStyle)
                    + "<figcaption>render \(escape(visualization.kind))</figcaption></figure>\n"
            } catch {
                out +=
                    "<p class=\"chart-error\">render \(escape(visualization.kind)): \(escape(error.description))</p>\n"
            }
        }
        return out
    }

    static func escape(_ s: String) -> String {
        s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}
