import Columnar
import Testing
@testable import Conformance

@Suite struct KQLTestFileTests {
    @Test func parsesEveryKindOfRecord() throws {
        let text = """
            # a comment
            query rowsort
            print x = 1, y = "a"
            ----
            x:long\ty:string
            1\ta

            query nosort
            range x from 1 to 2 step 1; print z = 3
            ----
            x:long
            1
            2
            ----
            z:long
            3

            statement ok
            .create table T (a:long, b:string)

            statement error E_PARSE expected an operator
            T | wher a > 1
            """
        let file = try KQLTestFile(parsing: text, path: "t.kqltest")
        #expect(file.records.map(\.line) == [2, 8, 18, 21])
        guard case .tables(let tables, .rowsort) = file.records[0].expectation else {
            Issue.record("not a rowsort query"); return
        }
        #expect(file.records[0].text == "print x = 1, y = \"a\"")
        #expect(tables == [KQLTestRecord.ExpectedTable(header: "x:long\ty:string", rows: ["1\ta"], line: 5)])
        guard case .tables(let two, .nosort) = file.records[1].expectation else {
            Issue.record("not a nosort query"); return
        }
        #expect(two.map(\.header) == ["x:long", "z:long"])
        #expect(two.map(\.rows) == [["1", "2"], ["3"]])
        guard case .success = file.records[2].expectation else { Issue.record("not statement ok"); return }
        guard case .error(let code, let text) = file.records[3].expectation else {
            Issue.record("not statement error"); return
        }
        #expect(code.rawValue == "E_PARSE" && text == "expected an operator")
        #expect(file.records[3].text == "T | wher a > 1")
    }

    @Test func queryTextMayHoldBlankLinesAndHashes() throws {
        let text = "query nosort\nT\n| python(script=```\n\n# python comment\nresult = df\n```)\n----\nx:long\n"
        let file = try KQLTestFile(parsing: text, path: "p.kqltest")
        #expect(file.records.count == 1)
        #expect(file.records[0].text == "T\n| python(script=```\n\n# python comment\nresult = df\n```)")
    }

    @Test func emptyExpectedTable() throws {
        let file = try KQLTestFile(parsing: "query nosort\nT | take 0\n----\nx:long\n\n", path: "e.kqltest")
        guard case .tables(let tables, _) = file.records[0].expectation else { Issue.record("not a query"); return }
        #expect(tables.first?.rows == [])
    }

    @Test func fileClock() throws {
        let file = try KQLTestFile(
            parsing: "# pinned\nnow 2025-01-01T00:00:00Z\n\nquery nosort\nprint now()\n----\nx:datetime\n",
            path: "c.kqltest")
        #expect(file.now == DateTimeFormat.parse("2025-01-01T00:00:00Z"))
        #expect(file.records.count == 1)
        #expect(try KQLTestFile(parsing: "query nosort\nprint 1\n----\nx:long\n1\n", path: "d").now == nil)
    }

    @Test func formatErrorsNameTheLine() {
        let cases = [
            ("query sideways\nx\n----\n", 1), ("\n\nnonsense\n", 3), ("query nosort\nprint 1\n", 1),
            ("statement error\nx\n", 1), ("statement ok\n", 1), ("now yesterday\n", 1),
            ("now 2025-01-01\nnow 2025-01-02\n", 2),
        ]
        for (text, line) in cases {
            let error = #expect(throws: KQLTestFormatError.self) { try KQLTestFile(parsing: text, path: "f") }
            #expect(error?.line == line, "\(text)")
        }
    }

    /// A `statement error` code is read through the catalogue: a misspelt code is a format error, not a
    /// test that can never pass.
    @Test func statementErrorCodesMustBeCatalogued() throws {
        let error = #expect(throws: KQLTestFormatError.self) {
            try KQLTestFile(parsing: "\nstatement error E_PRASE\nT | wher a\n", path: "f")
        }
        #expect(error?.line == 2 && error?.reason.contains("'E_PRASE' is not a Sandpiper error code") == true)
        #expect(error?.code == .caseFileFormat)
        let file = try KQLTestFile(parsing: "statement error E_UNKNOWN_NAME\nT\n", path: "g")
        guard case .error(let code, nil) = file.records[0].expectation else {
            Issue.record("not statement error"); return
        }
        #expect(code == .unknownName)
    }
}
