import Columnar
#if canImport(Glibc)
import Glibc
#endif

/// Open-addressing hash table from 64-bit keys to dense ids `0, 1, 2, ...` in first-seen order.
///
/// The hot loop of grouping and joining: no boxing, no per-row allocation, linear probing over
/// flat buffers sized to a power of two and kept at most half full.
final class LongKeyTable {
    private var keys: UnsafeMutablePointer<UInt64>
    private var ids: UnsafeMutablePointer<Int32>
    private var capacity: Int
    private var shift: UInt64
    private(set) var count = 0

    init(expected: Int = 16) {
        var c = 16
        while c < expected * 2 { c <<= 1 }
        capacity = c
        shift = UInt64(64 - c.trailingZeroBitCount)
        keys = .allocate(capacity: c)
        ids = .allocate(capacity: c)
        ids.initialize(repeating: -1, count: c)
    }

    deinit { keys.deallocate(); ids.deallocate() }

    @inline(__always)
    private func slot(_ k: UInt64) -> Int { Int(truncatingIfNeeded: (k &* 0x9E37_79B9_7F4A_7C15) >> shift) }

    /// The id of `k`, assigning the next one when it is new.
    @inline(__always)
    func intern(_ k: UInt64) -> Int32 {
        let mask = capacity - 1
        var i = slot(k)
        while true {
            let id = ids[i]
            if id < 0 {
                let new = Int32(count)
                keys[i] = k; ids[i] = new
                count += 1
                if count * 2 > capacity { grow() }
                return new
            }
            if keys[i] == k { return id }
            i = (i + 1) & mask
        }
    }

    /// A fresh id that no key maps to (null keys use one).
    func reserveID() -> Int32 {
        count += 1
        return Int32(count - 1)
    }

    /// The id of `k`, or -1 when it was never interned.
    @inline(__always)
    func find(_ k: UInt64) -> Int32 {
        let mask = capacity - 1
        var i = slot(k)
        while true {
            let id = ids[i]
            if id < 0 || keys[i] == k { return id }
            i = (i + 1) & mask
        }
    }

    private func grow() {
        let oldKeys = keys, oldIDs = ids, oldCapacity = capacity
        capacity *= 2
        shift -= 1
        keys = .allocate(capacity: capacity)
        ids = .allocate(capacity: capacity)
        ids.initialize(repeating: -1, count: capacity)
        let mask = capacity - 1
        for j in 0..<oldCapacity where oldIDs[j] >= 0 {
            var i = slot(oldKeys[j])
            while ids[i] >= 0 { i = (i + 1) & mask }
            keys[i] = oldKeys[j]; ids[i] = oldIDs[j]
        }
        oldKeys.deallocate(); oldIDs.deallocate()
    }
}

/// Hash table from byte strings (UTF-8 text, guids) to dense ids; each distinct key is copied once.
final class BytesKeyTable {
    private var hashes: UnsafeMutablePointer<UInt64>
    private var ids: UnsafeMutablePointer<Int32>
    private var capacity: Int
    private var arena: [UInt8] = []
    private var starts: [Int] = []
    private var lengths: [Int] = []
    private(set) var count = 0

    init(expected: Int = 16) {
        var c = 16
        while c < expected * 2 { c <<= 1 }
        capacity = c
        hashes = .allocate(capacity: c)
        ids = .allocate(capacity: c)
        ids.initialize(repeating: -1, count: c)
    }

    deinit { hashes.deallocate(); ids.deallocate() }

    static func hash(_ p: UnsafeRawBufferPointer) -> UInt64 {
        var h: UInt64 = 0xCBF2_9CE4_8422_2325 ^ UInt64(p.count)
        var i = 0
        let n = p.count
        while i + 8 <= n {
            h = (h ^ p.loadUnaligned(fromByteOffset: i, as: UInt64.self)) &* 0x100_0000_01B3
            h ^= h >> 29
            i += 8
        }
        var tail: UInt64 = 0
        var s: UInt64 = 0
        while i < n { tail |= UInt64(p[i]) << s; s += 8; i += 1 }
        h = (h ^ tail) &* 0x9E37_79B9_7F4A_7C15
        return h ^ (h >> 32)
    }

    private func equals(_ id: Int32, _ p: UnsafeRawBufferPointer) -> Bool {
        let len = lengths[Int(id)]
        guard len == p.count else { return false }
        if len == 0 { return true }
        return arena.withUnsafeBytes { a in memcmp(a.baseAddress! + starts[Int(id)], p.baseAddress!, len) == 0 }
    }

    /// The id of the bytes, assigning the next one when they are new.
    func intern(_ p: UnsafeRawBufferPointer) -> Int32 {
        let h = BytesKeyTable.hash(p)
        let mask = capacity - 1
        var i = Int(truncatingIfNeeded: h) & mask
        while true {
            let id = ids[i]
            if id < 0 {
                let new = Int32(count)
                hashes[i] = h; ids[i] = new
                starts.append(arena.count); lengths.append(p.count)
                arena.append(contentsOf: p)
                count += 1
                if count * 2 > capacity { grow() }
                return new
            }
            if hashes[i] == h, equals(id, p) { return id }
            i = (i + 1) & mask
        }
    }

    private func grow() {
        let oldH = hashes, oldIDs = ids, oldCapacity = capacity
        capacity *= 2
        hashes = .allocate(capacity: capacity)
        ids = .allocate(capacity: capacity)
        ids.initialize(repeating: -1, count: capacity)
        let mask = capacity - 1
        for j in 0..<oldCapacity where oldIDs[j] >= 0 {
            var i = Int(truncatingIfNeeded: oldH[j]) & mask
            while ids[i] >= 0 { i = (i + 1) & mask }
            hashes[i] = oldH[j]; ids[i] = oldIDs[j]
        }
        oldH.deallocate(); oldIDs.deallocate()
    }
}
