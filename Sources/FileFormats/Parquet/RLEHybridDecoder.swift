/// Parquet's RLE/bit-packing hybrid (definition and repetition levels, dictionary indices, RLE booleans):
/// runs of one repeated value and groups of eight bit-packed values, least significant bit first.
struct RLEHybridDecoder {
    var reader: ByteReader
    let bitWidth: Int

    init(_ reader: ByteReader, bitWidth: Int) throws(FileFormatError) {
        guard (0...32).contains(bitWidth) else { throw reader.error("a bit width of \(bitWidth) (at most 32)") }
        self.reader = reader; self.bitWidth = bitWidth
    }

    /// Appends `count` values to `out`, converted by `T(truncatingIfNeeded:)`.
    mutating func decode<T: FixedWidthInteger>(_ count: Int, into out: inout [T]) throws(FileFormatError) {
        var left = count
        if bitWidth == 0 {
            out.append(contentsOf: repeatElement(0, count: count))
            return
        }
        let byteWidth = (bitWidth + 7) / 8
        while left > 0 {
            let header = try reader.varint()
            if header & 1 == 0 {
                let run = header >> 1
                guard run > 0 else { throw reader.error("an empty RLE run") }
                var v: UInt64 = 0
                for i in 0..<byteWidth { v |= UInt64(try reader.byte()) << (8 * UInt64(i)) }
                guard bitWidth == 64 || v >> UInt64(bitWidth) == 0 else {
                    throw reader.error("an RLE value wider than its bit width")
                }
                let n = Int(min(run, UInt64(left)))
                out.append(contentsOf: repeatElement(T(truncatingIfNeeded: v), count: n))
                left -= n
            } else {
                let groups = header >> 1
                guard groups <= UInt64(reader.remaining) else {
                    throw reader.error("a bit-packed run past the end of its data")
                }
                let values = Int(groups) * 8
                let packed = try reader.slice(Int(groups) * bitWidth, "a bit-packed run")
                let n = min(values, left)
                Self.unpack(packed, bitWidth: bitWidth, count: n, into: &out)
                left -= n
            }
        }
    }

    /// Unpacks `count` values of `bitWidth` bits from `packed`, which holds at least that many.
    static func unpack<T: FixedWidthInteger>(
        _ packed: UnsafeRawBufferPointer, bitWidth: Int, count: Int, into out: inout [T]
    ) {
        let mask: UInt64 = bitWidth == 64 ? ~0 : (1 << UInt64(bitWidth)) - 1
        var buffer: UInt64 = 0
        var bits = 0
        var byte = 0
        out.reserveCapacity(out.count + count)
        for _ in 0..<count {
            while bits < bitWidth {
                buffer |= UInt64(packed[byte]) << UInt64(bits)
                byte += 1
                bits += 8
            }
            out.append(T(truncatingIfNeeded: buffer & mask))
            buffer >>= UInt64(bitWidth)
            bits -= bitWidth
        }
    }
}
