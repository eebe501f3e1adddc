import Foundation

/// A bounds-checked cursor over bytes of a file: every read checks the bytes exist and throws a
/// ``FileFormatError`` naming the file and the absolute byte offset when they do not.
struct ByteReader {
    let bytes: UnsafeRawBufferPointer
    /// The offset of `bytes[0]` in the file, for error positions.
    let base: Int
    let file: String
    var position = 0

    init(_ bytes: UnsafeRawBufferPointer, base: Int, file: String) {
        self.bytes = bytes; self.base = base; self.file = file
    }

    var remaining: Int { bytes.count - position }
    var isAtEnd: Bool { position >= bytes.count }

    func error(_ what: String) -> FileFormatError { .malformed(file, at: base + position, what) }

    mutating func need(_ count: Int, _ what: @autoclosure () -> String) throws(FileFormatError) {
        guard count >= 0, count <= remaining else {
            throw error("\(what()) needs \(count) bytes but \(remaining) remain")
        }
    }

    mutating func byte() throws(FileFormatError) -> UInt8 {
        guard position < bytes.count else { throw error("unexpected end of data") }
        defer { position += 1 }
        return bytes[position]
    }

    /// The next `count` bytes, without copying.
    mutating func slice(_ count: Int, _ what: @autoclosure () -> String) throws(FileFormatError)
        -> UnsafeRawBufferPointer
    {
        try need(count, what())
        defer { position += count }
        return UnsafeRawBufferPointer(rebasing: bytes[position..<position + count])
    }

    /// A little-endian fixed-width integer.
    mutating func little<T: FixedWidthInteger>(_ type: T.Type) throws(FileFormatError) -> T {
        try need(MemoryLayout<T>.size, "a \(MemoryLayout<T>.size)-byte integer")
        defer { position += MemoryLayout<T>.size }
        return T(littleEndian: bytes.loadUnaligned(fromByteOffset: position, as: T.self))
    }

    /// An unsigned LEB128 varint of at most 64 bits.
    mutating func varint() throws(FileFormatError) -> UInt64 {
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            let b = try byte()
            guard shift < 64 else { throw error("a varint longer than 10 bytes") }
            result |= UInt64(b & 0x7f) << shift
            if b & 0x80 == 0 { return result }
            shift += 7
        }
    }

    /// A zigzag-encoded signed varint.
    mutating func zigzag() throws(FileFormatError) -> Int64 {
        let v = try varint()
        return Int64(bitPattern: (v >> 1) ^ (0 &- (v & 1)))
    }

    /// A varint that must fit a non-negative Int no larger than `limit`.
    mutating func count(limit: Int, _ what: @autoclosure () -> String) throws(FileFormatError) -> Int {
        let start = position
        let v = try varint()
        guard v <= UInt64(limit) else {
            position = start
            throw error("\(what()) of \(v) is larger than \(limit)")
        }
        return Int(v)
    }
}

/// `withUnsafeBytes` for a body that throws ``FileFormatError`` (the standard one rethrows untyped).
func withBytes<B: ContiguousBytes, R>(_ bytes: B, _ body: (UnsafeRawBufferPointer) throws(FileFormatError) -> R)
    throws(FileFormatError) -> R
{
    let result: Result<R, FileFormatError> = bytes.withUnsafeBytes { b in
        Result { () throws(FileFormatError) in try body(b) }
    }
    return try result.get()
}

/// The bytes of the file at `path`, mapped rather than copied, for `body`; a file that cannot be read is
/// a ``FileFormatError`` naming it.
func withMappedFile<R>(_ path: String, _ body: (UnsafeRawBufferPointer) throws(FileFormatError) -> R)
    throws(FileFormatError) -> R
{
    let data: Data
    do { data = try Data(contentsOf: URL(fileURLWithPath: path), options: .alwaysMapped) } catch {
        throw FileFormatError(
            .data, "\(path): cannot be read: \(error.localizedDescription)",
            hint: "check the file exists and can be read")
    }
    return try withBytes(data, body)
}
