import Columnar
import Testing
@testable import KQLEngine

@Suite struct ScalarFunctionTests {
    let day = DateTimeFormat.nanosPerDay
    func dt(_ s: String) -> Value { .datetime(DateTimeFormat.parse(s)!) }

    @Test func wrongArgumentTypeNamesTheFunction() throws {
        let f = try #require(FunctionRegistry.scalar(named: "strlen"))
        #expect(throws: FunctionError.self) { try f.returnType([ArgumentInfo(type: .long)]) }
        do {
            _ = try f.returnType([ArgumentInfo(type: .long)])
        } catch {
            #expect(error.message == "strlen() expects a string, got long")
        }
        #expect(FunctionRegistry.scalar(named: "STRLEN") == nil)
    }

    @Test func strings() throws {
        #expect(try call("strlen", .string("héllo")) == .long(5))
        #expect(try call("substring", .string("ABCD"), .long(1), .long(2)) == .string("BC"))
        // A negative start counts from the end, as the docs' substring("123456", -2, 2) == "56" shows.
        #expect(try call("substring", .string("ABCD"), .long(-1), .long(2)) == .string("D"))
        #expect(try call("substring", .string("ABCD"), .long(2), .long(10)) == .string("CD"))
        #expect(try call("split", .string("a_b_c"), .string("_"), .long(1)) == .dynamic(.array([.string("b")])))
        #expect(try call("trim", .string("--"), .string("--abc----")) == .string("abc"))
        #expect(try call("indexof", .string("abcdefg"), .string("cde")) == .long(2))
        #expect(try call("indexof", .string("abcabc"), .string("bc"), .long(0), .long(-1), .long(2)) == .long(4))
        #expect(try call("indexof", .string("abc"), .string("x")) == .long(-1))
        #expect(try call("countof", .string("aaa"), .string("aa")) == .long(2))
        #expect(try call("countof", .string("aaa"), .string("aa"), .string("regex")) == .long(1))
        #expect(try call("extract", .string("x=([0-9]+)"), .long(1), .string("a x=42")) == .string("42"))
        #expect(try call("extract", .string("x=([0-9]+)"), .long(1), .string("nothing")) == .string(""))
        #expect(
            try call("replace_regex", .string("ab12"), .string("([a-z]+)([0-9]+)"), .string(#"\2\1"#))
                == .string("12ab"))
        #expect(try call("strcat_delim", .string("-"), .string("a"), .long(1)) == .string("a-1"))
    }

    @Test func binAlignsToTheEpoch() throws {
        #expect(try call("bin", dt("2024-03-05T13:47:00Z"), .timespan(day)) == dt("2024-03-05"))
        #expect(try call("bin", dt("1969-12-31T23:00:00Z"), .timespan(day)) == dt("1969-12-31"))
        #expect(try call("bin", .long(-7), .long(5)) == .long(-10))
        #expect(try call("bin", .real(4.7), .real(0.5)) == .real(4.5))
        #expect(
            try call("floor", .timespan(90 * 60 * 1_000_000_000), .timespan(3600 * 1_000_000_000))
                == .timespan(3600 * 1_000_000_000))
    }

    @Test func datetimeParts() throws {
        #expect(try call("datetime_diff", .string("year"), dt("2017-01-01"), dt("2000-12-31")) == .long(17))
        #expect(try call("datetime_diff", .string("month"), dt("2017-01-01"), dt("2000-12-31")) == .long(193))
        #expect(
            try call("datetime_diff", .string("day"), dt("2017-10-30 23:05:01"), dt("2017-11-01 00:00:00")) == .long(-2)
        )
        #expect(try call("datetime_diff", .string("week"), dt("2017-10-29 00:00"), dt("2017-09-30 23:59")) == .long(5))
        #expect(try call("dayofweek", dt("2024-01-01")) == .timespan(day))  // a Monday
        #expect(try call("startofweek", dt("2024-01-03")) == dt("2023-12-31"))
        #expect(try call("endofmonth", dt("2024-02-10")) == .datetime(DateTimeFormat.parse("2024-03-01")! - 100))
        #expect(try call("datetime_add", .string("month"), .long(1), dt("2024-01-31")) == dt("2024-02-29"))
        #expect(try call("datetime_part", .string("week_of_year"), dt("2021-01-01")) == .int(53))
        #expect(
            try call("format_datetime", dt("2017-01-29T09:00:05.5Z"), .string("yy-MM-dd [HH:mm:ss.fff] tt"))
                == .string("17-01-29 [09:00:05.500] AM"))
        #expect(
            try call("format_timespan", .timespan(day + 3_723_000_000_000), .string("d.hh:mm:ss"))
                == .string("1.01:02:03"))
        #expect(
            try call("make_datetime", .long(2017), .long(10), .long(1), .long(12), .long(10))
                == dt("2017-10-01T12:10:00Z"))
        #expect(try call("unixtime_seconds_todatetime", .long(1546300800)) == dt("2019-01-01"))
    }

    @Test func conversionsAndConditionals() throws {
        #expect(try call("tolong", .string("12")) == .long(12))
        #expect(try call("toint", .string("abc")) == .null)
        #expect(try call("tobool", .string("TRUE")) == .bool(true))
        #expect(try call("tostring", dt("2024-01-01")) == .string("2024-01-01T00:00:00Z"))
        #expect(try call("iff", .bool(false), .long(1), .long(2)) == .long(2))
        #expect(try call("coalesce", .null, .long(3)) == .long(3))
        #expect(try call("isempty", .string("")) == .bool(true))
        #expect(try call("gettype", .dynamic(.bag(PropertyBag()))) == .string("dictionary"))
        let f = try #require(FunctionRegistry.scalar(named: "case"))
        #expect(throws: FunctionError.self) {
            try f.returnType([ArgumentInfo(type: .bool), ArgumentInfo(type: .long)])
        }
    }

    @Test func mathAndHash() throws {
        #expect(try call("round", .real(2.15), .long(1)) == .real(2.2))
        #expect(try call("round", .real(-50.55432), .long(2)) == .real(-50.55))
        #expect(try call("round", .real(2.5)) == .real(3))
        #expect(try call("max_of", .long(2), .null, .long(5)) == .long(5))
        // Kusto's documented examples for hash() and hash_sha256().
        #expect(try call("hash", .string("World")) == .long(1846988464401551951))
        #expect(try call("hash", .string("World"), .long(100)) == .long(51))
        #expect(
            try call("hash_sha256", .string("World"))
                == .string("78ae647dc5544d227130a0682a51e30bc7777fbb6d8a8f17007463a3ecd1d524"))
    }

    @Test func windowFunctions() throws {
        let x = ColumnarValue.column(Column(int64s: [1, 2, 3]))
        #expect(try rows(FunctionRegistry.scalar(named: "prev")!, [x], count: 3) == [.null, .long(1), .long(2)])
        #expect(
            try rows(
                FunctionRegistry.scalar(named: "next")!, [x, .scalar(.long(1), .long), .scalar(.long(0), .long)],
                count: 3)
                == [.long(2), .long(3), .long(0)])
        #expect(
            try rows(FunctionRegistry.scalar(named: "row_cumsum")!, [x], count: 3) == [.long(1), .long(3), .long(6)])
        #expect(
            try rows(FunctionRegistry.scalar(named: "row_number")!, [], count: 3) == [.long(1), .long(2), .long(3)])
        #expect(FunctionRegistry.scalar(named: "row_number")!.needsSerializedInput)
    }
}
