import Columnar
import Foundation
import KQLEngine
import KQLSyntax
import Testing
@testable import PythonPlugin

/// A Python error points at the query file's line where the failing script line is, and its traceback
/// shows the user's lines with the frames inside pandas and numpy folded (whole with `fullTracebacks`).
extension PythonSuites {
    @Suite
    struct PythonErrorLocationTests {
        func failure(_ query: String, file: String? = "q.kql", fullTracebacks: Bool = false) -> KQLError? {
            let engine = Engine(
                database: InMemoryDatabase(), plugins: [PythonTestEnvironment.plugin(fullTracebacks: fullTracebacks)])
            return errorOf { _ = try engine.execute(query, sourceName: file) }
        }

        /// Line 5 of the query file holds the script's `1 / 0`.
        static let fenced = """
            range x from 1 to 2 step 1
            | python()
            ```python
            y = 1
            z = y / 0
            result = df
            ```
            """

        @Test func theSeedsFencedScriptFailsAtItsQueryLine() throws {
            let e = try #require(failure(Self.fenced))
            #expect(e.code == .python)
            #expect(e.description.hasPrefix("E_PYTHON: q.kql:5:1: ZeroDivisionError: division by zero"), "\(e)")
            #expect(e.description.contains("\n  z = y / 0\n  ^^^^^^^^^"), "\(e)")
            // The traceback names the query file and shows the user's own line.
            #expect(e.hint?.contains("File \"q.kql\", line 5, in <module>\n    z = y / 0") == true, "\(e.hint ?? "")")
        }

        @Test func anADXScriptInARawStringFailsAtItsQueryLine() throws {
            let e = try #require(
                failure(
                    """
                    print a = 1
                    | evaluate python(typeof(*), r'''
                    import json
                    result = df
                    raise ValueError("bad input")
                    ''')
                    """))
            #expect(e.description.hasPrefix("E_PYTHON: q.kql:5:1: ValueError: bad input"), "\(e)")
        }

        @Test func aSyntaxErrorPointsAtItsQueryLine() throws {
            let e = try #require(
                failure(
                    """
                    print a = 1
                    | python()
                    ```
                    result = df
                    if True
                        pass
                    ```
                    """))
            #expect(e.description.hasPrefix("E_PYTHON: q.kql:5:1: SyntaxError:"), "\(e)")
        }

        /// Without a file the lines are the query text's; a script written with escapes keeps its own lines.
        @Test func withoutAFileOrWithEscapesTheLinesStillSaySomethingTrue() throws {
            let inline = try #require(failure(Self.fenced, file: nil))
            #expect(inline.description.hasPrefix("E_PYTHON: 5:1: ZeroDivisionError"), "\(inline)")
            #expect(inline.hint?.contains("File \"<query>\", line 5") == true, "\(inline.hint ?? "")")
            let escaped = try #require(
                failure("print a = 1\n| evaluate python(typeof(*), 'y = 1\\nz = y / 0\\nresult = df')"))
            #expect(escaped.description.hasPrefix("E_PYTHON: q.kql:2:12: ZeroDivisionError"), "\(escaped)")
            #expect(escaped.message.contains("(script line 2)"), "\(escaped)")
        }

        /// A KeyError raised deep inside pandas shows the user's line and one folded line for pandas' frames.
        @Test func framesInsidePandasAreFoldedUnlessVerbose() throws {
            let query = """
                print a = 1
                | python()
                ```
                result = df[['no_such_column']]
                ```
                """
            let e = try #require(failure(query))
            let hint = try #require(e.hint)
            #expect(e.description.hasPrefix("E_PYTHON: q.kql:4:1: KeyError:"), "\(e)")
            #expect(hint.contains("    result = df[['no_such_column']]"), "\(hint)")
            #expect(hint.contains("pandas; --verbose shows them]"), "\(hint)")
            #expect(!hint.contains("site-packages/pandas"), "\(hint)")
            let verbose = try #require(failure(query, fullTracebacks: true)?.hint)
            #expect(verbose.contains("site-packages/pandas"), "\(verbose)")
            #expect(!verbose.contains("--verbose shows them"), "\(verbose)")
        }
    }
}

/// What a script printed is shown with its error: when it raised, and when it was stopped before it
/// could answer (its time limit; a kickout and Ctrl-C go the same way, see LimitsTests and CancellationTests).
extension PythonSuites {
    @Suite
    struct PythonPrintedOutputTests {
        let input = Table([("x", Column(int64s: [1]))])

        @Test func printOutputIsShownWhenTheScriptRaises() throws {
            let e = errorOf {
                _ = try PythonTestEnvironment.plugin().run(
                    input: input,
                    arguments: Call.adx(Call.schema(star: true, []), "print('rows:', len(df))\nraise ValueError('no')"))
            }
            #expect(e?.code == .python)
            #expect(e?.hint?.hasSuffix("\(PythonPlugin.printedHeader)\nrows: 1\n") == true, "\(e?.hint ?? "")")
        }

        @Test func printOutputSurvivesTheTimeLimit() throws {
            let script = "import sys, time\nprint('step 1 done')\nsys.stderr.write('warming up\\n')\ntime.sleep(30)"
            let e = errorOf {
                _ = try PythonTestEnvironment.plugin(timeoutMilliseconds: 3000).run(
                    input: input, arguments: Call.adx(Call.schema(star: true, []), script))
            }
            #expect(e?.code == .sandboxTimeout, "\(String(describing: e))")
            let printed = "\(PythonPlugin.printedHeader)\nstep 1 done\nwarming up\n"
            #expect(e?.hint?.hasSuffix(printed) == true, "\(e?.hint ?? "")")
        }
    }
}
