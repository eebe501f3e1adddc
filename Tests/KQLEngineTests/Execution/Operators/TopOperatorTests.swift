import Columnar
import KQLSyntax
import Testing
@testable import KQLEngine

@Suite struct TopOperatorTests {
    @Test func topTakesTheFirstRowsInKeyOrder() throws {
        let h = TestHarness()
        let t = try h.run(S.pipe(S.range("x", 1, 100), .top(count: S.long(3), key: SortKeySyntax(value: S.col("x")))))
        #expect(TestHarness.text(t).map { $0[0] } == ["100", "99", "98"])
    }
}
