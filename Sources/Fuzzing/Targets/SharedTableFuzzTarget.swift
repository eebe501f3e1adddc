import Columnar
import Foundation
import KQLEngine
import SharedTable
import SystemCalls

/// What the engine reads from a worker, as a hostile script could write it: a result region (a real
/// layout with forged header fields, or raw bytes), and reply frames on the worker's socket. The
/// table read is then used as the engine would use it: every cell boxed and the result printed.
///
/// The first byte picks the form; the region lives in an exactly sized heap allocation (so a read
/// past it is caught by AddressSanitizer in the fuzz build), and two small engine buffers stand in
/// for the blocks a request shares, so forged references to them resolve.
struct SharedTableFuzzTarget: FuzzTarget {
    let name = "sharedtable"
    let summary = "SharedTable reader on hostile result regions, and the reply socket's frames"

    func run(_ bytes: [UInt8]) {
        var input = FuzzInput(bytes)
        switch input.byte() % 4 {
        case 0, 1: readRegion(input.rest())
        case 2: readRegion(Self.forgedRegion(&input))
        default: readFrames(input.rest())
        }
    }

    func describe(_ bytes: [UInt8]) -> String {
        var input = FuzzInput(bytes)
        let mode = input.byte() % 4
        let region = mode == 2 ? Self.forgedRegion(&input) : input.rest()
        if mode == 3 { return "reply frames: " + region.map { String(format: "%02x", $0) }.joined() }
        return "region of \(region.count) bytes:\n" + Self.hexDump(region)
    }

    /// Owns the region's memory for as long as adopted columns use it.
    final class Allocation: @unchecked Sendable {
        let base: UnsafeMutableRawPointer
        let count: Int
        init(_ bytes: [UInt8]) {
            count = bytes.count
            base = UnsafeMutableRawPointer.allocate(byteCount: max(count, 1), alignment: 64)
            bytes.withUnsafeBytes { if let p = $0.baseAddress { base.copyMemory(from: p, byteCount: count) } }
        }
        deinit { base.deallocate() }
    }

    /// Two engine buffers standing for the blocks of a request (fds that are never used for I/O here).
    static func blocks() -> SharedBlocks {
        let blocks = SharedBlocks()
        for (k, size) in [4096, 256].enumerated() {
            let memory = UnsafeMutableRawPointer.allocate(byteCount: size, alignment: 64)
            for i in 0..<size {
                memory.storeBytes(of: UInt8(truncatingIfNeeded: i &* 7 &+ k), toByteOffset: i, as: UInt8.self)
            }
            let buffer = DataBuffer(
                adopting: memory, byteCount: size, shared: .init(fd: Int32(1_000_000 + k), offset: 0)
            ) { p, _ in
                p.deallocate()
            }
            _ = blocks.reference(buffer, count: size)
        }
        return blocks
    }

    func readRegion(_ bytes: [UInt8]) {
        let allocation = Allocation(bytes)
        let table: Table
        do {
            table = try SharedTableReader.read(
                base: allocation.base, length: allocation.count, owner: allocation, blocks: Self.blocks())
        } catch {
            _ = error.description
            return
        }
        Self.use(table)
    }

    /// Uses a table as the engine does with a result: every cell boxed and printed, and a query over it.
    static func use(_ table: Table) {
        let rows = min(table.rowCount, 4096)
        for column in table.columns {
            for i in 0..<rows { _ = column.value(i).text }
        }
        if table.rowCount <= 4096 {
            for format in ResultFormat.allCases {
                _ = ResultRenderer.render([PrintableResult(table: table)], format: format)
            }
            let engine = Engine(database: InMemoryDatabase(tables: [("R", table)]), now: { 0 })
            _ = try? engine.execute("R | where true | take 100 | serialize n = row_number()")
        }
    }

