/// Reads Thrift's compact protocol, in which Parquet writes its footer and page headers.
///
/// Structs are read field by field through ``readStruct(_:)``: the caller handles the field ids it knows and
/// ``skip(_:)`` passes over the rest. Skipping walks nested containers with an explicit stack, so a file
/// cannot drive the reader's own stack deep; every length is checked against the bytes that remain.
struct ThriftCompactReader {
    var reader: ByteReader

    init(_ reader: ByteReader) { self.reader = reader }

    enum FieldType {
        static let stop: UInt8 = 0, boolTrue: UInt8 = 1, boolFalse: UInt8 = 2, byte: UInt8 = 3, i16: UInt8 = 4,
            i32: UInt8 = 5, i64: UInt8 = 6, double: UInt8 = 7, binary: UInt8 = 8, list: UInt8 = 9, set: UInt8 = 10,
            map: UInt8 = 11, structure: UInt8 = 12
    }

    func error(_ what: String) -> FileFormatError { reader.error(what) }

    /// Reads one struct, calling `field` with each field's id and type; `field` must consume the value.
    mutating func readStruct(_ field: (inout ThriftCompactReader, Int16, UInt8) throws(FileFormatError) -> Void)
        throws(FileFormatError)
    {
        var last: Int16 = 0
        while true {
            let header = try reader.byte()
            if header == FieldType.stop { return }
            let (id, type) = try fieldHeader(header, last: last)
            last = id
            try field(&self, id, type)
        }
    }

    private mutating func fieldHeader(_ header: UInt8, last: Int16) throws(FileFormatError) -> (Int16, UInt8) {
        let type = header & 0x0f
        let delta = Int16(header >> 4)
        if delta != 0 {
            let (id, overflow) = last.addingReportingOverflow(delta)
            guard !overflow else { throw error("a field id past 32767") }
            return (id, type)
        }
        let id = try reader.zigzag()
        guard let id16 = Int16(exactly: id) else { throw error("a field id of \(id)") }
        return (id16, type)
    }

    mutating func bool(_ type: UInt8) throws(FileFormatError) -> Bool {
        switch type {
        case FieldType.boolTrue: return true
        case FieldType.boolFalse: return false
        default: throw error("expected a boolean field, found type \(type)")
        }
    }

    mutating func i32() throws(FileFormatError) -> Int32 {
        let v = try reader.zigzag()
        guard let x = Int32(exactly: v) else { throw error("a 32-bit integer of \(v)") }
        return x
    }

    mutating func i64() throws(FileFormatError) -> Int64 { try reader.zigzag() }

    mutating func binary() throws(FileFormatError) -> UnsafeRawBufferPointer {
        let n = try reader.count(limit: reader.remaining, "a string's length")
        return try reader.slice(n, "a string")
    }

    mutating func string() throws(FileFormatError) -> String { String(decoding: try binary(), as: UTF8.self) }

    /// A list's header: its element count (at most the bytes that remain, as each element takes one) and type.
    mutating func listHeader() throws(FileFormatError) -> (count: Int, type: UInt8) {
        let header = try reader.byte()
        var count = Int(header >> 4)
        if count == 15 { count = try reader.count(limit: reader.remaining, "a list's length") }
        guard count <= reader.remaining else { throw error("a list of \(count) elements in \(reader.remaining) bytes") }
        return (count, header & 0x0f)
    }

    /// Reads a list whose elements `element` reads.
    mutating func list<T>(_ element: (inout ThriftCompactReader, UInt8) throws(FileFormatError) -> T)
        throws(FileFormatError) -> [T]
    {
        let (count, type) = try listHeader()
        var result: [T] = []
        result.reserveCapacity(count)
        for _ in 0..<count { result.append(try element(&self, type)) }
        return result
    }

    /// Passes over a value of `type`, containers included, without recursion.
    mutating func skip(_ type: UInt8) throws(FileFormatError) {
        enum Frame {
            case fields(last: Int16)
            case elements(count: Int, type: UInt8)
            case entries(count: Int, key: UInt8, value: UInt8, atKey: Bool)
        }
        var stack: [Frame] = []
        func open(_ type: UInt8, _ me: inout ThriftCompactReader) throws(FileFormatError) {
            switch type {
            case FieldType.boolTrue, FieldType.boolFalse: break
            case FieldType.byte: _ = try me.reader.byte()
            case FieldType.i16, FieldType.i32, FieldType.i64: _ = try me.reader.varint()
            case FieldType.double: _ = try me.reader.slice(8, "a double")
            case FieldType.binary: _ = try me.binary()
            case FieldType.list, FieldType.set:
                let (count, element) = try me.listHeader()
                stack.append(.elements(count: count, type: element))
            case FieldType.map:
                let count = try me.reader.count(limit: me.reader.remaining, "a map's size")
                if count > 0 {
                    let types = try me.reader.byte()
                    stack.append(.entries(count: count, key: types >> 4, value: types & 0x0f, atKey: true))
                }
            case FieldType.structure: stack.append(.fields(last: 0))
            default: throw me.error("an unknown Thrift type \(type)")
            }
        }
        try open(type, &self)
        while let top = stack.popLast() {
            switch top {
            case .fields(let last):
                let header = try reader.byte()
                if header == FieldType.stop { continue }
                let (id, type) = try fieldHeader(header, last: last)
                stack.append(.fields(last: id))
                try open(type, &self)
            case .elements(let count, let type):
                guard count > 0 else { continue }
                stack.append(.elements(count: count - 1, type: type))
                // A boolean in a list takes a byte of its own.
                if type == FieldType.boolTrue || type == FieldType.boolFalse {
                    _ = try reader.byte()
                } else {
                    try open(type, &self)
                }
            case .entries(let count, let key, let value, let atKey):
                guard count > 0 else { continue }
                stack.append(.entries(count: atKey ? count : count - 1, key: key, value: value, atKey: !atKey))
                let type = atKey ? key : value
                if type == FieldType.boolTrue || type == FieldType.boolFalse {
                    _ = try reader.byte()
                } else {
                    try open(type, &self)
                }
            }
        }
    }
}
