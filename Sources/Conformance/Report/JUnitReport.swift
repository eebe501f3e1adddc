import Foundation

/// `--junit FILE`: JUnit XML, one `<testsuite>` per document, one `<testcase>` per example (and sandbox).
///
/// `fail` becomes `<failure>`, `error` becomes `<error>`, `skipped` becomes `<skipped>`; an expected failure
/// is a passing test case whose `<system-out>` says what failed and why that is expected.
public enum JUnitReport {
    /// The XML document.
    public static func render(_ report: RunReport) -> String {
        var suites: [(String, [ExampleResult])] = []
        for r in report.results {
            if let i = suites.firstIndex(where: { $0.0 == r.example.document }) {
                suites[i].1.append(r)
            } else {
                suites.append((r.example.document, [r]))
            }
        }
        func counts(_ rs: [ExampleResult]) -> String {
            let time = rs.reduce(0) { $0 + $1.seconds }
            return "tests=\"\(rs.count)\" failures=\"\(rs.filter { $0.status == .fail }.count)\" "
                + "errors=\"\(rs.filter { $0.status == .error }.count)\" skipped=\"\(rs.filter { $0.status == .skipped }.count)\" "
                + "time=\"\(String(format: "%.3f", time))\""
        }
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out += "<testsuites name=\"sandpiper conformance\" \(counts(report.results))>\n"
        for (document, rs) in suites {
            out += "  <testsuite name=\"\(escape(document))\" \(counts(rs))>\n"
            for r in rs {
                let name = "line \(r.example.line) \(r.example.id)" + (r.sandbox.map { " [\($0)]" } ?? "")
                out +=
                    "    <testcase classname=\"\(escape(document))\" name=\"\(escape(name))\" time=\"\(String(format: "%.3f", r.seconds))\""
                let body = TextReport.details(r, matrix: report.sandboxes.count > 1)
                switch r.status {
                case .matched:
                    out += "/>\n"
                    continue
                case .ran:
                    out +=
                        ">\n      <system-out>ran without error; the document shows no table to compare with</system-out>\n"
                case .fail:
                    out +=
                        ">\n      <failure message=\"\(escape(r.messages.first ?? "result differs from the document"))\">\(escape(body))</failure>\n"
                case .error:
                    let message =
                        r.error.map { "\($0.code): \(TextReport.headline($0))" } ?? r.messages.first ?? "error"
                    out +=
                        ">\n      <error message=\"\(escape(message))\" type=\"\(escape(r.error?.code ?? "error"))\">\(escape(body))</error>\n"
                case .skipped:
                    out += ">\n      <skipped message=\"\(escape(r.reason ?? "skipped"))\"/>\n"
                case .expectedFail:
                    out += ">\n      <system-out>\(escape(body))</system-out>\n"
                }
                out += "    </testcase>\n"
            }
            out += "  </testsuite>\n"
        }
        if !report.problems.isEmpty {
            out +=
                "  <testsuite name=\"inputs\" tests=\"\(report.problems.count)\" failures=\"0\" errors=\"\(report.problems.count)\" skipped=\"0\">\n"
            for (i, p) in report.problems.enumerated() {
                out +=
                    "    <testcase classname=\"inputs\" name=\"problem \(i + 1)\"><error message=\"\(escape(p))\"/></testcase>\n"
            }
            out += "  </testsuite>\n"
        }
        out += "</testsuites>\n"
        return out
    }

    /// Escapes XML text and attribute values; drops characters XML 1.0 cannot carry.
    static func escape(_ s: String) -> String {
        var out = ""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "\n", "\t", "\r": out.unicodeScalars.append(scalar)
            default:
                if scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
