import Columnar
import Foundation
import Testing
@testable import SharedTable

@Suite struct RegionAndChannelTests {
    @Test func poolReusesRegionsOnlyAfterTheLastColumnGoes() throws {
        let pool = RegionPool(maxIdle: 2)
        var table: Table? = nil
        let fd: Int32
        do {
            let lease = try pool.checkout(minimumBytes: 10_000)
            fd = lease.region.fd
            try SharedTableWriter.write(Table([("x", Column(int64s: [1, 2, 3]))]), into: lease.region)
            table = try SharedTableReader.read(lease)
        }
        #expect(pool.idleCount == 0)  // the table still adopts the region
        #expect(table?.columns[0].longs[2] == 3)
        table = nil
        #expect(pool.idleCount == 1)
        let again = try pool.checkout(minimumBytes: 100)
        #expect(again.region.fd == fd)
    }

    @Test func poolKeepsABoundedNumberOfIdleRegions() throws {
        let pool = RegionPool(maxIdle: 2)
        var leases = try (0..<4).map { _ in try pool.checkout(minimumBytes: 4096) }
        #expect(leases.count == 4)
        leases.removeAll()
        #expect(pool.idleCount == 2)
        pool.drain()
        #expect(pool.idleCount == 0)
    }

    @Test func framesCarryFileDescriptors() throws {
        let (a, b) = try MessageChannel.pair()
        defer { a.close(); b.close() }
        let region = try SharedRegion.create(capacity: 4096)
        region.base!.storeBytes(of: UInt64(0xfeed), as: UInt64.self)
        let readOnly = try region.readOnlyDuplicate()
        try a.send(WorkerRequest(script: "result = df", inputBytes: 64), fds: [readOnly])
        close(readOnly)
        let (request, fds) = try b.receive(WorkerRequest.self, timeoutMilliseconds: 1000)
        #expect(request.script == "result = df" && fds.count == 1)
        let mapping = try PrivateMapping(fd: fds[0], length: 4096)
        close(fds[0])
        #expect(mapping.base.load(as: UInt64.self) == 0xfeed)
        // Copy-on-write: the private mapping's writes do not reach the region.
        mapping.base.storeBytes(of: UInt64(1), as: UInt64.self)
        #expect(region.base!.load(as: UInt64.self) == 0xfeed)
    }

    @Test func aLargeFrameArrivesWhole() throws {
        let (a, b) = try MessageChannel.pair()
        defer { a.close(); b.close() }
        let big = [UInt8]((0..<3_000_000).map { UInt8(truncatingIfNeeded: $0) })
        let sender = Thread { try? a.send(big) }
        sender.start()
        let (payload, fds) = try b.receive(timeoutMilliseconds: 5000)
        #expect(payload == big && fds.isEmpty)
    }

    @Test func receiveTimesOutAndReportsAClosedPeer() throws {
        let (a, b) = try MessageChannel.pair()
        #expect(throws: SharedTableError(.timeout, "no message within 10 ms")) {
            try b.receive(timeoutMilliseconds: 10)
        }
        a.close()
        #expect { try b.receive(timeoutMilliseconds: 100) } throws: { ($0 as? SharedTableError)?.kind == .closed }
        b.close()
    }
}
