import Columnar
import Foundation
import Testing
@testable import Conformance

@Suite struct ReportFormatTests {
    static func example(_ line: Int, query: String = "print x = 1", expected: [MarkdownTable] = []) -> DocumentExample {
        DocumentExample(document: "d.md", line: line, id: "s-\(line)", section: "S", query: query, expected: expected)
    }

    static let report = RunReport(results: [
        ExampleResult(
            example: example(3), sandbox: nil, status: .matched, seconds: 0.25,
            tables: [Table([("x", Column(type: .long, int64s: [1]))])], ordered: [true]),
        ExampleResult(
            example: example(9, query: "print a = \"<&>\""), sandbox: nil, status: .fail, seconds: 0.5,
            messages: ["expected 1 row, got 2"],
            diffs: [
                (
                    0,
                    TableDiff(rows: [
                        .cells(expected: 0, actual: 0, [CellDiff(column: "a", expected: "x", actual: "y")])
                    ])
                )
            ]),
        ExampleResult(
            example: example(12), sandbox: nil, status: .error,
            error: ExampleError(code: "E_PARSE", message: "1:3: expected ')'")),
        ExampleResult(example: example(15), sandbox: nil, status: .skipped, reason: "synopsis"),
        ExampleResult(
            example: example(18), sandbox: nil, status: .expectedFail, reason: "not fitted",
            error: ExampleError(code: "E_PYTHON", message: "Traceback\nNotFittedError: nope")),
    ])

    @Test func summaryLineCountsExpectedFailuresAsPassedAndErrorsAsFailed() {
        #expect(Self.report.summaryLine == "2 passed, 2 failed, 1 skipped (1 matched, 0 ran, 1 expected failure)")
        #expect(RunReport(results: [Self.report.results[0]]).summaryLine == "1 passed, 0 failed (1 matched, 0 ran)")
    }

    @Test func textReportHasOneLinePerExampleAndDetailsForTheRest() {
        let text = TextReport.render(Self.report)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.first == "EXAMPLE  STATUS         TIME")
        #expect(lines[1] == "d.md:3   matched        0.25s")
        #expect(text.contains("FAIL d.md:9 (s-9)\n  query:\n    print a = \"<&>\"\n"))
        #expect(text.contains("  row 1, column a: expected x, got y\n"))
        #expect(text.contains("ERROR d.md:12"))
        #expect(
            text.contains(
                "EXPECTED-FAIL d.md:18 (s-18)\n  reason: not fitted\n  error: E_PYTHON: NotFittedError: nope\n"))
        #expect(
            lines.filter { $0 == "2 passed, 2 failed, 1 skipped (1 matched, 0 ran, 1 expected failure)" }.count == 1)
    }

    @Test func jsonIsOneParsableObjectPerExample() throws {
        let lines = JSONReport.render(Self.report).split(separator: "\n")
        #expect(lines.count == 5)
        let objects = try lines.map { try Dynamic.parseJSON(String($0)) }
        #expect(
            objects.map { $0[key: "status"] }
                == ["matched", "fail", "error", "skipped", "expected-fail"].map { .string($0) })
        #expect(
            objects[1][key: "diffs"]?[index: 0]?[key: "rows"]?[index: 0]?[key: "cells"]?[index: 0]?[key: "actual"]
                == .string("y"))
        #expect(objects[4][key: "error"]?[key: "code"] == .string("E_PYTHON"))
        // None of these examples shows a table in its document.
        #expect(objects.allSatisfy { $0[key: "tables"] == .long(0) })
    }

    @Test func junitCountsAndEscapes() {
        let xml = JUnitReport.render(Self.report)
        #expect(
            xml.hasPrefix(
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"sandpiper conformance\" tests=\"5\" failures=\"1\" errors=\"1\" skipped=\"1\""
            ))
        #expect(xml.contains("<testcase classname=\"d.md\" name=\"line 3 s-3\" time=\"0.250\"/>"))
        #expect(xml.contains("print a = &quot;&lt;&amp;&gt;&quot;"))
        #expect(xml.contains("<skipped message=\"synopsis\"/>"))
        #expect(
            xml.contains("<error message=\"E_PARSE: 1:3: expected &apos;)&apos;\"")
                || xml.contains("<error message=\"E_PARSE: 1:3: expected ')'\""))
        #expect(!xml.contains("\u{1}"))
    }

    @Test func caseFileRecordsUnpinnedPassingExamples() {
        let pinned = ExampleResult(
            example: Self.example(1, expected: [MarkdownTable(header: ["x"], rows: [["1"]], line: 2)]),
            sandbox: nil, status: .matched)
        let table = Table([("x", Column(type: .long, int64s: [1, 2])), ("s", Column(strings: ["a\tb", ""]))])
        let free = ExampleResult(
            example: Self.example(5, query: "range x from 1 to 2 step 1\n\n| extend s = 'a'"), sandbox: nil,
            status: .ran, tables: [table], ordered: [true])
        let broken = ExampleResult(
            example: Self.example(9), sandbox: nil, status: .error, error: ExampleError(code: "E_PARSE", message: "x"))
        let text = CaseFileWriter.render(document: "d.md", results: [pinned, free, broken])
        #expect(!text.contains("d.md:1 "))
        #expect(
            text.contains(
                "# d.md:5 (s-5)\nquery nosort\nrange x from 1 to 2 step 1\n| extend s = 'a'\n----\nx:long\ts:string\n1\ta\\tb\n2\t\n"
            ))
        #expect(text.contains("# d.md:9 (s-9)\n# not recorded: error with E_PARSE\n"))
    }

    @Test func statementWithoutTablesIsStatementOk() {
        #expect(
            CaseFileWriter.record(query: ".create table T (a:long)", tables: [], ordered: [])
                == "statement ok\n.create table T (a:long)\n")
        #expect(CaseFileWriter.cell(.null) == "null")
        #expect(CaseFileWriter.cell(.datetime(0)) == "1970-01-01T00:00:00Z")
    }
}
