import KQLSyntax
import SystemCalls

/// The bytes a table reader reads, in chunks: a file (read a megabyte at a time, so memory follows the
/// table being built, not the file's text) or text already in memory (inline ingestion data).
///
/// A file is opened once: every pass reads the same file from its start, even if a writer replaces it
/// (writes rename a new file into place) between passes.
final class TextBytes {
    private enum Storage {
        case file(fd: Int32, path: String)
        case text([UInt8])
    }
    private let storage: Storage
    static let chunkSize = 1 << 20

    /// Opens `path`; `E_DATA` when it cannot be opened.
    init(file path: String) throws(KQLError) {
        do { storage = .file(fd: try Descriptors.open(path), path: path) } catch {
            throw KQLError(
                .data, "cannot read \(path): \(error.reason)",
                hint: "check the file's permissions, or move it out of the database folder", cause: error)
        }
    }

    init(text: String) { storage = .text(Array(text.utf8)) }

    deinit {
        if case .file(let fd, _) = storage { Descriptors.close(fd) }
    }

    /// Calls `body` with each chunk of the bytes, from the first.
    func forEachChunk(_ body: (UnsafeRawBufferPointer) throws(KQLError) -> Void) throws(KQLError) {
        try forEachChunkWhile { (chunk) throws(KQLError) -> Bool in
            try body(chunk); return true
        }
    }

    /// Calls `body` with each chunk of the bytes, from the first, while it returns true.
    func forEachChunkWhile(_ body: (UnsafeRawBufferPointer) throws(KQLError) -> Bool) throws(KQLError) {
        switch storage {
        case .text(let bytes):
            // `withUnsafeBytes` does not pass a typed error through: carry it out as a value.
            let outcome: Result<Void, KQLError> = bytes.withUnsafeBytes { b in
                do throws(KQLError) { _ = try body(b); return .success(()) } catch { return .failure(error) }
            }
            try outcome.get()
        case .file(let fd, let path):
            let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: Self.chunkSize, alignment: 16)
            defer { buffer.deallocate() }
            var offset = 0
            while true {
                let n: Int
                do { n = try Descriptors.read(fd, buffer.count, at: offset, into: buffer.baseAddress!) } catch {
                    throw KQLError(
                        .data, "cannot read \(path): \(error.reason)",
                        hint: "check the file, or move it out of the database folder", cause: error)
                }
                if n == 0 { return }
                offset += n
                guard try body(UnsafeRawBufferPointer(rebasing: buffer[0..<n])) else { return }
                // `read` fills the chunk unless the file ended.
                if n < buffer.count { return }
            }
        }
    }

    /// The first `count` bytes at most (the header line, to pick a delimiter from).
    func prefix(_ count: Int) throws(KQLError) -> [UInt8] {
        var out: [UInt8] = []
        try forEachChunkWhile { (chunk) throws(KQLError) -> Bool in
            out += chunk.prefix(count - out.count)
            return out.count < count
        }
        return out
    }

    /// Whether `bytes` are valid UTF-8 (ASCII is checked without a copy).
    static func isValidUTF8(_ bytes: UnsafeRawBufferPointer) -> Bool {
        guard let p = bytes.baseAddress?.assumingMemoryBound(to: UInt8.self) else { return true }
        // Eight bytes at a time: any high bit means non-ASCII (the tail is read byte by byte).
        var i = 0
        let n = bytes.count
        while i + 8 <= n, UnsafeRawPointer(p + i).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 == 0 { i += 8 }
        while i < n, p[i] < 0x80 { i += 1 }
        if i == n { return true }
        return String(validating: bytes, as: UTF8.self) != nil
    }
}
