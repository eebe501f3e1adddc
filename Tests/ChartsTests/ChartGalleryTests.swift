import Charts
import Columnar
import Foundation
import Testing

/// One chart of every kind (and the variants worth seeing) from realistic tables, each the result of
/// a documentation example. Every one must be valid SVG and valid Vega-Lite JSON; with
/// `CHART_GALLERY_DIR` set, they are also written there (`scripts/chart-gallery` turns them into PNGs).
@Suite struct ChartGalleryTests {
    struct Entry {
        var name: String
        var table: Table
        var request: ChartRequest
    }

    static func request(_ kind: ChartKind, _ configure: (inout ChartRequest) -> Void = { _ in }) -> ChartRequest {
        var r = ChartRequest(kind: kind)
        configure(&r)
        return r
    }

    static let entries: [Entry] = {
        let s = StormFixture()
        let sales = T.table(
            ("SalesAmount", T.reals([1200, 530, 700, 410, 980, 220, 640])),
            (
                "ProductName",
                T.strings([
                    "Contoso Laptop", "Contoso Monitor", "Contoso Laptop", "Contoso Tablet",
                    "Contoso Desktop", "Contoso Monitor", "Contoso Tablet",
                ])
            ),
            (
                "DateKey",
                T.dates([
                    "2007-01-02", "2007-01-03", "2007-01-09", "2007-01-10", "2007-01-15", "2007-01-20", "2007-01-28",
                ])
            ))
        let bench = T.table(
            (
                "rows",
                T.longs([1_000, 10_000, 100_000, 1_000_000, 10_000_000, 1_000, 10_000, 100_000, 1_000_000, 10_000_000])
            ),
            (
                "method",
                T.strings([
                    "sandpiper", "sandpiper", "sandpiper", "sandpiper", "sandpiper",
                    "pyarrow", "pyarrow", "pyarrow", "pyarrow", "pyarrow",
                ])
            ),
            ("to_df", T.reals([0.05, 0.6, 4.1, 9.5, 11.2, 0.02, 0.2, 1.5, 3.9, 4.4])),
            ("from_df", T.reals([0.04, 0.5, 3.2, 7.7, 8.1, 0.01, 0.15, 1.1, 2.8, 3.1])))
        return [
            Entry(
                name: "timechart", table: s.dailyCountByState(type: nil),
                request: request(.timechart) {
                    $0.title = "Storm events per day"; $0.yTitle = "Events"
                }),
            Entry(
                name: "timechart-panels", table: s.dailyCountByState(type: nil),
                request: request(.timechart) { $0.ySplit = .panels }),
            Entry(
                name: "timechart-axes", table: s.dailyCountByState(type: nil),
                request: request(.timechart) {
                    $0.ySplit = .axes; $0.accumulate = true; $0.title = "Events so far, one axis per state"
                }),
            Entry(
                name: "timechart-decomposition", table: SeriesFixture.make(),
                request: request(.timechart) {
                    $0.title = "Web app. traffic over a month, decomposition"; $0.yColumns = ["num", "baseline"]
                }),
            Entry(
                name: "linechart", table: s.virginiaDamage(),
                request: request(.linechart) {
                    $0.title = "Property damage from storms in Virginia"; $0.xTitle = "Start time of storm";
                    $0.yTitle = "Property damage"
                }),
            Entry(
                name: "linechart-log-bench", table: bench,
                request: request(.linechart) {
                    $0.title = "Transfer throughput (GB/s) by rows"; $0.xAxis = .log; $0.yAxis = .log;
                    $0.ySplit = .panels
                }),
            Entry(
                name: "areachart", table: s.weeklyInjuriesAndDeaths(),
                request: request(.areachart) { $0.title = "Injuries and deaths per week" }),
            Entry(
                name: "areachart-stacked", table: s.dailyCountByState(type: nil),
                request: request(.areachart) { $0.variant = .stacked }),
            Entry(
                name: "stackedareachart", table: s.dailyCountByState(type: nil),
                request: request(.stackedareachart) {
                    $0.xColumn = "StartTime"; $0.series = ["State"]; $0.title = "Events per day, stacked by state"
                }),
            Entry(
                name: "columnchart", table: s.countByState(),
                request: request(.columnchart) { $0.title = "Storm count by state" }),
            Entry(
                name: "columnchart-stacked", table: s.countByTypeAndState(),
                request: request(.columnchart) { $0.variant = .stacked }),
            Entry(
                name: "columnchart-axes", table: s.weeklyInjuriesAndDeaths(),
                request: request(.columnchart) { $0.ySplit = .axes }),
            Entry(
                name: "columnchart-grouped-bench", table: bench,
                request: request(.columnchart) {
                    $0.xColumn = "rows"; $0.yAxis = .log; $0.title = "to_df and from_df throughput by rows"
                }),
            Entry(
                name: "barchart", table: s.countByState(),
                request: request(.barchart) {
                    $0.title = "Storm count by state"; $0.yTitle = "Storm count"; $0.xTitle = "State";
                    $0.legend = .hidden
                }),
            Entry(
                name: "barchart-panels", table: s.weeklyInjuriesAndDeaths(),
                request: request(.barchart) { $0.ySplit = .panels }),
            Entry(
                name: "barchart-stacked", table: s.countByTypeAndState(),
                request: request(.barchart) { $0.variant = .stacked }),
            Entry(
                name: "barchart-stacked100", table: s.countByTypeAndState(),
                request: request(.barchart) { $0.variant = .stacked100 }),
            Entry(
                name: "piechart", table: s.countByState(),
                request: request(.piechart) { $0.title = "Storm Events by State" }),
            Entry(
                name: "scatterchart", table: s.damageAndPopulation(),
                request: request(.scatterchart) {
                    $0.xTitle = "State population"; $0.title = "Property damage by state"; $0.legend = .hidden
                }),
            Entry(
                name: "scatterchart-map", table: s.locations(), request: request(.scatterchart) { $0.variant = .map }),
            Entry(
                name: "piechart-map", table: ChartGalleryTests.pieMap(s),
                request: request(.piechart) { $0.variant = .map }),
            Entry(
                name: "anomalychart", table: SeriesFixture.make(),
                request: request(.anomalychart) {
                    $0.anomalyColumns = ["anomalies"]; $0.title = "Web app. traffic of a month, anomalies";
                    $0.yColumns = ["num", "baseline"]
                }),
            Entry(
                name: "card",
                table: T.table(
                    ("Count", T.longs([Int64(s.events.filter { $0.state == "VIRGINIA" && $0.type == "Flood" }.count)]))),
                request: request(.card) { $0.title = "Floods in Virginia" }),
            Entry(name: "table", table: ChartGalleryTests.firstEvents(s), request: request(.table)),
            Entry(name: "ladderchart", table: s.rainSpansByState(), request: request(.ladderchart)),
            Entry(name: "timepivot", table: s.floods(), request: request(.timepivot) { $0.series = ["State"] }),
            Entry(name: "pivotchart", table: sales, request: request(.pivotchart)),
            Entry(
                name: "timechart-dense-gap", table: ChartGalleryTests.dense(),
                request: request(.timechart) {
                    $0.title = "A day of seconds, with an hour missing"
                }),
            Entry(
                name: "linechart-many-series", table: ChartGalleryTests.manySeries(),
                request: request(.linechart) {
                    $0.title = "60 series"
                }),
            Entry(
                name: "treemap", table: s.countByTypeAndState(states: StormFixture.states.prefix(6).map(\.0)),
                request: request(.treemap) { $0.title = "Storm Events by EventType and State" }),
        ]
    }()

