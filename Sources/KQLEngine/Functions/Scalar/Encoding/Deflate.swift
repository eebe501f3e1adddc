import Columnar
import CZlib

/// zlib (RFC 1950) and gzip (RFC 1952) streams through Debian's zlib, for the
/// `zlib_*`/`gzip_*_base64_string` functions.
///
/// Compression uses zlib's fastest level (the zlib header `78 01` the reference's example shows); when that
/// does not make the stream smaller than its input, it writes one stored (uncompressed) deflate block
/// instead, which is what the reference's examples show byte for byte for their short input. gzip streams
/// carry the header of the gzip example (no flags, no time, XFL 0, OS 255).
/// Decompression charges its output to the query's budget a chunk at a time before the chunk is kept,
/// so a small input that inflates to gigabytes (a zip bomb) fails with the budget's coded error
/// instead of exhausting memory.
enum Deflate {
    enum Format { case zlib, gzip }

    /// `bytes` compressed into one stream of `format`; nil if zlib fails (it does not for valid input).
    static func compress(_ bytes: [UInt8], _ format: Format) -> [UInt8]? {
        guard let fast = compress(bytes, format, level: 1) else { return nil }
        return fast.count < bytes.count ? fast : compress(bytes, format, level: Z_NO_COMPRESSION)
    }

    private static func compress(_ bytes: [UInt8], _ format: Format, level: Int32) -> [UInt8]? {
        // zlib keeps pointers to the stream and the gzip header between calls, so both live on the heap.
        let s = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
        s.initialize(to: z_stream())
        let header = UnsafeMutablePointer<gz_header>.allocate(capacity: 1)
        header.initialize(to: gz_header())
        defer { s.deallocate(); header.deallocate() }
        // 15-bit window, as the reference requires; +16 asks zlib for a gzip wrapper.
        let windowBits: Int32 = format == .gzip ? 31 : 15
        guard
            deflateInit2_(
                s, level, Z_DEFLATED, windowBits, 8, Z_DEFAULT_STRATEGY, zlibVersion(),
                Int32(MemoryLayout<z_stream>.size)) == Z_OK
        else { return nil }
        defer { deflateEnd(s) }
        if format == .gzip {
            header.pointee.os = 255
            guard deflateSetHeader(s, header) == Z_OK else { return nil }
        }
        var input = bytes
        var out = [UInt8](repeating: 0, count: Int(deflateBound(s, uLong(bytes.count))) + 32)
        let status = input.withUnsafeMutableBufferPointer { inp in
            out.withUnsafeMutableBufferPointer { o -> Int32 in
                s.pointee.next_in = inp.baseAddress; s.pointee.avail_in = uInt(inp.count)
                s.pointee.next_out = o.baseAddress; s.pointee.avail_out = uInt(o.count)
                return deflate(s, Z_FINISH)
            }
        }
        guard status == Z_STREAM_END else { return nil }
        out.removeSubrange(Int(s.pointee.total_out)...)
        // zlib marks a level-0 or level-1 gzip stream XFL 4 ("fastest"); the reference's header has 0 (RFC 1952 makes
        // the byte informational: no reader depends on it).
        if format == .gzip, out.count > 8 { out[8] = 0 }
        return out
    }

    /// The bytes one stream of `format` holds; nil when the stream is invalid, truncated or (gzip) has
    /// header flags, which the reference says are not supported. Throws when the output would exceed
    /// the query's memory budget.
    static func decompress(_ bytes: [UInt8], _ format: Format, meter: inout BudgetMeter) throws(FunctionError)
        -> [UInt8]?
    {
        if format == .gzip {
            // ID1, ID2, CM = deflate, FLG = 0, as the reference's gzip_decompress_from_base64_string requires.
            guard bytes.count >= 18, bytes[0] == 0x1F, bytes[1] == 0x8B, bytes[2] == 8, bytes[3] == 0 else {
                return nil
            }
        }
        let chunkSize = 1 << 16
        let s = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
        s.initialize(to: z_stream())
        let input = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: max(bytes.count, 1))
        _ = input.initialize(from: bytes)
        let chunk = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: chunkSize)
        defer { s.deallocate(); input.deallocate(); chunk.deallocate() }
        guard inflateInit2_(s, format == .gzip ? 31 : 15, zlibVersion(), Int32(MemoryLayout<z_stream>.size)) == Z_OK
        else {
            return nil
        }
        defer { inflateEnd(s) }
        s.pointee.next_in = input.baseAddress
        s.pointee.avail_in = uInt(bytes.count)
        var result: [UInt8] = []
        while true {
            s.pointee.next_out = chunk.baseAddress
            s.pointee.avail_out = uInt(chunkSize)
            let status = inflate(s, Z_NO_FLUSH)
            let produced = chunkSize - Int(s.pointee.avail_out)
            if produced > 0 {
                try meter.add(produced)
                result.append(contentsOf: chunk[..<produced])
            }
            switch status {
            case Z_STREAM_END: return result
            case Z_OK: continue
            // Z_BUF_ERROR: no progress possible, the input ended mid-stream; the rest are corrupt data.
            default: return nil
            }
        }
    }
}
