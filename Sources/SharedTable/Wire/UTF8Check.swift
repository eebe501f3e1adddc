/// Well-formedness of UTF-8 bytes a worker wrote, checked before they become engine strings.
enum UTF8Check {
    /// Whether the `count` bytes at `p` are well-formed UTF-8 (RFC 3629: no overlong forms, no
    /// surrogates, nothing past U+10FFFF, no sequence cut at the end).
    static func isValid(_ p: UnsafePointer<UInt8>, count: Int) -> Bool {
        var i = 0
        while i < count {
            // Runs of ASCII go eight bytes at a time: `i + 8 <= count` keeps the load inside the buffer.
            while count - i >= 8, UnsafeRawPointer(p + i).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                i += 8
            }
            guard i < count else { break }
            let lead = p[i]
            if lead < 0x80 { i += 1; continue }
            // The continuation count and the allowed range of the second byte (Table 3-7 of Unicode).
            let more: Int, low: UInt8, high: UInt8
            switch lead {
            case 0xC2...0xDF: (more, low, high) = (1, 0x80, 0xBF)
            case 0xE0: (more, low, high) = (2, 0xA0, 0xBF)
            case 0xE1...0xEC, 0xEE...0xEF: (more, low, high) = (2, 0x80, 0xBF)
            case 0xED: (more, low, high) = (2, 0x80, 0x9F)
            case 0xF0: (more, low, high) = (3, 0x90, 0xBF)
            case 0xF1...0xF3: (more, low, high) = (3, 0x80, 0xBF)
            case 0xF4: (more, low, high) = (3, 0x80, 0x8F)
            default: return false
            }
            guard count - i > more, (low...high).contains(p[i + 1]) else { return false }
            var k = 2
            while k <= more {
                guard p[i + k] & 0xC0 == 0x80 else { return false }
                k += 1
            }
            i += more + 1
        }
        return true
    }

    /// Whether byte `offset` of `count` bytes at `p` starts a character (or is the end): a string
    /// whose bounds cut a character in two is not well-formed even when the whole buffer is.
    static func isBoundary(_ p: UnsafePointer<UInt8>, count: Int, at offset: Int) -> Bool {
        offset == count || p[offset] & 0xC0 != 0x80
    }
}
