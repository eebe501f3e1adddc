import Columnar
import Foundation
import Testing
@testable import SharedTable
import SystemCalls

/// The reader, the regions and the channel against a peer that writes what it likes (the worker side of
/// a python() query runs untrusted code): forged counts, strings that are not UTF-8, random mutations
/// of well-formed tables, a sealed or cut memfd, a reply trickled a byte at a time.
@Suite struct HostileRegionTests {
    /// A region holding `table`, and its size.
    static func written(_ table: Table) throws -> (SharedRegion, Int) {
        let region = try SharedRegion.create(capacity: 4096)
        let bytes = try SharedTableWriter.write(table, into: region)
        return (region, bytes)
    }

    static let mixed = Table([
        ("l", Column(int64s: [1, 2, 3, 4])),
        ("s", Column(strings: ["a", nil, "héllo", ""])),
        ("r", Column(reals: [0.5, 1.5, 2.5, 3.5], valid: [true, false, true, true])),
        ("b", Column(bools: [true, false, true, false])),
        (
            "d",
            Column(
                type: .dynamic,
                values: [
                    .dynamic(.long(1)), .dynamic(.null), .dynamic(.array([.string("x")])),
                    .dynamic(.bag(PropertyBag([("k", .long(2))]))),
                ])
        ),
        ("g", Column(type: .guid, values: [.guid(UUID()), .null, .guid(UUID()), .guid(UUID())])),
    ])

