/// Builds a FlatBuffers buffer front to back from a tree of ``FlatNode``s: each table is laid out as
/// vtable, table, then the objects it refers to, so every reference is a forward offset as the format
/// requires. Scalars are aligned to their size and 8-byte fields and struct vectors to 8, which the
/// verifiers of Arrow's readers check. The trees are Sandpiper's own (an Arrow schema and batch headers),
/// a few levels deep.
struct FlatBuilder {
    private(set) var bytes: [UInt8] = [0, 0, 0, 0]

    /// The buffer of a root table.
    static func buffer(_ root: FlatNode) -> [UInt8] {
        var b = FlatBuilder()
        let at = b.place(root)
        b.patch(0, UInt32(at))
        return b.bytes
    }

    private mutating func pad(to alignment: Int, plus offset: Int = 0) {
        while (bytes.count + offset) % alignment != 0 { bytes.append(0) }
    }

    private mutating func patch(_ at: Int, _ value: UInt32) {
        withUnsafeBytes(of: value.littleEndian) { for i in 0..<4 { bytes[at + i] = $0[i] } }
    }

    private mutating func append<T: FixedWidthInteger>(_ value: T) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    /// Writes `node` at the end and returns where a reference to it points.
    private mutating func place(_ node: FlatNode) -> Int {
        switch node {
        case .string(let text):
            pad(to: 4)
            let at = bytes.count
            append(UInt32(text.utf8.count))
            bytes.append(contentsOf: text.utf8)
            bytes.append(0)
            return at
        case .structs(let raw, let count):
            pad(to: 8, plus: 4)
            let at = bytes.count
            append(UInt32(count))
            bytes.append(contentsOf: raw)
            return at
        case .vector(let items):
            pad(to: 4)
            let at = bytes.count
            append(UInt32(items.count))
            let slots = bytes.count
            bytes.append(contentsOf: [UInt8](repeating: 0, count: 4 * items.count))
            for (i, item) in items.enumerated() {
                let target = place(item)
                patch(slots + 4 * i, UInt32(target - (slots + 4 * i)))
            }
            return at
        case .table(let fields):
            return placeTable(fields)
        }
    }

    private mutating func placeTable(_ fields: [FlatField?]) -> Int {
        // Fields by decreasing size keep each aligned once the first 8-byte one is.
        let order = fields.indices.filter { fields[$0] != nil }.sorted { fields[$0]!.size > fields[$1]!.size }
        pad(to: 2)
        let vtable = bytes.count
        let vtableSize = 4 + 2 * fields.count
        bytes.append(contentsOf: [UInt8](repeating: 0, count: vtableSize))
        pad(to: 8, plus: 4)
        let table = bytes.count
        append(Int32(table - vtable))
        var slots: [(Int, FlatNode)] = []
        for id in order {
            let at = bytes.count
            switch fields[id]! {
            case .u8(let v): append(v)
            case .i16(let v): append(v)
            case .i32(let v): append(v)
            case .i64(let v): append(v)
            case .node(let n):
                append(UInt32(0))
                slots.append((at, n))
            }
            withUnsafeBytes(of: UInt16(at - table).littleEndian) {
                bytes[vtable + 4 + 2 * id] = $0[0]; bytes[vtable + 5 + 2 * id] = $0[1]
            }
        }
        let tableSize = bytes.count - table
        withUnsafeBytes(of: UInt16(vtableSize).littleEndian) {
            bytes[vtable] = $0[0]; bytes[vtable + 1] = $0[1]
        }
        withUnsafeBytes(of: UInt16(tableSize).littleEndian) {
            bytes[vtable + 2] = $0[0]; bytes[vtable + 3] = $0[1]
        }
        for (at, node) in slots {
            let target = place(node)
            patch(at, UInt32(target - at))
        }
        return table
    }
}

/// An object of a FlatBuffers buffer being built.
indirect enum FlatNode {
    /// A table; field `i` of the schema is element `i` (nil when absent).
    case table([FlatField?])
    case string(String)
    /// A vector of tables or strings.
    case vector([FlatNode])
    /// A vector of `count` structs, given as their bytes (8-byte aligned).
    case structs([UInt8], count: Int)
}

/// A field of a table being built.
enum FlatField {
    case u8(UInt8)
    case i16(Int16)
    case i32(Int32)
    case i64(Int64)
    case node(FlatNode)

    var size: Int {
        switch self {
        case .u8: 1
        case .i16: 2
        case .i32, .node: 4
        case .i64: 8
        }
    }
}
