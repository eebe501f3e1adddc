import Columnar
import Testing
@testable import KQLEngine

@Suite struct KeyInternerTests {
    /// Ids in first-seen order, computed the slow way.
    static func reference(_ batches: [[Int64?]]) -> [[Int32]] {
        var ids: [Int64?: Int32] = [:]
        return batches.map { batch in
            batch.map { k in
                if let id = ids[k] { return id }
                let id = Int32(ids.count); ids[k] = id; return id
            }
        }
    }

    static func column(_ values: [Int64?]) -> Column {
        Column(type: .long, values: values.map { $0.map(Value.long) ?? .null })
    }

    @Test(
        arguments: [
            // direct range from the first batch, then keys outside it
            [[5, 3, 5, -2, 3, 7], [7, 100_000_000, -2, 9, 5]],
            [[0, 1, 2, 3], [Int64.max, Int64.min, 2]],
            [[Int64.max, Int64.min, 0], [1, Int64.max]],  // a span that overflows: hashed
        ] as [[[Int64?]]])
    func idsFollowFirstSeenOrderAcrossBatches(batches: [[Int64?]]) {
        let interner = KeyInterner(types: [.long], expected: 16)
        let got = batches.map { interner.intern([Self.column($0)]) }
        #expect(got == Self.reference(batches))
        #expect(interner.groupCount == Set(batches.flatMap { $0 }).count)
    }

    @Test func nullKeysShareOneGroupOfTheirOwn() {
        // Nulls get their id after the batch's values (not in first-seen order), so compare partitions.
        let batches: [[Int64?]] = [[4, nil, 4, 6], [nil, 6, 8]]
        let interner = KeyInterner(types: [.long], expected: 16)
        let got = batches.flatMap { interner.intern([Self.column($0)]) }
        let keys = batches.flatMap { $0 }
        for i in keys.indices {
            for j in keys.indices { #expect((got[i] == got[j]) == (keys[i] == keys[j]), "rows \(i), \(j)") }
        }
        #expect(interner.groupCount == 4)
    }

    @Test func directTableFindsOnlyInternedKeys() {
        let t = LongKeyTable(expected: 4)
        t.useDirectRange(min: -3, max: 3)
        let keys: [Int64] = [2, -3, 2, 50]
        var out = [Int32](repeating: 0, count: keys.count)
        keys.withUnsafeBufferPointer { k in
            out.withUnsafeMutableBufferPointer { t.intern(k.baseAddress!, count: 4, into: $0.baseAddress!) }
        }
        #expect(out == [0, 1, 0, 2])
        #expect(t.find(UInt64(bitPattern: -3)) == 1)
        #expect(t.find(0) == -1)
        #expect(t.find(50) == 2)
        #expect(t.find(51) == -1)
        #expect(t.count == 3)
    }

    @Test func keyInternerGroupsAcrossCallsAndColumns() {
        let interner = KeyInterner(types: [.long, .string])
        let a = interner.intern([Column(int64s: [1, 1, 2]), Column(strings: ["x", "y", "x"])])
        let b = interner.intern([Column(int64s: [2, 1]), Column(strings: ["x", "x"])])
        #expect(a == [0, 1, 2])
        #expect(b == [2, 0])
        #expect(interner.groupCount == 3)
    }
}
