import Columnar
import KQLSyntax
import Testing
@testable import KQLEngine

@Suite struct OperatorExecutionTests {
    @Test func filterExtendProjectKeepOrder() throws {
        let h = TestHarness()
        let q = S.pipe(S.range("x", 1, 6),
                       .where(S.bin(.greater, S.col("x"), S.long(2))),
                       .extend([S.assign("y", S.bin(.multiply, S.col("x"), S.long(10)))]),
                       .project([S.assign("y", S.col("y")), S.assign("z", S.col("x"))]))
        let t = try h.run(q)
        #expect(t.schema.names == ["y", "z"])
        #expect(TestHarness.text(t) == [["30", "3"], ["40", "4"], ["50", "5"], ["60", "6"]])
    }

    @Test func summarizeByKeyInFirstSeenOrder() throws {
        let h = TestHarness()
        let data = S.datatable([("k", .string), ("v", .long)],
                               [S.str("b"), S.long(1), S.str("a"), S.long(2), S.str("b"), S.long(3), S.str("a"), S.null(.long)])
        let q = S.pipe(data, .summarize(SummarizeSyntax(options: [], aggregates: [S.assign(nil, S.call("count")),
                                                                                 S.assign("total", S.call("sum", S.col("v")))],
                                                        by: [S.assign(nil, S.col("k"))])))
        let t = try h.run(q)
        #expect(t.schema.names == ["k", "count_", "total"])
        #expect(TestHarness.text(t) == [["b", "2", "4"], ["a", "2", "2"]])
    }

    @Test func summarizeOverEmptyInput() throws {
        let h = TestHarness()
        let empty = S.pipe(S.range("x", 1, 3), .where(S.bin(.greater, S.col("x"), S.long(5))))
        let noBy = try h.run(S.pipe(empty, .summarize(SummarizeSyntax(options: [], aggregates: [S.assign(nil, S.call("count"))], by: []))))
        #expect(TestHarness.text(noBy) == [["0"]])
        let withBy = try h.run(S.pipe(empty, .summarize(SummarizeSyntax(options: [], aggregates: [S.assign(nil, S.call("count"))],
                                                                         by: [S.assign(nil, S.col("x"))]))))
        #expect(withBy.rowCount == 0)
        #expect(withBy.schema.names == ["x", "count_"])
    }

    @Test func summarizeExpressionOverAggregates() throws {
        let h = TestHarness()
        let q = S.pipe(S.range("x", 1, 4), .summarize(SummarizeSyntax(
            options: [], aggregates: [S.assign("r", S.bin(.add, S.call("sum", S.col("x")), S.call("count")))], by: [])))
        #expect(TestHarness.text(try h.run(q)) == [["14"]])
    }

    @Test func sortPlacesNullsByDirection() throws {
        let h = TestHarness()
        let data = S.datatable([("v", .long)], [S.long(2), S.null(.long), S.long(1), S.long(3)])
        let asc = try h.run(S.pipe(data, .sort(keys: [SortKeySyntax(value: S.col("v"), ascending: true)], options: [])))
        #expect(TestHarness.text(asc).map { $0[0] } == ["null", "1", "2", "3"])
        let desc = try h.run(S.pipe(data, .sort(keys: [SortKeySyntax(value: S.col("v"))], options: [])))
        #expect(TestHarness.text(desc).map { $0[0] } == ["3", "2", "1", "null"])
        let ascLast = try h.run(S.pipe(data, .sort(keys: [SortKeySyntax(value: S.col("v"), ascending: true, nullsFirst: false)], options: [])))
        #expect(TestHarness.text(ascLast).map { $0[0] } == ["1", "2", "3", "null"])
    }

    @Test func numericSortFastPathMatchesTheGeneralComparator() {
        let values: [Int64] = [5, -3, Int64.min, 7, 5, Int64.max, 0, -3]
        let reals: [Double] = [0.5, -0.0, 2, -1e300, 0.5]
        for asc in [true, false] {
            let fast = RowComparator(keys: [.init(column: Column(int64s: values), ascending: asc, nullsFirst: asc)])
            let slow = RowComparator(keys: [.init(column: Column(int64s: values), ascending: asc, nullsFirst: asc),
                                            .init(column: Column(int64s: values), ascending: asc, nullsFirst: asc)])
            #expect(fast.sortedIndices(count: values.count) == slow.sortedIndices(count: values.count))
            let fastReal = RowComparator(keys: [.init(column: Column(reals: reals), ascending: asc, nullsFirst: asc)])
            let slowReal = RowComparator(keys: [.init(column: Column(reals: reals), ascending: asc, nullsFirst: asc),
                                                .init(column: Column(reals: reals), ascending: asc, nullsFirst: asc)])
            #expect(fastReal.sortedIndices(count: reals.count) == slowReal.sortedIndices(count: reals.count))
        }
    }

    @Test func topTakesTheFirstRowsInKeyOrder() throws {
        let h = TestHarness()
        let t = try h.run(S.pipe(S.range("x", 1, 100), .top(count: S.long(3), key: SortKeySyntax(value: S.col("x")))))
        #expect(TestHarness.text(t).map { $0[0] } == ["100", "99", "98"])
    }

