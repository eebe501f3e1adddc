import Testing
@testable import Columnar

@Suite struct TextFormTests {
    @Test(arguments: [
        ("2024-01-01", "2024-01-01T00:00:00Z"),
        ("2024-02-29 10:11:12.5", "2024-02-29T10:11:12.5000000Z"),
        ("2015-12-31T23:59:59.9999999Z", "2015-12-31T23:59:59.9999999Z"),
        ("2024-01-01T02:00:00+02:00", "2024-01-01T00:00:00Z"),
        ("Sat, 8 Nov 2014 15:05:02 GMT", "2014-11-08T15:05:02Z"),
        ("1970-01-01", "1970-01-01T00:00:00Z"),
        ("1969-12-31 23:59:59", "1969-12-31T23:59:59Z"),
    ])
    func datetimeParsesAndPrints(text: String, expected: String) throws {
        let v = try #require(DateTimeFormat.parse(text))
        #expect(DateTimeFormat.iso8601(v) == expected)
    }

    @Test(arguments: ["2024-13-01", "2024-02-30", "3000-01-01", "not a date", ""])
    func invalidOrOutOfRangeDatetimeIsRejected(text: String) {
        #expect(DateTimeFormat.parse(text) == nil)
    }

    @Test func restFormHasSevenDigits() {
        #expect(DateTimeFormat.iso8601(0, fractionDigits: 7) == "1970-01-01T00:00:00.0000000Z")
    }

    @Test(arguments: [
        ("1.02:03:04", "1.02:03:04"), ("00:00:00.5", "00:00:00.5000000"), ("-01:00:00", "-01:00:00"),
        ("2d", "2.00:00:00"), ("1.5h", "01:30:00"), ("100ms", "00:00:00.1000000"), ("30m", "00:30:00"),
    ])
    func timespanParsesAndPrints(text: String, expected: String) throws {
        let v = try #require(TimespanFormat.parse(text))
        #expect(TimespanFormat.string(v) == expected)
    }

    @Test(arguments: [(1.0, "1"), (0.5, "0.5"), (1e20, "1E+20"), (-2.5e-7, "-2.5E-07"), (Double.nan, "NaN")])
    func realText(value: Double, expected: String) {
        #expect(RealFormat.string(value) == expected)
    }

    @Test func dynamicJSONRoundTrips() throws {
        let text = #"{"a":1,"b":[true,null,2.5,"x\"y"],"c":{"d":-3}}"#
        let d = try Dynamic.parseJSON(text)
        #expect(d.jsonText == text)
        #expect(d[key: "b"]?[index: -1] == .string("x\"y"))
    }

    @Test func malformedJSONReportsOffset() {
        #expect(throws: JSONParseError.self) { try Dynamic.parseJSON("[1, 2") }
        #expect(throws: JSONParseError.self) { try Dynamic.parseJSON("{\"a\" 1}") }
    }

    @Test func bagEqualityIgnoresKeyOrder() throws {
        #expect(try Dynamic.parseJSON(#"{"a":1,"b":2}"#) == Dynamic.parseJSON(#"{"b":2,"a":1}"#))
    }
}