    @Test("a row count whose buffer size overflows, a negative count, too many columns: refused")
    func forgedCounts() throws {
        let (region, bytes) = try Self.written(Table([("l", Column(int64s: [1]))]))
        let base = region.base!
        for rows in [Int64(1) << 61, Int64(1) << 62, Int64.max, -1, Int64(Int32.max) + 1] {
            base.storeBytes(of: rows, toByteOffset: 8, as: Int64.self)
            #expect(throws: SharedTableError.self) {
                try SharedTableReader.read(base: base, length: bytes, owner: region)
            }
        }
        base.storeBytes(of: Int64(1), toByteOffset: 8, as: Int64.self)
        base.storeBytes(of: Int64(1) << 40, toByteOffset: 16, as: Int64.self)
        #expect(throws: SharedTableError.self) { try SharedTableReader.read(base: base, length: bytes, owner: region) }
    }

    @Test("UTF-8: well-formed text passes; overlongs, surrogates, cut sequences and stray continuation bytes do not")
    func utf8() {
        func valid(_ bytes: [UInt8]) -> Bool {
            bytes.withUnsafeBufferPointer {
                UTF8Check.isValid($0.baseAddress ?? UnsafePointer(bitPattern: 1)!, count: $0.count)
            }
        }
        #expect(valid(Array("plain ASCII that runs past eight bytes".utf8)))
        #expect(valid(Array("héllo wörld 日本 𝄞 \u{10FFFF}".utf8)))
        #expect(valid([]))
        for bad: [UInt8] in [
            [0xC0, 0xAF], [0xE0, 0x80, 0xAF], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xF5, 0x80, 0x80, 0x80],
            [0x80], [0xC3], [0xE2, 0x82], [0x41, 0x42, 0x43, 0x44, 0x45, 0x46, 0x47, 0x48, 0xFF],
        ] {
            #expect(!valid(bad), "\(bad)")
        }
        let e = Array("é".utf8)
        #expect(e.withUnsafeBufferPointer { !UTF8Check.isBoundary($0.baseAddress!, count: 2, at: 1) })
        #expect(e.withUnsafeBufferPointer { UTF8Check.isBoundary($0.baseAddress!, count: 2, at: 2) })
    }

    @Test("20,000 random mutations of well-formed tables: each is read to the last cell or refused, never a crash")
    func mutations() throws {
        var rng = SplitMix(seed: 7)
        let (source, bytes) = try Self.written(Self.mixed)
        let pristine = Array(UnsafeRawBufferPointer(start: source.base!, count: bytes))
        let edges: [Int64] = [
            0, 1, -1, 7, 8, 63, 64, 4095, 4096, Int64(bytes), Int64(bytes) + 8, 1 << 31, 1 << 32, 1 << 61, 1 << 62,
            .max, .min,
        ]
        var slots = [8, 16, 24]
        for k in 0..<Self.mixed.columns.count {
            for f in 0..<9 { slots.append(64 + 96 * k + 8 + 8 * f) }
        }
        var accepted = 0, refused = 0
        for _ in 0..<20_000 {
            var image = pristine
            for _ in 0..<(1 + Int(rng.next() % 4)) {
                let pick = rng.next() % 3
                if pick == 0 {
                    // An Int64 field of the header or of a descriptor.
                    let at = slots[Int(rng.next() % UInt64(slots.count))]
                    withUnsafeBytes(of: edges[Int(rng.next() % UInt64(edges.count))]) {
                        image.replaceSubrange(at..<(at + 8), with: $0)
                    }
                } else if pick == 1 {
                    image[64 + 96 * Int(rng.next() % UInt64(Self.mixed.columns.count))] = UInt8(rng.next() % 13)
                } else {
                    image[Int(rng.next() % UInt64(image.count))] = UInt8(truncatingIfNeeded: rng.next())
                }
            }
            let copy = DataBuffer(copying: image.withUnsafeBytes { $0 })
            do {
                let t = try SharedTableReader.read(base: copy.pointer, length: copy.byteCount, owner: copy)
                for r in 0..<t.rowCount { for c in t.columns { _ = c.value(r) } }
                accepted += 1
            } catch {
                refused += 1
            }
        }
        #expect(accepted + refused == 20_000)
        #expect(refused > 0 && accepted > 0)
    }

    @Test("a pooled memfd cannot be sealed, and a reused region holds nothing of its last user")
    func pooledRegions() throws {
        let pool = RegionPool(maxIdle: 1)
        var fd: Int32 = -1
        do {
            let lease = try pool.checkout(minimumBytes: 1 << 20)
            fd = lease.region.fd
            // F_ADD_SEALS: refused, the memfd was made without MFD_ALLOW_SEALING.
            #expect(fcntl(fd, 1033, 0x1 | 0x2 | 0x4 | 0x8) == -1 && errno == EPERM)
            lease.region.lendWritable()
            lease.region.base!.initializeMemory(as: UInt8.self, repeating: 0xAB, count: 1 << 20)
            try SharedMemory.truncate(fd, 8192)  // a peer cuts it ...
        }
        let again = try pool.checkout(minimumBytes: 1 << 20)
        #expect(again.region.fd == fd)
        #expect(try SharedMemory.sizes(fd).size == again.region.capacity)  // ... and it is whole again
        #expect(!again.region.bytes.contains { $0 != 0 })
    }

    @Test(
        "a reply trickled a byte at a time is cut at one deadline for the whole frame; an oversized one is refused unread"
    )
    func trickle() throws {
        let (a, b) = try MessageChannel.pair()
        defer { a.close(); b.close() }
        let done = DispatchSemaphore(value: 0)
        // Eight bytes, one every 100 ms: past the 500 ms deadline, and finished before the sockets close.
        let writer = Thread {
            let payload = Array(#"{"resultBytes":4096}"#.utf8)
            let frame = withUnsafeBytes(of: UInt32(payload.count).littleEndian) { Array($0) } + payload
            for byte in frame.prefix(8) {
                _ = [byte].withUnsafeBytes { send(a.fd, $0.baseAddress!, 1, Int32(MSG_NOSIGNAL)) }
                usleep(100_000)
            }
            done.signal()
        }
        writer.start()
        let start = Date()
        #expect { try b.receive(timeoutMilliseconds: 500) } throws: { ($0 as? SharedTableError)?.kind == .timeout }
        #expect(Date().timeIntervalSince(start) < 1.5)
        done.wait()
        let (c, d) = try MessageChannel.pair()
        defer { c.close(); d.close() }
        var huge = UInt32(1 << 30).littleEndian
        _ = withUnsafeBytes(of: &huge) { send(c.fd, $0.baseAddress!, 4, Int32(MSG_NOSIGNAL)) }
        #expect { try d.receive(timeoutMilliseconds: 1000, maxBytes: 16 << 20) } throws: {
            ($0 as? SharedTableError)?.kind == .message
        }
    }
}

/// A small deterministic generator (SplitMix64), so a failing mutation is reproducible.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
