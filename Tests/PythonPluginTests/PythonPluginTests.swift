import Columnar
import Foundation
import KQLEngine
import KQLSyntax
import Testing
@testable import PythonPlugin

/// The `python()` plugin through its `TabularPlugin` interface: both syntaxes, schemas, errors, output.
extension PythonSuites {
    @Suite
    struct PythonPluginTests {
        let plugin = PythonTestEnvironment.plugin()
        let input = Table([("x", Column(int64s: [1, 2, 3])), ("s", Column(strings: ["a", nil, "c"]))])

        @Test func seedFormInfersTheSchemaFromResult() throws {
            let args = Call.seed(script: "result = df\nresult['x2'] = df['x'] * 2\nresult['x3'] = df['x'] * 3")
            #expect(try plugin.outputSchema(input: input.schema, arguments: args) == nil)
            let r = try plugin.run(input: input, arguments: args)
            #expect(
                r.table.schema
                    == Schema([Field("x", .long), Field("s", .string), Field("x2", .long), Field("x3", .long)]))
            #expect(r.table.rows.map { $0[3] } == [.long(3), .long(6), .long(9)])
        }

        @Test func seedFormTakesTheScriptPositionallyAndASandboxByName() throws {
            let args = PluginArguments(
                positional: [.value(.string("result = df[['x']]"), .string)],
                named: ["sandbox": .value(.string("minimal"), .string)],
                options: [:], inlineForm: true, queryOptions: [:], span: .none)
            #expect(try plugin.run(input: input, arguments: args).table.schema.names == ["x"])
        }

        @Test func adxFormCoercesToTheDeclaredSchemaAndPassesKargs() throws {
            let script = "result = df\nresult['fx'] = kargs['gain'] * np.sin(df['x'] / 4 * 2 * np.pi * kargs['cycles'])"
            let args = Call.adx(
                Call.schema(star: true, [("fx", .real)]), script, kargs: [("gain", .long(100)), ("cycles", .long(1))])
            let schema = try plugin.outputSchema(input: input.schema, arguments: args)
            #expect(schema == Schema([Field("x", .long), Field("s", .string), Field("fx", .real)]))
            let r = try plugin.run(input: input, arguments: args)
            #expect(r.table.schema == schema)
            guard case .real(let v) = r.table.row(0)[2] else { Issue.record("fx is not real"); return }
            #expect(abs(v - 100) < 1e-9)
        }

        @Test func adxFormByNameWithHintsAndSpillToDisk() throws {
            let args = PluginArguments(
                positional: [],
                named: [
                    "output_schema": .schema(Call.schema([("y", .string)])),
                    "script": .value(.string("result = pd.DataFrame({'y': df['x'] * 10})"), .string),
                    "spill_to_disk": .value(.bool(true), .bool),
                ], options: ["hint.distribution": .string("single"), "hint.remote": .string("local")],
                inlineForm: false, queryOptions: [:], span: .none)
            let r = try plugin.run(input: input, arguments: args)
            #expect(r.table.schema == Schema([Field("y", .string)]))
            #expect(r.table.rows.map { $0[0] } == [.string("10"), .string("20"), .string("30")])
        }

