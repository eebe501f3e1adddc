/// XXH64, the 64-bit hash of Yann Collet's xxHash specification: the one implementation behind KQL's
/// `hash()` and the HyperLogLog sketches.
///
/// ADX's `hll()` results list the hashes of the values they hold; the page's StormEvents example
/// shows `3803688792395291579` (0x34C96ACDCADB1BBB) for a bin whose damage is the long 0, which is
/// XXH64 of the eight zero bytes of that long. Hashing longs the same way keeps our sketches and
/// ADX's interchangeable for long values.
public enum XXHash64 {
    private static let p1: UInt64 = 0x9E37_79B1_85EB_CA87
    private static let p2: UInt64 = 0xC2B2_AE3D_27D4_EB4F
    private static let p3: UInt64 = 0x1656_67B1_9E37_79F9
    private static let p4: UInt64 = 0x85EB_CA77_C2B2_AE63
    private static let p5: UInt64 = 0x27D4_EB2F_1656_67C5

    /// The hash of `bytes`.
    public static func hash(_ bytes: UnsafeRawBufferPointer, seed: UInt64 = 0) -> UInt64 {
        let length = bytes.count
        var offset = 0
        var h: UInt64
        if length >= 32 {
            var v1 = seed &+ p1 &+ p2, v2 = seed &+ p2, v3 = seed, v4 = seed &- p1
            while offset + 32 <= length {
                v1 = round(v1, read64(bytes, offset))
                v2 = round(v2, read64(bytes, offset + 8))
                v3 = round(v3, read64(bytes, offset + 16))
                v4 = round(v4, read64(bytes, offset + 24))
                offset += 32
            }
            h = rotl(v1, 1) &+ rotl(v2, 7) &+ rotl(v3, 12) &+ rotl(v4, 18)
            h = mergeRound(h, v1); h = mergeRound(h, v2); h = mergeRound(h, v3); h = mergeRound(h, v4)
        } else {
            h = seed &+ p5
        }
        h &+= UInt64(length)
        while offset + 8 <= length {
            h ^= round(0, read64(bytes, offset))
            h = rotl(h, 27) &* p1 &+ p4
            offset += 8
        }
        if offset + 4 <= length {
            h ^= UInt64(read32(bytes, offset)) &* p1
            h = rotl(h, 23) &* p2 &+ p3
            offset += 4
        }
        while offset < length {
            h ^= UInt64(bytes[offset]) &* p5
            h = rotl(h, 11) &* p1
            offset += 1
        }
        h ^= h >> 33; h &*= p2
        h ^= h >> 29; h &*= p3
        h ^= h >> 32
        return h
    }

    /// The hash of a byte array.
    public static func hash(_ bytes: [UInt8]) -> UInt64 {
        bytes.withUnsafeBytes { hash($0) }
    }

    /// The hash of a long's eight little-endian bytes (how ADX hashes longs).
    public static func hash(long value: Int64) -> UInt64 {
        withUnsafeBytes(of: value.littleEndian) { hash($0) }
    }

    /// The hash of a real's eight little-endian IEEE bytes, with −0 read as 0 and every NaN as one NaN
    /// so that equal reals hash equally.
    public static func hash(real value: Double) -> UInt64 {
        let canonical = value == 0 ? 0.0 : (value.isNaN ? Double.nan : value)
        return withUnsafeBytes(of: canonical.bitPattern.littleEndian) { hash($0) }
    }

    /// The hash of a string's UTF-8 bytes.
    public static func hash(string value: String) -> UInt64 {
        var copy = value
        return copy.withUTF8 { hash(UnsafeRawBufferPointer($0)) }
    }

    @inline(__always) private static func rotl(_ x: UInt64, _ r: UInt64) -> UInt64 { (x << r) | (x >> (64 - r)) }

    @inline(__always) private static func round(_ acc: UInt64, _ input: UInt64) -> UInt64 {
        rotl(acc &+ input &* p2, 31) &* p1
    }

    @inline(__always) private static func mergeRound(_ acc: UInt64, _ value: UInt64) -> UInt64 {
        (acc ^ round(0, value)) &* p1 &+ p4
    }

    @inline(__always) private static func read64(_ b: UnsafeRawBufferPointer, _ at: Int) -> UInt64 {
        UInt64(littleEndian: b.loadUnaligned(fromByteOffset: at, as: UInt64.self))
    }

    @inline(__always) private static func read32(_ b: UnsafeRawBufferPointer, _ at: Int) -> UInt32 {
        UInt32(littleEndian: b.loadUnaligned(fromByteOffset: at, as: UInt32.self))
    }
}
