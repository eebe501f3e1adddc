import Columnar
import Foundation
import Testing
@testable import KQLSyntax

/// Splitting text into tokens: comments, byte-offset spans, hyphenated operator names.
@Suite struct LexerTests {
    @Test func comments() throws {
        #expect(try expr("1 // one\n + // plus\n 2") == "(+ 1 2)")
    }

    @Test func spansAreByteOffsets() throws {
        let e = try Parser.parseExpression("é + 'ab'")
        guard case .binary(_, let l, let r, let span) = e else { Issue.record("not binary"); return }
        #expect(l.span == SourceSpan(0, 2))
        #expect(r.span == SourceSpan(5, 9))
        #expect(span == SourceSpan(0, 9))
    }

    @Test func lexerJoinsHyphenatedOperatorNamesOnlyWhenAdjacent() throws {
        #expect(try tree("T | project-away a") == "T | project-away a")
        #expect(try tree("T | extend x = a-b") == "T | extend x=(- a b)")
        #expect(try tree("T | where x > -1") == "T | where (> x (- 1))")
    }
}
