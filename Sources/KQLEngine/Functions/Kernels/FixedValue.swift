import Columnar

/// A Swift type that lives in a fixed-width column buffer, so kernels can read and write it
/// straight from `DataBuffer` memory without boxing.
protocol FixedValue: Sendable {
    /// Reads element `i` of a buffer of this type.
    static func load(_ base: UnsafeRawPointer, _ i: Int) -> Self
    /// Writes element `i`.
    static func store(_ base: UnsafeMutableRawPointer, _ i: Int, _ v: Self)
    /// Bytes per element in the column layout.
    static var width: Int { get }
    /// What a null slot holds (NaN for reals, as the column layout requires).
    static var nullFill: Self { get }
    /// Unboxes a non-null value of the column's type.
    static func unbox(_ v: Value) -> Self?
    /// Boxes a value as `type` (`long`, `datetime` and `timespan` share `Int64`).
    func box(_ type: ScalarType) -> Value
}

// The loads and stores below compute byte offsets with `&*`: `i` indexes a buffer that exists, so
// `i * width` is below its byte count, an Int, and cannot wrap.
extension Int64: FixedValue {
    @inline(__always) static func load(_ base: UnsafeRawPointer, _ i: Int) -> Int64 {
        base.load(fromByteOffset: i &* 8, as: Int64.self)
    }
    @inline(__always) static func store(_ base: UnsafeMutableRawPointer, _ i: Int, _ v: Int64) {
        base.storeBytes(of: v, toByteOffset: i &* 8, as: Int64.self)
    }
    static var width: Int { 8 }
    static var nullFill: Int64 { 0 }
    static func unbox(_ v: Value) -> Int64? {
        switch v {
        case .long(let x), .datetime(let x), .timespan(let x): return x
        case .int(let x): return Int64(x)
        default: return nil
        }
    }
    func box(_ type: ScalarType) -> Value {
        switch type {
        case .datetime: return .datetime(self)
        case .timespan: return .timespan(self)
        case .int: return Int32(exactly: self).map(Value.int) ?? .null
        default: return .long(self)
        }
    }
}

extension Int32: FixedValue {
    @inline(__always) static func load(_ base: UnsafeRawPointer, _ i: Int) -> Int32 {
        base.load(fromByteOffset: i &* 4, as: Int32.self)
    }
    @inline(__always) static func store(_ base: UnsafeMutableRawPointer, _ i: Int, _ v: Int32) {
        base.storeBytes(of: v, toByteOffset: i &* 4, as: Int32.self)
    }
    static var width: Int { 4 }
    static var nullFill: Int32 { 0 }
    static func unbox(_ v: Value) -> Int32? {
        if case .int(let x) = v { return x }
        return nil
    }
    func box(_ type: ScalarType) -> Value { .int(self) }
}

extension Double: FixedValue {
    @inline(__always) static func load(_ base: UnsafeRawPointer, _ i: Int) -> Double {
        base.load(fromByteOffset: i &* 8, as: Double.self)
    }
    @inline(__always) static func store(_ base: UnsafeMutableRawPointer, _ i: Int, _ v: Double) {
        base.storeBytes(of: v, toByteOffset: i &* 8, as: Double.self)
    }
    static var width: Int { 8 }
    static var nullFill: Double { .nan }
    static func unbox(_ v: Value) -> Double? {
        if case .real(let x) = v { return x }
        return nil
    }
    func box(_ type: ScalarType) -> Value { .real(self) }
}

extension Bool: FixedValue {
    @inline(__always) static func load(_ base: UnsafeRawPointer, _ i: Int) -> Bool {
        base.load(fromByteOffset: i, as: UInt8.self) != 0
    }
    @inline(__always) static func store(_ base: UnsafeMutableRawPointer, _ i: Int, _ v: Bool) {
        base.storeBytes(of: v ? 1 : 0, toByteOffset: i, as: UInt8.self)
    }
    static var width: Int { 1 }
    static var nullFill: Bool { false }
    static func unbox(_ v: Value) -> Bool? {
        if case .bool(let x) = v { return x }
        return nil
    }
    func box(_ type: ScalarType) -> Value { .bool(self) }
}
