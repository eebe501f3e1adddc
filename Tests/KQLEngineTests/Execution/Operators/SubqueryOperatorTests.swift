import Columnar
import KQLSyntax
import Testing
@testable import KQLEngine

final class CountingPlugin: TabularPlugin, @unchecked Sendable {
    var runs = 0
    var name: String { "counter" }
    func outputSchema(input: Schema, arguments: PluginArguments) throws(KQLError) -> Schema? {
        Schema([Field("n", .long)])
    }
    func run(input: Table, arguments: PluginArguments) throws(KQLError) -> PluginResult {
        runs += 1
        return PluginResult(table: Table([("n", Column(int64s: [Int64(runs)]))]))
    }
}

@Suite struct SubqueryOperatorTests {
    @Test func materializedQueryRunsOncePerExecution() throws {
        let plugin = CountingPlugin()
        let runner = ScriptRunner(
            database: InMemoryDatabase(), functions: TestFunctions(), plugins: [plugin], now: 0,
            runCommand: { (_, _, _, _) throws(KQLError) -> Table in throw KQLError(.unsupported, "none") })
        let source = ExpressionSyntax.source(
            SourceSyntax(
                kind: .evaluate(EvaluateSyntax(options: [], plugin: S.name("counter"), arguments: [])),
                span: .none))
        let letT = LetSyntax(name: S.name("T"), value: .expression(S.call("materialize", source)), span: .none)
        let union = ExpressionSyntax.source(
            SourceSyntax(kind: .union(UnionSyntax(options: [], tables: [S.col("T"), S.col("T")])), span: .none))
        let result = try runner.run(ScriptSyntax(statements: [.let(letT), .query(union)], source: SourceText("x")))
        #expect(TestHarness.text(result.tables[0].table) == [["1"], ["1"]])
        #expect(plugin.runs == 1)
    }
}
