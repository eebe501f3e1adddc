import Foundation
import Testing

/// `conformance run --report html`: one page, a row per example, the charts of render examples inline.
@Suite(.serialized) struct ConformanceHTMLReportTests {
    @Test func renderExamplesAreDrawn() throws {
        let doc = FileManager.default.temporaryDirectory.appendingPathComponent("report-\(UUID().uuidString).md")
        try """
        # Two examples

        ```kusto
        datatable(Kind:string, Count:long) ["a", 3, "b", 5] | render piechart with (title="Kinds")
        ```

        ```kusto
        print x = 1
        ```

        ```kusto
        print s = "no time" | render timechart
        ```
        """.write(to: doc, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: doc) }
        let r = try SandpiperBinary.run(
            ["conformance", "run", doc.path, "--report", "html"], in: SandpiperBinary.packageRoot.path)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.hasPrefix("<!DOCTYPE html>"))
        #expect(r.stdout.components(separatedBy: "<tr><td>").count - 1 == 3, "a row per example")
        #expect(r.stdout.components(separatedBy: "<svg").count - 1 == 1, "one chart")
        #expect(r.stdout.contains(">Kinds</text>"))
        // A chart the result cannot satisfy is reported in its row, not drawn.
        #expect(r.stdout.contains("render timechart: E_CHART_COLUMN_TYPE"))
        #expect(r.stderr.contains("3 passed"))
    }
}
