import Columnar
import KQLSyntax
import Testing
@testable import KQLEngine

@Suite struct KeyTablesTests {
    @Test func longKeyTableSurvivesGrowth() {
        let t = LongKeyTable(expected: 2)
        for i in 0..<10_000 { #expect(t.intern(UInt64(i * 7919)) == Int32(i)) }
        #expect(t.find(7919 * 5000) == 5000)
        #expect(t.find(3) == -1)
    }
}
