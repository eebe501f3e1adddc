import Foundation

/// Builds a `Column` row by row. The typed `append` methods are the fast path; `append(_ value:)`
/// accepts any boxed value of a compatible type.
public struct ColumnBuilder {
    public let type: ScalarType
    public private(set) var count = 0
    private var values: GrowableBuffer
    private var data: GrowableBuffer?
    private var validity: GrowableBuffer
    private var hasNull = false
    private var decimals: [Decimal?] = []
    private var dynamics: [Dynamic] = []

    public init(type: ScalarType, capacity: Int = 0) {
        self.type = type
        let width = type.fixedWidth ?? (type == .string ? 8 : 0)
        values = GrowableBuffer(capacity: (capacity + 1) * max(width, 1))
        validity = GrowableBuffer(capacity: Validity.byteCount(for: capacity))
        if type == .string {
            data = GrowableBuffer(capacity: capacity * 8)
            values.append(Int64(0))
        }
        if type == .decimal { decimals.reserveCapacity(capacity) }
        if type == .dynamic { dynamics.reserveCapacity(capacity) }
    }

    private mutating func markValid(_ valid: Bool) {
        if count % 8 == 0 { validity.append(UInt8(0)) }
        if valid {
            Validity.set(validity.pointer, count, true)
        } else {
            hasNull = true
        }
        count += 1
    }

    public mutating func appendNull() {
        switch type {
        case .bool: values.append(UInt8(0))
        case .int: values.append(Int32(0))
        case .real: values.append(Double.nan)
        case .long, .datetime, .timespan: values.append(Int64(0))
        case .guid: values.append((UInt64(0), UInt64(0)))
        case .string: values.append(Int64(data!.count))
        case .decimal: decimals.append(nil)
        case .dynamic: dynamics.append(.null)
        }
        markValid(false)
    }

    public mutating func append(bool v: Bool) { values.append(UInt8(v ? 1 : 0)); markValid(true) }
    public mutating func append(int v: Int32) { values.append(v); markValid(true) }
    /// Appends to a `long`, `datetime` or `timespan` column.
    public mutating func append(long v: Int64) { values.append(v); markValid(true) }
    public mutating func append(real v: Double) { values.append(v); markValid(true) }
    /// Appends a decimal; Foundation's NaN (what an overflowing decimal operation gives) is null in KQL.
    public mutating func append(decimal v: Decimal) {
        if v.isNaN { appendNull(); return }
        decimals.append(v); markValid(true)
    }
    public mutating func append(dynamic v: Dynamic) { dynamics.append(v); markValid(v != .null) }

    public mutating func append(guid v: UUID) {
        var u = v.uuid
        withUnsafeBytes(of: &u) { values.append(bytes: $0) }
        markValid(true)
    }

    public mutating func append(string s: String) {
        var s = s
        s.withUTF8 { data!.append(bytes: UnsafeRawBufferPointer($0)) }
        values.append(Int64(data!.count))
        markValid(true)
    }

    public mutating func append(utf8 bytes: UnsafeRawBufferPointer) {
        data!.append(bytes: bytes)
        values.append(Int64(data!.count))
        markValid(true)
    }

    /// Appends row `i` of `column`, which must have this builder's type.
    public mutating func append(from column: Column, row i: Int) {
        precondition(column.type == type, "column type \(column.type) appended to a \(type) builder")
        if column.isNull(i) { appendNull(); return }
        switch type {
        case .bool: values.append(column.bools[i])
        case .int: values.append(column.ints[i])
        case .long, .datetime, .timespan: values.append(column.longs[i])
        case .real: values.append(column.reals[i])
        case .guid: values.append(bytes: UnsafeRawBufferPointer(start: column.values!.pointer + i * 16, count: 16))
        case .string: append(utf8: column.utf8(i)); return
        case .decimal: append(decimal: column.value(i).decimalValue ?? 0); return
        case .dynamic: append(dynamic: column.value(i).asDynamic); return
        }
        markValid(true)
    }

    /// Appends a boxed value, converting between numeric types where KQL does so implicitly.
    /// A value of an incompatible type is a programming error.
    public mutating func append(_ value: Value) {
        if case .null = value { appendNull(); return }
        switch (type, value) {
        case (.bool, .bool(let b)): append(bool: b)
        case (.int, .int(let v)): append(int: v)
        case (.int, .long(let v)):
            // A long that does not fit an int is null, never its low 32 bits.
            if let x = Int32(exactly: v) { append(int: x) } else { appendNull() }
        case (.long, .long(let v)): append(long: v)
        case (.long, .int(let v)): append(long: Int64(v))
        case (.real, .real(let v)): append(real: v)
        case (.real, .int(let v)): append(real: Double(v))
        case (.real, .long(let v)): append(real: Double(v))
        case (.real, .decimal(let v)): append(real: NSDecimalNumber(decimal: v).doubleValue)
        case (.decimal, .decimal(let v)): append(decimal: v)
        case (.decimal, .long(let v)): append(decimal: Decimal(v))
        case (.decimal, .int(let v)): append(decimal: Decimal(Int(v)))
        case (.decimal, .real(let v)): append(decimal: Decimal(v))
        case (.datetime, .datetime(let v)): append(long: v)
        case (.timespan, .timespan(let v)): append(long: v)
        case (.guid, .guid(let g)): append(guid: g)
        case (.string, .string(let s)): append(string: s)
        case (.dynamic, _): append(dynamic: value.asDynamic)
        default: preconditionFailure("\(value) appended to a \(type) column")
        }
    }

    /// Finishes the column; the builder must not be used afterwards.
    public consuming func finish() -> Column {
        let bitmap: DataBuffer?
        if hasNull {
            bitmap = validity.finish()
        } else {
            validity.discard()
            bitmap = nil
        }
        switch type {
        case .decimal:
            values.discard()
            return Column(type: type, count: count, validity: bitmap, values: nil, objects: .decimals(decimals))
        case .dynamic:
            values.discard()
            return Column(type: type, count: count, validity: bitmap, values: nil, objects: .dynamics(dynamics))
        case .string:
            return Column(type: type, count: count, validity: bitmap, values: values.finish(), data: data!.finish())
        default:
            return Column(type: type, count: count, validity: bitmap, values: values.finish())
        }
    }
}

extension Value {
    var decimalValue: Decimal? {
        switch self {
        case .decimal(let d): return d
        case .long(let v): return Decimal(v)
        case .int(let v): return Decimal(Int(v))
        case .real(let v): return Decimal(v)
        default: return nil
        }
    }
}
