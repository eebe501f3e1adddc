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

    /// Kusto's lexer skips Unicode spaces (no-break, zero-width, ideographic, the byte order mark) like blanks;
    /// queries pasted from web pages carry them.
    @Test func unicodeSpacesAreWhitespace() throws {
        #expect(try tree("\u{200B}T\u{00A0}| where\u{3000}x > 1\u{FEFF}") == "T | where (> x 1)")
        #expect(try expr("1\u{2009}+\u{202F}2") == "(+ 1 2)")
    }

    /// Digits followed by a word that is no timespan unit are a name, as in Kusto's lexer; `5m` stays a timespan.
    @Test func digitLedNames() throws {
        let tokens = Lexer.tokenize("5Minutebin 5m 12 _1")
        #expect(tokens.map(\.kind) == [.identifier, .timespan(300_000_000_000), .long(12), .identifier, .endOfText])
        #expect(tokens.first?.text == "5Minutebin")
    }
}
