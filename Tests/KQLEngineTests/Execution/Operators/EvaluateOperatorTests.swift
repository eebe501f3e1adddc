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

@Suite struct EvaluateOperatorTests {
    func runner() -> ScriptRunner {
        ScriptRunner(
            database: InMemoryDatabase(), functions: TestFunctions(), plugins: [DoublingPlugin()], now: 0,
            runCommand: { (_, _, _, _) throws(KQLError) -> Table in
                throw KQLError(.unsupported, "no commands in this test")
            })
    }

    @Test func operatorsAfterAnInferredSchemaPluginBindAfterItRuns() throws {
        let ev = EvaluateSyntax(
            options: [], plugin: S.name("python"),
            arguments: [ArgumentSyntax(name: S.name("name"), value: S.str("y"))], inlineForm: true)
        let q = S.pipe(S.range("x", 1, 3), .evaluate(ev), .where(S.bin(.greater, S.col("y"), S.long(2))))
        let script = ScriptSyntax(
            statements: [.set(name: S.name("query_python_debug"), value: nil, span: .none), .query(q)],
            source: SourceText("x"))
        let result = try runner().run(script)
        #expect(result.tables.count == 1)
        #expect(TestHarness.text(result.tables[0].table) == [["2", "4"], ["3", "6"]])
        #expect(result.tables[0].pluginOutput == ["ran on 3 rows (debug)"])
    }

    @Test func aMisspeltColumnAfterThePluginIsReportedWhenItRuns() throws {
        let ev = EvaluateSyntax(
            options: [], plugin: S.name("python"),
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
            try runner().run(
                ScriptSyntax(statements: [.query(S.pipe(S.range("x", 1, 1), .evaluate(ev)))], source: SourceText("x")))
        }
        #expect(error?.code == .unsupported)
    }
}

/// Counts its runs, to check that `materialize` evaluates its query once per execution.
