/// A table of a FlatBuffers buffer (the encoding of Arrow's IPC metadata), read field by field with every
/// offset checked against the buffer: a vtable lists where each field sits, absent fields read as their
/// schema default, and references (tables, vectors, strings) are forward offsets from where they are stored.
///
/// Written from the FlatBuffers binary format description; only what Arrow's `Schema.fbs`, `Message.fbs` and
/// `File.fbs` use is here (scalars, strings, tables, unions, vectors of tables and of structs).
struct FlatTable {
    let bytes: UnsafeRawBufferPointer
    /// Where `bytes` starts in the file, for error positions.
    let base: Int
    let file: String
    /// The table's start and its vtable.
    let position: Int
    private let vtable: Int
    private let vtableSize: Int
    private let tableSize: Int

    /// The root table of a buffer.
    init(root bytes: UnsafeRawBufferPointer, base: Int, file: String) throws(FileFormatError) {
        guard bytes.count >= 4 else {
            throw FileFormatError.malformed(file, at: base, "a metadata buffer of \(bytes.count) bytes")
        }
        let offset = Int(bytes.loadUnaligned(as: UInt32.self).littleEndian)
        try self.init(bytes, base: base, file: file, at: offset)
    }

    private init(_ bytes: UnsafeRawBufferPointer, base: Int, file: String, at position: Int) throws(FileFormatError) {
        self.bytes = bytes; self.base = base; self.file = file; self.position = position
        guard position >= 0, position <= bytes.count - 4 else {
            throw FileFormatError.malformed(file, at: base + position, "a metadata table outside its buffer")
        }
        let soffset = Int(Int32(littleEndian: bytes.loadUnaligned(fromByteOffset: position, as: Int32.self)))
        vtable = position - soffset
        guard vtable >= 0, vtable <= bytes.count - 4 else {
            throw FileFormatError.malformed(file, at: base + position, "a metadata vtable outside its buffer")
        }
        vtableSize = Int(UInt16(littleEndian: bytes.loadUnaligned(fromByteOffset: vtable, as: UInt16.self)))
        tableSize = Int(UInt16(littleEndian: bytes.loadUnaligned(fromByteOffset: vtable + 2, as: UInt16.self)))
        guard vtableSize >= 4, vtable + vtableSize <= bytes.count, tableSize >= 4, position + tableSize <= bytes.count
        else {
            throw FileFormatError.malformed(file, at: base + vtable, "a metadata vtable of \(vtableSize) bytes")
        }
    }

    private func error(_ at: Int, _ what: String) -> FileFormatError { .malformed(file, at: base + at, what) }

    /// Where field `id` is stored, or nil when it is absent.
    private func field(_ id: Int, size: Int) throws(FileFormatError) -> Int? {
        let slot = 4 + 2 * id
        guard slot + 2 <= vtableSize else { return nil }
        let offset = Int(UInt16(littleEndian: bytes.loadUnaligned(fromByteOffset: vtable + slot, as: UInt16.self)))
        guard offset != 0 else { return nil }
        guard offset + size <= tableSize else { throw error(position, "metadata field \(id) outside its table") }
        return position + offset
    }

    /// A scalar field, or `default` when absent.
    func scalar<T: FixedWidthInteger>(_ id: Int, default value: T = 0) throws(FileFormatError) -> T {
        guard let at = try field(id, size: MemoryLayout<T>.size) else { return value }
        return T(littleEndian: bytes.loadUnaligned(fromByteOffset: at, as: T.self))
    }

    func bool(_ id: Int, default value: Bool = false) throws(FileFormatError) -> Bool {
        try scalar(id, default: UInt8(value ? 1 : 0)) != 0
    }

    /// The position a reference field points at, or nil when absent.
    private func reference(_ id: Int) throws(FileFormatError) -> Int? {
        guard let at = try field(id, size: 4) else { return nil }
        return try follow(at)
    }

    /// The target of the forward offset stored at `at`.
    private func follow(_ at: Int) throws(FileFormatError) -> Int {
        let target = at + Int(UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: at, as: UInt32.self)))
        guard target <= bytes.count - 4 else { throw error(at, "a metadata reference outside its buffer") }
        return target
    }

    /// A table field (or a union's value), or nil when absent.
    func table(_ id: Int) throws(FileFormatError) -> FlatTable? {
        guard let at = try reference(id) else { return nil }
        return try FlatTable(bytes, base: base, file: file, at: at)
    }

    /// A string field, or nil when absent.
    func string(_ id: Int) throws(FileFormatError) -> String? {
        guard let (start, count) = try vector(id, elementSize: 1) else { return nil }
        return String(decoding: UnsafeRawBufferPointer(rebasing: bytes[start..<start + count]), as: UTF8.self)
    }

    /// A vector field's first element and count, checked to lie in the buffer; nil when absent.
    func vector(_ id: Int, elementSize: Int) throws(FileFormatError) -> (start: Int, count: Int)? {
        guard let at = try reference(id) else { return nil }
        let count = Int(UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: at, as: UInt32.self)))
        guard count <= (bytes.count - at - 4) / max(elementSize, 1) else {
            throw error(at, "a metadata vector of \(count) elements past its buffer")
        }
        return (at + 4, count)
    }

    /// A vector of tables; nil when absent.
    func tables(_ id: Int) throws(FileFormatError) -> [FlatTable]? {
        guard let (start, count) = try vector(id, elementSize: 4) else { return nil }
        var tables: [FlatTable] = []
        tables.reserveCapacity(count)
        for i in 0..<count {
            tables.append(try FlatTable(bytes, base: base, file: file, at: try follow(start + 4 * i)))
        }
        return tables
    }

    /// A vector of structs of `width` bytes each, as their fields read by `read(bytes, elementStart)`.
    func structs<T>(_ id: Int, width: Int, _ read: (UnsafeRawBufferPointer, Int) -> T) throws(FileFormatError) -> [T] {
        guard let (start, count) = try vector(id, elementSize: width) else { return [] }
        return (0..<count).map { read(bytes, start + $0 * width) }
    }
}

extension UnsafeRawBufferPointer {
    /// A little-endian integer at `offset` (which the caller has checked).
    func little<T: FixedWidthInteger>(_ offset: Int, as type: T.Type) -> T {
        T(littleEndian: loadUnaligned(fromByteOffset: offset, as: T.self))
    }
}
