import Columnar
import KQLSyntax
import Testing
@testable import KQLEngine

@Suite struct UnionOperatorTests {
    @Test func unionMergesColumnsByNameAndType() throws {
        let h = TestHarness()
        let a = S.datatable([("x", .long), ("y", .string)], [S.long(1), S.str("a")])
        let b = S.datatable([("x", .string), ("z", .long)], [S.str("s"), S.long(2)])
        let u = UnionSyntax(options: [OptionSyntax(name: "withsource", value: S.col("Src"), span: .none)], tables: [b])
        let t = try h.run(S.pipe(a, .union(u)))
        #expect(t.schema.names == ["Src", "x_long", "y", "x_string", "z"])
        #expect(TestHarness.text(t) == [["union_arg0", "1", "a", "", "null"], ["union_arg1", "null", "", "s", "2"]])
        let inner = try h.run(
            S.pipe(
                a,
                .union(
                    UnionSyntax(
                        options: [OptionSyntax(name: "kind", value: S.col("inner"), span: .none)],
                        tables: [S.datatable([("y", .string)], [S.str("b")])]))))
        #expect(inner.schema.names == ["y"])
        #expect(TestHarness.text(inner) == [["a"], ["b"]])
    }
}
