@testable import Charts
import Columnar
import Testing

/// The chart model of the charts over an x axis, per kind and property, against render-operator.md
/// and the visualization pages: x is `xcolumn` or the first column that works for the kind, series
/// are `series` plus the other non-numeric columns, y are `ycolumns` or the remaining numeric columns.
@Suite struct XYModelTests {
    func model(_ table: Table, _ kind: ChartKind, _ configure: (inout ChartRequest) -> Void = { _ in }) throws
        -> ChartModel
    {
        var r = ChartRequest(kind: kind)
        configure(&r)
        return try ChartModel(table: table, request: r)
    }

    func xy(_ m: ChartModel) -> XYChart {
        guard case .xy(let c) = m.content else { Issue.record("not an x-y chart"); return XYChart.empty }
        return c
    }

    func failure(_ table: Table, _ kind: ChartKind, _ configure: (inout ChartRequest) -> Void = { _ in }) -> ChartError?
    {
        do { _ = try model(table, kind, configure); return nil } catch let e as ChartError { return e } catch {
            return nil
        }
    }

    // A result like `summarize count() by State, bin(StartTime, 1d)` with a second string column.
    let daily = T.table(
        ("State", T.strings(["TEXAS", "KANSAS", "TEXAS", "KANSAS"])),
        ("Source", T.strings(["Public", "Public", "Mesonet", "Public"])),
        ("StartTime", T.dates(["2007-01-02", "2007-01-01", "2007-01-01", "2007-01-02"])),
        ("count_", T.longs([3, 1, 2, 5])), ("total", T.reals([1.5, 2, 3, 4])))

    @Test func timechartTakesTheFirstDatetimeAndOneStringColumn() throws {
        // timechart.md: x is the datetime; "One string column values are used to group ...
        // Other string columns are ignored."; other numeric columns are y axes.
        let m = try model(daily, .timechart)
        #expect(m.xColumn == "StartTime")
        #expect(m.seriesColumns == ["State"])
        #expect(m.yColumns == ["count_", "total"])
        #expect(m.ignoredColumns == ["Source"])
        let c = xy(m)
        #expect(c.xValues == .datetime && c.mark == .line)
        #expect(c.series.map(\.name) == ["TEXAS: count_", "TEXAS: total", "KANSAS: count_", "KANSAS: total"])
        // Points in x order (the rows are not).
        let texas = c.series[0]
        #expect(texas.points.map(\.x) == [Double(T.nanos("2007-01-01")), Double(T.nanos("2007-01-02"))])
        #expect(texas.points.map(\.y) == [2, 3])
    }

    @Test func timechartNeedsADatetime() {
        let t = T.table(("State", T.strings(["A"])), ("n", T.longs([1])))
        #expect(failure(t, .timechart)?.code == .chartColumnType)
        #expect(failure(t, .anomalychart)?.code == .chartColumnType)
        #expect(failure(daily, .timechart) { $0.xColumn = "count_" }?.code == .chartColumnType)
    }

    @Test func namedColumnsMustExist() {
        #expect(failure(daily, .timechart) { $0.yColumns = ["count"] }?.code == .chartColumn)
        #expect(failure(daily, .linechart) { $0.xColumn = "Start" }?.code == .chartColumn)
        #expect(failure(daily, .columnchart) { $0.series = ["state"] }?.code == .chartColumn)
        #expect(failure(daily, .timechart) { $0.yColumns = ["State"] }?.code == .chartColumnType)
    }

    @Test func declaredColumnsOverrideTheDefaults() throws {
        let m = try model(daily, .linechart) {
            $0.xColumn = "StartTime"; $0.yColumns = ["total"]; $0.series = ["Source"]
        }
        #expect(m.xColumn == "StartTime")
        #expect(m.yColumns == ["total"])
        // Declared series first, then the other non-numeric columns.
        #expect(m.seriesColumns == ["Source", "State"])
        #expect(m.ignoredColumns == ["count_"])
        #expect(xy(m).series.first?.name == "Public, TEXAS")
    }

    @Test func linechartTakesTheFirstContinuousColumn() throws {
        // linechart.md's example: `project StartTime, DamageProperty | render linechart`.
        let t = T.table(("StartTime", T.dates(["2007-01-03", "2007-01-01"])), ("DamageProperty", T.longs([5000, 0])))
        let m = try model(t, .linechart)
        #expect(m.xColumn == "StartTime" && m.yColumns == ["DamageProperty"] && m.seriesColumns.isEmpty)
        #expect(xy(m).series.map(\.name) == ["DamageProperty"])
        // The first column when it is a number.
        let n = T.table(("x", T.longs([1, 2])), ("y", T.reals([2, 4])))
        #expect(try model(n, .linechart).xColumn == "x")
        #expect(try model(n, .scatterchart).xColumn == "x")
        #expect(try model(n, .areachart).xColumn == "x")
    }

