import Columnar
import KQLSyntax
import Testing
@testable import KQLEngine

@Suite struct RowComparatorTests {
    @Test func numericSortFastPathMatchesTheGeneralComparator() {
        let values: [Int64] = [5, -3, Int64.min, 7, 5, Int64.max, 0, -3]
        let reals: [Double] = [0.5, -0.0, 2, -1e300, 0.5]
        for asc in [true, false] {
            let fast = RowComparator(keys: [.init(column: Column(int64s: values), ascending: asc, nullsFirst: asc)])
            let slow = RowComparator(keys: [
                .init(column: Column(int64s: values), ascending: asc, nullsFirst: asc),
                .init(column: Column(int64s: values), ascending: asc, nullsFirst: asc),
            ])
            #expect(fast.sortedIndices(count: values.count) == slow.sortedIndices(count: values.count))
            let fastReal = RowComparator(keys: [.init(column: Column(reals: reals), ascending: asc, nullsFirst: asc)])
            let slowReal = RowComparator(keys: [
                .init(column: Column(reals: reals), ascending: asc, nullsFirst: asc),
                .init(column: Column(reals: reals), ascending: asc, nullsFirst: asc),
            ])
            #expect(fastReal.sortedIndices(count: reals.count) == slowReal.sortedIndices(count: reals.count))
        }
    }
}
