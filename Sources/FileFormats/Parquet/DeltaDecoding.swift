/// The DELTA encodings: DELTA_BINARY_PACKED (blocks of miniblocks of bit-packed deltas from a minimum),
/// and the byte-array encodings built on it.
enum DeltaDecoding {
    static func binaryPacked(_ r: inout ByteReader, count: Int, into out: inout [Int64]) throws(FileFormatError) {
        let blockSize = try r.count(limit: 1 << 20, "a block size")
        let miniblocks = try r.count(limit: 1 << 10, "a miniblock count")
        let total = try r.count(limit: Int(Int32.max), "a value count")
        var value = try r.zigzag()
        guard miniblocks > 0, blockSize % 128 == 0, blockSize > 0, (blockSize / miniblocks) % 32 == 0 else {
            throw r.error("a DELTA_BINARY_PACKED header of block \(blockSize) with \(miniblocks) miniblocks")
        }
        guard total == count else { throw r.error("\(total) delta-encoded values where the page holds \(count)") }
        let perMiniblock = blockSize / miniblocks
        let start = out.count
        out.reserveCapacity(start + count)
        if total > 0 { out.append(value) }
        var deltas: [UInt64] = []
        deltas.reserveCapacity(perMiniblock)
        while out.count - start < total {
            let minDelta = try r.zigzag()
            let widths = try r.slice(miniblocks, "miniblock bit widths")
            for m in 0..<miniblocks where out.count - start < total {
                let width = Int(widths[m])
                guard width <= 64 else { throw r.error("a miniblock bit width of \(width)") }
                let packed = try r.slice(perMiniblock * width / 8, "a miniblock")
                deltas.removeAll(keepingCapacity: true)
                RLEHybridDecoder.unpack(packed, bitWidth: width, count: perMiniblock, into: &deltas)
                for d in deltas where out.count - start < total {
                    // The format defines the sum with wrapping arithmetic.
                    value = value &+ minDelta &+ Int64(bitPattern: d)
                    out.append(value)
                }
            }
        }
    }

    static func lengthByteArray(_ r: inout ByteReader, count: Int, into out: inout ParquetLeafValues)
        throws(FileFormatError)
    {
        var lengths: [Int64] = []
        try binaryPacked(&r, count: count, into: &lengths)
        for n in lengths {
            guard n >= 0, n <= Int64(r.remaining) else { throw r.error("a byte array of length \(n)") }
            out.bytes.append(contentsOf: try r.slice(Int(n), "a byte array"))
            out.offsets.append(out.bytes.count)
        }
    }

    static func byteArray(_ r: inout ByteReader, count: Int, into out: inout ParquetLeafValues) throws(FileFormatError)
    {
        var prefixes: [Int64] = []
        try binaryPacked(&r, count: count, into: &prefixes)
        var suffixes = ParquetLeafValues(type: .byteArray, width: 0)
        try lengthByteArray(&r, count: count, into: &suffixes)
        var previous: [UInt8] = []
        for i in 0..<count {
            let p = prefixes[i]
            guard p >= 0, p <= Int64(previous.count) else {
                throw r.error("a prefix of \(p) bytes of a \(previous.count)-byte value")
            }
            var v = Array(previous[..<Int(p)])
            v.append(contentsOf: suffixes.bytes[suffixes.offsets[i]..<suffixes.offsets[i + 1]])
            if out.type == .fixedLenByteArray {
                guard v.count == out.width else {
                    throw r.error("a \(v.count)-byte value in a \(out.width)-byte column")
                }
            } else {
                out.offsets.append(out.bytes.count + v.count)
            }
            out.bytes.append(contentsOf: v)
            previous = v
        }
    }
}
