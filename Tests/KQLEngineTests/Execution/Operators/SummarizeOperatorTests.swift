import Columnar
import KQLSyntax
import Testing
@testable import KQLEngine

@Suite struct SummarizeOperatorTests {
    @Test func summarizeByKeyInFirstSeenOrder() throws {
        let h = TestHarness()
        let data = S.datatable(
            [("k", .string), ("v", .long)],
            [S.str("b"), S.long(1), S.str("a"), S.long(2), S.str("b"), S.long(3), S.str("a"), S.null(.long)])
        let q = S.pipe(
            data,
            .summarize(
                SummarizeSyntax(
                    options: [],
                    aggregates: [
                        S.assign(nil, S.call("count")),
                        S.assign("total", S.call("sum", S.col("v"))),
                    ],
                    by: [S.assign(nil, S.col("k"))])))
        let t = try h.run(q)
        #expect(t.schema.names == ["k", "count_", "total"])
        #expect(TestHarness.text(t) == [["b", "2", "4"], ["a", "2", "2"]])
    }

    @Test func summarizeOverEmptyInput() throws {
        let h = TestHarness()
        let empty = S.pipe(S.range("x", 1, 3), .where(S.bin(.greater, S.col("x"), S.long(5))))
        let noBy = try h.run(
            S.pipe(
                empty, .summarize(SummarizeSyntax(options: [], aggregates: [S.assign(nil, S.call("count"))], by: []))))
        #expect(TestHarness.text(noBy) == [["0"]])
        let withBy = try h.run(
            S.pipe(
                empty,
                .summarize(
                    SummarizeSyntax(
                        options: [], aggregates: [S.assign(nil, S.call("count"))],
                        by: [S.assign(nil, S.col("x"))]))))
        #expect(withBy.rowCount == 0)
        #expect(withBy.schema.names == ["x", "count_"])
    }

    @Test func summarizeExpressionOverAggregates() throws {
        let h = TestHarness()
        let q = S.pipe(
            S.range("x", 1, 4),
            .summarize(
                SummarizeSyntax(
                    options: [], aggregates: [S.assign("r", S.bin(.add, S.call("sum", S.col("x")), S.call("count")))],
                    by: [])))
        #expect(TestHarness.text(try h.run(q)) == [["14"]])
    }
}
