/// Decodes the LZ4 frame format (Arrow's `LZ4_FRAME` body compression): frames of blocks, each stored or
/// LZ4-compressed, with optional checksums (skipped, not verified) and content size; skippable frames are
/// passed over. Written from the LZ4 frame and block format descriptions. The output is exactly the size
/// the caller expects (checked against its limits), and every match is checked to lie in what was written.
enum LZ4Frame {
    static func decompress(_ input: UnsafeRawBufferPointer, expected: Int, file: String, at base: Int)
        throws(FileFormatError) -> [UInt8]
    {
        var out: [UInt8] = []
        out.reserveCapacity(expected)
        var p = 0
        func fail(_ what: String) -> FileFormatError { .malformed(file, at: base + p, "LZ4 data: \(what)") }
        func u32() throws(FileFormatError) -> UInt32 {
            guard p + 4 <= input.count else { throw fail("cut off") }
            defer { p += 4 }
            return input.little(p, as: UInt32.self)
        }
        while p < input.count {
            let magic = try u32()
            if magic & 0xFFFF_FFF0 == 0x184D_2A50 {
                let skip = Int(try u32())
                guard skip <= input.count - p else { throw fail("a skippable frame past the end") }
                p += skip
                continue
            }
            guard magic == 0x184D_2204 else { throw fail("not an LZ4 frame (magic \(magic))") }
            guard p + 2 <= input.count else { throw fail("cut off") }
            let flags = input[p]
            p += 2
            guard flags >> 6 == 1 else { throw fail("frame version \(flags >> 6)") }
            let blockChecksum = flags & 0x10 != 0
            p += (flags & 0x08 != 0 ? 8 : 0) + (flags & 0x01 != 0 ? 4 : 0) + 1
            guard p <= input.count else { throw fail("cut off") }
            while true {
                let word = try u32()
                if word == 0 { break }
                let size = Int(word & 0x7FFF_FFFF)
                guard size <= input.count - p else { throw fail("a block of \(size) bytes past the end") }
                let block = UnsafeRawBufferPointer(rebasing: input[p..<p + size])
                if word & 0x8000_0000 != 0 {
                    guard block.count <= expected - out.count else { throw fail("more data than declared") }
                    out.append(contentsOf: block)
                } else {
                    try decodeBlock(block, into: &out, limit: expected, fail: fail)
                }
                p += size + (blockChecksum ? 4 : 0)
            }
            if flags & 0x04 != 0 { p += 4 }
            guard p <= input.count else { throw fail("cut off") }
        }
        guard out.count == expected else { throw fail("\(out.count) bytes where \(expected) were declared") }
        return out
    }

    /// One LZ4 block: sequences of literals and a match (offset back into the output, length at least 4).
    private static func decodeBlock(
        _ b: UnsafeRawBufferPointer, into out: inout [UInt8], limit: Int, fail: (String) -> FileFormatError
    ) throws(FileFormatError) {
        var p = 0
        func length(_ nibble: Int) throws(FileFormatError) -> Int {
            var n = nibble
            guard nibble == 15 else { return n }
            while true {
                guard p < b.count else { throw fail("a length cut off") }
                let x = Int(b[p])
                p += 1
                n += x
                guard n <= limit else { throw fail("a length past the declared size") }
                if x != 255 { return n }
            }
        }
        while p < b.count {
            let token = Int(b[p])
            p += 1
            let literals = try length(token >> 4)
            guard literals <= b.count - p, literals <= limit - out.count else { throw fail("literals past the end") }
            out.append(contentsOf: UnsafeRawBufferPointer(rebasing: b[p..<p + literals]))
            p += literals
            if p == b.count { return }
            guard p + 2 <= b.count else { throw fail("a match offset cut off") }
            let offset = Int(b[p]) | Int(b[p + 1]) << 8
            p += 2
            let match = try length(token & 15) + 4
            guard offset > 0, offset <= out.count else { throw fail("a match offset of \(offset)") }
            guard match <= limit - out.count else { throw fail("a match past the declared size") }
            let from = out.count - offset
            // Byte by byte: a match may overlap what it copies (offset < length repeats a pattern).
            for k in 0..<match { out.append(out[from + k]) }
        }
    }
}
