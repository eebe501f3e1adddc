import CZlib
import CZstd

/// The codecs of Parquet pages: snappy (``Snappy``), gzip (zlib) and zstd (libzstd). The output size is
/// the page's declared size, which the caller has checked against the reader's limits; data that does
/// not decompress to exactly that size is an error.
enum PageDecompression {
    static func decompress(
        _ input: UnsafeRawBufferPointer, codec: ParquetCodec, expected: Int, reader: ByteReader
    ) throws(FileFormatError) -> [UInt8] {
        switch codec {
        case .uncompressed:
            guard input.count == expected else {
                throw reader.error("an uncompressed page of \(input.count) bytes declares \(expected)")
            }
            return [UInt8](input)
        case .snappy: return try Snappy.decompress(input, expected: expected, reader: reader)
        case .gzip: return try gzip(input, expected: expected, reader: reader)
        case .zstd: return try zstd(input, expected: expected, reader: reader)
        case .lzo, .brotli, .lz4, .lz4Raw:
            throw FileFormatError.unsupported(
                reader.file, "pages compressed with \(codec), which this reader does not decode")
        }
    }

    private static func zstd(_ input: UnsafeRawBufferPointer, expected: Int, reader: ByteReader)
        throws(FileFormatError) -> [UInt8]
    {
        var out = [UInt8](repeating: 0, count: expected)
        let n = out.withUnsafeMutableBytes { o in
            ZSTD_decompress(o.baseAddress, o.count, input.baseAddress, input.count)
        }
        guard ZSTD_isError(n) == 0 else {
            throw reader.error("zstd data cannot be decompressed: \(String(cString: ZSTD_getErrorName(n)))")
        }
        guard n == expected else { throw reader.error("zstd data of \(n) bytes where the page declares \(expected)") }
        return out
    }

    /// gzip members (Parquet's GZIP is the gzip format, which zlib reads with window bits 16 + 15).
    private static func gzip(_ input: UnsafeRawBufferPointer, expected: Int, reader: ByteReader)
        throws(FileFormatError) -> [UInt8]
    {
        var out = [UInt8](repeating: 0, count: expected)
        var stream = z_stream()
        guard inflateInit2_(&stream, 16 + 15, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw reader.error("zlib cannot start")
        }
        defer { inflateEnd(&stream) }
        var status: Int32 = Z_OK
        var written = 0
        out.withUnsafeMutableBytes { o in
            stream.next_in = UnsafeMutablePointer(mutating: input.baseAddress?.assumingMemoryBound(to: UInt8.self))
            stream.avail_in = UInt32(input.count)
            stream.next_out = o.baseAddress?.assumingMemoryBound(to: UInt8.self)
            stream.avail_out = UInt32(o.count)
            // Several concatenated gzip members are one stream to a reader; restart after each end.
            while true {
                status = inflate(&stream, Z_FINISH)
                if status == Z_STREAM_END, stream.avail_in > 0, stream.avail_out > 0 {
                    inflateReset(&stream)
                    continue
                }
                break
            }
            written = o.count - Int(stream.avail_out)
        }
        guard status == Z_STREAM_END || (status == Z_BUF_ERROR && stream.avail_in == 0) || status == Z_OK,
            written == expected
        else {
            throw reader.error("gzip data does not decompress to the page's \(expected) bytes (zlib status \(status))")
        }
        return out
    }
}
