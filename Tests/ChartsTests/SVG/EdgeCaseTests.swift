@testable import Charts
import Columnar
import Foundation
import Testing

/// Inputs at the edges: no rows, extreme values, very long labels, very many rows, columns, series
/// and categories. Every chart is still valid SVG and JSON, of bounded size.
@Suite struct EdgeCaseTests {
    func check(
        _ table: Table, _ request: ChartRequest, maxBytes: Int = 600_000,
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws -> SVGDocument {
        let model = try ChartModel(table: table, request: request)
        let svg = model.svg()
        let doc = SVGDocument(svg)
        #expect(doc.isValid, "\(request.kind): \(doc.error ?? "")", sourceLocation: sourceLocation)
        #expect(
            svg.utf8.count < maxBytes, "\(request.kind) \(request.variant): \(svg.utf8.count) bytes",
            sourceLocation: sourceLocation)
        let vl = model.vegaLite()
        #expect(
            (try? JSONSerialization.jsonObject(with: Data(vl.utf8))) != nil, "\(request.kind)",
            sourceLocation: sourceLocation)
        return doc
    }

    @Test func noRowsForEveryKind() throws {
        // A make-series result with no rows has no arrays to tell its dynamic columns' shape by.
        for entry in ChartGalleryTests.entries where !entry.table.schema.fields.contains(where: { $0.type == .dynamic })
        {
            _ = try check(Table.empty(entry.table.schema), entry.request)
        }
        let series = Table.empty(SeriesFixture.make().schema)
        #expect(throws: ChartError.self) { try ChartModel(table: series, request: ChartRequest(kind: .timechart)) }
    }

    @Test func extremeDatetimesAndNumbers() throws {
        let t = T.table(
            ("t", Column(type: .datetime, int64s: [Int64.min, 0, Int64.max])), ("v", T.reals([-1e300, 0, 1e300])),
            ("s", T.strings(["a", "b", "c"])))
        for kind in [
            ChartKind.timechart, .linechart, .areachart, .columnchart, .barchart, .scatterchart, .stackedareachart,
        ] {
            _ = try check(t, ChartRequest(kind: kind))
            _ = try check(t, ChartRequest(kind: kind, yAxis: .log))
        }
        let spans = T.table(
            ("a", T.strings(["x"])), ("s", Column(type: .datetime, int64s: [Int64.min])),
            ("e", Column(type: .datetime, int64s: [Int64.max])))
        _ = try check(spans, ChartRequest(kind: .ladderchart))
        _ = try check(spans, ChartRequest(kind: .timepivot))
        let single = T.table(("t", T.dates(["2007-01-01"])), ("v", T.reals([5])))
        _ = try check(single, ChartRequest(kind: .timechart))
        _ = try check(single, ChartRequest(kind: .columnchart))
        _ = try check(single, ChartRequest(kind: .timechart, yMin: 10, yMax: 1))
    }

    @Test func allNullsAndNonPositiveOnLog() throws {
        let t = T.table(("x", T.longs([1, 2, 3])), ("y", T.reals([nil, nil, nil])))
        let doc = try check(t, ChartRequest(kind: .linechart))
        #expect(doc.texts("note") == ["no values to draw"])
        let neg = T.table(("x", T.longs([1, 2])), ("y", T.reals([-1, 0])))
        _ = try check(neg, ChartRequest(kind: .columnchart, yAxis: .log))
        _ = try check(neg, ChartRequest(kind: .piechart))
        #expect(throws: ChartError.self) { try ChartModel(table: neg, request: ChartRequest(kind: .treemap)) }
    }

    @Test func veryLongLabels() throws {
        let long = String(repeating: "Thunderstorm Wind ", count: 6000)
        let t = T.table(("s", T.strings([long, "b"])), ("n", T.longs([1, 2])))
        for kind in [ChartKind.columnchart, .barchart, .piechart, .treemap, .table, .card, .pivotchart, .linechart] {
            _ = try check(t, ChartRequest(kind: kind, title: long))
        }
    }

    @Test func manyCategoriesAndSeries() throws {
        let n = 20_000
        let t = T.table(
            ("s", T.strings((0..<n).map { "category \($0)" })), ("n", T.longs((0..<n).map { Int64($0 % 97) })))
        for kind in [ChartKind.columnchart, .barchart, .piechart, .treemap, .pivotchart, .linechart, .table] {
            _ = try check(t, ChartRequest(kind: kind), maxBytes: 1_500_000)
        }
        let series = T.table(
            ("x", T.longs((0..<n).map { Int64($0 % 10) })), ("s", T.strings((0..<n).map { "s\($0 / 10)" })),
            ("n", T.longs((0..<n).map { Int64($0) })))
        let pivot = ChartRequest(kind: .pivotchart, xColumn: "x", series: ["s"])
        _ = try check(series, pivot, maxBytes: 1_500_000)
        guard case .pivot(let p) = try ChartModel(table: series, request: pivot).content else { return }
        #expect(p.columnLabels.count == PivotChart.maxColumns && p.columnLabels.last == PivotChart.otherColumn)
    }

    @Test func manyEventsAndColumns() throws {
        let n = 50_000
        let start = T.nanos("2007-01-01")
        let t = T.table(
            ("StartTime", Column(type: .datetime, int64s: (0..<n).map { start + Int64($0) * 60_000_000_000 })),
            ("State", T.strings((0..<n).map { "S\($0 % 70)" })))
        let doc = try check(t, ChartRequest(kind: .timepivot), maxBytes: 800_000)
        #expect(doc.texts("note").first?.contains("30 more lanes") == true)
        let wide = Table((0..<2000).map { ("c\($0)", T.longs([Int64($0)])) })
        _ = try check(wide, ChartRequest(kind: .table))
        _ = try check(wide, ChartRequest(kind: .card))
        _ = try check(wide, ChartRequest(kind: .linechart))
    }
}
