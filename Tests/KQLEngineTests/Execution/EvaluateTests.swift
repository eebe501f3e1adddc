import Columnar
import KQLSyntax
import Testing
@testable import KQLEngine

/// A plugin that doubles column `x` into a new column whose name comes from an argument; its schema
/// is only known after it runs, like the python plugin's inline form.
struct DoublingPlugin: TabularPlugin {
    var name: String { "python" }
    func outputSchema(input: Schema, arguments: PluginArguments) throws(KQLError) -> Schema? { nil }
    func run(input: Table, arguments: PluginArguments) throws(KQLError) -> PluginResult {
        guard case .value(.string(let col), _)? = arguments.named["name"], let x = input.column(named: "x") else {
            throw KQLError(.argument, "needs name= and an x column")
        }
        let doubled = Column(int64s: x.longs.map { $0 * 2 })
        let debug = arguments.queryOptions["query_python_debug"] != nil ? " (debug)" : ""
        return PluginResult(table: Table([("x", x), (col, doubled)]), output: "ran on \(input.rowCount) rows" + debug)
    }
}

@Suite struct EvaluateTests {
    func runner() -> ScriptRunner {
        ScriptRunner(database: InMemoryDatabase(), functions: TestFunctions(), plugins: [DoublingPlugin()], now: 0,
                     runCommand: { (_, _, _) throws(KQLError) -> Table in throw KQLError(.unsupported, "no commands in this test") })
    }

    @Test func operatorsAfterAnInferredSchemaPluginBindAfterItRuns() throws {
        let ev = EvaluateSyntax(options: [], plugin: S.name("python"),
                                arguments: [ArgumentSyntax(name: S.name("name"), value: S.str("y"))], inlineForm: true)
        let q = S.pipe(S.range("x", 1, 3), .evaluate(ev), .where(S.bin(.greater, S.col("y"), S.long(2))))
        let script = ScriptSyntax(statements: [.set(name: S.name("query_python_debug"), value: nil, span: .none), .query(q)],
                                  source: SourceText("x"))
        let result = try runner().run(script)
        #expect(result.tables.count == 1)
        #expect(TestHarness.text(result.tables[0].table) == [["2", "4"], ["3", "6"]])
        #expect(result.tables[0].pluginOutput == ["ran on 3 rows (debug)"])
    }

    @Test func aMisspeltColumnAfterThePluginIsReportedWhenItRuns() throws {
        let ev = EvaluateSyntax(options: [], plugin: S.name("python"),
                                arguments: [ArgumentSyntax(name: S.name("name"), value: S.str("y"))], inlineForm: true)
        let q = S.pipe(S.range("x", 1, 3), .evaluate(ev), .where(S.bin(.greater, S.col("yy"), S.long(2))))
        let error = #expect(throws: KQLError.self) {
            try runner().run(ScriptSyntax(statements: [.query(q)], source: SourceText("x")))
        }
        #expect(error?.code == .unknownName)
        #expect(error?.message.contains("did you mean 'y'?") == true)
    }

    @Test func unknownPluginIsUnsupported() throws {
        let ev = EvaluateSyntax(options: [], plugin: S.name("autocluster"), arguments: [])
        let error = #expect(throws: KQLError.self) {
            try runner().run(ScriptSyntax(statements: [.query(S.pipe(S.range("x", 1, 1), .evaluate(ev)))], source: SourceText("x")))
        }
        #expect(error?.code == .unsupported)
    }
}

/// Counts its runs, to check that `materialize` evaluates its query once per execution.
final class CountingPlugin: TabularPlugin, @unchecked Sendable {
    var runs = 0
    var name: String { "counter" }
    func outputSchema(input: Schema, arguments: PluginArguments) throws(KQLError) -> Schema? { Schema([Field("n", .long)]) }
    func run(input: Table, arguments: PluginArguments) throws(KQLError) -> PluginResult {
        runs += 1
        return PluginResult(table: Table([("n", Column(int64s: [Int64(runs)]))]))
    }
}

@Suite struct MaterializeTests {
    @Test func materializedQueryRunsOncePerExecution() throws {
        let plugin = CountingPlugin()
        let runner = ScriptRunner(database: InMemoryDatabase(), functions: TestFunctions(), plugins: [plugin], now: 0,
                                  runCommand: { (_, _, _) throws(KQLError) -> Table in throw KQLError(.unsupported, "none") })
        let source = ExpressionSyntax.source(SourceSyntax(kind: .evaluate(EvaluateSyntax(options: [], plugin: S.name("counter"), arguments: [])),
                                                          span: .none))
        let letT = LetSyntax(name: S.name("T"), value: .expression(S.call("materialize", source)), span: .none)
        let union = ExpressionSyntax.source(SourceSyntax(kind: .union(UnionSyntax(options: [], tables: [S.col("T"), S.col("T")])), span: .none))
        let result = try runner.run(ScriptSyntax(statements: [.let(letT), .query(union)], source: SourceText("x")))
        #expect(TestHarness.text(result.tables[0].table) == [["1"], ["1"]])
        #expect(plugin.runs == 1)
    }

    @Test func toscalarTakesTheFirstCell() throws {
        let h = TestHarness()
        let e = try h.binder.bindScalar(S.call("toscalar", S.pipe(S.range("x", 5, 9), .count(name: nil))), schema: Schema([]), scope: Scope())
        guard case .constant(.long(5), .long) = e else { Issue.record("got \(e)"); return }
    }

    @Test func queryParameterDefaultsAreConvertedToTheDeclaredType() throws {
        let h = TestHarness()
        var scope = Scope()
        try h.binder.bindQueryParameters([ParameterSyntax(name: S.name("p"), kind: .scalar(.real), defaultValue: S.long(2))], scope: &scope)
        guard case .scalar(.constant(.real(2), .real))? = scope["p"] else { Issue.record("got \(String(describing: scope["p"]))"); return }
        let error = #expect(throws: KQLError.self) {
            var s = Scope()
            try h.binder.bindQueryParameters([ParameterSyntax(name: S.name("q"), kind: .scalar(.long), defaultValue: nil)], scope: &s)
        }
        #expect(error?.code == .argument)
    }
}
