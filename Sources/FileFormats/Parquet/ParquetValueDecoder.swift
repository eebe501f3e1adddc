/// Decodes a page's values (PLAIN, the dictionary encodings, the DELTA encodings and BYTE_STREAM_SPLIT)
/// into ``ParquetLeafValues``. `count` is the number of non-null values the levels say the page holds.
enum ParquetValueDecoder {
    static func decode(
        _ r: inout ByteReader, encoding: ParquetEncoding, count: Int, dictionary: ParquetLeafValues?,
        into out: inout ParquetLeafValues
    ) throws(FileFormatError) {
        switch encoding {
        case .plain: try plain(&r, count: count, into: &out)
        case .plainDictionary, .rleDictionary:
            guard let dictionary else { throw r.error("dictionary-encoded values without a dictionary page") }
            guard count > 0 else { return }
            let width = Int(try r.byte())
            var decoder = try RLEHybridDecoder(
                ByteReader(
                    UnsafeRawBufferPointer(rebasing: r.bytes[r.position...]), base: r.base + r.position, file: r.file),
                bitWidth: width)
            var indices: [UInt32] = []
            indices.reserveCapacity(count)
            try decoder.decode(count, into: &indices)
            try out.append(from: dictionary, indices: indices, reader: r)
            r.position = r.bytes.count
        case .rle:
            guard out.type == .boolean else { throw r.error("RLE-encoded values of type \(out.type)") }
            let length = Int(try r.little(UInt32.self))
            var decoder = try RLEHybridDecoder(
                ByteReader(try r.slice(length, "RLE booleans"), base: r.base + r.position - length, file: r.file),
                bitWidth: 1)
            try decoder.decode(count, into: &out.bools)
        case .deltaBinaryPacked:
            var values: [Int64] = []
            try DeltaDecoding.binaryPacked(&r, count: count, into: &values)
            switch out.type {
            case .int32: out.int32s.append(contentsOf: values.lazy.map { Int32(truncatingIfNeeded: $0) })
            case .int64: out.int64s.append(contentsOf: values)
            default: throw r.error("DELTA_BINARY_PACKED values of type \(out.type)")
            }
        case .deltaLengthByteArray:
            guard out.type == .byteArray else { throw r.error("DELTA_LENGTH_BYTE_ARRAY values of type \(out.type)") }
            try DeltaDecoding.lengthByteArray(&r, count: count, into: &out)
        case .deltaByteArray:
            guard out.type == .byteArray || out.type == .fixedLenByteArray else {
                throw r.error("DELTA_BYTE_ARRAY values of type \(out.type)")
            }
            try DeltaDecoding.byteArray(&r, count: count, into: &out)
        case .byteStreamSplit: try byteStreamSplit(&r, count: count, into: &out)
        case .bitPacked: throw r.error("BIT_PACKED values, which Parquet uses only for levels")
        }
    }

    /// Copies `count` little-endian fixed-width values.
    private static func fixed<T>(_ r: inout ByteReader, _ count: Int, into out: inout [T]) throws(FileFormatError) {
        let (bytes, overflow) = count.multipliedReportingOverflow(by: MemoryLayout<T>.size)
        guard !overflow else { throw r.error("\(count) values") }
        let src = try r.slice(bytes, "\(count) values")
        let values = [T](unsafeUninitializedCapacity: count) { buffer, initialized in
            UnsafeMutableRawBufferPointer(buffer).copyMemory(from: src)
            initialized = count
        }
        if out.isEmpty { out = values } else { out.append(contentsOf: values) }
    }

    static func plain(_ r: inout ByteReader, count: Int, into out: inout ParquetLeafValues) throws(FileFormatError) {
        switch out.type {
        case .boolean:
            let src = try r.slice((count + 7) / 8, "\(count) booleans")
            for i in 0..<count { out.bools.append((src[i / 8] >> UInt8(i % 8)) & 1) }
        case .int32: try fixed(&r, count, into: &out.int32s)
        case .int64: try fixed(&r, count, into: &out.int64s)
        case .float: try fixed(&r, count, into: &out.floats)
        case .double: try fixed(&r, count, into: &out.doubles)
        case .int96:
            for _ in 0..<count {
                let nanos = try r.little(Int64.self)
                let day = try r.little(Int32.self)
                // Julian day 2440588 is 1970-01-01.
                let (dayNanos, o1) = (Int64(day) - 2_440_588).multipliedReportingOverflow(by: 86_400_000_000_000)
                let (v, o2) = dayNanos.addingReportingOverflow(nanos)
                guard !o1, !o2 else { throw r.error("an INT96 timestamp outside 1677-2262") }
                out.int64s.append(v)
            }
        case .byteArray:
            for _ in 0..<count {
                let n = Int(try r.little(UInt32.self))
                out.bytes.append(contentsOf: try r.slice(n, "a byte array"))
                out.offsets.append(out.bytes.count)
            }
        case .fixedLenByteArray:
            let (n, overflow) = count.multipliedReportingOverflow(by: out.width)
            guard !overflow else { throw r.error("\(count) values") }
            out.bytes.append(contentsOf: try r.slice(n, "\(count) fixed-length values"))
        }
    }

    /// BYTE_STREAM_SPLIT: byte k of every value is in stream k.
    private static func byteStreamSplit(_ r: inout ByteReader, count: Int, into out: inout ParquetLeafValues)
        throws(FileFormatError)
    {
        let width: Int
        switch out.type {
        case .int32, .float: width = 4
        case .int64, .double: width = 8
        case .fixedLenByteArray: width = out.width
        default: throw r.error("BYTE_STREAM_SPLIT values of type \(out.type)")
        }
        let (total, overflow) = count.multipliedReportingOverflow(by: width)
        guard !overflow else { throw r.error("\(count) values") }
        let src = try r.slice(total, "\(count) split values")
        var joined = [UInt8](repeating: 0, count: total)
        for k in 0..<width { for i in 0..<count { joined[i * width + k] = src[k * count + i] } }
        var plain = ByteReader(UnsafeRawBufferPointer(start: nil, count: 0), base: r.base, file: r.file)
        try withBytes(joined) { (b) throws(FileFormatError) in
            plain = ByteReader(b, base: r.base + r.position - total, file: r.file)
            try Self.plain(&plain, count: count, into: &out)
        }
    }
}
