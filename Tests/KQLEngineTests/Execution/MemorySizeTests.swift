import Columnar
import Testing
@testable import KQLEngine

@Suite struct MemorySizeTests {
    @Test func columnsCountTheirBuffers() {
        #expect(MemorySize.of(Column(int64s: [1, 2, 3])) >= 24)
        let strings = Column(strings: ["abc", "de"])
        #expect(MemorySize.of(strings) >= 5 + 3 * 8)
        #expect(MemorySize.perRow(Column(int64s: [1, 2, 3])) >= 8)
    }

    @Test func columnsSharedWithTheInputAreNotCounted() {
        let input = Table([
            ("x", Column(int64s: Array(0..<1000))),
            ("s", Column(strings: ["a", "b"] + Array(repeating: "c", count: 998))),
        ])
        // A projection that keeps one column and adds another counts only the new one.
        let added = Column(int64s: Array(repeating: 7, count: 1000))
        let output = Table([("x", input.columns[0]), ("y", added)])
        #expect(MemorySize.added(by: output, beyond: input) == MemorySize.of(added))
        #expect(MemorySize.added(by: input, beyond: input) == 0)
    }

    @Test func deeplyNestedDynamicValuesAreMeasuredWithoutRecursion() {
        var d = Dynamic.long(1)
        for _ in 0..<200_000 { d = .array([d]) }
        #expect(MemorySize.deep(d) > 200_000 * MemorySize.dynamicBox)
        // Let go of the chain a level at a time (releasing it in one go recurses as deep as it is nested).
        while case .array(let inner) = d, let first = inner.first { d = first }
    }

    @Test func sumsAndProductsClampInsteadOfOverflowing() {
        #expect(MemorySize.sum(.max, 1) == .max)
        #expect(MemorySize.product(.max / 2, 3) == .max)
        #expect(MemorySize.product(1 << 20, 1 << 20) == 1 << 40)
    }
}
