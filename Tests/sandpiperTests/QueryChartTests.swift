import Foundation
import Testing
#if canImport(FoundationXML)
    import FoundationXML
#endif

/// `sandpiper query` and `render`: `--chart` files, the table form's line, the JSON visualization line.
@Suite(.serialized) struct QueryChartTests {
    let now = ["--now", "2025-01-01T00:00:00Z"]
    let query =
        "StormEvents | summarize Events=count() by EventType | top 3 by Events | render columnchart with (title='Top three')"

    func folder() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("query-chart-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    @Test func chartIsWrittenAndTheTableSaysWhere() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("top.svg").path
        let r = try SandpiperBinary.run(["query"] + now + ["--chart", path, query])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.hasSuffix("render columnchart: chart written to \(path)\n"))
        let svg = try Data(contentsOf: URL(fileURLWithPath: path))
        let parser = XMLParser(data: svg)
        #expect(parser.parse(), "the SVG is XML")
        let text = String(decoding: svg, as: UTF8.self)
        #expect(text.contains(">Top three</text>"))
        #expect(text.contains("Thunderstorm Wind"))
    }

    @Test func withoutChartTheTableSaysHowToDrawIt() throws {
        let r = try SandpiperBinary.run(["query"] + now + [query])
        #expect(r.status == 0)
        #expect(r.stdout.hasSuffix("render columnchart: draw it with --chart FILE.svg (or .png, .html, .vl.json)\n"))
    }

    @Test func jsonCarriesTheVisualization() throws {
        let r = try SandpiperBinary.run(["query", "--format", "json"] + now + [query])
        #expect(r.status == 0)
        let lines = r.stdout.split(separator: "\n")
        #expect(lines.count == 3)
        #expect(lines[2].hasPrefix(#"{"statistics":{"ExecutionTime":"#))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(lines[1].utf8)) as? [String: Any])
        let bag = try #require(object["visualization"] as? [String: Any])
        #expect(bag["Visualization"] as? String == "columnchart")
        #expect(bag["Title"] as? String == "Top three")
        #expect(bag["IsQuerySorted"] as? Bool == true)
        #expect(bag["Ymin"] as? String == "NaN")
    }

    @Test func everyFormatIsWritten() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        for name in ["c.html", "c.vl.json"] + (Self.hasRasterizer ? ["c.png"] : []) {
            let path = dir.appendingPathComponent(name).path
            let r = try SandpiperBinary.run(["query"] + now + ["--chart", path, query])
            #expect(r.status == 0, "\(name): \(r.stderr)")
            let data = try Data(contentsOf: URL(fileURLWithPath: path))
            #expect(data.count > 500, "\(name)")
        }
        if Self.hasRasterizer {
            let png = try Data(contentsOf: dir.appendingPathComponent("c.png"))
            #expect(Array(png.prefix(4)) == [0x89, 0x50, 0x4E, 0x47])
        }
    }

    /// Two results that end in render: the second chart is FILE-2.svg.
    @Test func severalChartsAreNumbered() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("c.svg").path
        let r = try SandpiperBinary.run(
            ["query"] + now + ["--chart", path, "print a=1 | render card; print b=2; print c=3 | render table"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted() == ["c-2.svg", "c.svg"])
    }

    /// A chart the result cannot satisfy fails the command after the table is printed, and writes no file.
    @Test func undrawableChartFailsWithItsCode() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("c.svg").path
        let r = try SandpiperBinary.run(["query"] + now + ["--chart", path, "print s='a' | render timechart"])
        #expect(r.status == 1)
        #expect(r.stderr.hasPrefix("E_CHART_COLUMN_TYPE: "))
        #expect(r.stdout.contains("a"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).isEmpty)
    }

    @Test func unknownExtensionIsUsageError() throws {
        let r = try SandpiperBinary.run(["query"] + now + ["--chart", "c.gif", query])
        #expect(r.status == 2)
        #expect(r.stderr.contains(".svg, .png, .html or .vl.json"))
    }

    static var hasRasterizer: Bool {
        (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":")
            .contains { FileManager.default.isExecutableFile(atPath: "\($0)/rsvg-convert") }
    }
}
