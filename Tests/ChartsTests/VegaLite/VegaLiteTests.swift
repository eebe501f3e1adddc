@testable import Charts
import Columnar
import Foundation
import Testing

/// Vega-Lite output: valid JSON with the v5 schema, the mark of the kind, and encodings whose
/// fields are in the inlined data.
@Suite struct VegaLiteTests {
    let storms = StormFixture()

    func spec(_ table: Table, _ kind: ChartKind, _ configure: (inout ChartRequest) -> Void = { _ in }) throws
        -> [String: Any]
    {
        var r = ChartRequest(kind: kind)
        configure(&r)
        let text = try ChartModel(table: table, request: r).vegaLite()
        let json = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any]
        #expect(json?["$schema"] as? String == "https://vega.github.io/schema/vega-lite/v5.json")
        return json ?? [:]
    }

    /// Every `"field"` named in `node`'s encodings.
    func fields(_ node: Any) -> Set<String> {
        var out = Set<String>(), stack: [Any] = [node]
        while let n = stack.popLast() {
            if let d = n as? [String: Any] {
                if let enc = d["encoding"] as? [String: Any] {
                    for (_, v) in enc { if let f = (v as? [String: Any])?["field"] as? String { out.insert(f) } }
                }
                for (k, v) in d where k != "data" { stack.append(v) }
            } else if let a = n as? [Any] {
                stack.append(contentsOf: a)
            }
        }
        return out
    }

    func rows(_ spec: [String: Any]) -> [[String: Any]] {
        ((spec["data"] as? [String: Any])?["values"] as? [[String: Any]]) ?? []
    }

    func mark(_ spec: [String: Any]) -> String? {
        if let m = spec["mark"] as? [String: Any] { return m["type"] as? String }
        if let layer = spec["layer"] as? [[String: Any]] { return layer.first.flatMap(mark) }
        if let inner = spec["spec"] as? [String: Any] { return mark(inner) }
        return nil
    }

    @Test func timechartIsATemporalLine() throws {
        let s = try spec(storms.dailyCountByState(), .timechart) { $0.title = "Hail" }
        #expect(s["title"] as? String == "Hail")
        #expect(mark(s) == "line")
        let enc = s["encoding"] as? [String: Any]
        #expect((enc?["x"] as? [String: Any])?["type"] as? String == "temporal")
        #expect((enc?["y"] as? [String: Any])?["field"] as? String == "value")
        #expect((enc?["color"] as? [String: Any])?["field"] as? String == "series")
        let data = rows(s)
        #expect(data.count == storms.dailyCountByState().rowCount)
        #expect(fields(s).isSubset(of: Set(data.first?.keys.map { $0 } ?? [])))
        #expect((data.first?["x"] as? String)?.hasSuffix("Z") == true)
    }

    @Test func stackingAndOrientation() throws {
        let t = storms.countByTypeAndState()
        let stacked = try spec(t, .barchart) { $0.variant = .stacked100 }
        let enc = stacked["encoding"] as? [String: Any]
        #expect(mark(stacked) == "bar")
        // A bar chart's categories run down the y axis; stacked100 normalizes.
        #expect((enc?["y"] as? [String: Any])?["field"] as? String == "x")
        #expect((enc?["x"] as? [String: Any])?["stack"] as? String == "normalize")
        let grouped = try spec(t, .columnchart)
        let genc = grouped["encoding"] as? [String: Any]
        #expect((genc?["xOffset"] as? [String: Any])?["field"] as? String == "series")
        #expect((genc?["y"] as? [String: Any])?["stack"] is NSNull)
        let area = try spec(t, .stackedareachart)
        #expect(mark(area) == "area")
        #expect(((area["encoding"] as? [String: Any])?["y"] as? [String: Any])?["stack"] as? String == "zero")
    }

    @Test func logScalesAndBounds() throws {
        let t = T.table(("rows", T.longs([1_000, 1_000_000])), ("gbps", T.reals([0.1, 4])))
        let s = try spec(t, .linechart) {
            $0.xAxis = .log; $0.yAxis = .log; $0.yMax = 10
        }
        let enc = s["encoding"] as? [String: Any]
        #expect(((enc?["x"] as? [String: Any])?["scale"] as? [String: Any])?["type"] as? String == "log")
        let y = ((enc?["y"] as? [String: Any])?["scale"] as? [String: Any])
        #expect(y?["type"] as? String == "log" && y?["domainMax"] as? Int == 10)
    }

    @Test func panelsFacetAndAxesLayer() throws {
        let p = try spec(storms.dailyCountByState(), .linechart) { $0.ySplit = .panels }
        #expect(((p["facet"] as? [String: Any])?["row"] as? [String: Any])?["field"] as? String == "panel")
        #expect(mark(p) == "line")
        let a = try spec(storms.weeklyInjuriesAndDeaths(), .columnchart) { $0.ySplit = .axes }
        #expect((a["layer"] as? [Any])?.count == 2)
        #expect(((a["resolve"] as? [String: Any])?["scale"] as? [String: Any])?["y"] as? String == "independent")
    }

    @Test func anomaliesAreALayer() throws {
        let s = try spec(SeriesFixture.make(), .anomalychart) { $0.anomalyColumns = ["anomalies"] }
        let layers = s["layer"] as? [[String: Any]] ?? []
        #expect(layers.count == 2)
        #expect(rows(layers[1]).count == 4)
        #expect(fields(layers[1]).contains("direction"))
    }

    @Test func longLinesAreThinnedAndSaySo() throws {
        let t = ChartGalleryTests.dense()
        let s = try spec(t, .timechart)
        let data = rows(s)
        #expect(data.count <= 2 * 4 * VegaLiteSpec.thinBuckets && data.count > 2 * VegaLiteSpec.thinBuckets)
        #expect((s["description"] as? String)?.hasPrefix("172800 points thinned to") == true)
        // The missing hour is still missing.
        #expect(data.contains { $0["value"] is NSNull })
        let short = try spec(storms.dailyCountByState(), .timechart)
        #expect(short["description"] == nil)
    }

    @Test func everyOtherKind() throws {
        let pie = try spec(storms.countByState(), .piechart)
        #expect(pie["layer"] != nil && fields(pie).isSuperset(of: ["value", "label"]))
        #expect(((pie["layer"] as? [[String: Any]])?.first?["mark"] as? [String: Any])?["type"] as? String == "arc")
        let map = try spec(storms.locations(), .scatterchart) { $0.variant = .map }
        #expect(mark(map) == "circle" && fields(map).isSuperset(of: ["longitude", "latitude"]))
        #expect((map["projection"] as? [String: Any])?["type"] as? String == "equirectangular")
        let card = try spec(T.table(("Count", T.longs([42]))), .card)
        #expect(mark(card) == "text" && rows(card).first?["value"] as? String == "42")
        let table = try spec(T.table(("a", T.strings(["x", "y"])), ("b", T.longs([1, 2]))), .table)
        #expect(mark(table) == "text" && rows(table).count == 4)
        let ladder = try spec(storms.rainSpansByState(), .ladderchart)
        #expect(mark(ladder) == "bar" && fields(ladder).isSuperset(of: ["lane", "start", "end"]))
        let pivot = try spec(storms.floods(), .timepivot)
        #expect(mark(pivot) == "bar" && rows(pivot).count == storms.floods().rowCount)
        let tree = try spec(storms.countByTypeAndState(), .treemap)
        #expect(mark(tree) == "rect" && fields(tree).isSuperset(of: ["x", "x2", "y", "y2"]))
        let sales = T.table(("SalesAmount", T.reals([10, 5])), ("ProductName", T.strings(["A", "B"])))
        let pc = try spec(sales, .pivotchart)
        #expect((pc["hconcat"] as? [Any])?.count == 2)
    }
}
