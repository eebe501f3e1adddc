import Columnar
import KQLSyntax
import Testing
@testable import KQLEngine

@Suite struct DistinctOperatorTests {
    @Test func distinctKeepsFirstSeenOrder() throws {
        let h = TestHarness()
        let data = S.datatable([("k", .long)], [S.long(3), S.long(1), S.long(3), S.null(.long), S.null(.long)])
        let t = try h.run(S.pipe(data, .distinct(columns: [S.col("k")], options: [])))
        #expect(TestHarness.text(t).map { $0[0] } == ["3", "1", "null"])
    }
}
