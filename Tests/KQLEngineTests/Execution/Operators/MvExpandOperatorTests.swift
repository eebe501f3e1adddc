import Columnar
import KQLSyntax
import Testing
@testable import KQLEngine

@Suite struct MvExpandOperatorTests {
    @Test func mvExpandZipsArraysAndIndexes() throws {
        let h = TestHarness()
        let data = S.datatable(
            [("a", .long), ("b", .dynamic), ("c", .dynamic)],
            [
                S.long(1), S.dyn(#"{"p":"x","q":"y"}"#), S.dyn("[5,4,3]"),
                S.long(2), S.dyn("[]"), S.dyn("[]"),
            ])
        let m = MvExpandSyntax(
            options: [OptionSyntax(name: "with_itemindex", value: S.col("i"), span: .none)],
            items: [
                MvExpandItemSyntax(assignment: S.assign(nil, S.col("b")), toType: nil),
                MvExpandItemSyntax(assignment: S.assign(nil, S.col("c")), toType: .long),
            ],
            limit: nil)
        let t = try h.run(S.pipe(data, .mvExpand(m)))
        #expect(t.schema.fields.map(\.type) == [.long, .dynamic, .long, .long])
        #expect(
            TestHarness.text(t) == [
                ["1", #"{"p":"x"}"#, "5", "0"], ["1", #"{"q":"y"}"#, "4", "1"], ["1", "null", "3", "2"],
            ])
    }
}
