import Columnar
import KQLSyntax
import Testing
@testable import KQLEngine

/// A plugin whose output schema is known only once it ran, and is nothing like its input: a string
/// column `k` and a real column `w`, as a `python()` script without `typeof` may return.
struct ReshapingPlugin: TabularPlugin {
    var name: String { "reshape" }
    func outputSchema(input: Schema, arguments: PluginArguments) throws(KQLError) -> Schema? { nil }
    func run(input: Table, arguments: PluginArguments) throws(KQLError) -> PluginResult {
        PluginResult(table: Table([("k", Column(strings: ["b", "c"])), ("w", Column(reals: [20.5, 30.5]))]))
    }
}

/// What follows a plugin whose output is inferred is bound to the table it returned, never to its
/// input's schema: as the pipeline's input, as a `union` leg, as the right side of a `join`, through a
/// `let`, and at the end of an `mv-apply` subquery (refused there: its schema must be known).
@Suite struct DeferredSchemaTests {
    func run(_ q: ExpressionSyntax, lets: [LetSyntax] = []) throws -> Table {
        let runner = ScriptRunner(
            database: InMemoryDatabase(), functions: TestFunctions(), plugins: [ReshapingPlugin()], now: 0,
            runCommand: { (_, _, _, _) throws(KQLError) -> Table in throw KQLError(.unsupported, "none") })
        return try runner.run(ScriptSyntax(statements: lets.map { .let($0) } + [.query(q)], source: SourceText("x")))
            .tables[0].table
    }

    /// `range x from 1 to 2 step 1 | evaluate reshape()`: input `x:long`, output `k:string, w:real`.
    static let reshaped = S.pipe(
        S.range("x", 1, 2), .evaluate(EvaluateSyntax(options: [], plugin: S.name("reshape"), arguments: [])))

    @Test func aUnionLegIsLaidOutFromWhatItReturned() throws {
        let q = S.pipe(
            S.range("x", 1, 1), .union(UnionSyntax(options: [], tables: [.parenthesized(Self.reshaped, .none)])))
        let t = try run(q)
        #expect(t.schema == Schema([Field("x", .long), Field("k", .string), Field("w", .real)]))
        #expect(TestHarness.text(t) == [["1", "", "null"], ["null", "b", "20.5"], ["null", "c", "30.5"]])
    }

    @Test func aUnionSourceAndTheOperatorsAfterItSeeTheRealColumns() throws {
        let union = ExpressionSyntax.source(
            SourceSyntax(
                kind: .union(UnionSyntax(options: [], tables: [.parenthesized(Self.reshaped, .none)])), span: .none))
        let t = try run(
            S.pipe(union, .extend([S.assign("n", S.col("k"))]), .where(S.bin(.equal, S.col("k"), S.str("c")))))
        #expect(t.schema == Schema([Field("k", .string), Field("w", .real), Field("n", .string)]))
        #expect(TestHarness.text(t) == [["c", "30.5", "c"]])
    }

    @Test func aJoinsRightSideIsBoundAgainstWhatItReturned() throws {
        let left = S.datatable([("k", .string), ("v", .long)], [S.str("a"), S.long(1), S.str("b"), S.long(2)])
        let join = JoinSyntax(
            options: [OptionSyntax(name: "kind", value: .name(S.name("inner")), span: .none)],
            right: .parenthesized(Self.reshaped, .none), conditions: [.sameName(S.name("k"))])
        let t = try run(S.pipe(left, .join(join)))
        #expect(t.schema.names == ["k", "v", "k1", "w"])
        #expect(TestHarness.text(t) == [["b", "2", "b", "20.5"]])
        // A key whose type differs from the real column's is a type error, not a read of the wrong column.
        let longs = S.pipe(S.range("k", 1, 2), .join(join))
        #expect(throws: KQLError.self) { try run(longs) }
    }

    @Test func aLetNameOverThePluginDefersWhatFollowsIt() throws {
        let p = LetSyntax(name: S.name("p"), value: .expression(Self.reshaped), span: .none)
        let t = try run(
            S.pipe(S.col("p"), .where(S.bin(.equal, S.col("k"), S.str("b"))), .extend([S.assign("v", S.col("w"))])),
            lets: [p])
        #expect(t.schema == Schema([Field("k", .string), Field("w", .real), Field("v", .real)]))
        #expect(TestHarness.text(t) == [["b", "20.5", "20.5"]])
        let missing = #expect(throws: KQLError.self) {
            try run(S.pipe(S.col("p"), .extend([S.assign("y", S.col("x"))])), lets: [p])
        }
        #expect(missing?.code == .unknownName)
    }

    @Test func anMvApplySubqueryEndingInThePluginIsRefused() throws {
        let data = S.datatable([("a", .dynamic)], [S.dyn("[1, 2]")])
        let apply = MvApplySyntax(
            options: [], items: [MvExpandItemSyntax(assignment: S.assign(nil, S.col("a")), toType: nil)], limit: nil,
            subquery: [S.op(.evaluate(EvaluateSyntax(options: [], plugin: S.name("reshape"), arguments: [])))])
        let error = #expect(throws: KQLError.self) { try run(S.pipe(data, .mvApply(apply))) }
        #expect(error?.code == .unsupported)
    }
}
