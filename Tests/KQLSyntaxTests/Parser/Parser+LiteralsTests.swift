import Columnar
import Foundation
import Testing
@testable import KQLSyntax

/// Typed literals (`datetime(...)`, `guid(...)`, `dynamic(...)`, typed nulls) and booleans.
@Suite struct ParserLiteralTests {
    func literal(_ text: String) throws -> (Value, ScalarType) {
        let e = try Parser.parseExpression(text)
        guard case .literal(let v, let t, _) = e else {
            Issue.record("not a literal: \(text) → \(dump(e))"); return (.null, .string)
        }
        return (v, t)
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

    @Test func datetimes() throws {
        #expect(try literal("datetime(2024-01-01)") == (.datetime(1_704_067_200 * 1_000_000_000), .datetime))
        #expect(
            try literal("datetime(2024-01-01 10:00:00.5)") == (
                .datetime((1_704_067_200 + 36_000) * 1_000_000_000 + 500_000_000), .datetime
            ))
        #expect(
            try literal("datetime(2024-01-01T10:00:00Z)") == (
                .datetime((1_704_067_200 + 36_000) * 1_000_000_000), .datetime
            ))
        #expect(try literal("date(2024-01-01)") == (.datetime(1_704_067_200 * 1_000_000_000), .datetime))
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
        #expect(
            v
                == .dynamic(
                    .bag(
                        PropertyBag([
                            ("t", .datetime(1_704_067_200 * 1_000_000_000)), ("d", .timespan(3_600 * 1_000_000_000)),
                        ]))))
    }
}
