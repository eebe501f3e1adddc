import Columnar
import Testing
@testable import KQLEngine

@Suite struct CellParserTests {
    @Test func infersTheNarrowestType() {
        #expect(CellParser.inferType(["1", "-2", ""]) == .long)
        #expect(CellParser.inferType(["1", "2.5"]) == .real)
        #expect(CellParser.inferType(["true", "False"]) == .bool)
        #expect(CellParser.inferType(["2024-01-01", "2024-02-03T04:05:06Z"]) == .datetime)
        #expect(CellParser.inferType(["3f2504e0-4f89-11d3-9a0c-0305e82c3301"]) == .guid)
        #expect(CellParser.inferType(["01:00:00", "1.00:00:30"]) == .timespan)
        #expect(CellParser.inferType(["{\"a\":1}", "[1,2]"]) == .dynamic)
        #expect(CellParser.inferType(["1", "x"]) == .string)
        #expect(CellParser.inferType(["", ""]) == .string)
        #expect(CellParser.inferType(["99999999999999999999"]) == .real)
    }

    @Test func emptyCellsAreNullExceptStrings() {
        #expect(CellParser.parse("", as: .long) == .null)
        #expect(CellParser.parse("", as: .string) == .string(""))
        #expect(CellParser.parse("", as: .dynamic) == .dynamic(.null))
    }

    @Test func rejectsMalformedValues() {
        #expect(CellParser.parse("12abc", as: .long) == nil)
        #expect(CellParser.parse("1.5", as: .int) == nil)
        #expect(CellParser.parse("abc", as: .real) == nil)
        #expect(CellParser.parse("12x", as: .decimal) == nil)
        #expect(CellParser.parse("yes", as: .bool) == nil)
        #expect(CellParser.parse("not json", as: .dynamic) == .dynamic(.string("not json")))
    }
}
