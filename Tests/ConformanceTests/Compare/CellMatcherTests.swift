import Columnar
import Foundation
import Testing
@testable import Conformance

@Suite struct CellMatcherTests {
    static let jan1 = DateTimeFormat.nanos(.init(year: 2024, month: 1, day: 1))!

    @Test(arguments: [
        ("0.33", 0.3333), ("0.33", 0.3299), ("0.67", 0.6666), ("3", 2.6), ("3", 3.4),
        ("-0.5", -0.5), ("1E+20", 1.04e20), ("1.5e-3", 0.00151), ("NaN", Double.nan), ("", Double.nan),
        ("Infinity", Double.infinity), ("0.30000000000000004", 0.1 + 0.2), ("100", 100.0),
    ])
    func realsMatchAtTheWrittenPrecision(_ cell: String, _ value: Double) {
        #expect(CellMatcher.matches(cell, .real(value)))
    }

    @Test(arguments: [
        ("0.33", 0.3451), ("0.66", 0.6666), ("3", 2.4), ("3", 3.6), ("3", 4.0), ("-0.33", 0.33), ("1E+20", 2e20),
        ("x", 1.0), ("NaN", 1.0),
        ("0.3", 0.36),
    ])
    func realsOutsideThePrecisionDoNotMatch(_ cell: String, _ value: Double) {
        #expect(!CellMatcher.matches(cell, .real(value)))
    }

    @Test func toleranceRelaxesReals() {
        #expect(!CellMatcher.matches("1.000001", .real(1.0)))
        #expect(CellMatcher.matches("1.000001", .real(1.0), tolerance: 1e-5))
    }

    @Test func longsAreExactAndLargeOnesKeepTheirDigits() {
        #expect(CellMatcher.matches("42", .long(42)))
        #expect(!CellMatcher.matches("43", .long(42)))
        #expect(CellMatcher.matches("9007199254740993", .long(9_007_199_254_740_993)))
        #expect(!CellMatcher.matches("9007199254740992", .long(9_007_199_254_740_993)))
        #expect(CellMatcher.matches("42.0", .int(42)))
    }

    @Test(arguments: ["true", "True", "TRUE", "1"])
    func truthy(_ cell: String) {
        #expect(CellMatcher.matches(cell, .bool(true)))
        #expect(!CellMatcher.matches(cell, .bool(false)))
    }

    @Test func emptyMeansNullOrEmptyString() {
        #expect(CellMatcher.matches("", .null))
        #expect(CellMatcher.matches("", .string("")))
        #expect(CellMatcher.matches("", .dynamic(.null)))
        #expect(CellMatcher.matches("null", .null))
        #expect(!CellMatcher.matches("", .long(0)))
        #expect(!CellMatcher.matches("", .string(" x")))
    }

    @Test(arguments: [
        "2024-01-01", "2024-01-01T00:00:00Z", "2024-01-01 00:00:00.0000000", "2024-01-01T00:00:00.000Z",
        "datetime(2024-01-01)", "1/1/2024 12:00:00 AM", "Mon, 1 Jan 2024 00:00:00 GMT", "2024-01-01T02:00:00+02:00",
    ])
    func datetimeSpellings(_ cell: String) {
        #expect(CellMatcher.matches(cell, .datetime(Self.jan1)))
    }

    @Test func datetimePrecisionFollowsTheWriting() {
        let t = Self.jan1 + 10 * 3_600_000_000_000 + 30_123_456_700  // 10:00:30.1234567
        #expect(CellMatcher.matches("2024-01-01 10:00", .datetime(t)))
        #expect(CellMatcher.matches("2024-01-01T10:00:30Z", .datetime(t)))
        #expect(CellMatcher.matches("2024-01-01T10:00:30.123Z", .datetime(t)))
        #expect(CellMatcher.matches("2024-01-01T10:00:30.1234567Z", .datetime(t)))
        #expect(!CellMatcher.matches("2024-01-01T10:00:30.1234568Z", .datetime(t)))
        #expect(!CellMatcher.matches("2024-01-01T10:01:00Z", .datetime(t)))
        #expect(!CellMatcher.matches("2024-01-02", .datetime(t)))
    }

    @Test(arguments: ["1.00:00:00", "1d", "24h", "1440m", "24:00:00", "timespan(1d)", "1.00:00:00.0000000"])
    func timespanSpellings(_ cell: String) {
        #expect(CellMatcher.matches(cell, .timespan(86_400_000_000_000)))
    }

    @Test func timespanFractions() {
        #expect(CellMatcher.matches("00:00:00.5000000", .timespan(500_000_000)))
        #expect(CellMatcher.matches("00:00:00.5", .timespan(500_000_000)))
        #expect(CellMatcher.matches("500ms", .timespan(500_000_000)))
        #expect(!CellMatcher.matches("00:00:01", .timespan(500_000_000 + 1_000_000_000 * 2)))
        #expect(CellMatcher.matches("-01:00:00", .timespan(-3_600_000_000_000)))
    }

