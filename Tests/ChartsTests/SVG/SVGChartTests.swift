@testable import Charts
import Columnar
import Foundation
import Testing

/// SVG output: valid XML, with the series, axes, labels, legend and title the model says.
@Suite struct SVGChartTests {
    let storms = StormFixture()

    func svg(
        _ table: Table, _ kind: ChartKind, style: ChartStyle = ChartStyle(),
        _ configure: (inout ChartRequest) -> Void = { _ in }
    ) throws -> (String, SVGDocument) {
        var r = ChartRequest(kind: kind)
        configure(&r)
        let text = try ChartModel(table: table, request: r).svg(style: style)
        let doc = SVGDocument(text)
        #expect(doc.isValid, "\(doc.error ?? "")")
        return (text, doc)
    }

    @Test func timechartHasTitleAxesSeriesAndLegend() throws {
        let (_, doc) = try svg(storms.dailyCountByState(type: nil), .timechart) {
            $0.title = "Crop damage over time"; $0.xTitle = "Date"; $0.yTitle = "Crop damage"
        }
        #expect(doc.title == "Crop damage over time")
        #expect(doc.root?.attributes["viewBox"] == "0 0 800 450")
        #expect(Set(doc.seriesNames) == ["TEXAS", "KANSAS", "NEBRASKA"])
        #expect(Set(doc.legend) == ["TEXAS", "KANSAS", "NEBRASKA"])
        #expect(doc.texts("axis-title") == ["Crop damage", "Date"])
        // A year of daily bins: month ticks on the x axis, the year named once.
        let xTicks = doc.texts("tick", within: "x")
        #expect(xTicks.contains("Apr") || xTicks.contains("Apr 2007"))
        #expect(xTicks.contains { $0.contains("2007") })
        // Numbers on the y axis, starting at a round value.
        let yTicks = doc.texts("tick", within: "y")
        #expect(yTicks.count >= 3 && yTicks.allSatisfy { Double($0.replacingOccurrences(of: ",", with: "")) != nil })
        // One path per series (no nulls in the data).
        #expect(doc.all("path").filter { $0.ancestors.contains("g") && $0.classes.contains("series") }.count >= 3)
    }

    @Test func legendHiddenLeavesNoLegend() throws {
        let (_, doc) = try svg(storms.countByState(), .columnchart) { $0.legend = .hidden }
        #expect(doc.all("g", class: "legend").isEmpty)
    }

    @Test func nullsBreakLines() throws {
        let t = T.table(("x", T.longs([1, 2, 3, 4, 5, 6])), ("y", T.reals([1, 2, nil, 4, 5, nil])))
        let (_, doc) = try svg(t, .linechart)
        let paths = doc.all("path").filter { $0.classes.contains("series") }
        #expect(paths.count == 2)
        #expect(paths.allSatisfy { ($0.attributes["d"] ?? "").filter { $0 == "M" }.count == 1 })
    }

    @Test func thousandsOfPointsStaySmall() throws {
        // A day of seconds: 86,400 points.
        let n = 86_400
        let start = T.nanos("2024-01-01")
        var rng = Rng(1)
        var walk = 0.0
        let values = (0..<n).map { _ -> Double? in
            walk += rng.normal(); return walk
        }
        let t = T.table(
            ("Timestamp", Column(type: .datetime, int64s: (0..<n).map { start + Int64($0) * 1_000_000_000 })),
            ("Value", T.reals(values)))
        let (text, doc) = try svg(t, .timechart)
        #expect(text.utf8.count < 120_000, "\(text.utf8.count) bytes")
        let d = doc.all("path").first { $0.classes.contains("series") }?.attributes["d"] ?? ""
        let vertices = d.filter { $0 == "L" }.count + 1
        #expect(vertices > 500 && vertices < 4 * 800)
        // Hours on the x axis for a day.
        #expect(doc.texts("tick", within: "x").contains { $0.hasSuffix(":00") })
        let scatter = try svg(t, .scatterchart).0
        #expect(scatter.utf8.count < 1_500_000)
    }

