import Columnar
import KQLEngine
import Testing

/// What the output forms say about a result that ends in `render`.
@Suite struct ResultRendererChartTests {
    func rendered() -> Table {
        var t = Table([("x", Column(type: .long, int64s: [1, 2]))])
        t.visualization = Visualization(kind: "linechart", properties: ["title": "T"])
        return t
    }

    @Test func jsonAddsTheVisualizationLine() {
        let out = ResultRenderer.render([PrintableResult(table: rendered())], format: .json).stdout
        let lines = out.split(separator: "\n")
        #expect(lines.count == 2)
        #expect(lines[1].hasPrefix(#"{"visualization":{"Visualization":"linechart","Title":"T","XColumn":null,"#))
        #expect(lines[1].hasSuffix(#""Xmin":null,"Xmax":null}}"#))
    }

    @Test func tableSaysWhereTheChartWentOrHowToDrawIt() {
        let plain = ResultRenderer.render([PrintableResult(table: rendered())], format: .table).stdout
        #expect(plain.hasSuffix("render linechart: draw it with --chart FILE.svg (or .png, .html, .vl.json)\n"))
        let written = ResultRenderer.render(
            [PrintableResult(table: rendered(), chartFile: "out/c.svg")], format: .table
        ).stdout
        #expect(written.hasSuffix("render linechart: chart written to out/c.svg\n"))
    }

    @Test func otherFormatsAndPlainResultsAreUnchanged() {
        var plain = rendered(); plain.visualization = nil
        for format in [ResultFormat.csv, .markdown] {
            #expect(
                ResultRenderer.render([PrintableResult(table: plain)], format: format).stdout
                    == ResultRenderer.render([PrintableResult(table: rendered())], format: format).stdout)
        }
        #expect(!ResultRenderer.render([PrintableResult(table: plain)], format: .table).stdout.contains("render"))
    }
}
