@testable import Charts
import Columnar
import Foundation
import Testing

/// Chart files: the format from the extension, the names of several charts, the HTML page, PNG, and
/// that a failed write leaves no file.
@Suite struct ChartFileTests {
    func rendered(_ kind: String, _ properties: [String: String] = [:]) -> Table {
        var t = T.table(("State", T.strings(["TEXAS", "KANSAS", "<IOWA>"])), ("Events", T.longs([30, 20, 10])))
        t.visualization = Visualization(kind: kind, properties: properties)
        return t
    }

    @Test func formatFromExtension() throws {
        #expect(try ChartFormat(path: "a.svg") == .svg)
        #expect(try ChartFormat(path: "dir/a.PNG") == .png)
        #expect(try ChartFormat(path: "a.html") == .html)
        #expect(try ChartFormat(path: "a.vl.json") == .vegaLite)
        for bad in ["a.json", "a", "a.svgz", "a.htm"] {
            #expect(throws: ChartError.self) { try ChartFormat(path: bad) }
            do { _ = try ChartFormat(path: bad) } catch { #expect(error.code == .chartOutput) }
        }
    }

    @Test func severalChartsGetNumberedNames() {
        #expect(ChartFile.paths("out/a.svg", count: 1) == ["out/a.svg"])
        #expect(ChartFile.paths("out/a.svg", count: 3) == ["out/a.svg", "out/a-2.svg", "out/a-3.svg"])
        #expect(ChartFile.paths("c.vl.json", count: 2) == ["c.vl.json", "c-2.vl.json"])
        #expect(ChartFile.paths("c.svg", count: 0).isEmpty)
    }

    @Test func htmlPageHoldsTheSVGAndTheRowsEscaped() throws {
        let page = String(
            decoding: try ChartFile.contents(of: rendered("columnchart", ["title": "Events & states"]), format: .html),
            as: UTF8.self)
        #expect(page.hasPrefix("<!DOCTYPE html>"))
        #expect(page.contains("<title>Events &amp; states</title>"))
        let svgStart = try #require(page.range(of: "<svg"))
        let svgEnd = try #require(page.range(of: "</svg>"))
        let doc = SVGDocument(String(page[svgStart.lowerBound..<svgEnd.upperBound]))
        #expect(doc.isValid, "\(doc.error ?? "")")
        #expect(doc.title == "Events & states")
        #expect(page.contains("<th>State <span class=\"type\">string</span></th>"))
        #expect(page.contains("<td>&lt;IOWA&gt;</td>"))
        #expect(page.contains("<td class=\"number\">30</td>"))
        // Self-contained: no script and nothing fetched.
        #expect(!page.contains("<script") && !page.contains("src=") && !page.contains("href="))
    }

    @Test func vegaLiteFileIsJSON() throws {
        let data = try ChartFile.contents(of: rendered("piechart"), format: .vegaLite)
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect((object["$schema"] as? String)?.contains("vega-lite") == true)
    }

    @Test(
        .enabled(if: PNGRasterizer.executable != nil, "needs rsvg-convert (Debian librsvg2-bin, scripts/install-deps)"))
    func pngIsAnImage() throws {
        let png = try ChartFile.contents(of: rendered("barchart"), format: .png)
        #expect(png.count > 1000)
        #expect(Array(png.prefix(8)) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
    }

    @Test func writeReplacesTheFileWhole() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("chart-file-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("c.svg").path
        try ChartFile.write(rendered("columnchart"), to: path)
        #expect(SVGDocument(try String(contentsOfFile: path, encoding: .utf8)).isValid)
        // A chart the result cannot satisfy is an error, and the file already there stays as it was.
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect(throws: ChartError.self) { try ChartFile.write(rendered("timechart"), to: path) }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["c.svg"])
    }

    @Test func unwritablePlacesAndMissingRenderAreCoded() {
        do { try ChartFile.write(rendered("piechart"), to: "/nonexistent-folder/x.svg"); Issue.record("wrote") } catch {
            #expect(error.code == .chartOutput)
        }
        var plain = rendered("piechart"); plain.visualization = nil
        do { _ = try ChartFile.contents(of: plain, format: .svg); Issue.record("drew") } catch {
            #expect(error.code == .chartOutput)
        }
    }
}
