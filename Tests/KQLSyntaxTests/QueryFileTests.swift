import Testing
@testable import KQLSyntax

@Suite struct QueryFileTests {
    @Test func blankLinesEndQueries() {
        let text = "// first\nprint 1\n| extend y = 2\n\n  \t\nprint 2\n\n// only a comment\n\n"
        let qs = QueryFile.split(text)
        #expect(qs.map(\.line) == [1, 6])
        #expect(qs[0].text == "// first\nprint 1\n| extend y = 2")
        // Padded so that line numbers in errors are the file's.
        #expect(qs[1].text == "\n\n\n\n\nprint 2")
    }

    @Test func aBlankLineInsideAFencedStringDoesNotEndTheQuery() {
        let text = "print s = ```\nline one\n\nline three```\n| project s\n\nprint 'a ``` b'\n\nprint 3"
        let qs = QueryFile.split(text)
        #expect(qs.map(\.line) == [1, 7, 9])
    }

    @Test func windowsLineEndsAndNoTrailingBlank() {
        #expect(QueryFile.split("print 1\r\n\r\nprint 2").map(\.line) == [1, 3])
        #expect(QueryFile.split("").isEmpty)
    }
}
