import Foundation

/// A typed, immutable column of `count` values with an optional validity bitmap.
///
/// Layout per type (what crosses to Python through shared memory):
/// - `bool` 1 byte, `int` Int32, `long` Int64, `real` Float64 (a null is also NaN in the values),
///   `datetime`/`timespan` Int64 nanoseconds, `guid` 16 bytes (RFC 4122 byte order);
/// - `string`: `count + 1` Int64 offsets in `values` and UTF-8 bytes in `data` (Arrow `large_string`);
/// - `decimal` and `dynamic`: boxed values in `objects` (they are converted when they cross).
///
/// Buffers may be adopted from memory the engine does not own; the column keeps them alive.
public struct Column: Sendable {
    public let type: ScalarType
    public let count: Int
    /// Validity bitmap (1 = value present); nil when no value is null.
    public let validity: DataBuffer?
    /// Fixed-width values, or the offsets of a string column.
    public let values: DataBuffer?
    /// UTF-8 bytes of a string column.
    public let data: DataBuffer?
    /// Boxed values of `decimal` and `dynamic` columns.
    public let objects: ObjectStorage?

    /// Boxed storage for the types that have no flat layout.
    public enum ObjectStorage: Sendable {
        case decimals([Decimal?])
        case dynamics([Dynamic])
    }

    /// Assembles a column from buffers; the caller guarantees they match the layout above.
    public init(
        type: ScalarType, count: Int, validity: DataBuffer?, values: DataBuffer?,
        data: DataBuffer? = nil, objects: ObjectStorage? = nil
    ) {
        self.type = type; self.count = count; self.validity = validity
        self.values = values; self.data = data; self.objects = objects
    }

    /// Whether row `i` is null. A `dynamic` null counts as null.
    @inlinable
    public func isNull(_ i: Int) -> Bool {
        if let validity, !Validity.isValid(validity.pointer, i) { return true }
        if case .dynamics(let d)? = objects, case .null = d[i] { return true }
        if case .decimals(let d)? = objects, d[i] == nil { return true }
        return false
    }

    /// Number of null rows.
    public var nullCount: Int {
        switch objects {
        case .dynamics(let d)?: return d.reduce(0) { $0 + ($1 == .null ? 1 : 0) }
        case .decimals(let d)?: return d.reduce(0) { $0 + ($1 == nil ? 1 : 0) }
        case nil: return validity.map { Validity.nullCount($0.pointer, count: count) } ?? 0
        }
    }

    /// The fixed-width values viewed as `T`. Valid while this column (or its buffer) is alive.
    @inlinable
    public func fixed<T>(_ type: T.Type) -> UnsafeBufferPointer<T> {
        guard let values else { return UnsafeBufferPointer(start: nil, count: 0) }
        return UnsafeBufferPointer(values.typed(T.self, count: count))
    }

    public var bools: UnsafeBufferPointer<UInt8> { fixed(UInt8.self) }
    public var ints: UnsafeBufferPointer<Int32> { fixed(Int32.self) }
    /// `long`, `datetime` and `timespan` values.
    public var longs: UnsafeBufferPointer<Int64> { fixed(Int64.self) }
    public var reals: UnsafeBufferPointer<Double> { fixed(Double.self) }

    /// The string offsets (`count + 1` of them).
    public var offsets: UnsafeBufferPointer<Int64> {
        guard let values else { return UnsafeBufferPointer(start: nil, count: 0) }
        return UnsafeBufferPointer(values.typed(Int64.self, count: count + 1))
    }

    /// The UTF-8 bytes of row `i` of a string column (empty for null).
    @inlinable
    public func utf8(_ i: Int) -> UnsafeRawBufferPointer {
        let o = values!.pointer.assumingMemoryBound(to: Int64.self)
        let start = Int(o[i]), end = Int(o[i + 1])
        return UnsafeRawBufferPointer(start: data!.pointer + start, count: end - start)
    }

    /// Row `i` of a string column as a Swift string (empty for null).
    public func string(_ i: Int) -> String {
        String(decoding: utf8(i), as: UTF8.self)
    }

    /// Row `i` of a guid column.
    public func guid(_ i: Int) -> UUID {
        var t: uuid_t = (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        withUnsafeMutableBytes(of: &t) {
            $0.copyMemory(from: UnsafeRawBufferPointer(start: values!.pointer + i * 16, count: 16))
        }
        return UUID(uuid: t)
    }

    /// Row `i` boxed. Slow path: operators should use the typed accessors.
    public func value(_ i: Int) -> Value {
        if isNull(i) { return type == .dynamic ? .dynamic(.null) : .null }
        switch type {
        case .bool: return .bool(bools[i] != 0)
        case .int: return .int(ints[i])
        case .long: return .long(longs[i])
        case .real: return .real(reals[i])
        case .datetime: return .datetime(longs[i])
        case .timespan: return .timespan(longs[i])
        case .guid: return .guid(guid(i))
        case .string: return .string(string(i))
        case .decimal:
            guard case .decimals(let d)? = objects, let v = d[i] else { return .null }
            return .decimal(v)
        case .dynamic:
            guard case .dynamics(let d)? = objects else { return .dynamic(.null) }
            return .dynamic(d[i])
        }
    }

    /// All rows boxed.
    public var boxedValues: [Value] { (0..<count).map(value) }
}