    @Test func theOnlyNumberIsNotTakenForX() throws {
        // `summarize count() by State | render linechart`: the count is plotted over the states.
        let t = T.table(("State", T.strings(["TEXAS", "IOWA"])), ("n", T.longs([3, 4])))
        let m = try model(t, .linechart)
        #expect(m.xColumn == "State" && m.yColumns == ["n"])
        #expect(xy(m).xValues == .category && xy(m).categories == ["TEXAS", "IOWA"])
    }

    @Test func columnchartTakesTheFirstColumnAsIs() throws {
        // columnchart.md: `summarize event_count=count() by State | render columnchart`.
        let t = T.table(("State", T.strings(["TEXAS", "IOWA", "OHIO"])), ("event_count", T.longs([30, 12, 11])))
        let m = try model(t, .columnchart)
        #expect(m.xColumn == "State" && m.yColumns == ["event_count"])
        let c = xy(m)
        #expect(c.mark == .column && c.xValues == .category && c.categories == ["TEXAS", "IOWA", "OHIO"])
        #expect(c.series[0].points.map(\.y) == [30, 12, 11])
        #expect(xy(try model(t, .barchart)).mark == .bar)
    }

    @Test func columnsOverNumbersAreCategoriesInOrder() throws {
        let t = T.table(("rows", T.longs([1_000_000, 1000, 10_000])), ("gbps", T.reals([3, 1, 2])))
        let c = xy(try model(t, .columnchart))
        #expect(c.xValues == .category && c.categories == ["1,000", "10,000", "1,000,000"])
        #expect(c.series[0].points == [ChartPoint(x: 2, y: 3), ChartPoint(x: 0, y: 1), ChartPoint(x: 1, y: 2)])
        // Lines over numbers keep a number axis.
        #expect(xy(try model(t, .linechart)).xValues == .number)
    }

    @Test func splitByColumnNamesSeriesByTheirKeyAlone() throws {
        // One panel per measured column: the panel names the column, a series keeps its name (and colour) across panels.
        let t = T.table(
            ("rows", T.longs([1, 2, 1, 2])), ("method", T.strings(["a", "a", "b", "b"])),
            ("to_df", T.reals([1, 2, 3, 4])), ("from_df", T.reals([5, 6, 7, 8])))
        let split = xy(try model(t, .linechart) { $0.ySplit = .panels })
        #expect(split.series.map(\.name) == ["a", "a", "b", "b"])
        #expect(split.series.map(\.panel) == [0, 1, 0, 1])
        #expect(split.panels == ["to_df", "from_df"])
        let one = xy(try model(t, .linechart))
        #expect(one.series.map(\.name) == ["a: to_df", "a: from_df", "b: to_df", "b: from_df"])
    }

    @Test func stackedBarchartSeriesAreTheOtherStringColumn() throws {
        // barchart.md: `summarize EventCount = count() by EventType, State | render barchart with (kind=stacked)`.
        let t = T.table(
            ("EventType", T.strings(["Hail", "Hail", "Flood"])), ("State", T.strings(["TEXAS", "FLORIDA", "TEXAS"])),
            ("EventCount", T.longs([10, 4, 2])))
        let m = try model(t, .barchart) { $0.variant = .stacked }
        #expect(m.xColumn == "EventType" && m.seriesColumns == ["State"] && m.yColumns == ["EventCount"])
        let c = xy(m)
        #expect(c.stacking == .stacked && c.categories == ["Hail", "Flood"])
        #expect(c.series.map(\.name) == ["TEXAS", "FLORIDA"])
        #expect(c.series[0].points == [ChartPoint(x: 0, y: 10), ChartPoint(x: 1, y: 2)])
        #expect(xy(try model(t, .columnchart) { $0.variant = .stacked100 }).stacking == .stacked100)
        #expect(xy(try model(t, .columnchart) { $0.variant = .unstacked }).stacking == XYChart.Stacking.none)
        #expect(xy(try model(t, .areachart) { $0.variant = .stacked }).stacking == .stacked)
        // stackedareachart stacks without asking.
        let s = T.table(("t", T.longs([1, 2])), ("a", T.longs([1, 2])), ("b", T.longs([3, 4])))
        #expect(xy(try model(s, .stackedareachart)).stacking == .stacked)
        #expect(xy(try model(s, .linechart) { $0.variant = .stacked }).stacking == XYChart.Stacking.none)
    }

    @Test func stackedareachartWithDeclaredXAndSeries() throws {
        // stackedareachart.md: `summarize count() by passenger_count, bin(pickup_datetime, 2d)
        //   | render stackedareachart with (xcolumn=pickup_datetime, series=passenger_count)`.
        let t = T.table(
            ("passenger_count", T.longs([1, 2, 1])),
            ("pickup_datetime", T.dates(["2014-01-01", "2014-01-01", "2014-01-03"])),
            ("count_", T.longs([100, 40, 120])))
        let m = try model(t, .stackedareachart) {
            $0.xColumn = "pickup_datetime"; $0.series = ["passenger_count"]
        }
        #expect(m.xColumn == "pickup_datetime" && m.seriesColumns == ["passenger_count"] && m.yColumns == ["count_"])
        #expect(xy(m).series.map(\.name) == ["1", "2"])
    }

