import Charts
import Columnar
import Testing

/// `render`'s kind and `with (...)` properties, as the engine records them, read into a request.
@Suite struct ChartRequestTests {
    func request(_ kind: String, _ properties: [String: String] = [:]) throws(ChartError) -> ChartRequest {
        try ChartRequest(Visualization(kind: kind, properties: properties))
    }

    func error(_ kind: String, _ properties: [String: String] = [:]) -> ChartError? {
        do { _ = try request(kind, properties); return nil } catch { return error }
    }

    @Test func everyDocumentedKindIsKnown() throws {
        // The visualizations of render-operator.md's table.
        for name in [
            "anomalychart", "areachart", "barchart", "card", "columnchart", "ladderchart", "linechart", "piechart",
            "pivotchart", "scatterchart", "stackedareachart", "table", "timechart", "timepivot", "treemap",
        ] {
            #expect(try request(name).kind.rawValue == name)
        }
    }

    @Test func undrawnKindsAreUnsupportedAndOthersUnknown() {
        #expect(error("3Dchart")?.code == .unsupported)
        #expect(error("3Dchart")?.code.rawValue == "E_UNSUPPORTED")
        #expect(error("plotly")?.code == .unsupported)
        #expect(error("piechart3")?.code == .chartKind)
        #expect(error("piechart3")?.hint?.contains("timechart") == true)
    }

    @Test func everyPropertyIsRead() throws {
        let r = try request(
            "areachart",
            [
                "title": "Humidity and temperature", "xtitle": "Time", "ytitle": "Sample value", "xcolumn": "Timestamp",
                "ycolumns": "avg_temp, avg_humidity", "series": "State,EventType", "xaxis": "linear", "yaxis": "log",
                "ymin": "10", "ymax": "100", "legend": "hidden", "kind": "stacked100", "ysplit": "panels",
                "accumulate": "true",
            ])
        #expect(r.title == "Humidity and temperature")
        #expect(r.xTitle == "Time" && r.yTitle == "Sample value")
        #expect(r.xColumn == "Timestamp")
        #expect(r.yColumns == ["avg_temp", "avg_humidity"])
        #expect(r.series == ["State", "EventType"])
        #expect(r.xAxis == .linear && r.yAxis == .log)
        #expect(r.yMin == 10 && r.yMax == 100)
        #expect(r.legend == .hidden && r.variant == .stacked100 && r.ySplit == .panels && r.accumulate)
        #expect(r.ignoredProperties.isEmpty)
    }

    @Test func anomalyColumnsAreAList() throws {
        let r = try request(
            "anomalychart", ["anomalycolumns": "anomalies", "title": "Web app. traffic of a month, anomalies"])
        #expect(r.anomalyColumns == ["anomalies"])
    }

    @Test func badValuesAreCodedErrors() {
        #expect(error("timechart", ["yaxis": "cubic"])?.code == .chartProperty)
        #expect(error("timechart", ["yaxis": "cubic"])?.hint?.contains("linear, log") == true)
        #expect(error("timechart", ["legend": "shown"])?.code == .chartProperty)
        #expect(error("timechart", ["ysplit": "rows"])?.code == .chartProperty)
        #expect(error("columnchart", ["kind": "stacked200"])?.code == .chartProperty)
        #expect(error("timechart", ["ymin": "ten"])?.code == .chartProperty)
        #expect(error("timechart", ["accumulate": "yes"])?.code == .chartProperty)
        #expect(error("timechart", ["colour": "red"])?.code == .chartProperty)
    }

    @Test func propertiesAKindDoesNotUseAreReported() throws {
        // card.md lists only `title`; timechart.md has no `kind`; scatterchart.md's kind is only `map`.
        #expect(
            try request("card", ["title": "Floods in Virginia", "ycolumns": "Count"]).ignoredProperties == [.ycolumns])
        #expect(try request("timechart", ["kind": "stacked"]).ignoredProperties == [.kind])
        #expect(try request("scatterchart", ["kind": "stacked"]).ignoredProperties == [.kind])
        #expect(try request("scatterchart", ["kind": "map"]).ignoredProperties.isEmpty)
        #expect(try request("columnchart", ["kind": "stacked", "ysplit": "axes"]).ignoredProperties.isEmpty)
    }
}
