import Columnar

/// An Arrow logical type, as `Schema.fbs` declares it (the members Sandpiper reads or writes).
enum ArrowType: Equatable {
    case null
    case int(bits: Int, signed: Bool)
    /// 16, 32 or 64 bits.
    case float(bits: Int)
    case binary(large: Bool), utf8(large: Bool), binaryView, utf8View
    case fixedSizeBinary(Int)
    case bool
    case decimal(precision: Int, scale: Int, bits: Int)
    /// Days (32 bits) or milliseconds (64 bits) since the epoch.
    case date(days: Bool)
    /// The nanoseconds in one unit of time (1e9 for seconds … 1 for nanoseconds), and the stored width.
    case time(nanos: Int64, bits: Int)
    case timestamp(nanos: Int64, timezone: String?)
    case duration(nanos: Int64)
    case list(large: Bool), fixedSizeList(Int), structure, map
    /// A type this reader does not convert (interval, union, run-end encoded, list views), by name.
    case other(String)

    /// The nanoseconds in one `TimeUnit` (SECOND, MILLISECOND, MICROSECOND, NANOSECOND), or nil.
    static func unitNanos(_ unit: Int16) -> Int64? {
        switch unit {
        case 0: 1_000_000_000
        case 1: 1_000_000
        case 2: 1000
        case 3: 1
        default: nil
        }
    }

    /// The `TimeUnit` of a number of nanoseconds ``unitNanos(_:)`` gave.
    static func unit(ofNanos nanos: Int64) -> Int16 {
        switch nanos {
        case 1_000_000_000: 0
        case 1_000_000: 1
        case 1000: 2
        default: 3
        }
    }
}

/// A field of an Arrow schema: name, type, children (for nested types), and the dictionary its values are
/// indices into, when dictionary-encoded.
struct ArrowField {
    var name: String
    var nullable: Bool
    var type: ArrowType
    var children: [ArrowField]
    /// The dictionary id and the index type, when the column is dictionary-encoded.
    var dictionary: (id: Int64, indexBits: Int, signed: Bool)?
    /// `ARROW:extension:name` from the field's metadata (`arrow.uuid`, `arrow.json`), when present.
    var extensionName: String?

    /// The deepest nesting a schema may have: the readers recurse over it, and no real schema comes near.
    static let maxDepth = 64

    /// The KQL type of the column: nested values are `dynamic`, binary is base64 text.
    var kqlType: ScalarType {
        switch type {
        case .null, .list, .fixedSizeList, .structure, .map, .other: return .dynamic
        case .int(let bits, let signed): return bits < 32 || (bits == 32 && signed) ? .int : .long
        case .float: return .real
        case .bool: return .bool
        case .utf8, .utf8View: return extensionName == "arrow.json" ? .dynamic : .string
        case .fixedSizeBinary(16) where extensionName == "arrow.uuid": return .guid
        case .binary, .binaryView, .fixedSizeBinary: return .string
        case .decimal: return .decimal
        case .date, .timestamp: return .datetime
        case .time, .duration: return .timespan
        }
    }

    /// Reads the fields of a `Schema` table, refusing big-endian data and nesting past ``maxDepth``.
    static func fields(of schema: FlatTable) throws(FileFormatError) -> [ArrowField] {
        guard try schema.scalar(0, default: Int16(0)) == 0 else {
            throw FileFormatError(
                .unsupported, "\(schema.file): the data is big-endian, which this reader does not read",
                hint: "write the file again on a little-endian machine")
        }
        return try (schema.tables(1) ?? []).map { (f) throws(FileFormatError) in try field(f, depth: 1) }
    }

    private static func field(_ t: FlatTable, depth: Int) throws(FileFormatError) -> ArrowField {
        guard depth <= maxDepth else {
            throw FileFormatError.malformed(t.file, at: t.base + t.position, "a schema nested deeper than \(maxDepth)")
        }
        let name = try t.string(0) ?? ""
        let typeTag: UInt8 = try t.scalar(2)
        let typeTable = try t.table(3)
        let type = try decodeType(typeTag, typeTable, file: t.file, at: t.base + t.position)
        var children: [ArrowField] = []
        for child in try t.tables(5) ?? [] { children.append(try field(child, depth: depth + 1)) }
        var dictionary: (id: Int64, indexBits: Int, signed: Bool)?
        if let d = try t.table(4) {
            let index = try d.table(1)
            let bits = Int(try index?.scalar(0, default: Int32(32)) ?? 32)
            guard [8, 16, 32, 64].contains(bits) else {
                throw FileFormatError.malformed(t.file, at: t.base + d.position, "a dictionary index of \(bits) bits")
            }
            dictionary = (try d.scalar(0, default: Int64(0)), bits, try index?.bool(1) ?? true)
        }
        var extensionName: String?
        for kv in try t.tables(6) ?? [] where try kv.string(0) == "ARROW:extension:name" {
            extensionName = try kv.string(1)
        }
        let field = ArrowField(
            name: name, nullable: try t.bool(1), type: type, children: children, dictionary: dictionary,
            extensionName: extensionName)
        try field.checkChildren(at: t.base + t.position)
        return field
    }