    @Test func manySeriesOverflowTheLegend() throws {
        // 60 series of 6 points each.
        let names = (0..<360).map { "series \($0 / 6)" }
        let t = T.table(
            ("x", T.longs((0..<360).map { Int64($0 % 6) })), ("s", T.strings(names)),
            ("y", T.longs((0..<360).map(Int64.init))))
        let (_, doc) = try svg(t, .linechart)
        #expect(doc.seriesNames.count == 60)
        let shown = doc.legend.count
        #expect(shown < 60 && shown > 10)
        #expect(doc.texts("legend-more") == ["+\(60 - shown) more"])
        // Colours repeat as tints, lines change dash after the palette's eight colours.
        let strokes = Set(
            doc.all("path").filter { $0.classes.contains("series") }.compactMap { $0.attributes["stroke"] })
        #expect(strokes.count >= 8 * 2)
    }

    @Test func columnsStackedAndGrouped() throws {
        let t = storms.countByTypeAndState()
        let (_, grouped) = try svg(t, .columnchart)
        let (_, stacked) = try svg(t, .columnchart) { $0.variant = .stacked }
        let (_, full) = try svg(t, .barchart) { $0.variant = .stacked100 }
        #expect(Set(grouped.seriesNames) == ["TEXAS", "CALIFORNIA", "FLORIDA"])
        func bars(_ d: SVGDocument) -> [SVGDocument.Element] { d.all("rect").filter { $0.classes.contains("series") } }
        #expect(bars(grouped).count == t.rowCount && bars(stacked).count >= t.rowCount)
        // Grouped columns are narrower than stacked ones.
        let gw = bars(grouped).compactMap { Double($0.attributes["width"] ?? "") }.max() ?? 0
        let sw = bars(stacked).compactMap { Double($0.attributes["width"] ?? "") }.max() ?? 0
        #expect(gw * 2 < sw)
        // stacked100 runs its value axis to 100.
        #expect(full.texts("tick", within: "y").last == "100")
        // The category labels are the event types.
        #expect(Set(full.texts("tick", within: "x")).isSubset(of: Set(StormFixture.types)))
    }

