import Columnar
import Foundation
import Testing
@testable import SharedTable

@Suite struct SharedTableRoundTripTests {
    /// One column of every type, each with a null when `nulls` is true.
    static func sample(nulls: Bool) -> Table {
        let g = UUID(uuidString: "6F9619FF-8B86-D011-B42D-00C04FC964FF")!
        let n: Value = .null
        return Table([
            ("b", Column(type: .bool, values: [.bool(true), nulls ? n : .bool(false), .bool(false)])),
            ("i", Column(type: .int, values: [.int(1), nulls ? n : .int(-2), .int(Int32.max)])),
            ("l", Column(type: .long, values: [.long(Int64.min + 1), nulls ? n : .long(0), .long(42)])),
            ("r", Column(type: .real, values: [.real(1.5), nulls ? n : .real(-0.25), .real(1e300)])),
            (
                "d",
                Column(
                    type: .decimal, values: [.decimal(Decimal(string: "1.25")!), nulls ? n : .decimal(2), .decimal(-3)])
            ),
            (
                "t",
                Column(
                    type: .datetime,
                    values: [.datetime(1_700_000_000_000_000_000), nulls ? n : .datetime(0), .datetime(-5)])
            ),
            (
                "s",
                Column(type: .timespan, values: [.timespan(1_000_000_000), nulls ? n : .timespan(-1), .timespan(0)])
            ),
            (
                "g",
                Column(
                    type: .guid,
                    values: [
                        .guid(g), nulls ? n : .guid(g),
                        .guid(UUID(uuid: (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1))),
                    ])
            ),
            ("str", Column(type: .string, values: [.string("héllo"), nulls ? n : .string(""), .string("x\ty")])),
            (
                "dyn",
                Column(
                    type: .dynamic,
                    values: [
                        .dynamic(.bag(PropertyBag([("a", .long(1)), ("b", .array([.real(0.5), .string("z")]))]))),
                        nulls ? .dynamic(.null) : .dynamic(.long(7)), .dynamic(.string("s")),
                    ])
            ),
        ])
    }

    @Test(arguments: [false, true])
    func everyTypeRoundTrips(nulls: Bool) throws {
        let table = Self.sample(nulls: nulls)
        let region = try SharedRegion.create(capacity: 4096)
        let bytes = try SharedTableWriter.write(table, into: region)
        #expect(bytes % 64 == 0)
        let back = try SharedTableReader.read(region)
        #expect(back.schema == table.schema)
        #expect(back.rowCount == 3)
        for (a, b) in zip(table.rows, back.rows) { #expect(a == b) }
        #expect(back.columns.map(\.nullCount) == table.columns.map(\.nullCount))
    }

    @Test func everyBufferIs64ByteAligned() throws {
        let region = try SharedRegion.create(capacity: 4096)
        try SharedTableWriter.write(Self.sample(nulls: true), into: region)
        let header = try SharedTableHeader(base: region.base!, length: region.capacity)
        for c in header.columns {
            #expect(c.values.lowerBound % 64 == 0)
            if let v = c.validity { #expect(v.lowerBound % 64 == 0) }
            if let d = c.data { #expect(d.lowerBound % 64 == 0) }
        }
        #expect(Int(bitPattern: region.base!) % 64 == 0)
    }

    @Test func readerAdoptsTheMappedBuffersWithoutCopying() throws {
        let table = Table([
            ("x", Column(int64s: Array(0..<10_000))),
            ("s", Column(strings: ["a", nil, "ccc"] + Array(repeating: "d", count: 9_997))),
        ])
        let region = try SharedRegion.create(capacity: 1)
        try SharedTableWriter.write(table, into: region)
        let back = try SharedTableReader.read(region)
        let mapped = UInt(bitPattern: region.base!)..<(UInt(bitPattern: region.base!) + UInt(region.capacity))
        for c in back.columns {
            #expect(mapped.contains(UInt(bitPattern: c.values!.pointer)))
        }
        #expect(mapped.contains(UInt(bitPattern: back.columns[1].data!.pointer)))
        #expect(mapped.contains(UInt(bitPattern: back.columns[1].validity!.pointer)))
        #expect(back.columns[0].longs[9_999] == 9_999)
        #expect(back.columns[1].isNull(1) && back.columns[1].string(2) == "ccc")
    }

    @Test func aSliceStartingMidBitmapKeepsItsNulls() throws {
        let values: [Value] = (0..<100).map { $0 % 3 == 0 ? .null : .long(Int64($0)) }
        let strings: [Value] = (0..<100).map { $0 % 4 == 0 ? .null : .string("s\($0)") }
        let table = Table([("l", Column(type: .long, values: values)), ("s", Column(type: .string, values: strings))])
        let region = try SharedRegion.create(capacity: 1)
        try SharedTableWriter.write(table, rows: 13..<77, into: region)
        let back = try SharedTableReader.read(region)
        #expect(back.rowCount == 64)
        for k in 0..<64 { #expect(back.row(k) == table.row(13 + k)) }
    }

    @Test func nullsOnTheWireAreNaNAndNaT() throws {
        let table = Table([
            ("r", Column(reals: [1, 2], valid: [true, false])),
            ("t", Column(type: .datetime, int64s: [5, 6], valid: [false, true])),
        ])
        let region = try SharedRegion.create(capacity: 1)
        try SharedTableWriter.write(table, into: region)
        let h = try SharedTableHeader(base: region.base!, length: region.capacity)
        #expect(region.base!.load(fromByteOffset: h.columns[0].values.lowerBound + 8, as: Double.self).isNaN)
        #expect(region.base!.load(fromByteOffset: h.columns[1].values.lowerBound, as: Int64.self) == Int64.min)
        // The engine's own column is untouched.
        #expect(table.columns[0].reals[1].isNaN && table.columns[1].longs[0] == 5)
    }

    @Test func corruptHeadersAreRejected() throws {
        let region = try SharedRegion.create(capacity: 4096)
        try SharedTableWriter.write(Self.sample(nulls: false), into: region)
        // Point the first column's values far outside the region.
        region.base!.storeBytes(of: Int64(1 << 40), toByteOffset: 64 + 48, as: Int64.self)
        #expect(throws: SharedTableError.self) { try SharedTableReader.read(region) }
        region.base!.storeBytes(of: UInt32(0), toByteOffset: 0, as: UInt32.self)
        #expect(throws: SharedTableError.self) { try SharedTableReader.read(region) }
    }

    @Test func emptyTablesRoundTrip() throws {
        let table = Table.empty(Schema([Field("a", .long), Field("b", .string), Field("c", .dynamic)]))
        let region = try SharedRegion.create(capacity: 1)
        try SharedTableWriter.write(table, into: region)
        let back = try SharedTableReader.read(region)
        #expect(back.schema == table.schema && back.rowCount == 0)
    }
}
