/// One encapsulated IPC message: its flatbuffer `Message` and the body after it. Since format 0.15 a
/// message starts with the continuation marker `0xFFFFFFFF` and a 32-bit metadata length; older writers
/// wrote the length alone. A length of 0 ends the stream.
struct ArrowMessage {
    enum Kind: UInt8 {
        case schema = 1, dictionaryBatch = 2, recordBatch = 3
    }

    let kind: Kind
    let header: FlatTable
    let body: UnsafeRawBufferPointer
    /// Where the body starts in the file.
    let bodyOffset: Int

    /// The message at `offset` (advanced past it), or nil at the end of the stream (a zero length, or the
    /// end of `bytes`, which an unterminated stream may reach).
    static func next(_ bytes: UnsafeRawBufferPointer, at offset: inout Int, end: Int, file: String)
        throws(FileFormatError) -> ArrowMessage?
    {
        guard offset + 4 <= end else { return nil }
        var length = Int(bytes.little(offset, as: Int32.self))
        var at = offset + 4
        if length == -1 {
            guard at + 4 <= end else {
                throw FileFormatError.malformed(file, at: at, "a message cut off after its marker")
            }
            length = Int(bytes.little(at, as: Int32.self))
            at += 4
        }
        guard length != 0 else {
            offset = at
            return nil
        }
        guard length > 0, length <= end - at else {
            throw FileFormatError.malformed(
                file, at: offset, "a message of \(length) metadata bytes where \(end - at) remain")
        }
        let message = try FlatTable(
            root: UnsafeRawBufferPointer(rebasing: bytes[at..<at + length]), base: at, file: file)
        at += length
        let bodyLength = try message.scalar(3, default: Int64(0))
        guard bodyLength >= 0, bodyLength <= Int64(end - at) else {
            throw FileFormatError.malformed(
                file, at: at, "a message body of \(bodyLength) bytes where \(end - at) remain")
        }
        let tag: UInt8 = try message.scalar(1)
        guard let kind = Kind(rawValue: tag) else {
            throw FileFormatError(
                .unsupported, "\(file): byte \(offset): a message of type \(tag) (a tensor?), which is not a table",
                hint: "Sandpiper reads Arrow files of record batches")
        }
        guard let header = try message.table(2) else {
            throw FileFormatError.malformed(file, at: offset, "a message without its header")
        }
        let body = UnsafeRawBufferPointer(rebasing: bytes[at..<at + Int(bodyLength)])
        offset = at + Int(bodyLength)
        return ArrowMessage(kind: kind, header: header, body: body, bodyOffset: at)
    }
}

/// A `RecordBatch` header: the row count, a (length, null count) per array in depth-first order, the
/// (offset, length) of each buffer in the body, the body's compression, and the data-buffer counts of
/// view arrays.
struct ArrowBatchHeader {
    var length: Int64
    var nodes: [(length: Int64, nullCount: Int64)]
    var buffers: [(offset: Int64, length: Int64)]
    /// 0 for LZ4_FRAME, 1 for ZSTD; nil when the buffers are not compressed.
    var codec: Int8?
    var variadicCounts: [Int64]

    init(_ t: FlatTable) throws(FileFormatError) {
        length = try t.scalar(0, default: Int64(0))
        nodes = try t.structs(1, width: 16) { b, at in (b.little(at, as: Int64.self), b.little(at + 8, as: Int64.self))
        }
        buffers = try t.structs(2, width: 16) { b, at in
            (b.little(at, as: Int64.self), b.little(at + 8, as: Int64.self))
        }
        if let c = try t.table(3) {
            codec = try c.scalar(0, default: Int8(0))
            guard try c.scalar(1, default: Int8(0)) == 0 else {
                throw FileFormatError(
                    .unsupported, "\(t.file): body compression by a method other than whole buffers",
                    hint: "write the file again with compression='zstd' or 'lz4', or none")
            }
        }
        variadicCounts = try t.structs(4, width: 8) { b, at in b.little(at, as: Int64.self) }
    }

    /// The header of Sandpiper's writer.
    static func node(length: Int, nodes: [(Int, Int)], buffers: [(Int, Int)], codec: Int8?) -> FlatNode {
        func structs(_ pairs: [(Int, Int)]) -> FlatNode {
            var raw: [UInt8] = []
            for (a, b) in pairs {
                withUnsafeBytes(of: Int64(a).littleEndian) { raw.append(contentsOf: $0) }
                withUnsafeBytes(of: Int64(b).littleEndian) { raw.append(contentsOf: $0) }
            }
            return .structs(raw, count: pairs.count)
        }
        return .table([
            .i64(Int64(length)), .node(structs(nodes)), .node(structs(buffers)),
            codec.map { .node(.table([.u8(UInt8($0)), .u8(0)])) },
        ])
    }
}
