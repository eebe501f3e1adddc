import Columnar
import Foundation
import Testing
@testable import KQLSyntax

/// Literal tokens: numbers, timespans with units, and every form of string.
@Suite struct LexerLiteralTests {
    func literal(_ text: String) throws -> (Value, ScalarType) {
        let e = try Parser.parseExpression(text)
        guard case .literal(let v, let t, _) = e else {
            Issue.record("not a literal: \(text) → \(dump(e))"); return (.null, .string)
        }
        return (v, t)
    }

    @Test func numbers() throws {
        #expect(try literal("123") == (.long(123), .long))
        #expect(try literal("0x1F") == (.long(31), .long))
        #expect(try literal("int(5)") == (.int(5), .int))
        #expect(try literal("long(-7)") == (.long(-7), .long))
        #expect(try literal("1.5") == (.real(1.5), .real))
        #expect(try literal("1e3") == (.real(1000), .real))
        #expect(try literal("2.5E-1") == (.real(0.25), .real))
        #expect(try literal("real(1.5)") == (.real(1.5), .real))
        #expect(try literal("real(+inf)") == (.real(.infinity), .real))
        #expect(try literal("real(-inf)") == (.real(-.infinity), .real))
        let (nan, _) = try literal("real(nan)")
        if case .real(let d) = nan { #expect(d.isNaN) } else { Issue.record("real(nan) is \(nan)") }
        #expect(try literal("decimal(1.5)") == (.decimal(Decimal(string: "1.5")!), .decimal))
        #expect(try literal("double(2)") == (.real(2), .real))
    }

    @Test func timespans() throws {
        let s: Int64 = 1_000_000_000
        #expect(try literal("1d") == (.timespan(86_400 * s), .timespan))
        #expect(try literal("2h") == (.timespan(7_200 * s), .timespan))
        #expect(try literal("30m") == (.timespan(1_800 * s), .timespan))
        #expect(try literal("10s") == (.timespan(10 * s), .timespan))
        #expect(try literal("100ms") == (.timespan(100_000_000), .timespan))
        #expect(try literal("1.5s") == (.timespan(1_500_000_000), .timespan))
        #expect(try literal("10microsecond") == (.timespan(10_000), .timespan))
        #expect(try literal("1tick") == (.timespan(100), .timespan))
        #expect(try literal("time(1.02:03:04)") == (.timespan((86_400 + 7_200 + 180 + 4) * s), .timespan))
        #expect(try literal("timespan(2d)") == (.timespan(2 * 86_400 * s), .timespan))
        #expect(try literal("time(00:00:00.5)") == (.timespan(s / 2), .timespan))
    }

    @Test func strings() throws {
        #expect(try literal(#"'a\'b'"#) == (.string("a'b"), .string))
        #expect(try literal(#""tab\there\n""#) == (.string("tab\there\n"), .string))
        #expect(try literal(#""\u00e9""#) == (.string("é"), .string))
        #expect(try literal(#"@'C:\dir\file'"#) == (.string(#"C:\dir\file"#), .string))
        #expect(try literal(#"@"say ""hi""""#) == (.string(#"say "hi""#), .string))
        #expect(try literal("h'secret'") == (.string("secret"), .string))
        #expect(try literal(#"h@"c:\x""#) == (.string(#"c:\x"#), .string))
        #expect(try literal("'a' \"b\" @'c'") == (.string("abc"), .string))
        #expect(try literal("```line1\nline2```") == (.string("line1\nline2"), .string))
        #expect(try literal("r'''x = '1'\ny = \"2\"\n'''") == (.string("x = '1'\ny = \"2\"\n"), .string))
        #expect(try literal(#"r"\d+""#) == (.string(#"\d+"#), .string))
    }
}
