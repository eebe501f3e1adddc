import Columnar

/// `hash(x [, mod])`: the xxHash64 of `x` as a long (strings hash their UTF-8 bytes, numbers their
/// 8-byte little-endian value, datetimes and timespans their 8-byte count of 100-nanosecond ticks — since
/// 0001-01-01 for a datetime, as ADX stores them, which gives the reference's value for
/// `hash(datetime("2015-01-01"))` — and other values their text); with `mod`, the non-negative
/// remainder. `hash_xxhash64(x [, mod])` is the same function under its explicit name.
struct HashFunction: ScalarFunction {
    let name: String
    init(name: String = "hash") { self.name = name }
    func returnType(_ args: [ArgumentInfo]) throws(FunctionError) -> ScalarType {
        try Signature.check(name, args, [.any, .integer], arity: 1...2); return .long
    }

    /// .NET ticks (100 ns) from 0001-01-01 to 1970-01-01. Adding it to a datetime's ticks cannot overflow:
    /// nanoseconds / 100 stay within ±9.3e16 and this is 6.2e17.
    static let ticksAtEpoch: Int64 = 621_355_968_000_000_000

    static func hash(_ v: Value) -> UInt64? {
        func bytes<T>(_ x: T) -> UInt64 { withUnsafeBytes(of: x) { XXHash64.hash($0) } }
        switch v {
        case .null: return nil
        case .string(let s): return XXHash64.hash(string: s)
        case .int(let x): return bytes(Int64(x).littleEndian)
        case .long(let x): return bytes(x.littleEndian)
        case .datetime(let x): return bytes((CalendarMath.floorDiv(x, 100) + ticksAtEpoch).littleEndian)
        case .timespan(let x): return bytes(CalendarMath.floorDiv(x, 100).littleEndian)
        case .real(let x): return bytes(x.bitPattern.littleEndian)
        case .bool(let b): return bytes(Int64(b ? 1 : 0).littleEndian)
        default: return XXHash64.hash(string: v.text)
        }
    }

    func evaluate(_ args: [ColumnarValue], context: FunctionContext) throws(FunctionError) -> ColumnarValue {
        try Kernel.boxed(args, out: .long, rows: context.rowCount) { (r: [Value]) -> Value in
            guard let h = Self.hash(r[0]) else { return .null }
            if r.count > 1 {
                guard let m = Numeric.long(r[1]), m > 0 else { return .null }
                return .long(Int64(h % UInt64(m)))
            }
            return .long(Int64(bitPattern: h))
        }
    }
}
