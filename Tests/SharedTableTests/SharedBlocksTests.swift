import Columnar
import Foundation
import Testing
@testable import SharedTable
import SystemCalls

/// Large buffers travel by reference: the region holds the header and small buffers, blocks hold the rest.
@Suite struct SharedBlocksTests {
    static let rows = 600_000  // 4.8 MB per Int64 column: past BufferMemory's mapped (memfd) threshold

    static func big() -> Table {
        Table([
            ("x", Column(int64s: (0..<rows).map { Int64($0) * 3 })),
            ("r", Column(reals: (0..<rows).map { Double($0) / 4 })),
            ("s", Column(strings: (0..<rows).map { $0 % 7 == 0 ? nil : "value-\($0)" })),
            ("small", Column(int64s: [1, 2, 3] + Array(repeating: 0, count: rows - 3))),
        ])
    }

    /// Maps what a child would: the region and each block privately, from read-only fds.
    static func childView(_ region: SharedRegion, _ blocks: SharedBlocks) throws -> (PrivateMapping, [PrivateMapping]) {
        let input = try PrivateMapping(fd: region.fd, length: region.capacity)
        let fds = try blocks.readOnlyDescriptors()
        defer { fds.forEach { close($0) } }
        return (input, try fds.map { try PrivateMapping(wholeFile: $0) })
    }

    @Test func largeBuffersAreReferencedAndReadBackInPlace() throws {
        let table = Self.big()
        let region = try SharedRegion.create(capacity: 4096)
        let blocks = SharedBlocks()
        let bytes = try SharedTableWriter.write(table, into: region, blocks: blocks)
        #expect(bytes < 3 << 20)  // only the small column, validity bitmaps and header were copied
        let (input, mapped) = try Self.childView(region, blocks)
        let header = try SharedTableHeader(base: input.base, length: input.length, blockLengths: mapped.map(\.length))
        #expect(header.columns[0].valuesBlock != 0 && header.columns[1].valuesBlock != 0)
        #expect(header.columns[2].valuesBlock != 0 && header.columns[2].dataBlock != 0)
        let x = header.columns[0]
        let p = (mapped[x.valuesBlock - 1].base + x.values.lowerBound).assumingMemoryBound(to: Int64.self)
        #expect(p[0] == 0 && p[Self.rows - 1] == Int64(Self.rows - 1) * 3)
        // A write in the child's copy-on-write view never reaches the engine's buffer.
        p[0] = 99
        #expect(table.columns[0].longs[0] == 0)
    }

    @Test func aPartitionReferencesItsSliceWithAbsoluteStringOffsets() throws {
        let table = Self.big()
        let rows = 64_000..<Self.rows
        let region = try SharedRegion.create(capacity: 4096)
        let blocks = SharedBlocks()
        try SharedTableWriter.write(table, rows: rows, into: region, blocks: blocks)
        let (input, mapped) = try Self.childView(region, blocks)
        let header = try SharedTableHeader(base: input.base, length: input.length, blockLengths: mapped.map(\.length))
        #expect(header.rowCount == rows.count)
        let x = header.columns[0]
        #expect(x.valuesBlock != 0)
        let p = (mapped[x.valuesBlock - 1].base + x.values.lowerBound).assumingMemoryBound(to: Int64.self)
        #expect(p[0] == Int64(rows.lowerBound) * 3)
        let s = header.columns[2]
        #expect(s.valuesBlock != 0)
        let o = (mapped[s.valuesBlock - 1].base + s.values.lowerBound).assumingMemoryBound(to: Int64.self)
        let d = mapped[s.dataBlock - 1].base + s.data!.lowerBound
        #expect(o[0] > 0)  // offsets index the whole referenced data buffer
        let k = 2  // row 64_002
        #expect(
            String(decoding: UnsafeRawBufferPointer(start: d + Int(o[k]), count: Int(o[k + 1] - o[k])), as: UTF8.self)
                == "value-64002")
    }

    @Test func aResultReferenceResolvesToTheEngineBuffer() throws {
        let table = Self.big()
        let input = try SharedRegion.create(capacity: 4096)
        let blocks = SharedBlocks()
        try SharedTableWriter.write(table, into: input, blocks: blocks)
        let inHeader = try SharedTableHeader(
            base: input.base!, length: input.capacity, blockLengths: blocks.blockLengths)
        // A result of `x` unmodified (by reference) and `x` from row 64 on (a view inside the buffer).
        let x = inHeader.columns[0]
        var whole = ColumnSizing(name: "x", type: .long, nullCount: 0)
        whole.valuesReference = BufferReference(block: x.valuesBlock, range: x.values)
        var tail = ColumnSizing(name: "tail", type: .long, nullCount: 0)
        tail.valuesReference = BufferReference(
            block: x.valuesBlock, range: (x.values.lowerBound + 64 * 8)..<x.values.upperBound)
        let plan = SharedTablePlan(rowCount: Self.rows - 64, sizings: [whole, tail])
        let output = try SharedRegion.create(capacity: plan.totalBytes)
        plan.writeHeader(at: output.base!)
        let back = try SharedTableReader.read(RegionLease(unpooled: output), blocks: blocks)
        #expect(back.columns[0].values === table.columns[0].values)
        #expect(back.columns[1].longs[0] == 64 * 3)
        // A reference outside every input buffer is refused.
        var bad = ColumnSizing(name: "bad", type: .long, nullCount: 0)
        bad.valuesReference = BufferReference(
            block: x.valuesBlock, range: (x.values.upperBound - 8)..<(x.values.upperBound + 8))
        let badPlan = SharedTablePlan(rowCount: 2, sizings: [bad])
        badPlan.writeHeader(at: output.base!)
        #expect(throws: SharedTableError.self) {
            try SharedTableReader.read(RegionLease(unpooled: output), blocks: blocks)
        }
    }

    @Test func smallTablesAndRegionsWithoutBlocksStillCopy() throws {
        let table = Table([("x", Column(int64s: Array(0..<1000)))])
        let region = try SharedRegion.create(capacity: 4096)
        let blocks = SharedBlocks()
        try SharedTableWriter.write(table, into: region, blocks: blocks)
        #expect(blocks.fds.isEmpty)
        #expect(try SharedTableReader.read(region).columns[0].longs[999] == 999)
    }

    @Test func aTrimmedRegionGrowsBackWhenReused() throws {
        let region = try SharedRegion.create(capacity: 1 << 20)
        try region.reclaim(keeping: 100)
        #expect(try SharedMemory.sizes(region.fd).size == SharedMemory.pageSize)
        try region.ensureCapacity(1 << 20)
        region.base!.storeBytes(of: UInt8(1), toByteOffset: (1 << 20) - 1, as: UInt8.self)
        #expect(try SharedMemory.sizes(region.fd).size == 1 << 20)
    }
}