        @Test func badArgumentsAreRefusedBeforeRunning() {
            #expect(
                errorOf { _ = try plugin.outputSchema(input: input.schema, arguments: Call.seed()) }?.code.rawValue
                    == "E_ARGUMENT")
            #expect(
                errorOf {
                    _ = try plugin.outputSchema(
                        input: input.schema,
                        arguments: Call.seed(script: "result = df", extra: ["bogus": .value(.long(1), .long)]))
                }?.code.rawValue == "E_ARGUMENT")
            let noSchema = PluginArguments(
                positional: [.value(.string("result = df"), .string)], named: [:], options: [:], inlineForm: false,
                queryOptions: [:], span: .none)
            #expect(
                errorOf { _ = try plugin.outputSchema(input: input.schema, arguments: noSchema) }?.code.rawValue
                    == "E_ARGUMENT")
            let badHint = Call.adx(
                Call.schema(star: true, []), "result = df", options: ["hint.distribution": .string("everywhere")])
            #expect(
                errorOf { _ = try plugin.outputSchema(input: input.schema, arguments: badHint) }?.code.rawValue
                    == "E_ARGUMENT")
            #expect(
                errorOf {
                    _ = try plugin.outputSchema(
                        input: input.schema, arguments: Call.seed(script: "result = df", kickout: -5))
                }?.code.rawValue == "E_ARGUMENT")
        }

        @Test func anUnknownSandboxSaysHowToFindOne() {
            let e = errorOf {
                _ = try plugin.run(input: input, arguments: Call.seed(script: "result = df", sandbox: "nope"))
            }
            #expect(e?.code.rawValue == "E_SANDBOX_NOT_FOUND")
            #expect(e?.hint?.contains("sandpiper sandbox") == true)
        }

        @Test func theRegistryPluginReportsAMissingSandbox() throws {
            let scratch = PythonScratch()
            let standard = PythonPlugin.standard(
                registry: .init(home: .init(root: scratch.url)), supervisor: PythonTestEnvironment.supervisor)
            let e = errorOf {
                _ = try standard.run(input: input, arguments: Call.seed(script: "result = df", sandbox: "ghost"))
            }
            #expect(e?.code.rawValue == "E_SANDBOX_NOT_FOUND")
            #expect(e?.message.contains("ghost") == true)
            #expect(e?.hint?.contains("sandpiper sandbox list") == true)
        }

        @Test func printOutputAndWarningsAreCaptured() throws {
            let script = "import warnings\nprint('rows', len(df))\nwarnings.warn('careful')\nresult = df"
            let r = try plugin.run(input: input, arguments: Call.seed(script: script))
            #expect(r.output?.contains("rows 3") == true)
            #expect(r.output?.contains("UserWarning: careful") == true)
        }

        @Test func anExceptionIsEPythonWithTheScriptLine() {
            let e = errorOf {
                _ = try plugin.run(input: input, arguments: Call.seed(script: "a = 1\n\nb = a / 0\nresult = df"))
            }
            #expect(e?.code.rawValue == "E_PYTHON")
            #expect(e?.message.contains("ZeroDivisionError") == true)
            #expect(e?.message.contains("line 3") == true)
            #expect(e?.hint?.contains("File \"<script>\", line 3") == true)
        }

        @Test func missingOrWrongResultIsEResult() {
            #expect(
                errorOf { _ = try plugin.run(input: input, arguments: Call.seed(script: "x = 1")) }?.code.rawValue
                    == "E_RESULT")
            let e = errorOf { _ = try plugin.run(input: input, arguments: Call.seed(script: "result = 42")) }
            #expect(e?.code.rawValue == "E_RESULT")
            #expect(e?.message.contains("int") == true)
        }

        @Test func aValueThatCannotBeCoercedNamesColumnRowAndValue() {
            let args = Call.adx(Call.schema([("n", .long)]), "result = pd.DataFrame({'n': ['1', '2', 'three']})")
            let e = errorOf { _ = try plugin.run(input: input, arguments: args) }
            #expect(e?.code.rawValue == "E_RESULT_SCHEMA")
            #expect(
                e?.message.contains("'n'") == true && e?.message.contains("row 2") == true
                    && e?.message.contains("three") == true)
            let missing = Call.adx(Call.schema([("zz", .long)]), "result = df")
            #expect(
                errorOf { _ = try plugin.run(input: input, arguments: missing) }?.code.rawValue == "E_RESULT_SCHEMA")
        }

        @Test func coercionConvertsWhatKQLWouldConvert() throws {
            let args = Call.adx(
                Call.schema([("a", .string), ("b", .real), ("c", .long), ("d", .datetime)]),
                "result = pd.DataFrame({'a': [1, 2], 'b': [1, None], 'c': [1.9, -2.5], 'd': ['2024-01-02T03:04:05Z', None]})"
            )
            let r = try plugin.run(input: input, arguments: args)
            #expect(r.table.row(0) == [.string("1"), .real(1), .long(1), .datetime(1_704_164_645_000_000_000)])
            #expect(r.table.row(1)[2] == .long(-2))
            #expect(r.table.row(1)[1].isNull && r.table.row(1)[3].isNull)
        }

        @Test func modifyingDfInPlaceNeverChangesTheEngineTable() throws {
            let t = Table([("x", Column(int64s: [1, 2, 3])), ("r", Column(reals: [0.5, 1.5, 2.5]))])
            let r = try plugin.run(
                input: t,
                arguments: Call.seed(script: "df['x'] *= 10\ndf.iloc[0, 1] = 99.0\ndf.values[:] = 0\nresult = df"))
            #expect(r.table.rowCount == 3)
            #expect(t.columns[0].longs.map { $0 } == [1, 2, 3])
            #expect(t.columns[1].reals.map { $0 } == [0.5, 1.5, 2.5])
        }

        @Test func perNodeSplitsTheInputAcrossParallelWorkers() throws {
            let plugin4 = PythonTestEnvironment.plugin(cores: 4)
            let t = Table([("x", Column(int64s: (0..<1000).map { Int64($0) }))])
            // Every confined child is pid 1 of its own namespace, so a random token tells the processes apart.
            let script =
                "import secrets\nresult = pd.DataFrame({'n': [len(df)], 's': [int(df['x'].sum())], 'token': [secrets.token_hex(8)]})"
            let args = Call.adx(
                Call.schema([("n", .long), ("s", .long), ("token", .string)]), script,
                options: ["hint.distribution": .string("per_node")])
            let r = try plugin4.run(input: t, arguments: args)
            #expect(r.table.rowCount == 4)
            #expect(
                r.table.rows.reduce(Int64(0)) {
                    if case .long(let n) = $1[0] { return $0 + n }; return $0
                } == 1000)
            #expect(
                r.table.rows.reduce(Int64(0)) {
                    if case .long(let n) = $1[1] { return $0 + n }; return $0
                } == 499_500)
            #expect(Set(r.table.rows.map { $0[2] }).count == 4)
        }
    }
}
