import Columnar
import KQLSyntax
import Testing
@testable import KQLEngine

@Suite struct SortOperatorTests {
    @Test func sortPlacesNullsByDirection() throws {
        let h = TestHarness()
        let data = S.datatable([("v", .long)], [S.long(2), S.null(.long), S.long(1), S.long(3)])
        let asc = try h.run(S.pipe(data, .sort(keys: [SortKeySyntax(value: S.col("v"), ascending: true)], options: [])))
        #expect(TestHarness.text(asc).map { $0[0] } == ["null", "1", "2", "3"])
        let desc = try h.run(S.pipe(data, .sort(keys: [SortKeySyntax(value: S.col("v"))], options: [])))
        #expect(TestHarness.text(desc).map { $0[0] } == ["3", "2", "1", "null"])
        let ascLast = try h.run(
            S.pipe(
                data, .sort(keys: [SortKeySyntax(value: S.col("v"), ascending: true, nullsFirst: false)], options: [])))
        #expect(TestHarness.text(ascLast).map { $0[0] } == ["1", "2", "3", "null"])
    }
}
