import Columnar
import SystemCalls

/// The byte layout of a table in one shared-memory region (version 2).
///
/// ```
/// 0    header (64 bytes): magic "SPT1", version, row count, column count, total bytes
/// 64   one 96-byte descriptor per column: wire type, name offset/length, null count,
///      validity/values/data offset+length (offset 0 and length 0 when absent),
///      then (at 80, 84, 88) the UInt32 block of each of those three buffers
/// ...  column names (UTF-8), then every buffer, each starting on a 64-byte boundary
/// ```
/// A buffer's block is 0 when it lies in the region itself, and `k` when it lies in the `k`-th
/// block that travels with the region (a memfd of the engine's own column buffers, sent after the
/// request's three fds): large buffers go by reference instead of being copied. Its offset and
/// length are then inside that block. A result may reference its input's blocks the same way, for
/// columns the script returned unmodified.
/// Buffers follow Arrow's layouts so numpy and pyarrow can view them without copying:
/// - validity: Arrow's LSB-first bitmap, omitted when the column has no null;
/// - `bool` 1 byte per value (0 or 1), `int` Int32, `long` Int64, `real` Float64 with NaN at nulls,
///   `datetime`/`timespan` Int64 nanoseconds with Int64.min (numpy's NaT) at nulls, `guid` 16 bytes;
/// - `string`: `rows + 1` Int64 offsets (values) and UTF-8 bytes (data), Arrow's `large_string`;
///   offsets start at 0, except for a referenced slice of a longer column, whose offsets index
///   the whole referenced data buffer;
/// - `decimal`: Float64 like `real` — numpy has no decimal type and pandas users get floats anyway,
///   so a decimal loses digits beyond ~15 significant ones when it crosses;
/// - `dynamic`: compact JSON text per row in the string layout; a dynamic null is a validity 0.
public enum SharedTableLayout {
    public static let magic: UInt32 = 0x3154_5053  // "SPT1" little-endian
    public static let version: UInt32 = 2
    public static let headerBytes = 64
    public static let descriptorBytes = 96
    public static let alignment = 64
    /// The value numpy reads as NaT in a datetime64/timedelta64 array.
    public static let nat = Int64.min
    /// Most rows a table on the wire may have. A result whose header claims more is refused: a
    /// DataFrame with no columns can claim any number of rows at no cost, and every count must leave
    /// room for the reader's arithmetic (`rows + 1` offsets of 16 bytes at most).
    public static let maxRows = Int(Int32.max)
    /// The page size regions are sized in.
    public static let pageBytes = SharedMemory.pageSize
    /// Most columns a table on the wire may have.
    public static let maxColumns = (1 << 20) - 1

    /// Rounds `n` up to the buffer alignment.
    @inlinable
    public static func aligned(_ n: Int) -> Int { (n + alignment - 1) & ~(alignment - 1) }

    /// The stable wire code of a type (independent of Swift's enum order).
    public static func code(of type: ScalarType) -> UInt8 {
        switch type {
        case .bool: return 1
        case .int: return 2
        case .long: return 3
        case .real: return 4
        case .decimal: return 5
        case .datetime: return 6
        case .timespan: return 7
        case .guid: return 8
        case .string: return 9
        case .dynamic: return 10
        }
    }

    /// The type of a wire code, or nil for an unknown code.
    public static func type(ofCode code: UInt8) -> ScalarType? {
        switch code {
        case 1: return .bool
        case 2: return .int
        case 3: return .long
        case 4: return .real
        case 5: return .decimal
        case 6: return .datetime
        case 7: return .timespan
        case 8: return .guid
        case 9: return .string
        case 10: return .dynamic
        default: return nil
        }
    }

    /// Bytes per value in the values buffer on the wire (offsets for the string layouts).
    public static func valueWidth(_ type: ScalarType) -> Int {
        switch type {
        case .bool: return 1
        case .int: return 4
        case .long, .real, .decimal, .datetime, .timespan, .string, .dynamic: return 8
        case .guid: return 16
        }
    }

    /// True for the types carried as offsets + UTF-8 bytes.
    public static func usesStringLayout(_ type: ScalarType) -> Bool { type == .string || type == .dynamic }
}

/// One column's place in a region: where its name and buffers are.
public struct ColumnExtent: Sendable, Hashable {
    public var name: String
    public var type: ScalarType
    public var nullCount: Int
    public var validity: Range<Int>?
    public var values: Range<Int>
    public var data: Range<Int>?
    /// The block each buffer lies in (0: the region; see `SharedTableLayout`).
    public var validityBlock = 0, valuesBlock = 0, dataBlock = 0

    public init(
        name: String, type: ScalarType, nullCount: Int, validity: Range<Int>?, values: Range<Int>, data: Range<Int>?
    ) {
        self.name = name; self.type = type; self.nullCount = nullCount
        self.validity = validity; self.values = values; self.data = data
    }
}

