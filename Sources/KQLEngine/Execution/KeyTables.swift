import Columnar
#if canImport(Glibc)
    import Glibc
#endif

/// Open-addressing hash table from 64-bit keys to dense ids `0, 1, 2, ...` in first-seen order.
///
/// The hot loop of grouping and joining: no boxing, no per-row allocation, linear probing over
/// flat buffers sized to a power of two and kept at most half full.
///
/// Integer keys from a small range can instead be looked up directly (`useDirectRange`): an array
/// indexed by `key - base` holds their ids, so the common `summarize ... by smallIntKey` and joins
/// on dense ids cost one load per row. Keys outside the range still go through the hash table;
/// both share one id counter.
final class LongKeyTable {
    private var keys: UnsafeMutablePointer<UInt64>
    private var ids: UnsafeMutablePointer<Int32>
    private var capacity: Int
    private var shift: UInt64
    private(set) var count = 0
    private var direct: UnsafeMutablePointer<Int32>?
    private var directBase: UInt64 = 0
    private var directSize: UInt64 = 0
    /// Keys held in the hash table (the direct array's are not), which decides when it grows.
    private var hashed = 0

    init(expected: Int = 16) {
        var c = 16
        while c < expected * 2 { c <<= 1 }
        capacity = c
        shift = UInt64(64 - c.trailingZeroBitCount)
        keys = .allocate(capacity: c)
        ids = .allocate(capacity: c)
        ids.initialize(repeating: -1, count: c)
    }

    deinit { keys.deallocate(); ids.deallocate(); direct?.deallocate() }

    /// Largest direct array, in ids (64 MB).
    static let maxDirectSize = 1 << 24

    /// Whether direct lookup is on (it can only be turned on before the first key).
    var hasDirectRange: Bool { direct != nil }

    /// Looks keys `min...max` (signed) up directly from now on; only before any key was interned.
    func useDirectRange(min: Int64, max: Int64) {
        precondition(count == 0 && direct == nil && min <= max)
        let size = Int(UInt64(bitPattern: max &- min) + 1)
        let d = UnsafeMutablePointer<Int32>.allocate(capacity: size)
        d.initialize(repeating: -1, count: size)
        direct = d
        directBase = UInt64(bitPattern: min)
        directSize = UInt64(size)
    }

    /// Ids of `n` signed keys, written to `out`.
    func intern(_ values: UnsafePointer<Int64>, count n: Int, into out: UnsafeMutablePointer<Int32>) {
        guard let d = direct else {
            for i in 0..<n { out[i] = intern(UInt64(bitPattern: values[i])) }
            return
        }
        let base = directBase, size = directSize
        var next = Int32(count)
        for i in 0..<n {
            let k = UInt64(bitPattern: values[i])
            let off = k &- base
            if off < size {
                var id = d[Int(off)]
                if id < 0 { id = next; d[Int(off)] = id; next += 1 }
                out[i] = id
            } else {
                count = Int(next)
                out[i] = intern(k)
                next = Int32(count)
            }
        }
        count = Int(next)
    }

    @inline(__always)
    private func slot(_ k: UInt64) -> Int { Int(truncatingIfNeeded: (k &* 0x9E37_79B9_7F4A_7C15) >> shift) }

    /// The id of `k`, assigning the next one when it is new.
    @inline(__always)
    func intern(_ k: UInt64) -> Int32 {
        if let d = direct, k &- directBase < directSize {
            let off = Int(k &- directBase)
            if d[off] < 0 { d[off] = Int32(count); count += 1 }
            return d[off]
        }
        let mask = capacity - 1
        var i = slot(k)
        while true {
            let id = ids[i]
            if id < 0 {
                let new = Int32(count)
                keys[i] = k; ids[i] = new
                count += 1
                hashed += 1
                if hashed * 2 > capacity { grow() }
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
        if let d = direct, k &- directBase < directSize { return d[Int(k &- directBase)] }
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
