import Foundation

/// The terminal report: one line per example (location, status, time), then the details of everything
/// that did not simply pass, the sandbox matrix when there is one, and the summary line last.
public enum TextReport {
    /// The whole report as text.
    public static func render(_ report: RunReport) -> String {
        var out = ""
        let matrix = report.sandboxes.count > 1
        let rows = report.results.map { r in
            [matrix ? r.name : r.example.location, r.status.rawValue, String(format: "%.2fs", r.seconds)]
        }
        out += TextTable.render(header: ["EXAMPLE", "STATUS", "TIME"], rows: rows)

        for r in report.results where r.status != .matched && r.status != .ran {
            out += "\n" + details(r, matrix: matrix)
        }
        if matrix {
            out += "\nSandbox compatibility (python examples):\n" + SandboxMatrix.render(report)
        }
        if !report.problems.isEmpty {
            out += "\nProblems:\n" + report.problems.map { "  " + $0 }.joined(separator: "\n") + "\n"
        }
        let expected = report.count(.expectedFail)
        if expected > 0 { out += "\n(\(expected) of the passed are expected failures, each with its reason above)" }
        out += "\n" + report.summaryLine + "\n"
        return out
    }

    /// What a reader needs to act on one non-passing example.
    static func details(_ r: ExampleResult, matrix: Bool) -> String {
        let name = matrix ? r.name : r.example.location
        var out = "\(r.status.rawValue.uppercased()) \(name) (\(r.example.id))\n"
        if let reason = r.reason { out += "  reason: \(reason)\n" }
        switch r.status {
        case .skipped:
            return out
        case .expectedFail:
            if let e = r.error { out += "  error: \(e.code): \(headline(e))\n" }
            for m in r.messages { out += indent(m, by: 2) }
            for (i, d) in r.diffs { out += render(d, table: i, count: r.tables.count) }
            return out
        default:
            break
        }
        out += "  query:\n" + indent(r.example.runnableQuery, by: 4)
        if let e = r.error {
            // Engine messages start with their code already (`E_PARSE: 1:5: ...`).
            out += (e.text.hasPrefix(e.code) ? "  error:\n" : "  error: \(e.code)\n") + indent(e.text, by: 4)
        }
        for m in r.messages { out += indent(m, by: 2) }
        for (i, d) in r.diffs { out += render(d, table: i, count: r.tables.count) }
        if !r.pythonOutput.isEmpty {
            out += "  python output:\n" + indent(r.pythonOutput.joined(separator: "\n"), by: 4)
        }
        return out
    }

    /// A cell-level diff of one table.
    public static func render(_ d: TableDiff, table: Int, count: Int) -> String {
        let label = count > 1 ? "table \(table + 1): " : ""
        var out = ""
        for p in d.problems { out += "  \(label)\(p)\n" }
        for row in d.rows {
            switch row {
            case .cells(let e, let a, let cells):
                let at = e == a ? "row \(e + 1)" : "row \(e + 1) (closest actual row \(a + 1))"
                for c in cells {
                    out +=
                        "  \(label)\(at), column \(c.column): expected \(quoted(c.expected)), got \(quoted(c.actual))\n"
                }
            case .missing(let e, let cells):
                out += "  \(label)row \(e + 1) missing: | \(cells.joined(separator: " | ")) |\n"
            case .unexpected(let a, let cells):
                out += "  \(label)unexpected actual row \(a + 1): | \(cells.joined(separator: " | ")) |\n"
            }
        }
        if d.omittedRows > 0 { out += "  \(label)... and \(d.omittedRows) more differing rows\n" }
        return out
    }

    /// The line of an error message that names what happened: for Python, the exception line of the traceback.
    public static func headline(_ e: ExampleError) -> String {
        let lines = e.message.split(separator: "\n").map { String($0).trimmed }.filter { !$0.isEmpty }
        if let exception = lines.last(where: { line in
            let name = line.prefix { $0 != ":" }
            return line.contains(":")
                && (name.hasSuffix("Error") || name.hasSuffix("Exception") || name.hasSuffix("Warning"))
        }) {
            return exception
        }
        return lines.first ?? ""
    }

    static func quoted(_ s: String) -> String { s.isEmpty ? "(empty)" : s }

    static func indent(_ text: String, by n: Int) -> String {
        let pad = String(repeating: " ", count: n)
        return text.split(separator: "\n", omittingEmptySubsequences: false).map { pad + $0 }.joined(separator: "\n")
            + "\n"
    }
}

/// A plain text table with columns padded to their widest cell.
enum TextTable {
    static func render(header: [String], rows: [[String]]) -> String {
        var widths = header.map(\.count)
        for row in rows {
            for (i, c) in row.enumerated() where i < widths.count { widths[i] = max(widths[i], c.count) }
        }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { i, c in
                i == cells.count - 1 ? c : c.padding(toLength: widths[i], withPad: " ", startingAt: 0)
            }
            .joined(separator: "  ")
        }
        return ([line(header)] + rows.map(line)).joined(separator: "\n") + "\n"
    }
}
