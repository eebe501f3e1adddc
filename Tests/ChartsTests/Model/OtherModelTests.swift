@testable import Charts
import Columnar
import Testing

/// The chart model of the visualizations that are not over an x axis, against their pages.
@Suite struct OtherModelTests {
    func model(_ table: Table, _ kind: ChartKind, _ configure: (inout ChartRequest) -> Void = { _ in }) throws
        -> ChartModel
    {
        var r = ChartRequest(kind: kind)
        configure(&r)
        return try ChartModel(table: table, request: r)
    }

    func failure(_ table: Table, _ kind: ChartKind, _ configure: (inout ChartRequest) -> Void = { _ in }) -> ChartError?
    {
        do { _ = try model(table, kind, configure); return nil } catch let e as ChartError { return e } catch {
            return nil
        }
    }

    @Test func pieFirstColumnIsTheColourAxis() throws {
        // piechart.md: `summarize statecount=count() by State | sort by statecount | limit 10 | render piechart`.
        let t = T.table(
            ("State", T.strings(["TEXAS", "KANSAS", "IOWA", "OHIO"])), ("statecount", T.longs([40, 30, 0, 10])))
        let m = try model(t, .piechart)
        #expect(m.xColumn == "State" && m.yColumns == ["statecount"])
        guard case .pie(let p) = m.content else { Issue.record("not a pie"); return }
        #expect(p.pies.count == 1)
        #expect(p.pies[0].slices.map(\.label) == ["TEXAS", "KANSAS", "OHIO"])
        #expect(p.pies[0].slices.map(\.value) == [40, 30, 10])
        #expect(p.pies[0].omitted == 1)
    }

    @Test func pieSlicesAreNamedByTheOtherStringColumnsToo() throws {
        let t = T.table(
            ("EventType", T.strings(["Hail", "Hail", "Flood"])), ("State", T.strings(["TEXAS", "IOWA", "TEXAS"])),
            ("n", T.longs([5, 3, 2])), ("m", T.reals([1, 2, 3])))
        let m = try model(t, .piechart)
        #expect(m.seriesColumns == ["State"] && m.yColumns == ["n", "m"])
        guard case .pie(let p) = m.content else { Issue.record("not a pie"); return }
        #expect(p.pies.map(\.yColumn) == ["n", "m"])
        #expect(p.pies[0].slices.map(\.label) == ["Hail, TEXAS", "Hail, IOWA", "Flood, TEXAS"])
    }

