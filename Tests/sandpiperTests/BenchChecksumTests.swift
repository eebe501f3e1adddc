import Bench
import Columnar
import Testing

/// The transfer checksum covers string contents, not only lengths: `stringHash` weighs every byte by
/// its place (values worked out by hand from the formula in `BenchTransferData.swift`).
@Suite struct BenchChecksumTests {
    @Test func stringHashWeighsEveryByteByItsPlace() {
        // "ab": 2 * 2 + 97 * 1 + 98 * 2; "ba": 2 * 2 + 98 * 1 + 97 * 2.
        #expect(BenchDataset.stringHash("ab") == 297)
        #expect(BenchDataset.stringHash("ba") == 296)
        #expect(BenchDataset.stringHash("") == 0)
    }

    @Test func stringsOfTheSameLengthsButOtherContentsDiffer() {
        let a = Table([("c0", Column(strings: ["s1", "s22", nil]))])
        let b = Table([("c0", Column(strings: ["s2", "s21", nil]))])
        let kinds: [BenchColumnKind] = [.stringLow]
        #expect(BenchDataset.checksum(of: a, kinds: kinds) != BenchDataset.checksum(of: b, kinds: kinds))
        // "s1": 4 + 115 + 49 * 2 = 217; "s22": 9 + 115 + 50 * 2 + 50 * 3 = 374; the null is not counted.
        #expect(BenchDataset.checksum(of: a, kinds: kinds) == "2:591")
    }

    @Test func dynamicChecksumCoversTheStringField() {
        let one = Dynamic.bag(PropertyBag([("k", .long(5)), ("s", .string("d1"))]))
        let other = Dynamic.bag(PropertyBag([("k", .long(5)), ("s", .string("d2"))]))
        var b1 = ColumnBuilder(type: .dynamic, capacity: 1), b2 = ColumnBuilder(type: .dynamic, capacity: 1)
        b1.append(dynamic: one); b2.append(dynamic: other)
        let kinds: [BenchColumnKind] = [.dynamic]
        // k 5 + "d1": 4 + 100 + 49 * 2 = 202.
        #expect(BenchDataset.checksum(of: Table([("c0", b1.finish())]), kinds: kinds) == "1:207")
        #expect(BenchDataset.checksum(of: Table([("c0", b2.finish())]), kinds: kinds) == "1:209")
    }
}
