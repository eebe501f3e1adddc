import Columnar
import Foundation
import KQLSyntax
import Testing
@testable import Conformance

@Suite struct KQLTestRunnerTests {
    @Test func canonicalCells() {
        #expect(KQLTestComparison.cell(.null) == "null")
        #expect(KQLTestComparison.cell(.dynamic(.null)) == "null")
        #expect(KQLTestComparison.cell(.string("")) == "")
        #expect(KQLTestComparison.cell(.string("a\tb\nc")) == "a\\tb\\nc")
        #expect(KQLTestComparison.cell(.bool(true)) == "true")
        #expect(KQLTestComparison.cell(.real(1)) == "1")
        #expect(KQLTestComparison.cell(.real(1e20)) == "1E+20")
        #expect(
            KQLTestComparison.cell(.datetime(DateTimeFormat.parse("2024-01-01T00:00:00.123Z")!))
                == "2024-01-01T00:00:00.1230000Z")
        #expect(KQLTestComparison.cell(.timespan(93_784_000_000_000)) == "1.02:03:04")
        #expect(
            KQLTestComparison.cell(.guid(UUID(uuidString: "3F2504E0-4F89-11D3-9A0C-0305E82C3301")!))
                == "3f2504e0-4f89-11d3-9a0c-0305e82c3301")
        #expect(KQLTestComparison.cell(.dynamic(.string("v"))) == "\"v\"")
        #expect(
            KQLTestComparison.cell(
                .dynamic(.bag(PropertyBag([("a", .long(1)), ("b", .array([.long(1), .long(2)]))]))))
                == #"{"a":1,"b":[1,2]}"#)
    }

    static let table = Table([("x", Column(type: .long, int64s: [2, 1])), ("s", Column(strings: ["b", "a"]))])

    @Test func rowsortIgnoresOrderNosortDoesNot() {
        let expected = KQLTestRecord.ExpectedTable(header: "x:long\ts:string", rows: ["1\ta", "2\tb"], line: 1)
        #expect(KQLTestComparison.difference(expected: expected, actual: Self.table, mode: .rowsort) == nil)
        let diff = KQLTestComparison.difference(expected: expected, actual: Self.table, mode: .nosort)
        #expect(diff == "rows differ (expected 2, got 2):\n+ 2\tb\n  1\ta\n- 2\tb\n")
    }

    @Test func headerDifferenceIsShown() {
        let expected = KQLTestRecord.ExpectedTable(header: "x:int\ts:string", rows: ["2\tb", "1\ta"], line: 1)
        #expect(
            KQLTestComparison.difference(expected: expected, actual: Self.table, mode: .nosort)
                == "header differs:\n- x:int\ts:string\n+ x:long\ts:string\n")
    }

    /// Runs records against a scripted executor: the runner's verdicts, not an engine, are under test.
    @Test func verdictsPerRecord() throws {
        let file = try KQLTestFile(
            parsing: """
                query rowsort
                good
                ----
                x:long\ts:string
                1\ta
                2\tb

                query nosort
                wrong
                ----
                x:long
                1

                statement ok
                fails

                statement error E_PARSE wher
                fails

                statement error E_TYPE
                fails

                statement error E_PARSE
                good
                """, path: "v.kqltest")
        let outcomes = KQLTestRunner.run(file) { (text: String, _: Int) throws(KQLError) -> [Table] in
            if text == "fails" { throw KQLError(.parse, "unknown operator 'wher'") }
            return [Self.table]
        }
        #expect(outcomes.map(\.passed) == [true, false, false, true, false, false])
        #expect(outcomes.map(\.line) == [1, 8, 14, 17, 20, 23])
        // Only `statement ok` states no result to compare: the conformance report counts it as "ran".
        #expect(outcomes.map(\.compared) == [true, true, false, true, true, true])
        #expect(outcomes[1].detail?.contains("header differs") == true)
        #expect(outcomes[2].detail?.contains("E_PARSE: unknown operator 'wher'") == true)
        #expect(outcomes[4].detail?.hasPrefix("expected error E_TYPE") == true)
        #expect(outcomes[5].detail?.contains("succeeded") == true)
        let report = KQLTestReport(outcomes: outcomes)
        #expect(report.passed == 2 && report.failed == 4)
        #expect(report.summary.hasSuffix("2 passed, 4 failed"))
        #expect(report.summary.contains("v.kqltest:8: FAIL"))
    }
}