    @Test func scatterMapFromLongitudeLatitude() throws {
        // geospatial-visualizations.md: `project BeginLon, BeginLat, EventType | render scatterchart with (kind = map)`.
        let t = T.table(
            ("BeginLon", T.reals([-99, -93.5, 200])), ("BeginLat", T.reals([31, 42, 10])),
            ("EventType", T.strings(["Hail", "Flood", "Hail"])))
        let m = try model(t, .scatterchart) { $0.variant = .map }
        #expect(m.xColumn == "BeginLon" && m.yColumns == ["BeginLat"] && m.seriesColumns == ["EventType"])
        guard case .map(let map) = m.content else { Issue.record("not a map"); return }
        #expect(map.mark == .point)
        // A longitude of 200 is not on the globe.
        #expect(map.places.map(\.longitude) == [-99, -93.5])
        #expect(map.seriesNames == ["Hail", "Flood"])
        // Explicit columns: xcolumn is the longitude, ycolumns the latitude.
        let e = try model(t, .scatterchart) {
            $0.variant = .map; $0.xColumn = "BeginLon"; $0.yColumns = ["BeginLat"]; $0.series = ["EventType"]
        }
        #expect(e.xColumn == "BeginLon" && e.yColumns == ["BeginLat"])
        #expect(
            failure(t, .scatterchart) {
                $0.variant = .map; $0.xColumn = "EventType"; $0.yColumns = ["BeginLat"]
            }?.code == .chartColumnType)
    }

    @Test func mapFromGeoJSONPointsAndPies() throws {
        // geospatial-visualizations.md: `project geo_s2cell_to_central_point(hash), EventType, count_ | render piechart with (kind = map)`.
        let t = T.table(
            ("point", T.dynamics([T.point(-81.4, 28.5), T.point(-81.4, 28.5), T.point(-80, 27)])),
            ("EventType", T.strings(["Hail", "Flood", "Hail"])), ("count_", T.longs([3, 1, 2])))
        let m = try model(t, .piechart) { $0.variant = .map }
        #expect(m.xColumn == "point" && m.seriesColumns == ["EventType"] && m.yColumns == ["count_"])
        guard case .map(let map) = m.content else { Issue.record("not a map"); return }
        #expect(map.mark == .pie)
        #expect(map.places.map(\.value) == [3, 1, 2])
        #expect(map.places[0].longitude == -81.4 && map.places[0].latitude == 28.5)
        let none = T.table(("a", T.strings(["x"])), ("b", T.longs([1])))
        #expect(failure(none, .scatterchart) { $0.variant = .map }?.code == .chartColumnType)
    }

    @Test func cardShowsTheFirstRow() throws {
        // card.md: `... | count | render card with (title="Floods in Virginia")`.
        let t = T.table(("Count", T.longs([32, 7])), ("Label", T.strings(["a", "b"])))
        guard case .card(let c) = try model(t, .card).content else { Issue.record("not a card"); return }
        #expect(c.fields.map(\.name) == ["Count", "Label"])
        #expect(c.fields.map(\.value) == [.long(32), .string("a")])
        guard case .card(let empty) = try model(Table.empty(t.schema), .card).content else { return }
        #expect(empty.fields.isEmpty)
    }

    @Test func tableKeepsTheFirstRows() throws {
        let n = TableChart.maxRows + 20
        let t = T.table(
            ("i", T.longs((0..<Int64(n)).map { $0 })), ("s", T.strings((0..<n).map { $0 % 2 == 0 ? "even" : nil })))
        guard case .table(let c) = try model(t, .table).content else { Issue.record("not a table"); return }
        #expect(c.rows.count == TableChart.maxRows && c.totalRows == n)
        #expect(c.rows[1] == ["1", ""])
    }

    @Test func ladderLastTwoColumnsAreTheInterval() throws {
        // ladderchart.md: `summarize min(StartTime), max(EndTime) by State, EventType | render ladderchart with (series=State, EventType)`.
        let t = T.table(
            ("State", T.strings(["WASHINGTON", "WISCONSIN"])), ("EventType", T.strings(["Flood", "Hail"])),
            ("min_StartTime", T.dates(["2007-01-01", "2007-03-01"])),
            ("max_EndTime", T.dates(["2007-02-01", "2007-04-01"])))
        let m = try model(t, .ladderchart) { $0.series = ["State", "EventType"] }
        #expect(
            m.xColumn == "min_StartTime" && m.yColumns == ["State", "EventType"]
                && m.seriesColumns == ["State", "EventType"])
        guard case .ladder(let l) = m.content else { Issue.record("not a ladder"); return }
        #expect(l.xValues == .datetime && l.endColumn == "max_EndTime")
        #expect(l.rungs.map(\.label) == ["WASHINGTON, Flood", "WISCONSIN, Hail"])
        #expect(l.rungs[0].start == Double(T.nanos("2007-01-01")) && l.rungs[0].end == Double(T.nanos("2007-02-01")))
        #expect(l.seriesNames == ["WASHINGTON, Flood", "WISCONSIN, Hail"])
        let bad = T.table(("State", T.strings(["A"])), ("n", T.longs([1])), ("t", T.dates(["2007-01-01"])))
        #expect(failure(bad, .ladderchart)?.code == .chartColumnType)
    }

    @Test func timePivotLanesBySeries() throws {
        // timepivot.md: `where EventType == "Flood" and State in (midwesternStates) | render timepivot with (series=State)`.
        let t = StormFixture().floods()
        let m = try model(t, .timepivot) { $0.series = ["State"] }
        #expect(m.xColumn == "StartTime" && m.seriesColumns == ["State"])
        guard case .timePivot(let p) = m.content else { Issue.record("not a time pivot"); return }
        #expect(p.endColumn == "EndTime")
        #expect(p.lanes.reduce(0) { $0 + $1.events.count } == t.rowCount)
        #expect(Set(p.lanes.map(\.label)).count == p.lanes.count)
        // Without series, the first string column.
        #expect(try model(t, .timepivot).seriesColumns == ["State"])
        #expect(failure(T.table(("n", T.longs([1]))), .timepivot)?.code == .chartColumnType)
    }

    @Test func pivotSumsByTheFirstStringColumn() throws {
        // pivotchart.md: `project SalesAmount, ProductName, DateKey | render pivotchart`.
        let t = T.table(
            ("SalesAmount", T.reals([10, 5, 7])), ("ProductName", T.strings(["Contoso A", "Contoso B", "Contoso A"])),
            ("DateKey", T.dates(["2007-01-01", "2007-01-02", "2007-01-03"])))
        let m = try model(t, .pivotchart)
        #expect(m.xColumn == "ProductName" && m.yColumns == ["SalesAmount"])
        guard case .pivot(let p) = m.content else { Issue.record("not a pivot"); return }
        #expect(p.rowLabels == ["Contoso A", "Contoso B"] && p.columnLabels == ["SalesAmount"])
        #expect(p.cells == [[17], [5]])
        let s = try model(t, .pivotchart) { $0.series = ["DateKey"] }
        guard case .pivot(let q) = s.content else { return }
        #expect(q.columnLabels.count == 3 && q.cells[1] == [nil, 5, nil])
    }

    @Test func treemapLevelsAreTheStringColumns() throws {
        // treemap.md: `summarize StormEvents=count() by EventType, State | sort by StormEvents | limit 30 | render treemap`.
        let t = T.table(
            ("EventType", T.strings(["Hail", "Hail", "Flood", "Flood"])),
            ("State", T.strings(["TEXAS", "IOWA", "TEXAS", "TEXAS"])),
            ("StormEvents", T.longs([10, 4, 3, 2])))
        let m = try model(t, .treemap)
        #expect(m.seriesColumns == ["EventType", "State"] && m.yColumns == ["StormEvents"])
        guard case .treemap(let tm) = m.content else { Issue.record("not a treemap"); return }
        #expect(tm.leaves.map(\.path) == [["Hail", "TEXAS"], ["Hail", "IOWA"], ["Flood", "TEXAS"]])
        #expect(tm.leaves.map(\.value) == [10, 4, 5])
        #expect(failure(T.table(("a", T.strings(["x"]))), .treemap)?.code == .chartColumnType)
        #expect(failure(T.table(("n", T.longs([1]))), .treemap)?.code == .chartColumnType)
    }
}
