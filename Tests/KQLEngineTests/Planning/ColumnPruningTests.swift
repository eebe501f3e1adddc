import Columnar
import KQLSyntax
import Testing
@testable import KQLEngine

@Suite struct ColumnPruningTests {
    @Test func filterRunsReadOnlyTheColumnsTheyNeed() throws {
        let h = TestHarness()
        let data = S.datatable(
            [("a", .long), ("b", .long), ("c", .long), ("d", .long)],
            [
                S.long(1), S.long(10), S.long(100), S.long(0), S.long(2), S.long(20), S.long(200), S.long(0),
                S.long(3), S.long(30), S.long(300), S.long(0),
            ])
        let filtered = S.pipe(
            data, .where(S.bin(.greater, S.col("a"), S.long(1))),
            .extend([
                S.assign("b", S.bin(.add, S.col("b"), S.long(1))),
                S.assign("e", S.bin(.multiply, S.col("c"), S.long(2))),
            ]))
        guard case .pipeline(let source, let ops, _) = filtered else { return }
        let projected = S.pipe(
            .pipeline(source: source, operators: ops, span: .none),
            .project([S.assign(nil, S.col("e")), S.assign(nil, S.col("b"))]))
        let q = try h.binder.bindTabular(projected, scope: Scope())
        let input = Schema([Field("a", .long), Field("b", .long), Field("c", .long), Field("d", .long)])
        let plan = ColumnPruning.plan(input: input, operators: q.operators[...])
        #expect(plan?.keep == [0, 1, 2])
        // `a` is read only by the predicate, so the filter does not copy it.
        if case .where(let w)? = plan?.operators.first {
            #expect(w.outputColumns == [1, 2])
        } else {
            Issue.record("no where")
        }
        #expect(TestHarness.text(try h.executor.run(q)) == [["400", "21"], ["600", "31"]])
        let summarized = S.pipe(
            .pipeline(source: source, operators: ops, span: .none),
            .summarize(
                SummarizeSyntax(
                    options: [], aggregates: [S.assign("s", S.call("sum", S.col("e")))],
                    by: [S.assign(nil, S.col("b"))])))
        #expect(TestHarness.text(try h.run(summarized)) == [["21", "400"], ["31", "600"]])
    }
}
