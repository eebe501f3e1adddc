import Foundation
import Testing
@testable import Columnar

@Suite struct ColumnCompactTests {
    static let samples: [(ScalarType, [Value])] = [
        (.bool, [.bool(true), .null, .bool(false), .bool(true), .bool(false)]),
        (.int, [.int(1), .int(-2), .null, .int(4), .int(5)]),
        (.long, [.long(10), .null, .long(30), .long(40), .long(-50)]),
        (.real, [.real(1.5), .real(2.5), .null, .real(-0.0), .real(5)]),
        (.datetime, [.datetime(1), .datetime(2), .datetime(3), .null, .datetime(5)]),
        (
            .guid,
            [
                .guid(UUID(uuidString: "6F9619FF-8B86-D011-B42D-00C04FC964FF")!), .null,
                .guid(UUID(uuidString: "00000000-0000-0000-0000-000000000001")!), .null, .null,
            ]
        ),
        (.string, [.string("a"), .string(""), .string("héllo"), .null, .string("z")]),
        (.decimal, [.decimal(1), .null, .decimal(3), .decimal(4), .decimal(5)]),
        (
            .dynamic,
            [.dynamic(.long(1)), .dynamic(.null), .dynamic(.string("x")), .dynamic(.bool(true)), .dynamic(.long(5))]
        ),
    ]

    @Test(arguments: [
        [UInt8]([1, 0, 1, 1, 0]), [0, 0, 0, 0, 0], [1, 1, 1, 1, 1], [0, 0, 0, 0, 7], [9, 0, 0, 0, 0],
    ])
    func compactKeepsTheMaskedRowsOfEveryType(mask: [UInt8]) {
        let kept = mask.indices.filter { mask[$0] != 0 }
        for (type, values) in Self.samples {
            let c = Column(type: type, values: values)
            let out = mask.withUnsafeBufferPointer { c.compact(mask: $0, selected: kept.count) }
            #expect(out.count == kept.count, "\(type)")
            #expect(out.boxedValues == kept.map { c.value($0) }, "\(type) \(mask)")
            #expect((out.validity == nil) == (out.nullCount == 0), "\(type): a bitmap only when a kept row is null")
        }
    }

    @Test func gatherWithMissingRowsGivesNulls() {
        for (type, values) in Self.samples {
            let c = Column(type: type, values: values)
            let out = c.gather([4, -1, 0, 0])
            #expect(
                out.boxedValues == [c.value(4), type == .dynamic ? .dynamic(.null) : .null, c.value(0), c.value(0)],
                "\(type)")
            if type == .real { #expect(out.reals[1].isNaN) }
        }
        let plain = Column(int64s: [1, 2, 3]).gather([2, 1])
        #expect(plain.validity == nil)
        #expect(plain.boxedValues == [.long(3), .long(2)])
    }

    @Test func largeBuffersAreZeroedWhenAskedEvenWhenReused() {
        let size = BufferMemory.mappedThreshold + 12345
        for round in 0..<3 {
            let b = DataBuffer(byteCount: size, zeroed: true)
            let bytes = b.typed(UInt8.self, count: size)
            #expect(bytes.allSatisfy { $0 == 0 }, "round \(round)")
            #expect(Int(bitPattern: b.pointer) % DataBuffer.alignment == 0)
            bytes.update(repeating: 0xAB)
        }
    }

    @Test func builderGrowsPastTheMappedThreshold() {
        let n = 1_000_000
        var b = ColumnBuilder(type: .long, capacity: 4)
        for i in 0..<n { b.append(.long(Int64(i) * 3)) }
        let c = b.finish()
        #expect(c.count == n)
        #expect(c.longs[0] == 0 && c.longs[n - 1] == Int64(n - 1) * 3 && c.longs[n / 2] == Int64(n / 2) * 3)
    }
}

@Suite struct ColumnConcatTests {
    @Test func concatEqualsRowByRowForEveryType() {
        for (type, values) in ColumnCompactTests.samples {
            let withNulls = Column(type: type, values: values)
            let plain = Column(type: type, values: values.filter { !$0.isNull && $0 != .dynamic(.null) })
            let empty = Column.empty(type)
            for parts in [
                [plain, plain], [plain, empty, plain], [empty, empty], [plain, withNulls, plain], [withNulls, empty],
            ] {
                let out = Column.concat(parts, type: type)
                #expect(out.boxedValues == parts.flatMap(\.boxedValues), "\(type)")
                #expect(out.count == parts.reduce(0) { $0 + $1.count })
                #expect(
                    (out.validity == nil) == (out.nullCount == 0) || type == .dynamic || type == .decimal, "\(type)")
            }
        }
    }
}
