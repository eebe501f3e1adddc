import Columnar

/// `hash_combine(h1, h2, ...)`: one long from several hash values, folded left to right with a 64-bit
/// mix (`a ^ (b + 0x9e3779b97f4a7c15 + (a << 6) + (a >> 2))`), so the order of the hashes matters.
/// `hash_many(x1, x2, ...)` is `hash_combine(hash(x1), hash(x2), ...)`. Any null argument gives null.
///
/// ADX's own mix is not published: the reference says only that the algorithm may change and should be
/// relied on within one query, and its one example pins a single value (`hash_combine(hash("Hello"),
/// hash("World"))` = -1440138333540407281, with both hashes matching ours). None of the usual mixes gives
/// that value: boost's and the 64-bit golden-ratio variant (from seed 0 or the first hash, either order),
/// .NET's tuple combine `((a << 5) + a) ^ b`, `a * p + b` and `(a * p) ^ b` for the common primes (31, 37,
/// 397, FNV, xxHash's and murmur's constants) with and without a murmur/xxHash finalizer, rotations
/// with xor or add, xxHash64 rounds, and xxHash64 of the two longs' 16 bytes (seed 0 or either hash). So
/// combined values differ from ADX's numbers, while `hash_many` and `hash_combine` agree with each other
/// as documented.
struct HashCombineFunction: ScalarFunction {
    let name: String
    /// True for `hash_many`, which hashes each argument first.
    let hashesArguments: Bool
    static let combine = HashCombineFunction(name: "hash_combine", hashesArguments: false)
    static let many = HashCombineFunction(name: "hash_many", hashesArguments: true)

    func returnType(_ args: [ArgumentInfo]) throws(FunctionError) -> ScalarType {
        try Signature.check(name, args, [hashesArguments ? .any : .integer], arity: 2...64); return .long
    }

    static func mix(_ a: UInt64, _ b: UInt64) -> UInt64 {
        a ^ (b &+ 0x9e37_79b9_7f4a_7c15 &+ (a << 6) &+ (a >> 2))
    }

    func evaluate(_ args: [ColumnarValue], context: FunctionContext) throws(FunctionError) -> ColumnarValue {
        let hashesArguments = self.hashesArguments
        return try Kernel.boxed(args, out: .long, rows: context.rowCount) { (r: [Value]) -> Value in
            var acc: UInt64?
            for v in r {
                let h: UInt64?
                if hashesArguments {
                    h = HashFunction.hash(v)
                } else {
                    h = Numeric.long(ValueOrder.unwrap(v)).map { UInt64(bitPattern: $0) }
                }
                guard let h else { return .null }
                acc = acc.map { Self.mix($0, h) } ?? h
            }
            return acc.map { .long(Int64(bitPattern: $0)) } ?? .null
        }
    }
}
