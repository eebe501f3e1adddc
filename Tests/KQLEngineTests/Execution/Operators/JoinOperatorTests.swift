import Columnar
import KQLSyntax
import Testing
@testable import KQLEngine

@Suite struct JoinOperatorTests {
    // Left keys: a, b, b, c; right keys: b, c, c, d.
    let left = S.datatable(
        [("k", .string), ("l", .long)],
        [S.str("a"), S.long(1), S.str("b"), S.long(2), S.str("b"), S.long(3), S.str("c"), S.long(4)])
    let right = S.datatable(
        [("k", .string), ("r", .long)],
        [S.str("b"), S.long(10), S.str("c"), S.long(20), S.str("c"), S.long(30), S.str("d"), S.long(40)])

    func join(_ kind: String?) throws -> Table {
        let options = kind.map { [OptionSyntax(name: "kind", value: S.col($0), span: .none)] } ?? []
        let h = TestHarness()
        return try h.run(
            S.pipe(left, .join(JoinSyntax(options: options, right: right, conditions: [.sameName(S.name("k"))]))))
    }

    func rows(_ t: Table) -> Set<[String]> { Set(TestHarness.text(t)) }

    @Test func defaultIsInnerUniqueKeepingFirstLeftRowPerKey() throws {
        let t = try join(nil)
        #expect(t.schema.names == ["k", "l", "k1", "r"])
        #expect(rows(t) == [["b", "2", "b", "10"], ["c", "4", "c", "20"], ["c", "4", "c", "30"]])
    }

    @Test func innerKeepsEveryPair() throws {
        #expect(
            rows(try join("inner")) == [
                ["b", "2", "b", "10"], ["b", "3", "b", "10"], ["c", "4", "c", "20"], ["c", "4", "c", "30"],
            ])
    }

    @Test func innerOnLongKeysKeepsLeftOrderThenRightOrder() throws {
        // Right keys span 5...7 (looked up directly); left keys also fall outside that range.
        let l = S.datatable(
            [("k", .long), ("l", .long)],
            [
                S.long(7), S.long(1), S.long(-1), S.long(2), S.long(5), S.long(3), S.long(1_000_000), S.long(4),
                S.long(7), S.long(5),
            ])
        let r = S.datatable(
            [("k", .long), ("r", .long)],
            [S.long(5), S.long(10), S.long(7), S.long(20), S.long(6), S.long(30), S.long(7), S.long(40)])
        let options = [OptionSyntax(name: "kind", value: S.col("inner"), span: .none)]
        let t = try TestHarness().run(
            S.pipe(l, .join(JoinSyntax(options: options, right: r, conditions: [.sameName(S.name("k"))]))))
        #expect(
            TestHarness.text(t) == [
                ["7", "1", "7", "20"], ["7", "1", "7", "40"], ["5", "3", "5", "10"],
                ["7", "5", "7", "20"], ["7", "5", "7", "40"],
            ])
    }

    @Test func oneToOneInnerJoinKeepsBothSidesRows() throws {
        // Every left row matches exactly one right row (left columns are reused as they are).
        let l = S.datatable(
            [("k", .long), ("a", .string)], [S.long(3), S.str("x"), S.long(1), S.str("y"), S.long(2), S.str("z")])
        let r = S.datatable(
            [("k", .long), ("b", .long)], [S.long(1), S.long(10), S.long(2), S.long(20), S.long(3), S.long(30)])
        let options = [OptionSyntax(name: "kind", value: S.col("inner"), span: .none)]
        let t = try TestHarness().run(
            S.pipe(l, .join(JoinSyntax(options: options, right: r, conditions: [.sameName(S.name("k"))]))))
        #expect(TestHarness.text(t) == [["3", "x", "3", "30"], ["1", "y", "1", "10"], ["2", "z", "2", "20"]])
        let same = try TestHarness().run(
            S.pipe(r, .join(JoinSyntax(options: options, right: r, conditions: [.sameName(S.name("k"))]))))
        #expect(TestHarness.text(same) == [["1", "10", "1", "10"], ["2", "20", "2", "20"], ["3", "30", "3", "30"]])
    }

    @Test func outerKindsPadWithNulls() throws {
        let lo = try join("leftouter")
        #expect(rows(lo).contains(["a", "1", "", "null"]))
        #expect(lo.rowCount == 5)
        let ro = try join("rightouter")
        #expect(rows(ro).contains(["", "null", "d", "40"]))
        #expect(ro.rowCount == 5)
        #expect(try join("fullouter").rowCount == 6)
    }

    @Test func semiAndAntiKeepOneSide() throws {
        let ls = try join("leftsemi")
        #expect(ls.schema.names == ["k", "l"])
        #expect(rows(ls) == [["b", "2"], ["b", "3"], ["c", "4"]])
        #expect(rows(try join("leftanti")) == [["a", "1"]])
        #expect(rows(try join("anti")) == [["a", "1"]])
        let rs = try join("rightsemi")
        #expect(rs.schema.names == ["k", "r"])
        #expect(rows(rs) == [["b", "10"], ["c", "20"], ["c", "30"]])
        #expect(rows(try join("rightanti")) == [["d", "40"]])
    }

    @Test func equalityConditionAndLookup() throws {
        let h = TestHarness()
        let r2 = S.datatable([("key", .string), ("r", .long)], [S.str("b"), S.long(10)])
        let t = try h.run(
            S.pipe(
                left,
                .join(
                    JoinSyntax(
                        options: [OptionSyntax(name: "kind", value: S.col("inner"), span: .none)], right: r2,
                        conditions: [.equality(left: S.name("k"), right: S.name("key"), span: .none)]))))
        #expect(t.schema.names == ["k", "l", "key", "r"])
        #expect(t.rowCount == 2)
        let lk = try h.run(
            S.pipe(left, .lookup(LookupSyntax(options: [], right: right, conditions: [.sameName(S.name("k"))]))))
        #expect(lk.schema.names == ["k", "l", "r"])
        #expect(lk.rowCount == 5)
    }

    @Test func nullKeysDoNotMatch() throws {
        let h = TestHarness()
        let l = S.datatable([("k", .long)], [S.null(.long), S.long(1)])
        let r = S.datatable([("k", .long)], [S.null(.long), S.long(1)])
        let t = try h.run(
            S.pipe(
                l,
                .join(
                    JoinSyntax(
                        options: [OptionSyntax(name: "kind", value: S.col("inner"), span: .none)], right: r,
                        conditions: [.sameName(S.name("k"))]))))
        #expect(TestHarness.text(t) == [["1", "1"]])
    }

    @Test func unknownKeyColumnIsReported() throws {
        let h = TestHarness()
        let error = #expect(throws: KQLError.self) {
            try h.run(S.pipe(left, .join(JoinSyntax(options: [], right: right, conditions: [.sameName(S.name("kk"))]))))
        }
        #expect(error?.code == .unknownName)
    }
}
