import Columnar
import Testing
@testable import Conformance

/// How a pipe-table cell reads: the forms ADX's pages use for multi-line JSON and links.
@Suite struct MarkdownTableCellsTests {
    @Test func lineBreaksInACellAreLineBreaks() {
        #expect(MarkdownTableCells.normalize("{<br>  \"a\": [<br>    1<br>  ]<br>}") == "{\n  \"a\": [\n    1\n  ]\n}")
        #expect(MarkdownTableCells.normalize("a<br/>b<br />c") == "a\nb\nc")
    }

    @Test func indentedJSONWithBreaksMatchesADynamicValue() {
        let cell = MarkdownTableCells.normalize(
            "{<br>  \"type\": \"Point\",<br>  \"coordinates\": [<br>    1.5,<br>    2<br>  ]<br>}")
        let value = Dynamic.bag(
            PropertyBag([("type", .string("Point")), ("coordinates", .array([.real(1.5), .long(2)]))]))
        #expect(CellMatcher.matches(cell, .dynamic(value)))
    }

    @Test func aLinkShowsItsText() {
        #expect(
            MarkdownTableCells.normalize("[https://example.com/a_b](https://example.com/a_b)")
                == "https://example.com/a_b")
        #expect(MarkdownTableCells.normalize("[1,2]") == "[1,2]")
        #expect(MarkdownTableCells.normalize("[[1],[2]]") == "[[1],[2]]")
        #expect(MarkdownTableCells.normalize("[a](b) and [c](d)") == "[a](b) and [c](d)")
    }
}