    @Test func accumulateAddsEachValueToItsPredecessors() throws {
        let t = T.table(("x", T.longs([3, 1, 2, 4])), ("y", T.reals([30, 10, nil, 5])))
        let c = xy(try model(t, .linechart) { $0.accumulate = true })
        // In x order: 10, (null), 30, 5 → 10, null, 40, 45.
        #expect(c.series[0].points.map(\.y) == [10, nil, 40, 45])
    }

    @Test func nullsAreGapsAndNullXIsDropped() throws {
        let t = T.table(("t", T.dates(["2007-01-01", nil, "2007-01-03"])), ("v", T.reals([1, 2, nil])))
        let c = xy(try model(t, .timechart))
        #expect(c.series[0].points.count == 2)
        #expect(c.series[0].points[1].y == nil)
    }

    @Test func ysplitPanelsOnePerSeriesOrColumn() throws {
        // linechart.md: `summarize count() by State, bin(StartTime, 1d) | render linechart with (ysplit=panels)`
        // draws "separate panels for each state".
        let t = StormFixture().dailyCountByState()
        let c = xy(try model(t, .linechart) { $0.ySplit = .panels })
        #expect(c.panels.count == 3 && Set(c.panels) == ["TEXAS", "KANSAS", "NEBRASKA"])
        #expect(Set(c.series.map(\.panel)) == [0, 1, 2])
        #expect(c.axes == [""])
        // columnchart.md: two y columns with ysplit=axes → one axis per column.
        let w = StormFixture().weeklyInjuriesAndDeaths()
        let a = xy(try model(w, .columnchart) { $0.ySplit = .axes })
        #expect(a.axes == ["TotalInjuries", "TotalDeaths"])
        #expect(a.series.map(\.axis) == [0, 1])
        #expect(a.panels == [""])
    }

    @Test func atMostFivePanels() throws {
        let names = (1...7).map { "S\($0)" }
        let t = T.table(
            ("t", T.longs((1...7).map(Int64.init))), ("s", T.strings(names)), ("v", T.longs((1...7).map(Int64.init))))
        let c = xy(try model(t, .linechart) { $0.ySplit = .panels })
        // render-operator.md: "Maximum five panels."
        #expect(c.panels.count == 5)
        #expect(c.panels[4] == "S5 and 2 more")
        #expect(c.series.map(\.panel) == [0, 1, 2, 3, 4, 4, 4])
    }

    @Test func makeSeriesArraysExpandIntoPoints() throws {
        // timechart.md's decomposition example charts make-series output: arrays per row.
        let t = SeriesFixture.make(sids: ["TS1", "TS2"], withAnomalies: false)
        let m = try model(t, .timechart)
        #expect(m.xColumn == "TimeStamp" && m.yColumns == ["num"] && m.seriesColumns == ["sid"])
        let c = xy(m)
        #expect(c.series.map(\.name) == ["TS1", "TS2"])
        #expect(c.series[0].points.count == SeriesFixture.count)
        #expect(c.series[0].points[1].x - c.series[0].points[0].x == Double(SeriesFixture.step))
    }

    @Test func anomalychartMarksTheFlaggedPoints() throws {
        // anomalychart.md: `extend (anomalies, score, baseline) = series_decompose_anomalies(...)
        //   | render anomalychart with(anomalycolumns=anomalies)`.
        let t = SeriesFixture.make()
        let m = try model(t, .anomalychart) { $0.anomalyColumns = ["anomalies"] }
        #expect(m.yColumns == ["num", "score", "baseline"])
        let c = xy(m)
        #expect(c.anomalyColumns == ["anomalies"])
        let num = c.series[0]
        #expect(num.yColumn == "num")
        #expect(num.anomalies.map(\.direction) == [1, -1, 1, 1])
        #expect(
            num.anomalies.map(\.x)
                == [80, 150, 200, 290].map { Double(SeriesFixture.start + Int64($0) * SeriesFixture.step) })
        #expect(c.series.dropFirst().allSatisfy { $0.anomalies.isEmpty })
        #expect(failure(t, .anomalychart) { $0.anomalyColumns = ["sid"] }?.code == .chartColumnType)
    }

    @Test func scatterchartOfTwoNumbers() throws {
        // scatterchart.md: population against damage, `project-away State`.
        let m = try model(StormFixture().damageAndPopulation(), .scatterchart)
        #expect(m.xColumn == "sum_DamageProperty" && m.yColumns == ["Population"])
        #expect(xy(m).mark == .point && xy(m).xValues == .number)
    }

    @Test func noNumbersIsAnError() {
        let t = T.table(("a", T.strings(["x"])), ("b", T.strings(["y"])))
        #expect(failure(t, .columnchart)?.code == .chartColumnType)
        #expect(failure(t, .linechart)?.code == .chartColumnType)
    }
}

extension XYChart {
    static let empty = XYChart(
        mark: .line, stacking: .none, xValues: .number, categories: [], series: [], panels: [""], axes: [""],
        anomalyColumns: [])
}
