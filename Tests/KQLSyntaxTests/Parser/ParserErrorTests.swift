import Testing
@testable import KQLSyntax

@Suite struct ParserErrorTests {
    func failure(_ text: String) -> KQLError? {
        do {
            _ = try Parser.parse(text)
            return nil
        } catch {
            return error
        }
    }

    @Test func danglingCommaShowsLineColumnAndCaret() throws {
        let e = try #require(failure("T\n| project a, b,\n| take 5"))
        #expect(e.code == .parse)
        #expect(
            e.description == """
                E_PARSE: 3:1: expected a column name or an expression after ',', found '|'
                  | take 5
                  ^
                """)
    }

    @Test func unclosedCallPointsBackAtTheParenthesis() throws {
        let e = try #require(failure("print strlen('a'"))
        #expect(e.message == "expected ',' or ')' after the arguments of 'strlen' (opened at 1:13), found end of query")
        #expect(e.description.hasPrefix("E_PARSE: 1:17:"))
    }

    @Test func unknownOperatorSuggestsClosest() throws {
        let e = try #require(failure("T | wher a > 1"))
        #expect(e.code == .parse)
        #expect(
            e.description == """
                E_PARSE: 1:5: unknown operator 'wher'; did you mean 'where'?
                  T | wher a > 1
                      ^^^^
                """)
        #expect(failure("T | summarise count()")?.message == "unknown operator 'summarise'; did you mean 'summarize'?")
        #expect(failure("T | projectaway a")?.message.contains("did you mean 'project-away'?") == true)
    }

    @Test func unsupportedOperatorByName() throws {
        // Any operator the manifest lists as not yet implemented (the list shrinks as they land).
        if let missing = KQLManifest.operators.first(where: { $0.status == .notYet && $0.aliasOf == nil }) {
            let e = try #require(failure("T | \(missing.name) x"))
            #expect(e.code == .unsupported)
            #expect(e.message == "operator `\(missing.name)` is not supported yet")
            #expect(e.span == SourceSpan(4, 4 + missing.name.utf8.count))
        }
        // macro-expand starts a query; after `|` it is refused by name.
        let m = try #require(failure("T | macro-expand entity_group [database('a')] as X (X.T)"))
        #expect(m.code == .parse)
        #expect(m.message.contains("'macro-expand' starts a query"))
    }

    @Test func unterminatedString() throws {
        let e = try #require(failure("print 'abc"))
        #expect(
            e.description == """
                E_PARSE: 1:7: unterminated string literal: expected a closing ' on the same line
                  print 'abc
                        ^^^^
                """)
    }

    @Test func missingColumnAfterBy() throws {
        let e = try #require(failure("T | summarize count() by"))
        #expect(e.message == "expected a column name after 'by', found end of query")
        #expect(e.description.hasPrefix("E_PARSE: 1:25:"))
        #expect(failure("T | order a")?.message == "expected 'by' after 'order', found 'a'")
    }

    @Test func trailingGarbage() throws {
        let e = try #require(failure("T | where a > 1 b"))
        #expect(e.message.hasPrefix("unexpected 'b' after the 'where' operator"))
        #expect(failure("print 1 2")?.message.hasPrefix("unexpected '2' after the statement") == true)
    }

    @Test func badLiterals() throws {
        #expect(failure("print datetime(2024-13-45)")?.message == "invalid datetime literal '2024-13-45'")
        #expect(failure("print 1.5abc")?.message == "invalid number '1.5abc': 'abc' is not a timespan unit")
        #expect(failure("print int(5000000000)")?.message == "invalid int literal '5000000000'")
        #expect(failure(#"print "a\qb""#)?.message.hasPrefix("unknown escape sequence '\\q'") == true)
        #expect(failure("print dynamic([1, 2)")?.message == "expected ',' or ']' after an array element, found ')'")
        #expect(failure("print ```abc")?.message == "unterminated multi-line string literal: expected a closing ```")
    }

    @Test func notKQL() throws {
        #expect(failure("T | where s like 'a%'")?.message.hasPrefix("'like' is not a KQL operator") == true)
        #expect(failure("T | where a = 1")?.message.hasPrefix("unexpected '=' after the statement; use '=='") == true)
        #expect(failure("T | print 1")?.message == "'print' starts a query and cannot follow '|'")
    }

    @Test func sourceNameIsPrinted() throws {
        do {
            _ = try Parser.parse("T | take", sourceName: "q.kql")
            Issue.record("no error")
        } catch {
            #expect(
                error.description.hasPrefix("E_PARSE: q.kql:1:9: expected a row count after 'take', found end of query")
            )
        }
    }
}