    @Test func dynamicIsJSONInsensitiveToSpacingAndKeyOrder() throws {
        let bag = Dynamic.bag(PropertyBag([("a", .long(1)), ("b", .array([.real(1.5), .string("x")]))]))
        #expect(CellMatcher.matches("{\"b\": [1.5, \"x\"], \"a\": 1}", .dynamic(bag)))
        #expect(CellMatcher.matches("{\"a\":1.0,\"b\":[1.5,\"x\"]}", .dynamic(bag)))
        #expect(!CellMatcher.matches("{\"a\":1,\"b\":[\"x\",1.5]}", .dynamic(bag)))
        #expect(!CellMatcher.matches("{\"a\":1}", .dynamic(bag)))
        #expect(CellMatcher.matches("abc", .dynamic(.string("abc"))))
        #expect(CellMatcher.matches("\"abc\"", .dynamic(.string("abc"))))
        #expect(CellMatcher.matches("[]", .dynamic(.array([]))))
        #expect(
            CellMatcher.matches("{\"t\":\"2024-01-01\"}", .dynamic(.bag(PropertyBag([("t", .datetime(Self.jan1))])))))
    }

    @Test func guidsIgnoreCaseAndBraces() throws {
        let g = try #require(UUID(uuidString: "74BE27DE-1E4E-49D9-B579-FE0B331D3642"))
        #expect(CellMatcher.matches("74be27de-1e4e-49d9-b579-fe0b331d3642", .guid(g)))
        #expect(CellMatcher.matches("{74BE27DE-1E4E-49D9-B579-FE0B331D3642}", .guid(g)))
        #expect(!CellMatcher.matches("74be27de-1e4e-49d9-b579-fe0b331d3643", .guid(g)))
    }

    @Test func stringsAreExactButForWhitespaceRuns() {
        #expect(CellMatcher.matches("a b", .string("a  b")))
        #expect(CellMatcher.matches("line1 line2", .string("line1\nline2")))
        #expect(!CellMatcher.matches("A", .string("a")))
        #expect(!CellMatcher.matches("1", .string("1.0")))
    }

    @Test func decimalsCompareAsNumbers() {
        #expect(CellMatcher.matches("1.25", .decimal(Decimal(string: "1.25")!)))
        #expect(CellMatcher.matches("1.3", .decimal(Decimal(string: "1.25")!)))
    }

    // The cells below are printed as the reference pages print them (parse_version, range, gzip, trim_start,
    // bag_zip, array_iff); each rule reads the presentation and still refuses a different value.
    @Test func thousandsSeparatorsAreReadAsNumbers() {
        #expect(CellMatcher.matches("700,000,000", .long(700_000_000)))
        #expect(CellMatcher.matches("20,000,000,000,000,000", .long(20_000_000_000_000_000)))
        #expect(CellMatcher.matches("1,048,576", .long(1_048_576)))
        #expect(!CellMatcher.matches("700,000,001", .long(700_000_000)))
        #expect(!CellMatcher.matches("1,2", .long(12)))
        #expect(!CellMatcher.matches("1,0000", .long(10000)))
    }

    @Test func quotedStringsAndAutolinksAreReadAsTheirText() {
        #expect(CellMatcher.matches("\"1234567890qwertyuiop\"", .string("1234567890qwertyuiop")))
        #expect(!CellMatcher.matches("\"1234567890qwertyuio\"", .string("1234567890qwertyuiop")))
        #expect(CellMatcher.matches("<https://bing.com>", .string("https://bing.com")))
        #expect(!CellMatcher.matches("<b>", .string("b")))
    }

    @Test func relaxedJSONReadsSingleQuotesAndBareWords() {
        let keys = Dynamic.array([.string("a"), .long(8), .string("b")])
        #expect(CellMatcher.matches("['a',8,'b']", .dynamic(keys)))
        #expect(!CellMatcher.matches("['a','8','b']", .dynamic(keys)))
        let bag = Dynamic.bag(PropertyBag([("a", .long(1)), ("b", .string("2")), ("c", .real(3.4))]))
        #expect(CellMatcher.matches("{'a': 1,'b': '2','c': 3.4}", .dynamic(bag)))
        #expect(!CellMatcher.matches("{'a': 1,'b': 2,'c': 3.4}", .dynamic(bag)))
        let words = Dynamic.array([.string("yes"), .string("no"), .string("yes")])
        #expect(CellMatcher.matches("[yes, no, yes]", .dynamic(words)))
        #expect(!CellMatcher.matches("[yes, yes, yes]", .dynamic(words)))
        #expect(!CellMatcher.matches("[true, false]", .dynamic(.array([.string("true"), .string("false")]))))
    }
}
