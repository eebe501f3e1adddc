import Foundation
import Testing
@testable import Columnar

@Suite struct ColumnTests {
    @Test func builderRoundTripsEveryTypeWithNulls() {
        let samples: [(ScalarType, Value)] = [
            (.bool, .bool(true)), (.int, .int(-7)), (.long, .long(1 << 40)), (.real, .real(2.5)),
            (.decimal, .decimal(Decimal(string: "1.25")!)), (.datetime, .datetime(1_700_000_000_000_000_000)),
            (.timespan, .timespan(-90_000_000_000)),
            (.guid, .guid(UUID(uuidString: "6F9619FF-8B86-D011-B42D-00C04FC964FF")!)),
            (.string, .string("héllo")), (.dynamic, .dynamic(.array([.long(1), .string("a")]))),
        ]
        for (type, value) in samples {
            let column = Column(type: type, values: [value, .null, value])
            #expect(column.count == 3)
            #expect(column.value(0) == value, "\(type)")
            #expect(column.isNull(1), "\(type)")
            #expect(column.value(2) == value, "\(type)")
            #expect(column.nullCount == 1, "\(type)")
        }
    }

    @Test func realNullIsAlsoNaNInTheValueBuffer() {
        let c = Column(type: .real, values: [.real(1), .null])
        #expect(c.reals[1].isNaN)
        #expect(c.isNull(1))
    }

    @Test func columnWithoutNullsHasNoBitmap() {
        let c = Column(type: .long, values: [.long(1), .long(2)])
        #expect(c.validity == nil)
    }

    @Test func buffersAreSixtyFourByteAligned() {
        let c = Column(strings: ["a", "bc", nil])
        #expect(Int(bitPattern: c.values!.pointer) % 64 == 0)
        #expect(Int(bitPattern: c.data!.pointer) % 64 == 0)
        #expect(Array(c.offsets) == [0, 1, 3, 3])
    }

    @Test func gatherWithMissingIndexYieldsNull() {
        let c = Column(strings: ["a", "b", "c"])
        let g = c.gather([2, -1, 0])
        #expect(g.boxedValues == [.string("c"), .null, .string("a")])
        let r = Column(reals: [1, 2]).gather([-1, 1])
        #expect(r.isNull(0) && r.reals[0].isNaN && r.value(1) == .real(2))
    }

    @Test func concatKeepsOrderAndNulls() {
        let a = Column(type: .long, values: [.long(1), .null])
        let b = Column(type: .long, values: [.long(3)])
        #expect(Column.concat([a, b], type: .long).boxedValues == [.long(1), .null, .long(3)])
    }

    @Test func adoptedBufferRunsReleaseOnce() {
        final class Counter: @unchecked Sendable { var n = 0 }
        let counter = Counter()
        do {
            let raw = UnsafeMutableRawPointer.allocate(byteCount: 16, alignment: 64)
            raw.storeBytes(of: Int64(42), as: Int64.self)
            (raw + 8).storeBytes(of: Int64(43), as: Int64.self)
            let buffer = DataBuffer(adopting: raw, byteCount: 16) { p, _ in
                counter.n += 1; p.deallocate()
            }
            let column = Column(type: .long, count: 2, validity: nil, values: buffer)
            #expect(Array(column.longs) == [42, 43])
        }
        #expect(counter.n == 1)
    }
}
