import CZlib
import CZstd

/// Compresses the pages Sandpiper writes: snappy (``SnappyCompressor``), gzip (zlib) or zstd (libzstd).
enum PageCompression {
    static func compress(_ input: [UInt8], codec: ParquetCodec) -> [UInt8] {
        input.withUnsafeBytes { b in
            switch codec {
            case .snappy: return SnappyCompressor.compress(b)
            case .zstd:
                var out = [UInt8](repeating: 0, count: ZSTD_compressBound(b.count))
                let n = out.withUnsafeMutableBytes { o in
                    ZSTD_compress(o.baseAddress, o.count, b.baseAddress, b.count, 3)
                }
                precondition(ZSTD_isError(n) == 0, "zstd cannot compress into its own bound")
                out.removeLast(out.count - n)
                return out
            case .gzip: return gzip(b)
            default: return input
            }
        }
    }

    private static func gzip(_ input: UnsafeRawBufferPointer) -> [UInt8] {
        var stream = z_stream()
        precondition(
            deflateInit2_(
                &stream, Z_DEFAULT_COMPRESSION, Z_DEFLATED, 16 + 15, 8, Z_DEFAULT_STRATEGY, ZLIB_VERSION,
                Int32(MemoryLayout<z_stream>.size)) == Z_OK,
            "zlib cannot start")
        defer { deflateEnd(&stream) }
        var out = [UInt8](repeating: 0, count: Int(deflateBound(&stream, UInt(input.count))) + 32)
        let written = out.withUnsafeMutableBytes { o -> Int in
            stream.next_in = UnsafeMutablePointer(mutating: input.baseAddress?.assumingMemoryBound(to: UInt8.self))
            stream.avail_in = UInt32(input.count)
            stream.next_out = o.baseAddress?.assumingMemoryBound(to: UInt8.self)
            stream.avail_out = UInt32(o.count)
            let status = deflate(&stream, Z_FINISH)
            precondition(status == Z_STREAM_END, "zlib cannot compress into its own bound")
            return o.count - Int(stream.avail_out)
        }
        out.removeLast(out.count - written)
        return out
    }
}
