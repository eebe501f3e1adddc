/// Snappy's raw block format (Parquet's SNAPPY codec), decoded from its format description: a varint
/// length, then literals and back-references. Every copy is checked against the output written so far.
enum Snappy {
    /// Decompresses `input` into exactly `expected` bytes; anything else is an error at `reader`'s position.
    static func decompress(_ input: UnsafeRawBufferPointer, expected: Int, reader: ByteReader) throws(FileFormatError)
        -> [UInt8]
    {
        var r = ByteReader(input, base: reader.base + reader.position, file: reader.file)
        let length = try r.varint()
        guard length == UInt64(expected) else {
            throw r.error("snappy data of \(length) bytes where the page declares \(expected)")
        }
        var out = [UInt8](repeating: 0, count: expected)
        var n = 0
        try out.withUnsafeMutableBufferPointer { (o) throws(FileFormatError) in
            while !r.isAtEnd {
                let tag = try r.byte()
                switch tag & 3 {
                case 0:
                    var len = Int(tag >> 2)
                    if len >= 60 {
                        let extra = len - 59
                        var v = 0
                        for i in 0..<extra { v |= Int(try r.byte()) << (8 * i) }
                        len = v
                    }
                    len += 1
                    guard len <= expected - n else { throw r.error("a snappy literal past the declared length") }
                    let src = try r.slice(len, "a snappy literal")
                    UnsafeMutableRawBufferPointer(UnsafeMutableBufferPointer(rebasing: o[n..<n + len])).copyMemory(
                        from: src)
                    n += len
                default:
                    let len: Int, offset: Int
                    switch tag & 3 {
                    case 1:
                        len = Int((tag >> 2) & 7) + 4
                        offset = Int(tag >> 5) << 8 | Int(try r.byte())
                    case 2:
                        len = Int(tag >> 2) + 1
                        offset = Int(try r.little(UInt16.self))
                    default:
                        len = Int(tag >> 2) + 1
                        offset = Int(try r.little(UInt32.self))
                    }
                    guard offset > 0, offset <= n else { throw r.error("a snappy copy from before the start") }
                    guard len <= expected - n else { throw r.error("a snappy copy past the declared length") }
                    // Copies may overlap their own output (a run), so byte by byte.
                    for i in 0..<len { o[n + i] = o[n + i - offset] }
                    n += len
                }
            }
        }
        guard n == expected else { throw r.error("snappy data ends after \(n) of \(expected) bytes") }
        return out
    }
}
