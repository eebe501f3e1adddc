import CPython
import Columnar
import Glibc

/// Creates `str` objects from UTF-8 slices, reusing the object of a recently seen equal slice.
///
/// A direct-mapped cache keyed by a hash of the bytes: repeated values (the common case in
/// columns of names, codes and categories) cost a hash and a compare instead of an allocation.
/// Each slot keeps the full hash, so a miss is decided without reading the slot's bytes, which sit
/// far back in the column and would cost a cache miss.
///
/// The cache only pays when values repeat. On a column of unique values every probe misses and the
/// hash plus the slot's cache miss are pure overhead, so the decoder watches its hit rate: after a
/// window of probes that almost all missed it stops probing for a stretch of rows, then probes one
/// window again (a column can turn repetitive half way through, e.g. when sorted). Each further
/// window without hits doubles the stretch, up to `maxBypassRows`, so a long unique column probes
/// well under 1% of its rows.
struct StringDecoder {
    let data: UnsafePointer<CChar>
    private struct Slot {
        var hash: UInt64 = 0
        var start = -1
        var length = 0
        var object: PyPtr? = nil
    }
    private let slots: UnsafeMutablePointer<Slot>
    static let slotBits = 14
    /// Longer slices are rarely repeated and costly to hash and compare: always decoded directly.
    static let maxCachedLength = 64
    /// Probes per window whose hit rate decides whether to keep probing.
    static let window = 4096
    /// Rows decoded without probing after a first window with fewer than 1/16 hits.
    static let bypassRows = 16 * window
    /// The longest stretch without probing (reached after several windows without hits).
    static let maxBypassRows = 256 * window

    private var probes = 0
    private var hits = 0
    private var bypass = 0
    private var nextBypass = bypassRows

    init(data: UnsafePointer<CChar>) {
        self.data = data
        slots = .allocate(capacity: 1 << Self.slotBits)
        slots.initialize(repeating: Slot(), count: 1 << Self.slotBits)
    }

    /// Frees the cache (the objects it points at are owned by the column being built).
    func release() { slots.deallocate() }

    /// Stores a new str reference for each valid row of a string column (offsets `n + 1`, UTF-8
    /// `data`, optional validity bitmap) into `slots`; a null row's slot is left as it is. Returns
    /// how many slots were written and false if a str could not be made (Python error set; the
    /// slots written so far hold their references).
    static func fill(
        _ slots: UnsafeMutablePointer<PyPtr?>, rows n: Int, offsets: UnsafePointer<Int64>,
        data: UnsafePointer<CChar>, validity: UnsafeRawPointer?
    ) -> (written: Int, ok: Bool) {
        var decoder = StringDecoder(data: data)
        defer { decoder.release() }
        var written = 0
        for i in 0..<n {
            if let validity, !Validity.isValid(validity, i) { continue }
            guard let s = decoder.object(start: Int(offsets[i]), end: Int(offsets[i + 1])) else {
                return (written, false)
            }
            slots[i] = s
            written += 1
        }
        return (written, true)
    }

    /// A new reference to a str equal to bytes `start..<end`, or nil with a Python error set.
    @inline(__always)
    mutating func object(start: Int, end: Int) -> PyPtr? {
        let length = end - start
        let p = data + start
        if bypass > 0 {
            bypass -= 1
            return sp_str_from_utf8(p, length)
        }
        guard length <= Self.maxCachedLength else { return sp_str_from_utf8(p, length) }
        probes += 1
        if probes == Self.window {
            if hits * 16 < probes {
                bypass = nextBypass
                nextBypass = min(nextBypass * 2, Self.maxBypassRows)
            } else {
                nextBypass = Self.bypassRows
            }
            probes = 0; hits = 0
        }
        let h = Self.hash(UnsafeRawPointer(p), length)
        let slot = slots + Int(truncatingIfNeeded: h >> UInt64(64 - Self.slotBits))
        if slot.pointee.hash == h, slot.pointee.length == length, let cached = slot.pointee.object,
            Self.equal(UnsafeRawPointer(data + slot.pointee.start), UnsafeRawPointer(p), length)
        {
            hits += 1
            sp_incref(cached)
            return cached
        }
        guard let s = sp_str_from_utf8(p, length) else { return nil }
        // The cache borrows: the object array holds the reference for as long as the build runs.
        slot.pointee = Slot(hash: h, start: start, length: length, object: s)
        return s
    }

    /// Whether `n` bytes (at most `maxCachedLength`) at `a` and `b` are equal: word loads inline,
    /// since a call to memcmp costs more than the compare itself at these lengths.
    @inline(__always)
    static func equal(_ a: UnsafeRawPointer, _ b: UnsafeRawPointer, _ n: Int) -> Bool {
        if n >= 8 {
            var i = 0
            while i + 8 <= n {
                if a.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                    != b.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                {
                    return false
                }
                i += 8
            }
            return i == n
                || a.loadUnaligned(fromByteOffset: n - 8, as: UInt64.self)
                    == b.loadUnaligned(fromByteOffset: n - 8, as: UInt64.self)
        }
        if n >= 4 {
            return a.loadUnaligned(as: UInt32.self) == b.loadUnaligned(as: UInt32.self)
                && a.loadUnaligned(fromByteOffset: n - 4, as: UInt32.self)
                    == b.loadUnaligned(fromByteOffset: n - 4, as: UInt32.self)
        }
        var i = 0
        while i < n {
            if a.load(fromByteOffset: i, as: UInt8.self) != b.load(fromByteOffset: i, as: UInt8.self) { return false }
            i += 1
        }
        return true
    }

    @inline(__always)
    static func hash(_ p: UnsafeRawPointer, _ n: Int) -> UInt64 {
        var h = UInt64(truncatingIfNeeded: n) &* 0x9E37_79B9_7F4A_7C15
        var i = 0
        while i + 8 <= n {
            h = (h ^ p.loadUnaligned(fromByteOffset: i, as: UInt64.self)) &* 0xBF58_476D_1CE4_E5B9
            h ^= h >> 29
            i += 8
        }
        let rest = n - i
        if rest > 0 {
            // Short tails in at most two loads (overlapping), never past the slice.
            var tail: UInt64
            if n >= 8 {
                tail = p.loadUnaligned(fromByteOffset: n - 8, as: UInt64.self)
            } else if rest >= 4 {
                tail =
                    UInt64(p.loadUnaligned(fromByteOffset: i, as: UInt32.self)) << 32
                    | UInt64(p.loadUnaligned(fromByteOffset: n - 4, as: UInt32.self))
            } else {
                tail =
                    UInt64(p.load(fromByteOffset: i, as: UInt8.self)) << 16
                    | UInt64(p.load(fromByteOffset: i + rest / 2, as: UInt8.self)) << 8
                    | UInt64(p.load(fromByteOffset: n - 1, as: UInt8.self))
            }
            h = (h ^ tail) &* 0x94D0_49BB_1331_11EB
        }
        return h ^ (h >> 31)
    }
}