    static func pieMap(_ s: StormFixture) -> Table {
        var keys: [String] = [], counts: [String: Int64] = [:]
        for e in s.events.prefix(600) {
            // Events gathered at their state's centre, as S2 cells would gather them.
            let centre = StormFixture.states.first { $0.0 == e.state }!
            let k = "\(centre.2)|\(centre.1)|\(e.type)"
            if counts[k] == nil { keys.append(k) }
            counts[k, default: 0] += 1
        }
        let parts = keys.map { $0.split(separator: "|").map(String.init) }
        return T.table(
            ("point", T.dynamics(parts.map { T.point(Double($0[0])!, Double($0[1])!) })),
            ("EventType", T.strings(parts.map { $0[2] })), ("count_", T.longs(keys.map { counts[$0] })))
    }

    /// 86,400 seconds of two random walks, null from 10:00 to 11:00.
    static func dense() -> Table {
        let n = 86_400, start = T.nanos("2024-03-01")
        var rng = Rng(3)
        var a = 100.0, b = 60.0
        var ts: [Int64] = [], va: [Double?] = [], vb: [Double?] = []
        for i in 0..<n {
            a += rng.normal() * 0.5; b += rng.normal() * 0.3
            ts.append(start + Int64(i) * 1_000_000_000)
            let gap = (36_000..<39_600).contains(i)
            va.append(gap ? nil : a); vb.append(gap ? nil : b)
        }
        return T.table(
            ("Timestamp", Column(type: .datetime, int64s: ts)), ("cpu", T.reals(va)), ("memory", T.reals(vb)))
    }

    /// 60 series of 24 points.
    static func manySeries() -> Table {
        var rng = Rng(4)
        var x: [Int64?] = [], s: [String?] = [], y: [Double?] = []
        for k in 0..<60 {
            var v = Double(k)
            for h in 0..<24 { v += rng.normal(); x.append(Int64(h)); s.append("host-\(k)"); y.append(v) }
        }
        return T.table(("hour", T.longs(x)), ("host", T.strings(s)), ("load", T.reals(y)))
    }

    static func firstEvents(_ s: StormFixture) -> Table {
        let e = Array(s.events.prefix(10))
        return T.table(
            ("StartTime", Column(type: .datetime, int64s: e.map(\.start))), ("State", T.strings(e.map(\.state))),
            ("EventType", T.strings(e.map(\.type))), ("InjuriesDirect", T.longs(e.map(\.injuries))),
            ("DamageProperty", T.longs(e.map(\.damageProperty))), ("BeginLat", T.reals(e.map(\.lat))))
    }

    @Test func everyKindIsInTheGallery() {
        let kinds = Set(ChartGalleryTests.entries.map(\.request.kind))
        #expect(kinds == Set(ChartKind.allCases))
    }

    @Test(arguments: ChartGalleryTests.entries.map(\.name))
    func rendersValidSVGAndVegaLite(_ name: String) throws {
        let entry = ChartGalleryTests.entries.first { $0.name == name }!
        let model = try ChartModel(table: entry.table, request: entry.request)
        let svg = model.svg()
        let doc = SVGDocument(svg)
        #expect(doc.isValid, "\(name): \(doc.error ?? "")")
        if let title = entry.request.title { #expect(doc.title == title) }
        let vl = model.vegaLite()
        #expect((try? JSONSerialization.jsonObject(with: Data(vl.utf8))) != nil)
        if let dir = ProcessInfo.processInfo.environment["CHART_GALLERY_DIR"] {
            try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
            try svg.write(toFile: dir + "/" + name + ".svg", atomically: true, encoding: .utf8)
            try vl.write(toFile: dir + "/" + name + ".vl.json", atomically: true, encoding: .utf8)
        }
    }
}