/// A buffer placed by reference: its block (1 or more) and its bytes in that block.
public struct BufferReference: Sendable, Hashable {
    public var block: Int
    public var range: Range<Int>
    public init(block: Int, range: Range<Int>) { self.block = block; self.range = range }
}

/// What a writer needs to know about one column before placing it.
public struct ColumnSizing: Sendable {
    public var name: String
    public var type: ScalarType
    public var nullCount: Int
    /// UTF-8 bytes of a string-layout column; 0 otherwise.
    public var dataBytes: Int
    /// Buffers that are not copied into the region but referenced in a block.
    public var validityReference: BufferReference?, valuesReference: BufferReference?, dataReference: BufferReference?
    public init(name: String, type: ScalarType, nullCount: Int, dataBytes: Int = 0) {
        self.name = name; self.type = type; self.nullCount = nullCount; self.dataBytes = dataBytes
    }
}

/// The placement of every buffer of a table, computed before any byte is written.
public struct SharedTablePlan: Sendable {
    public var rowCount: Int
    public var columns: [ColumnExtent]
    /// Bytes the region must hold.
    public var totalBytes: Int

    /// Places `sizings` for `rowCount` rows: header, descriptors, names, then 64-byte aligned buffers.
    public init(rowCount: Int, sizings: [ColumnSizing]) {
        self.rowCount = rowCount
        var cursor = SharedTableLayout.headerBytes + SharedTableLayout.descriptorBytes * sizings.count
        for s in sizings { cursor += s.name.utf8.count }
        var extents: [ColumnExtent] = []
        extents.reserveCapacity(sizings.count)
        func take(_ n: Int) -> Range<Int> {
            cursor = SharedTableLayout.aligned(cursor)
            defer { cursor += n }
            return cursor..<(cursor + n)
        }
        for s in sizings {
            let validity = s.nullCount > 0 ? s.validityReference?.range ?? take(Validity.byteCount(for: rowCount)) : nil
            let isString = SharedTableLayout.usesStringLayout(s.type)
            let values =
                s.valuesReference?.range ?? take(SharedTableLayout.valueWidth(s.type) * (rowCount + (isString ? 1 : 0)))
            let data = isString ? s.dataReference?.range ?? take(s.dataBytes) : nil
            var e = ColumnExtent(
                name: s.name, type: s.type, nullCount: s.nullCount, validity: validity, values: values, data: data)
            if s.nullCount > 0 { e.validityBlock = s.validityReference?.block ?? 0 }
            e.valuesBlock = s.valuesReference?.block ?? 0
            if isString { e.dataBlock = s.dataReference?.block ?? 0 }
            extents.append(e)
        }
        self.columns = extents
        self.totalBytes = SharedTableLayout.aligned(cursor)
    }

    /// Writes the header, descriptors and names at `base` (which must hold `totalBytes`).
    public func writeHeader(at base: UnsafeMutableRawPointer) {
        base.storeBytes(of: SharedTableLayout.magic.littleEndian, toByteOffset: 0, as: UInt32.self)
        base.storeBytes(of: SharedTableLayout.version.littleEndian, toByteOffset: 4, as: UInt32.self)
        base.storeBytes(of: Int64(rowCount), toByteOffset: 8, as: Int64.self)
        base.storeBytes(of: Int64(columns.count), toByteOffset: 16, as: Int64.self)
        base.storeBytes(of: Int64(totalBytes), toByteOffset: 24, as: Int64.self)
        (base + 32).initializeMemory(as: UInt8.self, repeating: 0, count: 32)
        var nameCursor = SharedTableLayout.headerBytes + SharedTableLayout.descriptorBytes * columns.count
        for (i, c) in columns.enumerated() {
            let d = base + SharedTableLayout.headerBytes + i * SharedTableLayout.descriptorBytes
            d.initializeMemory(as: UInt8.self, repeating: 0, count: SharedTableLayout.descriptorBytes)
            d.storeBytes(of: SharedTableLayout.code(of: c.type), as: UInt8.self)
            var name = c.name
            let nameLength = name.withUTF8 { u -> Int in
                if let p = u.baseAddress { (base + nameCursor).copyMemory(from: p, byteCount: u.count) }
                return u.count
            }
            let fields: [Int] = [
                nameCursor, nameLength, c.nullCount,
                c.validity?.lowerBound ?? 0, c.validity?.count ?? 0,
                c.values.lowerBound, c.values.count,
                c.data?.lowerBound ?? 0, c.data?.count ?? 0,
            ]
            for (k, v) in fields.enumerated() { d.storeBytes(of: Int64(v), toByteOffset: 8 + 8 * k, as: Int64.self) }
            for (k, b) in [c.validityBlock, c.valuesBlock, c.dataBlock].enumerated() {
                d.storeBytes(of: UInt32(b).littleEndian, toByteOffset: 80 + 4 * k, as: UInt32.self)
            }
            nameCursor += nameLength
        }
    }
}
