/// Writes Thrift's compact protocol: the footer and page headers of the Parquet files Sandpiper writes.
/// Fields are written in increasing id order within a struct, as the protocol's short form expects.
struct ThriftCompactWriter {
    var bytes: [UInt8] = []
    private var lastIds: [Int16] = [0]

    typealias FieldType = ThriftCompactReader.FieldType

    mutating func varint(_ v: UInt64) {
        var v = v
        while v >= 0x80 {
            bytes.append(UInt8(v & 0x7f) | 0x80)
            v >>= 7
        }
        bytes.append(UInt8(v))
    }

    mutating func zigzag(_ v: Int64) { varint(UInt64(bitPattern: (v << 1) ^ (v >> 63))) }

    mutating func fieldHeader(_ id: Int16, _ type: UInt8) {
        let delta = id - lastIds[lastIds.count - 1]
        if delta > 0, delta <= 15 {
            bytes.append(UInt8(delta) << 4 | type)
        } else {
            bytes.append(type)
            zigzag(Int64(id))
        }
        lastIds[lastIds.count - 1] = id
    }

    mutating func i32(_ id: Int16, _ v: Int32) { fieldHeader(id, FieldType.i32); zigzag(Int64(v)) }
    mutating func i64(_ id: Int16, _ v: Int64) { fieldHeader(id, FieldType.i64); zigzag(v) }
    mutating func bool(_ id: Int16, _ v: Bool) { fieldHeader(id, v ? FieldType.boolTrue : FieldType.boolFalse) }

    mutating func string(_ id: Int16, _ s: String) {
        fieldHeader(id, FieldType.binary)
        varint(UInt64(s.utf8.count))
        bytes.append(contentsOf: s.utf8)
    }

    /// A struct field whose fields `body` writes.
    mutating func structure(_ id: Int16, _ body: (inout ThriftCompactWriter) -> Void) {
        fieldHeader(id, FieldType.structure)
        structBody(body)
    }

    /// A struct's fields and its stop byte (also the top-level struct).
    mutating func structBody(_ body: (inout ThriftCompactWriter) -> Void) {
        lastIds.append(0)
        body(&self)
        bytes.append(FieldType.stop)
        lastIds.removeLast()
    }

    mutating func listHeader(_ id: Int16, count: Int, type: UInt8) {
        fieldHeader(id, FieldType.list)
        if count < 15 {
            bytes.append(UInt8(count) << 4 | type)
        } else {
            bytes.append(0xf0 | type)
            varint(UInt64(count))
        }
    }

    mutating func structList<T>(_ id: Int16, _ items: [T], _ body: (inout ThriftCompactWriter, T) -> Void) {
        listHeader(id, count: items.count, type: FieldType.structure)
        for item in items { structBody { body(&$0, item) } }
    }
}