    /// Writes `bytes` (length-prefixed frames as the worker sends them) to a socket and reads frames
    /// as the supervisor does, decoding each as a reply.
    func readFrames(_ bytes: [UInt8]) {
        guard let (engineSide, workerSide) = try? MessageChannel.pair() else { return }
        defer { engineSide.close() }
        bytes.withUnsafeBytes { p in
            var done = 0
            while done < p.count {
                let rest = UnsafeRawBufferPointer(rebasing: p[done...])
                guard let r = try? Sockets.send(workerSide.fd, rest, descriptors: [], nonBlocking: true), r > 0 else {
                    break
                }
                done += r
            }
        }
        workerSide.close()
        while let (payload, fds) = try? engineSide.receive(timeoutMilliseconds: 50) {
            fds.forEach { Descriptors.close($0) }
            _ = try? JSONDecoder().decode(WorkerResponse.self, from: Data(payload))
            _ = try? JSONDecoder().decode(WorkerReady.self, from: Data(payload))
        }
    }

    // MARK: - Forged regions

    static let interesting: [Int64] = [
        0, 1, 7, 8, 63, 64, 96, 160, 255, 4096, -1, -8, Int64(Int32.max), 1 << 32, 1 << 40,
        1 << 61, 1 << 62, Int64.max, Int64.max - 7, Int64.min, Int64.min + 1,
    ]

    /// A table laid out by `SharedTablePlan` (the writer's own placement), with buffers filled from the
    /// input and then a few header fields overwritten with values a hostile writer would choose.
    static func forgedRegion(_ input: inout FuzzInput) -> [UInt8] {
        let rows =
            input.chance(90) ? input.choose(9) : Int(clamping: interesting[input.choose(interesting.count)] & 0xffff)
        var sizings: [ColumnSizing] = []
        for k in 0..<input.choose(4) {
            let type = input.pick(ScalarType.allCases)
            var sizing = ColumnSizing(
                name: input.chance(80) ? "c\(k)" : String(decoding: input.take(upTo: input.choose(6)), as: UTF8.self),
                type: type, nullCount: min(input.choose(rows + 1), rows), dataBytes: input.choose(48))
            if input.chance(10) {
                sizing.valuesReference = BufferReference(
                    block: 1 + input.choose(2), range: 0..<(64 * (1 + input.choose(4))))
            }
            sizings.append(sizing)
        }
        let plan = SharedTablePlan(rowCount: rows, sizings: sizings)
        let slack = input.chance(20) ? input.choose(128) : 0
        var region = [UInt8](repeating: 0, count: plan.totalBytes + slack)
        region.withUnsafeMutableBytes { plan.writeHeader(at: $0.baseAddress!) }
        let headerEnd = SharedTableLayout.headerBytes + SharedTableLayout.descriptorBytes * sizings.count
        let fill = input.take(upTo: max(0, region.count - headerEnd))
        for (i, b) in fill.enumerated() { region[headerEnd + i] = b }
        // Overwrite a few fields: the header's counts, or a descriptor's type, lengths, offsets and blocks.
        for _ in 0..<input.choose(5) {
            var fields = [(8, 8), (16, 8), (24, 8)]
            for c in 0..<sizings.count {
                let d = SharedTableLayout.headerBytes + c * SharedTableLayout.descriptorBytes
                fields +=
                    [(d, 1), (d + 80, 4), (d + 84, 4), (d + 88, 4)]
                    + stride(from: d + 8, through: d + 72, by: 8).map { ($0, 8) }
            }
            let (offset, width) = input.pick(fields)
            let value = input.chance(80) ? input.pick(interesting) : input.int64()
            for k in 0..<width where offset + k < region.count {
                region[offset + k] = UInt8(truncatingIfNeeded: value >> (8 * k))
            }
        }
        return region
    }

    static func hexDump(_ bytes: [UInt8]) -> String {
        stride(from: 0, to: bytes.count, by: 16).map { start in
            String(format: "%06x ", start)
                + bytes[start..<min(start + 16, bytes.count)].map { String(format: " %02x", $0) }.joined()
        }.joined(separator: "\n")
    }
}
