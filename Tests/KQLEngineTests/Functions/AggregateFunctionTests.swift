import Columnar
import Testing
@testable import KQLEngine

@Suite struct AggregateFunctionTests {
    let x = ColumnarValue.column(Column(int64s: [5, 1, 3, 0, 4], valid: [true, true, true, false, true]))

    @Test func emptyInputSingleGroup() throws {
        let empty = ColumnarValue.column(Column(int64s: []))
        let sum = try aggregate("sum", [empty], groups: [], groupCount: 1, columnNames: ["x"])
        #expect(sum.fields == [Field("sum_x", .long)])
        #expect(sum.columns[0].value(0) == .long(0))
        #expect(try aggregate("count", [], groups: [], groupCount: 1).columns[0].value(0) == .long(0))
        #expect(try aggregate("avg", [empty], groups: [], groupCount: 1).columns[0].value(0) == .null)
        #expect(try aggregate("max", [empty], groups: [], groupCount: 1).columns[0].value(0) == .null)
    }

    @Test func groupedSumsAvgAndCount() throws {
        let groups: [Int32] = [0, 1, 0, 1, 1]
        #expect(
            try aggregate("sum", [x], groups: groups, groupCount: 2).columns[0].boxedValues == [.long(8), .long(5)])
        #expect(
            try aggregate("avg", [x], groups: groups, groupCount: 2).columns[0].boxedValues == [.real(4), .real(2.5)])
        #expect(
            try aggregate("count", [], groups: groups, groupCount: 2).columns[0].boxedValues == [.long(2), .long(3)])
        #expect(
            try aggregate("dcount", [x], groups: groups, groupCount: 2).columns[0].boxedValues == [.long(2), .long(2)])
    }

    @Test func makeListSkipsNullsAndHonoursMax() throws {
        let r = try aggregate("make_list", [x], groups: [0, 0, 0, 0, 0], groupCount: 1, columnNames: ["x"])
        #expect(r.fields == [Field("list_x", .dynamic)])
        #expect(r.columns[0].value(0) == .dynamic(.array([.long(5), .long(1), .long(3), .long(4)])))
        let capped = try aggregate("make_list", [x, .scalar(.long(2), .long)], groups: [0, 0, 0, 0, 0], groupCount: 1)
        #expect(capped.columns[0].value(0) == .dynamic(.array([.long(5), .long(1)])))
    }

    @Test func percentilesNearestRank() throws {
        let v = ColumnarValue.column(Column(int64s: Array(1...10)))
        let r = try aggregate(
            "percentiles", [v, .scalar(.long(0), .long), .scalar(.long(50), .long), .scalar(.real(99.5), .real)],
            groups: Array(repeating: 0, count: 10), groupCount: 1, columnNames: ["x"])
        #expect(r.fields.map(\.name) == ["percentile_x_0", "percentile_x_50", "percentile_x_99_5"])
        #expect(r.columns.map { $0.value(0) } == [.long(1), .long(5), .long(10)])
    }

    @Test func argMaxReturnsTheRowAndFirstRowForAllNull() throws {
        let version = ColumnarValue.column(
            Column(int64s: [1, 0, 0, 0, 1, 2], valid: [true, false, false, false, true, true]))
        let color = ColumnarValue.column(Column(strings: ["Red", "Green", "Yellow", "Green", "Brown", "Green"]))
        let r = try aggregate(
            "arg_max", [version, color], groups: [0, 0, 1, 1, 2, 2], groupCount: 3, columnNames: ["Version", "Color"])
        #expect(r.fields == [Field("Version", .long), Field("Color", .string)])
        #expect(r.columns[0].boxedValues == [.long(1), .null, .long(2)])
        #expect(r.columns[1].boxedValues == [.string("Red"), .string("Yellow"), .string("Green")])
    }

    @Test func varianceAndStdev() throws {
        let v = ColumnarValue.column(Column(int64s: [2, 4, 4, 4, 5, 5, 7, 9]))
        let g = [Int32](repeating: 0, count: 8)
        #expect(try aggregate("variancep", [v], groups: g, groupCount: 1).columns[0].value(0) == .real(4))
        #expect(try aggregate("stdevp", [v], groups: g, groupCount: 1).columns[0].value(0) == .real(2))
    }
}