    @Test func logAxisShowsDecades() throws {
        let t = T.table(("rows", T.longs([1_000, 10_000, 100_000, 1_000_000])), ("gbps", T.reals([0.02, 0.4, 3, 9])))
        let (_, doc) = try svg(t, .linechart) {
            $0.xAxis = .log; $0.yAxis = .log
        }
        #expect(doc.texts("tick", within: "x") == ["1k", "10k", "100k", "1M"])
        #expect(doc.texts("tick", within: "y") == ["0.01", "0.1", "1", "10"])
        let zero = T.table(("x", T.longs([1, 2])), ("y", T.reals([0, 5])))
        #expect(
            try svg(zero, .linechart) { $0.yAxis = .log }.1.texts("note") == [
                "1 values of zero or less are not shown on the log axis"
            ])
    }

    @Test func yminAndYmaxBoundTheAxis() throws {
        let (_, doc) = try svg(storms.virginiaDamage(), .linechart) {
            $0.yMin = 7000; $0.yMax = 300_000
        }
        let ticks = doc.texts("tick", within: "y")
        #expect(ticks.first == "50k" || ticks.first == "7,000" || ticks.first?.hasSuffix("k") == true)
        #expect(ticks.last == "300k")
    }

    @Test func panelsAndAxes() throws {
        let (_, panels) = try svg(storms.dailyCountByState(type: nil), .timechart) { $0.ySplit = .panels }
        #expect(Set(panels.texts("panel-title")) == ["TEXAS", "KANSAS", "NEBRASKA"])
        #expect(panels.all("g", class: "plot").count == 3)
        let (_, axes) = try svg(storms.weeklyInjuriesAndDeaths(), .columnchart) { $0.ySplit = .axes }
        #expect(axes.texts("axis-title").contains("TotalInjuries") && axes.texts("axis-title").contains("TotalDeaths"))
        #expect(axes.all("g", class: "y").count == 2)
    }

    @Test func anomaliesAreMarked() throws {
        let (_, doc) = try svg(SeriesFixture.make(), .anomalychart) { $0.anomalyColumns = ["anomalies"] }
        let marks = doc.all("polygon").filter { $0.classes.contains("anomalies") }
        #expect(marks.count == 4)
        #expect(doc.legend.contains("anomalies"))
    }

    @Test func pieHasLabelledSlices() throws {
        let (_, doc) = try svg(storms.countByState(), .piechart) { $0.title = "Storm Events by State" }
        let slices = doc.elements.filter { ($0.attributes["class"] ?? "") == "slice" }
        #expect(slices.count == StormFixture.states.count)
        #expect(doc.texts("slice-label").contains { $0.hasPrefix("TEXAS (") && $0.hasSuffix("%)") })
    }

    @Test func mapHasLongitudeLatitudeAxes() throws {
        let (_, doc) = try svg(storms.locations(), .scatterchart) { $0.variant = .map }
        #expect(
            doc.texts("tick", within: "longitude").allSatisfy { $0.hasSuffix("W") || $0.hasSuffix("E") || $0 == "0°" })
        #expect(
            doc.texts("tick", within: "latitude").allSatisfy { $0.hasSuffix("N") || $0.hasSuffix("S") || $0 == "0°" })
        #expect(Set(doc.seriesNames).isSubset(of: Set(StormFixture.types)))
    }

    @Test func cardShowsOneBigValue() throws {
        let (_, doc) = try svg(T.table(("Count", T.longs([12345]))), .card) { $0.title = "Floods in Virginia" }
        #expect(doc.texts("card-value") == ["12,345"])
        #expect(doc.texts("card-label") == ["Count"])
    }

    @Test func tableIsAnSVGTable() throws {
        let t = T.table(("State", T.strings(["TEXAS", "IOWA"])), ("n", T.longs([3, 40])))
        let (_, doc) = try svg(t, .table)
        #expect(doc.texts("header") == ["State", "n"])
        #expect(doc.texts("cell") == ["TEXAS", "3", "IOWA", "40"])
    }

    @Test func ladderAndTimePivotLanes() throws {
        let (_, ladder) = try svg(storms.rainSpansByState(), .ladderchart)
        #expect(ladder.all("rect", class: "interval").count == storms.rainSpansByState().rowCount)
        let (_, pivot) = try svg(storms.floods(), .timepivot) { $0.series = ["State"] }
        // Events that touch on screen share a mark; the lane labels count them all.
        #expect(pivot.all("rect", class: "interval").count <= storms.floods().rowCount)
        let counts = pivot.texts("tick", within: "lanes").compactMap {
            Int($0.split(separator: "(").last?.dropLast() ?? "")
        }
        #expect(counts.reduce(0, +) == storms.floods().rowCount)
    }

    @Test func treemapAndPivotchart() throws {
        let (_, tree) = try svg(storms.countByTypeAndState(), .treemap)
        #expect(tree.all("rect", class: "leaf").count == storms.countByTypeAndState().rowCount)
        // Names too long for their rectangle are cut with an ellipsis.
        #expect(
            tree.texts("group-label").allSatisfy { label in
                StormFixture.types.contains { $0.hasPrefix(label.replacingOccurrences(of: "…", with: "")) }
            })
        let t = T.table(
            ("SalesAmount", T.reals([10, 5, 7])), ("ProductName", T.strings(["Contoso A", "Contoso B", "Contoso A"])))
        let (_, pivot) = try svg(t, .pivotchart)
        #expect(pivot.texts("header").prefix(2) == ["ProductName", "SalesAmount"])
        #expect(pivot.texts("cell").prefix(2) == ["Contoso A", "17"])
        #expect(pivot.all("rect").contains { $0.classes.contains("series") })
    }

    @Test func textIsEscaped() throws {
        let t = T.table(("name", T.strings(["<a & \"b\">", "\u{1}ctl"])), ("n", T.longs([1, 2])))
        let (text, doc) = try svg(t, .columnchart) { $0.title = "x < y & z" }
        #expect(doc.title == "x < y & z")
        #expect(!text.contains("\u{1}"))
    }

    @Test func styleColoursAndDashes() throws {
        let t = T.table(("x", T.longs([1, 2])), ("s", T.strings(["sandpiper", "sandpiper"])), ("y", T.reals([1, 2])))
        let style = ChartStyle(
            width: 640, height: 380, seriesColors: ["sandpiper": "#d62728"], dashedSeries: ["sandpiper"],
            pointMarkers: true)
        let (_, doc) = try svg(t, .linechart, style: style)
        let path = doc.all("path").first { $0.classes.contains("series") }
        #expect(path?.attributes["stroke"] == "#d62728" && path?.attributes["stroke-dasharray"] == "6 3")
        #expect(doc.all("circle").filter { $0.classes.contains("series") }.count == 2)
        #expect(doc.root?.attributes["width"] == "640")
    }
}
