import Columnar
import KQLSyntax
import Testing
@testable import KQLEngine

@Suite struct OperatorTests {
    let longs = ColumnarValue.column(Column(int64s: [7, -7, 5, 0], valid: [true, true, true, false]))

    @Test func integerDivisionTruncatesAndDivisionByZeroIsNull() throws {
        let f = FunctionRegistry.binary(.divide)
        let r = try rows(f, [longs, .scalar(.long(2), .long)], count: 4)
        #expect(r == [.long(3), .long(-3), .long(2), .null])
        let z = try rows(f, [longs, .scalar(.long(0), .long)], count: 4)
        #expect(z == [.null, .null, .null, .null])
        let real = try rows(f, [.scalar(.real(1), .real), .scalar(.real(0), .real)], count: 1)
        #expect(real == [.real(.infinity)])
    }

    @Test func widening() throws {
        let f = FunctionRegistry.binary(.add)
        #expect(try f.returnType([ArgumentInfo(type: .int), ArgumentInfo(type: .long)]) == .long)
        #expect(try f.returnType([ArgumentInfo(type: .long), ArgumentInfo(type: .real)]) == .real)
        #expect(try rows(f, [.scalar(.int(1), .int), .scalar(.real(0.5), .real)], count: 1) == [.real(1.5)])
        #expect(throws: FunctionError.self) {
            try f.returnType([ArgumentInfo(type: .string), ArgumentInfo(type: .long)])
        }
    }

    @Test func datetimeArithmetic() throws {
        let day = DateTimeFormat.nanosPerDay
        let d = ColumnarValue.scalar(.datetime(10 * day), .datetime)
        let e = ColumnarValue.scalar(.datetime(7 * day), .datetime)
        #expect(try rows(FunctionRegistry.binary(.subtract), [d, e], count: 1) == [.timespan(3 * day)])
        #expect(
            try rows(FunctionRegistry.binary(.add), [d, .scalar(.timespan(day), .timespan)], count: 1) == [
                .datetime(11 * day)
            ])
        #expect(
            try rows(
                FunctionRegistry.binary(.divide),
                [.scalar(.timespan(day), .timespan), .scalar(.timespan(day / 2), .timespan)], count: 1) == [.real(2)])
        #expect(
            try rows(
                FunctionRegistry.binary(.multiply), [.scalar(.timespan(day), .timespan), .scalar(.real(1.5), .real)],
                count: 1) == [.timespan(day * 3 / 2)])
    }

    @Test func comparisonWithNullIsNull() throws {
        let r = try rows(FunctionRegistry.binary(.greater), [longs, .scalar(.long(3), .long)], count: 4)
        #expect(r == [.bool(true), .bool(false), .bool(true), .null])
    }

    @Test func threeValuedLogic() throws {
        let a = ColumnarValue.column(Column(bools: [false, true, true, false], valid: [true, true, false, false]))
        let nullBool = ColumnarValue.scalar(.null, .bool)
        #expect(
            try rows(FunctionRegistry.binary(.and), [a, nullBool], count: 4) == [.bool(false), .null, .null, .null])
        #expect(try rows(FunctionRegistry.binary(.or), [a, nullBool], count: 4) == [.null, .bool(true), .null, .null])
    }

    @Test func hasIsTermBased() throws {
        let s = ColumnarValue.column(Column(strings: ["North Carolina", "Carolinas", "a-carolina-b", "CAROLINA"]))
        let has = try rows(FunctionRegistry.binary(.has), [s, .scalar(.string("carolina"), .string)], count: 4)
        #expect(has == [.bool(true), .bool(false), .bool(true), .bool(true)])
        let hasCs = try rows(FunctionRegistry.binary(.hasCs), [s, .scalar(.string("carolina"), .string)], count: 4)
        #expect(hasCs == [.bool(false), .bool(false), .bool(true), .bool(false)])
        let contains = try rows(
            FunctionRegistry.binary(.contains), [s, .scalar(.string("carolina"), .string)], count: 4)
        #expect(contains == [.bool(true), .bool(true), .bool(true), .bool(true)])
        let prefix = try rows(FunctionRegistry.binary(.hasPrefix), [s, .scalar(.string("carol"), .string)], count: 4)
        #expect(prefix == [.bool(true), .bool(true), .bool(true), .bool(true)])
        let suffix = try rows(FunctionRegistry.binary(.notHasSuffix), [s, .scalar(.string("lina"), .string)], count: 4)
        #expect(suffix == [.bool(false), .bool(true), .bool(false), .bool(false)])
    }

    @Test func inAndBetween() throws {
        let f = FunctionRegistry.setMembership(.in)
        let r = try rows(f, [longs, .scalar(.int(5), .int), .scalar(.real(7), .real)], count: 4)
        #expect(r == [.bool(true), .bool(false), .bool(true), .bool(false)])
        let ci = try rows(
            FunctionRegistry.setMembership(.inCaseInsensitive),
            [.scalar(.string("ABC"), .string), .scalar(.dynamic(.array([.string("abc")])), .dynamic)], count: 1)
        #expect(ci == [.bool(true)])
        let b = try rows(
            FunctionRegistry.between, [longs, .scalar(.long(0), .long), .scalar(.long(6), .long)], count: 4)
        #expect(b == [.bool(false), .bool(false), .bool(true), .null])
    }

    @Test func dynamicAccess() throws {
        let d = Value.dynamic(try Dynamic.parseJSON(#"{"a":[1,2,3]}"#))
        let member = try rows(
            FunctionRegistry.dynamicMember, [.scalar(d, .dynamic), .scalar(.string("a"), .string)], count: 1)
        let last = try rows(
            FunctionRegistry.dynamicIndex, [.scalar(member[0], .dynamic), .scalar(.long(-1), .long)], count: 1)
        #expect(last == [.dynamic(.long(3))])
    }
}
