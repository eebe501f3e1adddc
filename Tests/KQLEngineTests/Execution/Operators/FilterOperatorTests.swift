import Columnar
import KQLSyntax
import Testing
@testable import KQLEngine

@Suite struct FilterOperatorTests {
    @Test func filterExtendProjectKeepOrder() throws {
        let h = TestHarness()
        let q = S.pipe(
            S.range("x", 1, 6),
            .where(S.bin(.greater, S.col("x"), S.long(2))),
            .extend([S.assign("y", S.bin(.multiply, S.col("x"), S.long(10)))]),
            .project([S.assign("y", S.col("y")), S.assign("z", S.col("x"))]))
        let t = try h.run(q)
        #expect(t.schema.names == ["y", "z"])
        #expect(TestHarness.text(t) == [["30", "3"], ["40", "4"], ["50", "5"], ["60", "6"]])
    }
}
