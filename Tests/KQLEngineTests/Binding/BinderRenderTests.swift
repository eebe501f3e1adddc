import Columnar
import KQLEngine
import KQLSyntax
import Testing

/// `render`: what it records on the result (its errors are in conformance/engine/operators/render.kqltest).
@Suite struct BinderRenderTests {
    func visualization(_ query: String) throws -> Visualization? {
        try Engine(database: InMemoryDatabase()).execute(query).tables.last?.table.visualization
    }

    /// render-operator.md: `ycolumns`, `series` and `anomalycolumns` are comma-delimited lists of columns.
    @Test func columnListsAreRecordedCommaDelimited() throws {
        let v = try #require(
            try visualization(
                "print x=1, a=2, b=3, s='k' | render linechart with (xcolumn=x, ycolumns=a, b, series=s, title='t')"))
        #expect(v.kind == "linechart")
        #expect(v.properties == ["xcolumn": "x", "ycolumns": "a,b", "series": "s", "title": "t"])
    }

    @Test func constantExpressionsAreEvaluated() throws {
        let v = try #require(
            try visualization(
                "range x from 1 to 3 step 1 | render linechart with (ymin=-1, ymax=real(10), accumulate=true)"))
        #expect(v.properties["ymin"] == "-1" && v.properties["ymax"] == "10" && v.properties["accumulate"] == "true")
    }

    /// ADX's IsQuerySorted: the rows reach render in the order a sort gave them.
    @Test func sortedQueriesSaySo() throws {
        #expect(
            try visualization("range x from 1 to 3 step 1 | sort by x asc | extend y = x | render linechart")?
                .isQuerySorted == true)
        #expect(
            try visualization("range x from 1 to 3 step 1 | top 2 by x | render columnchart")?.isQuerySorted == true)
        #expect(try visualization("range x from 1 to 3 step 1 | render linechart")?.isQuerySorted == false)
        #expect(
            try visualization("range x from 1 to 3 step 1 | sort by x | summarize count() by x | render columnchart")?
                .isQuerySorted == false)
    }

    /// The error points at the property that is wrong.
    @Test func errorsCarryThePropertySpan() throws {
        let query = "range x from 1 to 3 step 1 | render linechart with (title='a', yaxis=cubic)"
        do { _ = try visualization(query); Issue.record("no error") } catch let error as KQLError {
            #expect(error.code == .chartProperty)
            let span = try #require(error.span)
            #expect(String(query.dropFirst(span.start)).hasPrefix("yaxis=cubic"))
        }
    }
}
