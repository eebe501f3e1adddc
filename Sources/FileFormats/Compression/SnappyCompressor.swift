/// Snappy's raw block format, written: a greedy match finder over a hash of four-byte sequences, copies
/// within 64 KiB, literals elsewhere. Any snappy reader decodes it; it trades some ratio for simplicity.
enum SnappyCompressor {
    static func compress(_ input: UnsafeRawBufferPointer) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(input.count / 2 + 16)
        var n = UInt64(input.count)
        while n >= 0x80 {
            out.append(UInt8(n & 0x7f) | 0x80)
            n >>= 7
        }
        out.append(UInt8(n))
        let count = input.count
        guard count > 0 else { return out }
        func load(_ i: Int) -> UInt32 { input.loadUnaligned(fromByteOffset: i, as: UInt32.self) }
        var table = [Int](repeating: -1, count: 1 << 14)
        var i = 0
        var literalStart = 0
        while i + 4 <= count {
            let word = load(i)
            let h = Int((word &* 0x1E35_A7BD) >> 18)
            let candidate = table[h]
            table[h] = i
            guard candidate >= 0, i - candidate <= 65535, load(candidate) == word else {
                i += 1
                continue
            }
            literal(input, literalStart..<i, into: &out)
            var length = 4
            while i + length < count, length < 64, input[candidate + length] == input[i + length] { length += 1 }
            let offset = i - candidate
            out.append(UInt8(length - 1) << 2 | 2)
            out.append(UInt8(offset & 0xff))
            out.append(UInt8(offset >> 8))
            i += length
            literalStart = i
        }
        literal(input, literalStart..<count, into: &out)
        return out
    }

    private static func literal(_ input: UnsafeRawBufferPointer, _ range: Range<Int>, into out: inout [UInt8]) {
        guard !range.isEmpty else { return }
        let n = range.count - 1
        if n < 60 {
            out.append(UInt8(n) << 2)
        } else {
            let width = n < 1 << 8 ? 1 : n < 1 << 16 ? 2 : n < 1 << 24 ? 3 : 4
            out.append(UInt8(59 + width) << 2)
            for k in 0..<width { out.append(UInt8(truncatingIfNeeded: n >> (8 * k))) }
        }
        out.append(contentsOf: input[range])
    }
}
