/// Arrow-style validity bitmaps: bit `i` (least significant bit first) is 1 when row `i` holds a value.
public enum Validity {
    /// Bytes needed for a bitmap of `count` rows.
    @inlinable
    public static func byteCount(for count: Int) -> Int { (count + 7) / 8 }

    /// Whether row `index` is valid in `bitmap`.
    @inlinable
    public static func isValid(_ bitmap: UnsafeRawPointer, _ index: Int) -> Bool {
        (bitmap.load(fromByteOffset: index >> 3, as: UInt8.self) >> UInt8(index & 7)) & 1 == 1
    }

    /// Sets row `index` of a mutable bitmap.
    @inlinable
    public static func set(_ bitmap: UnsafeMutableRawPointer, _ index: Int, _ valid: Bool) {
        let p = bitmap.advanced(by: index >> 3).assumingMemoryBound(to: UInt8.self)
        let bit = UInt8(1) << UInt8(index & 7)
        if valid { p.pointee |= bit } else { p.pointee &= ~bit }
    }

    /// Counts the null rows among the first `count` rows of `bitmap`.
    public static func nullCount(_ bitmap: UnsafeRawPointer, count: Int) -> Int {
        var valid = 0
        let fullBytes = count / 8
        let bytes = bitmap.assumingMemoryBound(to: UInt8.self)
        for i in 0..<fullBytes { valid += bytes[i].nonzeroBitCount }
        for i in (fullBytes * 8)..<count where isValid(bitmap, i) { valid += 1 }
        return count - valid
    }
}
