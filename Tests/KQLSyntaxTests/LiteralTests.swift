import Columnar
import Foundation
import Testing
@testable import KQLSyntax

@Suite struct LiteralTests {
    func literal(_ text: String) throws -> (Value, ScalarType) {
        let e = try Parser.parseExpression(text)
        guard case .literal(let v, let t, _) = e else { Issue.record("not a literal: \(text) → \(dump(e))"); return (.null, .string) }
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

    @Test func typedNulls() throws {
        #expect(try literal("long(null)") == (.null, .long))
        #expect(try literal("int(null)") == (.null, .int))
        #expect(try literal("real(null)") == (.null, .real))
        #expect(try literal("bool(null)") == (.null, .bool))
        #expect(try literal("datetime(null)") == (.null, .datetime))
        #expect(try literal("time(null)") == (.null, .timespan))
        #expect(try literal("guid(null)") == (.null, .guid))
        #expect(try literal("dynamic(null)") == (.null, .dynamic))
        #expect(try literal("decimal(null)") == (.null, .decimal))
    }

    @Test func booleans() throws {
        #expect(try literal("true") == (.bool(true), .bool))
        #expect(try literal("false") == (.bool(false), .bool))
        #expect(try literal("bool(true)") == (.bool(true), .bool))
        #expect(try literal("bool(False)") == (.bool(false), .bool))
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

    @Test func datetimes() throws {
        #expect(try literal("datetime(2024-01-01)") == (.datetime(1_704_067_200 * 1_000_000_000), .datetime))
        #expect(try literal("datetime(2024-01-01 10:00:00.5)") == (.datetime((1_704_067_200 + 36_000) * 1_000_000_000 + 500_000_000), .datetime))
        #expect(try literal("datetime(2024-01-01T10:00:00Z)") == (.datetime((1_704_067_200 + 36_000) * 1_000_000_000), .datetime))
        #expect(try literal("date(2024-01-01)") == (.datetime(1_704_067_200 * 1_000_000_000), .datetime))
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

    @Test func guids() throws {
        let g = UUID(uuidString: "74be27de-1e4e-49d9-b579-fe0b331d3642")!
        #expect(try literal("guid(74be27de-1e4e-49d9-b579-fe0b331d3642)") == (.guid(g), .guid))
    }

    @Test func dynamics() throws {
        #expect(try expr("dynamic([1, 2.5, 'a', \"b\", true, null])") == #"dynamic([1,2.5,"a","b",true,null])"#)
        #expect(try expr("dynamic({\"a\": 1, 'b': [1, {\"c\": -2}]})") == #"dynamic({"a":1,"b":[1,{"c":-2}]})"#)
        #expect(try expr("dynamic(1)") == "dynamic(1)")
        #expect(try expr("dynamic('x')") == #"dynamic("x")"#)
        let (v, _) = try literal("dynamic({\"t\": datetime(2024-01-01), \"d\": 1h})")
        #expect(v == .dynamic(.bag(PropertyBag([("t", .datetime(1_704_067_200 * 1_000_000_000)), ("d", .timespan(3_600 * 1_000_000_000))]))))
    }

    @Test func schemas() throws {
        #expect(try expr("typeof(long)") == "typeof(long)")
        #expect(try expr("typeof(*, a:long, ['b c']:string)") == "typeof(*, a:long, b c:string)")
        #expect(try expr("typeof(x:double)") == "typeof(x:real)")
    }

    @Test func names() throws {
        #expect(try expr("['a name']") == "a name")
        #expect(try expr(#"["x"] + 1"#) == "(+ x 1)")
        #expect(try expr("$left.a") == "$left.a")
        #expect(try expr("type") == "type")
        #expect(try expr("count + kind") == "(+ count kind)")
    }

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
}