    /// Nested types need their children; the readers rely on it.
    private func checkChildren(at offset: Int) throws(FileFormatError) {
        let need: Int? =
            switch type {
            case .list, .fixedSizeList: 1
            case .map: 1
            case .structure: nil
            default: 0
            }
        if let need, children.count != need {
            throw FileFormatError(
                .data, "field '\(name)' of type \(type) has \(children.count) children, not \(need)",
                hint: "the file is damaged or was not written by an Arrow writer; write it again")
        }
        if type == .map, children[0].type != .structure || children[0].children.count != 2 {
            throw FileFormatError(
                .data, "map field '\(name)' does not hold key-value entries",
                hint: "the file is damaged or was not written by an Arrow writer; write it again")
        }
    }

    private static func decodeType(_ tag: UInt8, _ t: FlatTable?, file: String, at offset: Int)
        throws(FileFormatError) -> ArrowType
    {
        func need() throws(FileFormatError) -> FlatTable {
            guard let t else { throw FileFormatError.malformed(file, at: offset, "type \(tag) without its parameters") }
            return t
        }
        func unit(_ u: Int16) throws(FileFormatError) -> Int64 {
            guard let n = ArrowType.unitNanos(u) else {
                throw FileFormatError.malformed(file, at: offset, "a time unit numbered \(u)")
            }
            return n
        }
        switch tag {
        case 1: return .null
        case 2:
            let t = try need()
            let bits = Int(try t.scalar(0, default: Int32(0)))
            guard [8, 16, 32, 64].contains(bits) else {
                throw FileFormatError.malformed(file, at: offset, "an integer of \(bits) bits")
            }
            return .int(bits: bits, signed: try t.bool(1))
        case 3:
            switch try need().scalar(0, default: Int16(0)) {
            case 0: return .float(bits: 16)
            case 1: return .float(bits: 32)
            case 2: return .float(bits: 64)
            case let p: throw FileFormatError.malformed(file, at: offset, "a floating-point precision numbered \(p)")
            }
        case 4: return .binary(large: false)
        case 5: return .utf8(large: false)
        case 6: return .bool
        case 7:
            let t = try need()
            let bits = Int(try t.scalar(2, default: Int32(128)))
            guard [32, 64, 128, 256].contains(bits) else {
                throw FileFormatError.malformed(file, at: offset, "a decimal of \(bits) bits")
            }
            let scale = Int(try t.scalar(1, default: Int32(0)))
            guard (-76...76).contains(scale) else {
                throw FileFormatError.malformed(file, at: offset, "a decimal scale of \(scale)")
            }
            return .decimal(precision: Int(try t.scalar(0, default: Int32(0))), scale: scale, bits: bits)
        case 8: return .date(days: try t?.scalar(0, default: Int16(1)) == 0)
        case 9:
            let bits = Int(try t?.scalar(1, default: Int32(32)) ?? 32)
            guard bits == 32 || bits == 64 else {
                throw FileFormatError.malformed(file, at: offset, "a time of day of \(bits) bits")
            }
            return .time(nanos: try unit(try t?.scalar(0, default: Int16(1)) ?? 1), bits: bits)
        case 10:
            return .timestamp(nanos: try unit(try need().scalar(0, default: Int16(0))), timezone: try t?.string(1))
        case 11: return .other("interval")
        case 12: return .list(large: false)
        case 13: return .structure
        case 14: return .other("union")
        case 15:
            let width = Int(try need().scalar(0, default: Int32(0)))
            guard width >= 0 else { throw FileFormatError.malformed(file, at: offset, "a binary width of \(width)") }
            return .fixedSizeBinary(width)
        case 16:
            let size = Int(try need().scalar(0, default: Int32(0)))
            guard size >= 0 else { throw FileFormatError.malformed(file, at: offset, "a list size of \(size)") }
            return .fixedSizeList(size)
        case 17: return .map
        case 18: return .duration(nanos: try unit(try t?.scalar(0, default: Int16(1)) ?? 1))
        case 19: return .binary(large: true)
        case 20: return .utf8(large: true)
        case 21: return .list(large: true)
        case 22: return .other("run-end encoded")
        case 23: return .binaryView
        case 24: return .utf8View
        case 25: return .other("list view")
        case 26: return .other("large list view")
        default: throw FileFormatError.malformed(file, at: offset, "a field type numbered \(tag)")
        }
    }
}