    @Test func mvExpandZipsArraysAndIndexes() throws {
        let h = TestHarness()
        let data = S.datatable([("a", .long), ("b", .dynamic), ("c", .dynamic)],
                               [S.long(1), S.dyn(#"{"p":"x","q":"y"}"#), S.dyn("[5,4,3]"),
                                S.long(2), S.dyn("[]"), S.dyn("[]")])
        let m = MvExpandSyntax(options: [OptionSyntax(name: "with_itemindex", value: S.col("i"), span: .none)],
                               items: [MvExpandItemSyntax(assignment: S.assign(nil, S.col("b")), toType: nil),
                                       MvExpandItemSyntax(assignment: S.assign(nil, S.col("c")), toType: .long)],
                               limit: nil)
        let t = try h.run(S.pipe(data, .mvExpand(m)))
        #expect(t.schema.fields.map(\.type) == [.long, .dynamic, .long, .long])
        #expect(TestHarness.text(t) == [["1", #"{"p":"x"}"#, "5", "0"], ["1", #"{"q":"y"}"#, "4", "1"], ["1", "null", "3", "2"]])
    }

    @Test func unionMergesColumnsByNameAndType() throws {
        let h = TestHarness()
        let a = S.datatable([("x", .long), ("y", .string)], [S.long(1), S.str("a")])
        let b = S.datatable([("x", .string), ("z", .long)], [S.str("s"), S.long(2)])
        let u = UnionSyntax(options: [OptionSyntax(name: "withsource", value: S.col("Src"), span: .none)], tables: [b])
        let t = try h.run(S.pipe(a, .union(u)))
        #expect(t.schema.names == ["Src", "x_long", "y", "x_string", "z"])
        #expect(TestHarness.text(t) == [["union_arg0", "1", "a", "", "null"], ["union_arg1", "null", "", "s", "2"]])
        let inner = try h.run(S.pipe(a, .union(UnionSyntax(options: [OptionSyntax(name: "kind", value: S.col("inner"), span: .none)],
                                                           tables: [S.datatable([("y", .string)], [S.str("b")])]))))
        #expect(inner.schema.names == ["y"])
        #expect(TestHarness.text(inner) == [["a"], ["b"]])
    }

    @Test func distinctKeepsFirstSeenOrder() throws {
        let h = TestHarness()
        let data = S.datatable([("k", .long)], [S.long(3), S.long(1), S.long(3), S.null(.long), S.null(.long)])
        let t = try h.run(S.pipe(data, .distinct(columns: [S.col("k")], options: [])))
        #expect(TestHarness.text(t).map { $0[0] } == ["3", "1", "null"])
    }

    @Test func filterRunsReadOnlyTheColumnsTheyNeed() throws {
        let h = TestHarness()
        let data = S.datatable([("a", .long), ("b", .long), ("c", .long), ("d", .long)],
                               [S.long(1), S.long(10), S.long(100), S.long(0), S.long(2), S.long(20), S.long(200), S.long(0),
                                S.long(3), S.long(30), S.long(300), S.long(0)])
        let filtered = S.pipe(data, .where(S.bin(.greater, S.col("a"), S.long(1))),
                              .extend([S.assign("b", S.bin(.add, S.col("b"), S.long(1))),
                                       S.assign("e", S.bin(.multiply, S.col("c"), S.long(2)))]))
        guard case .pipeline(let source, let ops, _) = filtered else { return }
        let projected = S.pipe(.pipeline(source: source, operators: ops, span: .none), .project([S.assign(nil, S.col("e")), S.assign(nil, S.col("b"))]))
        let q = try h.binder.bindTabular(projected, scope: Scope())
        let input = Schema([Field("a", .long), Field("b", .long), Field("c", .long), Field("d", .long)])
        let plan = ColumnPruning.plan(input: input, operators: q.operators[...])
        #expect(plan?.keep == [0, 1, 2])
        // `a` is read only by the predicate, so the filter does not copy it.
        if case .where(let w)? = plan?.operators.first { #expect(w.outputColumns == [1, 2]) } else { Issue.record("no where") }
        #expect(TestHarness.text(try h.executor.run(q)) == [["400", "21"], ["600", "31"]])
        let summarized = S.pipe(.pipeline(source: source, operators: ops, span: .none),
                                .summarize(SummarizeSyntax(options: [], aggregates: [S.assign("s", S.call("sum", S.col("e")))],
                                                           by: [S.assign(nil, S.col("b"))])))
        #expect(TestHarness.text(try h.run(summarized)) == [["21", "400"], ["31", "600"]])
    }

    @Test func keyInternerGroupsAcrossCallsAndColumns() {
        let interner = KeyInterner(types: [.long, .string])
        let a = interner.intern([Column(int64s: [1, 1, 2]), Column(strings: ["x", "y", "x"])])
        let b = interner.intern([Column(int64s: [2, 1]), Column(strings: ["x", "x"])])
        #expect(a == [0, 1, 2])
        #expect(b == [2, 0])
        #expect(interner.groupCount == 3)
    }

    @Test func longKeyTableSurvivesGrowth() {
        let t = LongKeyTable(expected: 2)
        for i in 0..<10_000 { #expect(t.intern(UInt64(i * 7919)) == Int32(i)) }
        #expect(t.find(7919 * 5000) == 5000)
        #expect(t.find(3) == -1)
    }
}
